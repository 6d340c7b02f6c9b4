import type { CultivationDetail, GateCriterionFields } from '../../graphql/cultivationDetail';
import { CRITERION_UNITS } from './rules';
import { Badge } from '../../components/Badge';
import { EmptyState } from '../../components/states';
import { useI18n } from '../../i18n';

/** The criteria of the current stage's gate as the workflow last judged them from the evidence. */
export function GateCriteria({ cultivation }: { cultivation: CultivationDetail }) {
  const { t, formatDateTime, formatNumber } = useI18n();
  const { gate } = cultivation;
  const metCount = gate.criteria.filter((c) => c.met).length;

  const amount = (criterion: GateCriterionFields, value: number): string => {
    const unit = CRITERION_UNITS[criterion.kind] ?? 'count';
    if (unit === 'yesNo') return value >= 1 ? t('gate.yes') : t('gate.no');
    if (unit === 'hours') return t('unit.hours', { value: formatNumber(value) });
    if (unit === 'months') return t('unit.months', { value: formatNumber(value) });
    return formatNumber(value);
  };

  return (
    <section className="card card-flush" aria-labelledby="gate-title">
      <div className="card-header">
        <h2 id="gate-title">{t('gate.title', { stage: t(`stage.${cultivation.stage}`) })}</h2>
        <div className="card-header-meta">
          {gate.criteria.length > 0 && (
            <Badge tone={gate.met ? 'success' : 'warning'}>
              {gate.met ? t('gate.allMet') : t('gate.metCount', { met: formatNumber(metCount), total: formatNumber(gate.criteria.length) })}
            </Badge>
          )}
          <span className="muted">
            {gate.evaluatedAt ? t('gate.evaluatedAt', { time: formatDateTime(gate.evaluatedAt) }) : t('gate.notEvaluated')}
          </span>
        </div>
      </div>
      {gate.criteria.length === 0 ? (
        <EmptyState message={gate.evaluatedAt ? t('gate.empty') : t('gate.notEvaluated')} />
      ) : (
        <div className="table-wrap">
          <table className="table gate-table" data-testid="gate-criteria">
            <thead>
              <tr>
                <th scope="col">{t('gate.col.kind')}</th>
                <th scope="col" className="numeric">
                  {t('gate.col.progress')}
                </th>
                <th scope="col">{t('gate.col.met')}</th>
                <th scope="col" className="numeric">
                  {t('gate.col.missing')}
                </th>
                <th scope="col">{t('gate.col.evidence')}</th>
              </tr>
            </thead>
            <tbody>
              {gate.criteria.map((criterion) => {
                const yesNo = CRITERION_UNITS[criterion.kind] === 'yesNo';
                return (
                  <tr key={criterion.kind} data-testid="gate-criterion" data-kind={criterion.kind} data-met={criterion.met ? 'true' : 'false'}>
                    <th scope="row" className="cell-primary criterion-name">
                      {t(`criterion.${criterion.kind}`)}
                    </th>
                    <td className="numeric">
                      {yesNo ? amount(criterion, criterion.actual) : `${amount(criterion, criterion.actual)} / ${amount(criterion, criterion.threshold)}`}
                    </td>
                    <td>
                      <span className={criterion.met ? 'met met-yes' : 'met met-no'} title={criterion.met ? t('gate.met') : t('gate.notMet')}>
                        <span aria-hidden="true">{criterion.met ? '✓' : '✗'}</span>
                        <span className="visually-hidden">{criterion.met ? t('gate.met') : t('gate.notMet')}</span>
                      </span>
                    </td>
                    <td className="numeric">{criterion.missing > 0 && !yesNo ? amount(criterion, criterion.missing) : '—'}</td>
                    <td className="evidence">{criterion.evidence}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
