// What the directory's pages of one record share: the state until the record arrives, and the
// frame around it (the way back to its list, its name and a line about it).
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ErrorState, LoadingState } from '../../components/states';
import { useI18n } from '../../i18n';
import { RecordError } from './common';

/** Until the record arrives: the spinner, or why it failed to load (see RecordError). */
export function RecordPending({ error, backTo, onRetry }: { error: unknown; backTo: string; onRetry: () => void }) {
  return error ? <RecordError error={error} backTo={backTo} onRetry={onRetry} /> : <LoadingState />;
}

/**
 * A record's page: the link back to `backTo`, its title with `meta` beneath, then `children`, and
 * last the error of a reload that failed while the record loaded before is still shown.
 */
export function RecordPage({
  testId,
  backTo,
  title,
  meta,
  error,
  onRetry,
  children,
}: {
  testId: string;
  backTo: string;
  title: string;
  meta: ReactNode;
  error: unknown;
  onRetry: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="page" data-testid={testId}>
      <Link to={backTo} className="back-link">
        ← {t('directory.back')}
      </Link>
      <div className="page-header detail-header">
        <div>
          <h1>{title}</h1>
          <p className="muted detail-meta">{meta}</p>
        </div>
      </div>
      {children}
      {error ? <ErrorState error={error} onRetry={onRetry} /> : null}
    </div>
  );
}
