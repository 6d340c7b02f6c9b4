import { Component, type ReactNode } from 'react';
import { ErrorState } from './states';

/**
 * Catches what a route throws while rendering, notably a lazily loaded page whose chunk failed to
 * load (offline, or replaced by a new deployment), so the rest of the app stays usable. React itself
 * reports the error to the console.
 */
export class RouteErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return (
        <div className="page">
          <div className="card card-flush">
            <ErrorState error={this.state.error} onRetry={() => window.location.reload()} />
          </div>
        </div>
      );
    }
    return this.props.children;
  }
}
