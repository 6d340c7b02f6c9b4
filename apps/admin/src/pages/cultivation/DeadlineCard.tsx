import type { CultivationDetail } from '../../graphql/cultivationDetail';
import { Badge } from '../../components/Badge';
import { useI18n } from '../../i18n';
import { TimeFact } from './parts';
import { useNow } from '../../hooks/useNow';
import { useTimeFormat } from './format';

/** How far through its time the current stage is: a bar, amber when at risk, red when overdue. */
export function DeadlineCard({ cultivation }: { cultivation: CultivationDetail }) {
  const { t, formatDateTime, locale } = useI18n();
  // Its own clock, ticking every second, so "due in …" never lags the overdue flag the poll brings.
  const now = useNow(1_000);
  const time = useTimeFormat();
  const ended = cultivation.stage === 'COMPLETED' || cultivation.status === 'TERMINATED';
  const state = cultivation.overdue ? 'overdue' : cultivation.atRisk ? 'at-risk' : 'ok';
  const usage = Math.max(cultivation.deadlineUsage, 0);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(usage);

  return (
    <section className="card deadline-card" aria-labelledby="deadline-title">
      <div className="card-header card-header-plain">
        <h2 id="deadline-title">{t('deadline.title')}</h2>
        {!ended && (
          <Badge tone={state === 'overdue' ? 'danger' : state === 'at-risk' ? 'warning' : 'success'}>
            {state === 'overdue' ? t('cultivations.overdue') : state === 'at-risk' ? t('detail.atRisk') : t('deadline.onTrack')}
          </Badge>
        )}
      </div>
      {ended ? (
        <p className="muted">{t('deadline.ended')}</p>
      ) : (
        <>
          <div className={`deadline-value deadline-value-${state}`}>
            <time dateTime={cultivation.stageDeadline}>{formatDateTime(cultivation.stageDeadline)}</time>
            <div className="deadline-relative">{t('deadline.due', { relative: time.relative(cultivation.stageDeadline, now) })}</div>
          </div>
          <div
            className={`usage usage-${state}`}
            data-testid="deadline-usage"
            data-state={state}
            data-overdue={cultivation.overdue ? 'true' : 'false'}
            data-at-risk={cultivation.atRisk ? 'true' : 'false'}
            data-usage={usage.toFixed(3)}
          >
            <div
              className="usage-track"
              role="progressbar"
              aria-label={t('deadline.title')}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.min(Math.round(usage * 100), 100)}
              aria-valuetext={t('deadline.used', { percent })}
            >
              <div className="usage-fill" style={{ width: `${Math.min(usage, 1) * 100}%` }} />
            </div>
            <div className="usage-label">{t('deadline.used', { percent })}</div>
          </div>
          <dl className="facts">
            <TimeFact label={t('deadline.stageStarted')} at={cultivation.stageStartedAt} />
          </dl>
          {cultivation.status === 'PAUSED' && cultivation.pausedAt && (
            <div className="notice notice-info">{t('deadline.pausedSince', { time: formatDateTime(cultivation.pausedAt) })}</div>
          )}
        </>
      )}
    </section>
  );
}
