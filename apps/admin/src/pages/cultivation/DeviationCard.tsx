import { useMutation } from '@apollo/client/react';
import { SUBMIT_CORRECTION_PLAN, type CultivationDetail } from '../../graphql/cultivationDetail';
import { Badge } from '../../components/Badge';
import { useI18n } from '../../i18n';
import type { ActionRunner } from './actionRunner';
import { PlanForm } from './actionForm';
import { TimeFact } from './parts';

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
  const { t } = useI18n();
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
        <TimeFact label={t('deviation.flaggedAt')} at={deviation.flaggedAt} />
        <TimeFact label={t('deviation.correctionDueAt')} at={deviation.correctionDueAt} className={late ? 'deadline-overdue' : undefined}>
          {late && (
            <>
              {' '}
              <Badge tone="danger">{t('cultivations.overdue')}</Badge>
            </>
          )}
        </TimeFact>
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
  const [submitPlan] = useMutation(SUBMIT_CORRECTION_PLAN);
  return (
    <PlanForm
      formKey="correction"
      action="correction"
      runner={runner}
      submit={(plan) => submitPlan({ variables: { input: { cultivationId, plan } } })}
      className="form action-form"
      testId="correction-plan-form"
      label={t('deviation.plan')}
      rows={3}
      planTestId="correction-plan"
      submitTestId="correction-submit"
      submitLabel={t('deviation.submit')}
    />
  );
}
