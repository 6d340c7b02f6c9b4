import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { ESCALATIONS } from '../graphql/operations';
import { ESCALATION_STATUS_TONES, ESCALATION_TYPE_TONES, STAGE_TONES } from '../domain';
import { useI18n } from '../i18n';
import { Badge } from '../components/Badge';
import { EmptyRow, ErrorState, LoadingState } from '../components/states';

const POLL_INTERVAL_MS = 2_000;

export function EscalationsPage() {
  const { t, formatDateTime, formatNumber } = useI18n();
  const { data, previousData, loading, error, refetch } = useQuery(ESCALATIONS, {
    pollInterval: POLL_INTERVAL_MS,
    // Background tabs need not poll; the next attempt after the tab is shown again catches up.
    skipPollAttempt: () => document.hidden,
    notifyOnNetworkStatusChange: false,
    fetchPolicy: 'cache-and-network',
  });
  const escalations = (data ?? previousData)?.escalations;

  // Newest first.
  const rows = useMemo(
    () => [...(escalations ?? [])].sort((a, b) => Date.parse(b.raisedAt) - Date.parse(a.raisedAt)),
    [escalations],
  );

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t('escalations.title')}</h1>
          <p className="muted">{t('escalations.subtitle')}</p>
        </div>
        <span className="live" title={`${POLL_INTERVAL_MS / 1000}s`}>
          <span className="live-dot" aria-hidden="true" />
          {t('escalations.live')}
        </span>
      </div>

      <section className="card card-flush">
        {error && escalations && <ErrorState error={error} onRetry={() => void refetch()} />}
        {error && !escalations ? (
          <ErrorState error={error} onRetry={() => void refetch()} />
        ) : !escalations && loading ? (
          <LoadingState />
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="escalations-table">
              <thead>
                <tr>
                  <th scope="col">{t('escalations.col.type')}</th>
                  <th scope="col">{t('escalations.col.level')}</th>
                  <th scope="col">{t('escalations.col.stage')}</th>
                  <th scope="col">{t('escalations.col.raisedAt')}</th>
                  <th scope="col">{t('escalations.col.status')}</th>
                  <th scope="col">{t('escalations.col.organization')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.length === 0 && (
                  <EmptyRow colSpan={6} message={t('escalations.empty')} />
                )}
                {rows.map((escalation) => (
                  <tr key={escalation.id} data-testid="escalation-row" data-escalation-id={escalation.id}>
                    <td>
                      <Badge tone={ESCALATION_TYPE_TONES[escalation.type]}>{t(`escalationType.${escalation.type}`)}</Badge>
                    </td>
                    <td>
                      <span className={`level level-${Math.min(Math.max(escalation.level, 1), 3)}`}>
                        {t('escalations.level', { level: formatNumber(escalation.level) })}
                      </span>
                    </td>
                    <td>
                      <Badge tone={STAGE_TONES[escalation.stage]}>{t(`stage.${escalation.stage}`)}</Badge>
                    </td>
                    <td>
                      <time dateTime={escalation.raisedAt}>{formatDateTime(escalation.raisedAt)}</time>
                    </td>
                    <td>
                      <Badge tone={ESCALATION_STATUS_TONES[escalation.status]}>{t(`escalationStatus.${escalation.status}`)}</Badge>
                    </td>
                    <td className="cell-primary">{escalation.cultivation.organization.name}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
