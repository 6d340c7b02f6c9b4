// The frame of a list page: its title, subtitle and actions, then one card with the filter bar
// above the list.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

export function ListPage({
  testId,
  title,
  subtitle,
  actions,
  filters,
  children,
}: {
  testId: string;
  title: string;
  subtitle: string;
  /** Buttons or links beside the title (e.g. "new"). */
  actions?: ReactNode;
  /** The controls of the filter bar. */
  filters: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="page" data-testid={testId}>
      <div className="page-header">
        <div>
          <h1>{title}</h1>
          <p className="muted">{subtitle}</p>
        </div>
        {actions}
      </div>
      <section className="card card-flush">
        <div className="filters" aria-label={t('filters.label')}>
          {filters}
        </div>
        {children}
      </section>
    </div>
  );
}
