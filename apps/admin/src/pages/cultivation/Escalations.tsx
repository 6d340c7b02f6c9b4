import { useMutation } from '@apollo/client/react';
import { ACKNOWLEDGE_ESCALATION, type EscalationFields } from '../../graphql/cultivationDetail';
import type { Role } from '../../graphql/operations';
import { ESCALATION_STATUS_TONES, ESCALATION_TYPE_TONES, STAGE_TONES } from '../../domain';
import { acknowledgingRole, mayAcknowledge } from './rules';
import { Badge } from '../../components/Badge';
import { EmptyState } from '../../components/states';
import { useI18n, type MessageKey } from '../../i18n';
import type { ActionRunner } from './actionRunner';
import { PlanForm } from './actionForm';
import { TimeFact } from './parts';

const STATUS_ORDER = { OPEN: 0, ACKNOWLEDGED: 1, RESOLVED: 2 } as const;

/** Open escalations first, then acknowledged, then resolved; newest first within each. */
function ordered(escalations: EscalationFields[]): EscalationFields[] {
  return [...escalations].sort(
    (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || Date.parse(b.raisedAt) - Date.parse(a.raisedAt),
  );
}

export function Escalations({
  escalations,
  role,
  runner,
}: {
  escalations: EscalationFields[];
  role: Role | undefined;
  runner: ActionRunner;
}) {
  const { t, formatNumber } = useI18n();
  const open = escalations.filter((e) => e.status !== 'RESOLVED').length;
  return (
    <section className="card" aria-labelledby="escalations-title">
      <div className="card-header card-header-plain">
        <h2 id="escalations-title">{t('escalation.title')}</h2>
        {escalations.length > 0 && (
          <span className={open > 0 ? 'count count-alert' : 'count'}>{formatNumber(escalations.length)}</span>
        )}
      </div>
      {escalations.length === 0 ? (
        <EmptyState message={t('escalation.empty')} />
      ) : (
        <div className="escalation-list">
          {ordered(escalations).map((escalation) => (
            <EscalationCard key={escalation.id} escalation={escalation} role={role} runner={runner} />
          ))}
        </div>
      )}
    </section>
  );
}

function resolutionText(t: (key: MessageKey) => string, resolution: string): string {
  const key = `resolution.${resolution}`;
  const text = t(key as MessageKey);
  return text === key ? resolution : text;
}

function EscalationCard({ escalation, role, runner }: { escalation: EscalationFields; role: Role | undefined; runner: ActionRunner }) {
  const { t, formatDateTime, formatNumber } = useI18n();
  const level = Math.min(Math.max(escalation.level, 1), 3);
  const currentRole = acknowledgingRole(escalation);
  const canAcknowledge = mayAcknowledge(role, escalation);

  return (
    <article
      className={`escalation-card escalation-card-${escalation.status.toLowerCase()}`}
      data-testid="escalation-card"
      data-escalation-id={escalation.id}
      data-key={escalation.key}
      data-type={escalation.type}
      data-level={escalation.level}
      data-status={escalation.status}
    >
      <header className="escalation-card-head">
        <Badge tone={ESCALATION_TYPE_TONES[escalation.type]}>{t(`escalationType.${escalation.type}`)}</Badge>
        <span className={`level level-${level}`}>{t('escalations.level', { level: formatNumber(escalation.level) })}</span>
        <Badge tone={ESCALATION_STATUS_TONES[escalation.status]}>{t(`escalationStatus.${escalation.status}`)}</Badge>
        <span className="escalation-key muted">{escalation.key}</span>
      </header>

      <dl className="facts facts-inline">
        <div>
          <dt>{t('escalation.stage')}</dt>
          <dd>
            <Badge tone={STAGE_TONES[escalation.stage]}>{t(`stage.${escalation.stage}`)}</Badge>
          </dd>
        </div>
        <TimeFact label={t('escalation.raisedAt')} at={escalation.raisedAt} />
        {escalation.status !== 'RESOLVED' && (
          <TimeFact label={t('escalation.levelDueAt')} at={escalation.levelDueAt} />
        )}
        {escalation.acknowledgedAt && (
          <TimeFact label={t('escalation.acknowledgedAt')} at={escalation.acknowledgedAt} />
        )}
        {escalation.resolvedAt && (
          <TimeFact label={t('escalation.resolvedAt')} at={escalation.resolvedAt} />
        )}
        {escalation.resolution && (
          <div>
            <dt>{t('escalation.resolution')}</dt>
            <dd data-testid="escalation-resolution">{resolutionText(t, escalation.resolution)}</dd>
          </div>
        )}
      </dl>
      {escalation.acknowledgementPlan && (
        <p className="quote">
          <span className="quote-label">{t('escalation.plan')}</span>
          {escalation.acknowledgementPlan}
        </p>
      )}

      {escalation.steps.length > 0 && (
        <div className="table-wrap ladder">
          <table className="table table-compact" data-testid="escalation-ladder">
            <caption className="ladder-caption">{t('escalation.ladder')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('escalation.col.level')}</th>
                <th scope="col">{t('escalation.col.role')}</th>
                <th scope="col">{t('escalation.col.raised')}</th>
                <th scope="col">{t('escalation.col.due')}</th>
                <th scope="col">{t('escalation.col.acknowledged')}</th>
              </tr>
            </thead>
            <tbody>
              {escalation.steps.map((step) => {
                const current = step.level === escalation.level && escalation.status !== 'RESOLVED';
                return (
                  <tr key={step.level} className={current ? 'ladder-current' : undefined} data-testid="escalation-step" data-level={step.level}>
                    <td>{t('escalations.level', { level: formatNumber(step.level) })}</td>
                    <td>{step.role ? t(`role.${step.role}`) : '—'}</td>
                    <td>
                      <time dateTime={step.raisedAt}>{formatDateTime(step.raisedAt)}</time>
                    </td>
                    <td>
                      <time dateTime={step.dueAt}>{formatDateTime(step.dueAt)}</time>
                    </td>
                    <td>
                      {step.acknowledgedAt ? (
                        <span title={step.plan ?? undefined}>
                          <time dateTime={step.acknowledgedAt}>{formatDateTime(step.acknowledgedAt)}</time>
                        </span>
                      ) : current && escalation.status === 'OPEN' ? (
                        <Badge tone="warning">{t('escalation.awaiting')}</Badge>
                      ) : step.level < escalation.level ? (
                        <span className="muted">{t('escalation.missed')}</span>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {canAcknowledge ? (
        <AcknowledgeForm escalation={escalation} role={role === 'ADMIN' ? (currentRole ?? role) : role!} runner={runner} />
      ) : (
        escalation.status === 'OPEN' &&
        currentRole && <p className="muted escalation-waiting">{t('escalation.waitingFor', { role: t(`role.${currentRole}`) })}</p>
      )}
    </article>
  );
}

function AcknowledgeForm({ escalation, role, runner }: { escalation: EscalationFields; role: Role; runner: ActionRunner }) {
  const { t } = useI18n();
  const [acknowledge] = useMutation(ACKNOWLEDGE_ESCALATION);
  return (
    <PlanForm
      formKey={`acknowledge:${escalation.id}`}
      action="acknowledge"
      runner={runner}
      submit={(plan) => acknowledge({ variables: { input: { escalationId: escalation.id, plan } } })}
      className="form action-form acknowledge-form"
      heading={t('escalation.ackTitle', { role: t(`role.${role}`) })}
      label={t('escalation.ackPlan')}
      placeholder={t('escalation.ackPlanHint')}
      rows={2}
      planTestId="acknowledge-plan"
      submitTestId="acknowledge-submit"
      submitLabel={t('escalation.ackSubmit')}
    />
  );
}
