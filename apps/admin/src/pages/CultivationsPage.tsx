import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { CULTIVATIONS } from '../graphql/operations';
import { CULTIVATION_STATUS_TONES, STAGE_TONES, isOverdue } from '../domain';
import { useI18n } from '../i18n';
import { useNow } from '../hooks/useNow';
import { Badge } from '../components/Badge';
import { EmptyState, ErrorState, LoadingState } from '../components/states';
import { StartCultivationForm } from './StartCultivationForm';

export function CultivationsPage() {
  const { t, formatDateTime, formatNumber } = useI18n();
  const now = useNow();
  const { data, previousData, loading, error, refetch } = useQuery(CULTIVATIONS, {
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: false,
  });
  const cultivations = (data ?? previousData)?.cultivations;

  const rows = useMemo(() => cultivations ?? [], [cultivations]);

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t('cultivations.title')}</h1>
          <p className="muted">{t('cultivations.subtitle')}</p>
        </div>
      </div>

      <StartCultivationForm />

      <section className="card card-flush">
        <div className="card-header">
          <h2>{t('cultivations.title')}</h2>
          {cultivations && <span className="muted">{t('cultivations.count', { count: formatNumber(rows.length) })}</span>}
        </div>
        {error && cultivations && <ErrorState error={error} onRetry={() => void refetch()} />}
        {error && !cultivations ? (
          <ErrorState error={error} onRetry={() => void refetch()} />
        ) : !cultivations && loading ? (
          <LoadingState />
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="cultivations-table">
              <thead>
                <tr>
                  <th scope="col">{t('cultivations.col.organization')}</th>
                  <th scope="col">{t('cultivations.col.community')}</th>
                  <th scope="col">{t('cultivations.col.institution')}</th>
                  <th scope="col">{t('cultivations.col.stage')}</th>
                  <th scope="col">{t('cultivations.col.status')}</th>
                  <th scope="col">{t('cultivations.col.stageDeadline')}</th>
                  <th scope="col" className="numeric">
                    {t('cultivations.col.escalations')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.length === 0 && (
                  <tr>
                    <td colSpan={7}>
                      <EmptyState message={t('cultivations.empty')} />
                    </td>
                  </tr>
                )}
                {rows.map((cultivation) => {
                  const overdue = isOverdue(cultivation, now);
                  const openEscalations = cultivation.escalations.filter((e) => e.status !== 'RESOLVED').length;
                  return (
                    <tr key={cultivation.id} data-testid="cultivation-row" data-cultivation-id={cultivation.id}>
                      <td>
                        <div className="cell-primary">{cultivation.organization.name}</div>
                        <div className="cell-secondary">{t(`category.${cultivation.organization.category}`)}</div>
                      </td>
                      <td>{cultivation.community.name}</td>
                      <td>{cultivation.institution.name}</td>
                      <td>
                        <Badge tone={STAGE_TONES[cultivation.stage]}>{t(`stage.${cultivation.stage}`)}</Badge>
                      </td>
                      <td>
                        <Badge tone={CULTIVATION_STATUS_TONES[cultivation.status]}>
                          {t(`cultivationStatus.${cultivation.status}`)}
                        </Badge>
                      </td>
                      <td className={overdue ? 'deadline deadline-overdue' : 'deadline'}>
                        <time dateTime={cultivation.stageDeadline}>{formatDateTime(cultivation.stageDeadline)}</time>
                        {overdue && (
                          <Badge tone="danger" testId="overdue-badge">
                            {t('cultivations.overdue')}
                          </Badge>
                        )}
                      </td>
                      <td className="numeric">
                        <span className={openEscalations > 0 ? 'count count-alert' : 'count'}>
                          {formatNumber(cultivation.escalations.length)}
                        </span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
