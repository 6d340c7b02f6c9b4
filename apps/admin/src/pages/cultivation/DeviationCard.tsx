import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { SUBMIT_CORRECTION_PLAN, type CultivationDetail } from '../../graphql/cultivationDetail';
import { Badge } from '../../components/Badge';
import { useI18n } from '../../i18n';
import { ActionError, useFieldBinding, type ActionRunner } from './actionRunner';

/** A flagged direction deviation awaiting its correction plan, with the form to submit it when allowed. */
export function DeviationCard({
  cultivation,
  canSubmitPlan,
  runner,
  now,
}: {
  cultivation: CultivationDetail;
  canSubmitPlan: boolean;
  runner: ActionRunner;
  now: number;
}) {
  const { t, formatDateTime } = useI18n();
  const deviation = cultivation.deviation;
  if (!deviation) return null;
  const late = Date.parse(deviation.correctionDueAt) < now;

  return (
    <section className="card deviation-card" aria-labelledby="deviation-title" data-testid="deviation">
      <div className="card-header card-header-plain">
        <h2 id="deviation-title">{t('deviation.title')}</h2>
        <Badge tone="danger">{t('escalationType.DEVIATION')}</Badge>
      </div>
      <p className="quote">{deviation.note}</p>
      <dl className="facts facts-inline">
        <div>
          <dt>{t('deviation.flaggedAt')}</dt>
          <dd>
            <time dateTime={deviation.flaggedAt}>{formatDateTime(deviation.flaggedAt)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('deviation.correctionDueAt')}</dt>
          <dd className={late ? 'deadline-overdue' : undefined}>
            <time dateTime={deviation.correctionDueAt}>{formatDateTime(deviation.correctionDueAt)}</time>
            {late && (
              <>
                {' '}
                <Badge tone="danger">{t('cultivations.overdue')}</Badge>
              </>
            )}
          </dd>
        </div>
      </dl>
      {canSubmitPlan ? (
        <CorrectionPlanForm cultivationId={cultivation.id} runner={runner} />
      ) : (
        <p className="muted">{t('deviation.waiting')}</p>
      )}
    </section>
  );
}

function CorrectionPlanForm({ cultivationId, runner }: { cultivationId: string; runner: ActionRunner }) {
  const { t } = useI18n();
  const id = useId();
  const key = 'correction';
  const [plan, setPlan] = useState('');
  const [submitPlan] = useMutation(SUBMIT_CORRECTION_PLAN);
  const planField = useFieldBinding(runner, key, 'plan', `${id}-plan`);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!plan.trim()) {
      runner.invalid(key, { plan: 'actions.required' });
      return;
    }
    const ok = await runner.run(key, 'correction', ['plan'], () =>
      submitPlan({ variables: { input: { cultivationId, plan: plan.trim() } } }),
    );
    if (ok) setPlan('');
  }

  return (
    <form className="form action-form" onSubmit={onSubmit} noValidate data-testid="correction-plan-form">
      <div className="field">
        <label htmlFor={`${id}-plan`}>{t('deviation.plan')}</label>
        <textarea
          {...planField.inputProps}
          data-testid="correction-plan"
          rows={3}
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
        <button type="submit" className="button button-primary" data-testid="correction-submit" disabled={runner.pending !== null}>
          {runner.pending === key ? t('actions.submitting') : t('deviation.submit')}
        </button>
      </div>
    </form>
  );
}
