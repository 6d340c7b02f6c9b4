// The detail of one cultivation: where it stands, its gate, escalations, deviation and history, and
// the actions the signed-in role may take. Loaded lazily (see App.tsx): only this route needs it.
import { useCallback } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router-dom';
import { CULTIVATION_DETAIL, type CultivationDetail } from '../graphql/cultivationDetail';
import { describeApiError } from '../graphql/errors';
import { CULTIVATION_STATUS_TONES, STAGE_TONES } from '../domain';
import { useSession } from '../auth/useSession';
import { addMessages, useI18n } from '../i18n';
import { DETAIL_MESSAGES } from '../i18n/cultivationDetail';
import { TimeFact } from './cultivation/parts';
import { useNow } from '../hooks/useNow';
import { Badge } from '../components/Badge';
import { ErrorState, LoadingState } from '../components/states';
import { ActionsPanel } from './cultivation/ActionsPanel';
import { DeadlineCard } from './cultivation/DeadlineCard';
import { DeviationCard } from './cultivation/DeviationCard';
import { Escalations } from './cultivation/Escalations';
import { GateCriteria } from './cultivation/GateCriteria';
import { StageStrip } from './cultivation/StageStrip';
import { Timeline } from './cultivation/Timeline';
import { WithdrawalSection } from './cultivation/Withdrawal';
import { useActionRunner, type ActionRunner } from './cultivation/actionRunner';
import { mayTake } from './cultivation/rules';

// This page's messages load with it, not with the app (see i18n/cultivationDetail).
addMessages(DETAIL_MESSAGES);

/** Escalations are raised by the workflow at any time: poll so they appear without a reload. */
const POLL_INTERVAL_MS = 3_000;

/** The route's element: a fresh page (form state, notices) for each cultivation navigated to. */
export default function CultivationDetailRoute() {
  const { id = '' } = useParams();
  return <CultivationDetailPage key={id} id={id} />;
}

export function CultivationDetailPage({ id }: { id: string }) {
  const { t } = useI18n();
  const now = useNow(10_000);
  const session = useSession();
  const role = session?.user.role;

  const { data, previousData, loading, error, refetch } = useQuery(CULTIVATION_DETAIL, {
    variables: { id },
    pollInterval: POLL_INTERVAL_MS,
    // Background tabs need not poll; the next attempt after the tab is shown again catches up.
    skipPollAttempt: () => document.hidden,
    notifyOnNetworkStatusChange: false,
    fetchPolicy: 'cache-and-network',
  });
  // previousData only while it is the same cultivation (not the one shown before navigating here).
  const cultivation = data?.cultivation ?? (previousData?.cultivation.id === id ? previousData.cultivation : undefined);
  const refetchDetail = useCallback(() => refetch(), [refetch]);
  const runner = useActionRunner(refetchDetail);

  if (!cultivation) {
    if (error) {
      const code = describeApiError(error).code;
      if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT') {
        return (
          <div className="page">
            <div className="card state state-empty" data-testid="cultivation-not-found">
              <p>{t('detail.notFound')}</p>
              <Link to="/cultivations" className="button button-secondary">
                {t('detail.back')}
              </Link>
            </div>
          </div>
        );
      }
      return (
        <div className="page">
          <BackLink />
          <div className="card card-flush">
            <ErrorState error={error} onRetry={() => void refetch()} />
          </div>
        </div>
      );
    }
    return loading ? <LoadingState /> : null;
  }

  return (
    <div className="page" data-testid="cultivation-detail" data-cultivation-id={cultivation.id}>
      <Header cultivation={cultivation} />
      {error && (
        <div className="card card-flush">
          <ErrorState error={error} onRetry={() => void refetch()} />
        </div>
      )}
      <SuccessNotice runner={runner} />
      <StageStrip cultivation={cultivation} />
      <div className="detail-grid">
        <div className="detail-main">
          {cultivation.withdrawal && (
            <WithdrawalSection cultivation={cultivation} withdrawal={cultivation.withdrawal} role={role} runner={runner} now={now} />
          )}
          <GateCriteria cultivation={cultivation} />
          <Escalations escalations={cultivation.escalations} role={role} runner={runner} />
          <DeviationCard cultivation={cultivation} canSubmitPlan={mayTake(role, 'submitCorrectionPlan')} runner={runner} now={now} />
          <Timeline events={cultivation.timeline} />
        </div>
        <aside className="detail-aside">
          <DeadlineCard cultivation={cultivation} />
          <ActionsPanel cultivation={cultivation} role={role} runner={runner} />
        </aside>
      </div>
    </div>
  );
}

function BackLink() {
  const { t } = useI18n();
  return (
    <Link to="/cultivations" className="back-link">
      <span aria-hidden="true">←</span> {t('detail.back')}
    </Link>
  );
}

function Header({ cultivation }: { cultivation: CultivationDetail }) {
  const { t, formatNumber } = useI18n();
  const ended = cultivation.stage === 'COMPLETED' || cultivation.status === 'TERMINATED';
  const openEscalations = cultivation.escalations.filter((e) => e.status !== 'RESOLVED').length;
  return (
    <div className="detail-header">
      <BackLink />
      <div className="page-header">
        <div>
          <h1>{cultivation.organization.name}</h1>
          <dl className="facts facts-inline detail-meta">
            <div>
              <dt>{t('detail.community')}</dt>
              <dd>{cultivation.community.name}</dd>
            </div>
            <div>
              <dt>{t('detail.institution')}</dt>
              <dd>{cultivation.institution.name}</dd>
            </div>
            <div>
              <dt>{t('detail.category')}</dt>
              <dd>{t(`category.${cultivation.organization.category}`)}</dd>
            </div>
            <TimeFact label={t('detail.startedAt')} at={cultivation.startedAt} />
          </dl>
        </div>
        <div className="detail-badges">
          <Badge tone={STAGE_TONES[cultivation.stage]} testId="stage-badge">
            {t(`stage.${cultivation.stage}`)}
          </Badge>
          <Badge tone={CULTIVATION_STATUS_TONES[cultivation.status]} testId="status-badge">
            {t(`cultivationStatus.${cultivation.status}`)}
          </Badge>
          {!ended && cultivation.overdue && (
            <Badge tone="danger" testId="overdue-badge">
              {t('cultivations.overdue')}
            </Badge>
          )}
          {!ended && cultivation.atRisk && <Badge tone="warning">{t('detail.atRisk')}</Badge>}
          {openEscalations > 0 && cultivation.escalationLevel > 0 && (
            <Badge tone="danger">{t('detail.escalationLevel', { level: formatNumber(cultivation.escalationLevel) })}</Badge>
          )}
          {!ended && (
            <span className="live" title={`${POLL_INTERVAL_MS / 1000}s`}>
              <span className="live-dot" aria-hidden="true" />
              {t('detail.live')}
            </span>
          )}
        </div>
      </div>
    </div>
  );
}

function SuccessNotice({ runner }: { runner: ActionRunner }) {
  const { t } = useI18n();
  if (!runner.success) return null;
  return (
    <div className="notice notice-success notice-dismissible" role="status" data-testid="action-success" data-action={runner.success}>
      <span>{t(`actions.success.${runner.success}`)}</span>
      <button type="button" className="notice-dismiss" onClick={runner.dismissSuccess} aria-label={t('actions.dismiss')}>
        ×
      </button>
    </div>
  );
}
