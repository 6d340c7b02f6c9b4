import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { ACKNOWLEDGE_ESCALATION, type EscalationFields } from '../../graphql/cultivationDetail';
import type { Role } from '../../graphql/operations';
import { ESCALATION_STATUS_TONES, ESCALATION_TYPE_TONES, STAGE_TONES } from '../../domain';
import { acknowledgingRole, mayAcknowledge } from './rules';
import { Badge } from '../../components/Badge';
import { EmptyState } from '../../components/states';
import { useI18n, type MessageKey } from '../../i18n';
import { ActionError, useFieldBinding, type ActionRunner } from './actionRunner';

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
        <div>
          <dt>{t('escalation.raisedAt')}</dt>
          <dd>
            <time dateTime={escalation.raisedAt}>{formatDateTime(escalation.raisedAt)}</time>
          </dd>
        </div>
        {escalation.status !== 'RESOLVED' && (
          <div>
            <dt>{t('escalation.levelDueAt')}</dt>
            <dd>
              <time dateTime={escalation.levelDueAt}>{formatDateTime(escalation.levelDueAt)}</time>
            </dd>
          </div>
        )}
        {escalation.acknowledgedAt && (
          <div>
            <dt>{t('escalation.acknowledgedAt')}</dt>
            <dd>
              <time dateTime={escalation.acknowledgedAt}>{formatDateTime(escalation.acknowledgedAt)}</time>
            </dd>
          </div>
        )}
        {escalation.resolvedAt && (
          <div>
            <dt>{t('escalation.resolvedAt')}</dt>
            <dd>
              <time dateTime={escalation.resolvedAt}>{formatDateTime(escalation.resolvedAt)}</time>
            </dd>
          </div>
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
  const id = useId();
  const key = `acknowledge:${escalation.id}`;
  const [plan, setPlan] = useState('');
  const [acknowledge] = useMutation(ACKNOWLEDGE_ESCALATION);
  const planField = useFieldBinding(runner, key, 'plan', `${id}-plan`);
  const busy = runner.pending !== null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!plan.trim()) {
      runner.invalid(key, { plan: 'actions.required' });
      return;
    }
    const ok = await runner.run(key, 'acknowledge', ['plan'], () =>
      acknowledge({ variables: { input: { escalationId: escalation.id, plan: plan.trim() } } }),
    );
    if (ok) setPlan('');
  }

  return (
    <form className="form action-form acknowledge-form" onSubmit={onSubmit} noValidate>
      <h3>{t('escalation.ackTitle', { role: t(`role.${role}`) })}</h3>
      <div className="field">
        <label htmlFor={`${id}-plan`}>{t('escalation.ackPlan')}</label>
        <textarea
          {...planField.inputProps}
          data-testid="acknowledge-plan"
          rows={2}
          placeholder={t('escalation.ackPlanHint')}
          value={plan}
          onChange={(event) => {
            setPlan(event.target.value);
            runner.clearFieldError(key, 'plan');
          }}
        />
        {planField.error}
      </div>
      <ActionError runner={runner} formKey={key} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="acknowledge-submit" disabled={busy}>
          {runner.pending === key ? t('actions.submitting') : t('escalation.ackSubmit')}
        </button>
      </div>
    </form>
  );
}
