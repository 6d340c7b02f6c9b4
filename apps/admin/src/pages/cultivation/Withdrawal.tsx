// The withdrawal stage (退出期): the phase the institution has stepped back to, the rights handed back,
// the final evaluation at three levels and the follow-ups after it. Shown once `withdrawal` is set.
import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  ADVANCE_WITHDRAWAL_PHASE,
  CONFIRM_HANDOVER_ITEM,
  CULTIVATION_OUTCOME_EVALUATIONS,
  RECORD_FINAL_EVALUATION,
  RECORD_FOLLOW_UP,
  type CultivationDetail,
  type HandoverItem,
  type WithdrawalFields,
  type WithdrawalPhase,
} from '../../graphql/cultivationDetail';
import type { Role } from '../../graphql/operations';
import { useI18n, type MessageKey } from '../../i18n';
import { Badge, type BadgeTone } from '../../components/Badge';
import { ActionError, type ActionRunner } from './actionRunner';
import { InputField, Submit } from './actionForm';
import { Step } from './parts';
import { mayTake } from './rules';
import { useFormatDay } from '../directory/common';

export const WITHDRAWAL_PHASES: readonly WithdrawalPhase[] = ['LEADING', 'ASSISTING', 'OBSERVING'];
export const HANDOVER_ITEMS: readonly HandoverItem[] = ['LEADERSHIP', 'FINANCES', 'VENUE', 'MEMBER_ROSTER', 'ACTIVITY_PLANNING'];
const LEVELS = ['community', 'organization', 'institution'] as const;
type Level = (typeof LEVELS)[number];

const RESULT_TONES: Record<string, BadgeTone> = { PENDING: 'muted', PASSED: 'success', FAILED: 'danger', MISSED: 'warning' };

interface Props {
  cultivation: CultivationDetail;
  withdrawal: WithdrawalFields;
  role: Role | undefined;
  runner: ActionRunner;
  now: number;
}

export function WithdrawalSection({ cultivation, withdrawal, role, runner, now }: Props) {
  const { t, formatNumber } = useI18n();
  const ended = cultivation.status === 'TERMINATED';
  const canAdvance = !ended && mayTake(role, 'advanceWithdrawal');
  const canHandover = !ended && mayTake(role, 'confirmHandover');
  const canEvaluate =
    !ended &&
    mayTake(role, 'recordFinalEvaluation') &&
    !withdrawal.finalEvaluation &&
    withdrawal.phase === 'OBSERVING' &&
    withdrawal.pendingHandovers.length === 0;
  const canFollowUp = !ended && mayTake(role, 'recordFollowUp');
  const phaseIndex = WITHDRAWAL_PHASES.indexOf(withdrawal.phase);

  return (
    <section className="card" aria-labelledby="withdrawal-title" data-testid="withdrawal-section" data-phase={withdrawal.phase}>
      <div className="card-header card-header-plain">
        <h2 id="withdrawal-title">{t('withdrawal.title')}</h2>
        {withdrawal.reengagements > 0 && (
          <Badge tone="warning">{t('withdrawal.reengagements', { count: formatNumber(withdrawal.reengagements) })}</Badge>
        )}
      </div>

      <ol className="phase-stepper" aria-label={t('withdrawal.phases')}>
        {WITHDRAWAL_PHASES.map((phase, index) => {
          const state = index < phaseIndex ? 'done' : index === phaseIndex ? 'current' : 'upcoming';
          return (
            <Step key={phase} base="phase-step" state={state} testId="withdrawal-phase-step" data={{ 'data-phase': phase }}>
              <span className="phase-step-number">{formatNumber(index + 1)}</span>
              <span>
                <strong>{t(`withdrawalPhase.${phase}`)}</strong>
                <span className="cell-secondary">{t(`withdrawalPhase.${phase}.hint`)}</span>
              </span>
            </Step>
          );
        })}
      </ol>
      {canAdvance && phaseIndex < WITHDRAWAL_PHASES.length - 1 && (
        <AdvanceForm cultivation={cultivation} runner={runner} next={WITHDRAWAL_PHASES[phaseIndex + 1]} />
      )}

      <h3>{t('withdrawal.handovers')}</h3>
      <ul className="handover-list">
        {HANDOVER_ITEMS.map((item) => {
          const done = withdrawal.handovers.find((h) => h.item === item);
          return (
            <li key={item} className="handover-item" data-testid="handover-item" data-item={item} data-done={String(!!done)}>
              <div className="handover-head">
                <span className="met" aria-hidden="true">
                  {done ? '✓' : '○'}
                </span>
                <strong>{t(`handoverItem.${item}`)}</strong>
                {done ? (
                  <HandoverDone handover={done} />
                ) : (
                  <span className="muted">{t('withdrawal.handoverPending')}</span>
                )}
              </div>
              {!done && canHandover && withdrawal.pendingHandovers.includes(item) && (
                <HandoverForm cultivation={cultivation} runner={runner} item={item} />
              )}
            </li>
          );
        })}
      </ul>

      <h3>{t('withdrawal.finalEvaluation')}</h3>
      {withdrawal.finalEvaluation ? (
        <FinalEvaluationView evaluation={withdrawal.finalEvaluation} />
      ) : canEvaluate ? (
        <FinalEvaluationForm cultivation={cultivation} runner={runner} />
      ) : (
        <p className="muted">
          {withdrawal.phase === 'OBSERVING' && withdrawal.pendingHandovers.length === 0
            ? t('withdrawal.evaluationBySupervisor')
            : t('withdrawal.evaluationNotYet')}
        </p>
      )}

      {withdrawal.followUps.length > 0 && (
        <>
          <h3>{t('withdrawal.followUps')}</h3>
          <ul className="follow-up-list">
            {withdrawal.followUps.map((followUp) => (
              <FollowUpItem
                key={followUp.index}
                followUp={followUp}
                cultivation={cultivation}
                runner={runner}
                canRecord={canFollowUp && followUp.result !== 'PASSED' && followUp.result !== 'FAILED' && Date.parse(followUp.dueAt) <= now}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function HandoverDone({ handover }: { handover: WithdrawalFields['handovers'][number] }) {
  const { t, formatDateTime } = useI18n();
  return (
    <span className="muted">
      {t('withdrawal.takenOverBy', { name: handover.takenOverBy })} ·{' '}
      <time dateTime={handover.confirmedAt}>{formatDateTime(handover.confirmedAt)}</time>
    </span>
  );
}

function AdvanceForm({ cultivation, runner, next }: { cultivation: CultivationDetail; runner: ActionRunner; next: WithdrawalPhase }) {
  const { t } = useI18n();
  const key = 'advanceWithdrawal';
  const [advance] = useMutation(ADVANCE_WITHDRAWAL_PHASE);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await runner.run(key, 'advanceWithdrawal', [], () => advance({ variables: { input: { cultivationId: cultivation.id } } }));
  }
  return (
    <form className="form-inline withdrawal-advance" onSubmit={(event) => void onSubmit(event)} noValidate>
      <Submit runner={runner} formKey={key} testId="withdrawal-advance" label={t('withdrawal.advance', { phase: t(`withdrawalPhase.${next}`) })} />
      <ActionError runner={runner} formKey={key} />
    </form>
  );
}

function HandoverForm({ cultivation, runner, item }: { cultivation: CultivationDetail; runner: ActionRunner; item: HandoverItem }) {
  const { t } = useI18n();
  const id = useId();
  const key = `handover:${item}`;
  const [takenOverBy, setTakenOverBy] = useState('');
  const [confirm] = useMutation(CONFIRM_HANDOVER_ITEM);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!takenOverBy.trim()) {
      runner.invalid(key, { takenOverBy: 'actions.required' });
      return;
    }
    const ok = await runner.run(key, 'handover', ['takenOverBy'], () =>
      confirm({ variables: { input: { cultivationId: cultivation.id, item, takenOverBy: takenOverBy.trim() } } }),
    );
    if (ok) setTakenOverBy('');
  }

  return (
    <form className="form-inline handover-form" onSubmit={(event) => void onSubmit(event)} noValidate>
      <InputField
        runner={runner}
        formKey={key}
        field="takenOverBy"
        id={`${id}-by`}
        label={t('withdrawal.takenOverByLabel')}
        testId="handover-taken-by"
        value={takenOverBy}
        onValueChange={setTakenOverBy}
      />
      <Submit runner={runner} formKey={key} testId="handover-submit" label={t('withdrawal.confirmHandover')} />
      <ActionError runner={runner} formKey={key} />
    </form>
  );
}

function FinalEvaluationView({ evaluation }: { evaluation: NonNullable<WithdrawalFields['finalEvaluation']> }) {
  const { t, formatDateTime, formatNumber } = useI18n();
  return (
    <div data-testid="final-evaluation">
      <dl className="facts">
        {LEVELS.map((level) => (
          <div key={level} data-testid="final-evaluation-level" data-level={level}>
            <dt>{t(`evaluationLevel.${level}`)}</dt>
            <dd>
              <strong>{formatNumber(evaluation[level].score)}</strong> / {formatNumber(100)}
              {evaluation[level].note && <div className="cell-secondary">{evaluation[level].note}</div>}
            </dd>
          </div>
        ))}
      </dl>
      <p className="muted">
        {t('withdrawal.recordedAt')} <time dateTime={evaluation.recordedAt}>{formatDateTime(evaluation.recordedAt)}</time>
      </p>
    </div>
  );
}

function FinalEvaluationForm({ cultivation, runner }: { cultivation: CultivationDetail; runner: ActionRunner }) {
  const { t } = useI18n();
  const id = useId();
  const key = 'finalEvaluation';
  const [values, setValues] = useState<Record<Level, { score: string; note: string }>>({
    community: { score: '', note: '' },
    organization: { score: '', note: '' },
    institution: { score: '', note: '' },
  });
  const [record] = useMutation(RECORD_FINAL_EVALUATION);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const invalid: Record<string, MessageKey> = {};
    for (const level of LEVELS) {
      const score = Number(values[level].score);
      if (values[level].score.trim() === '' || !Number.isFinite(score) || score < 0 || score > 100) invalid[`${level}Score`] = 'withdrawal.scoreRange';
    }
    if (Object.keys(invalid).length > 0) {
      runner.invalid(key, invalid);
      return;
    }
    const level = (name: Level) => ({ score: Number(values[name].score), note: values[name].note.trim() });
    await runner.run(key, 'finalEvaluation', LEVELS.map((l) => `${l}Score`), () =>
      record({
        variables: {
          input: { cultivationId: cultivation.id, community: level('community'), organization: level('organization'), institution: level('institution') },
        },
      }),
    );
  }

  return (
    <>
      <FromOutcomeEvaluation cultivation={cultivation} runner={runner} formKey={key} />
      <form className="form evaluation-form" data-testid="final-evaluation-form" onSubmit={(event) => void onSubmit(event)} noValidate>
        {LEVELS.map((level) => (
          <EvaluationLevelFields
            key={level}
            id={`${id}-${level}`}
            level={level}
            runner={runner}
            formKey={key}
            value={values[level]}
            onChange={(value) => setValues((current) => ({ ...current, [level]: value }))}
          />
        ))}
        <div className="form-actions">
          <Submit runner={runner} formKey={key} testId="final-evaluation-submit" label={t('withdrawal.recordEvaluation')} />
        </div>
        <ActionError runner={runner} formKey={key} />
      </form>
    </>
  );
}

/** The cultivation's latest outcome evaluation, offered as the final evaluation (its computed level scores are taken). */
function FromOutcomeEvaluation({ cultivation, runner, formKey }: { cultivation: CultivationDetail; runner: ActionRunner; formKey: string }) {
  const { t, formatNumber } = useI18n();
  const formatDay = useFormatDay();
  const { data } = useQuery(CULTIVATION_OUTCOME_EVALUATIONS, { variables: { cultivationId: cultivation.id } });
  const [record] = useMutation(RECORD_FINAL_EVALUATION);
  const latest = data?.outcomeEvaluations.edges[0]?.node;
  if (!latest) return <p className="muted" data-testid="final-evaluation-no-outcome">{t('withdrawal.noOutcomeEvaluation')}</p>;
  return (
    <div className="evaluation-from-outcome" data-testid="final-evaluation-from-outcome">
      <p>
        {t('withdrawal.outcomeEvaluation', {
          day: formatDay(latest.evaluatedOn),
          community: formatNumber(latest.communityScore),
          organization: formatNumber(latest.organizationScore),
          institution: formatNumber(latest.institutionScore),
        })}
      </p>
      <button
        type="button"
        className="button button-primary"
        data-testid="final-evaluation-use-outcome"
        disabled={runner.pending !== null}
        onClick={() =>
          void runner.run(formKey, 'finalEvaluation', ['outcomeEvaluationId'], () => record({ variables: { input: { cultivationId: cultivation.id, outcomeEvaluationId: latest.id } } }))
        }
      >
        {t('withdrawal.useOutcomeEvaluation')}
      </button>
    </div>
  );
}

function EvaluationLevelFields({
  id,
  level,
  runner,
  formKey,
  value,
  onChange,
}: {
  id: string;
  level: Level;
  runner: ActionRunner;
  formKey: string;
  value: { score: string; note: string };
  onChange: (value: { score: string; note: string }) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="evaluation-level">
      <legend>{t(`evaluationLevel.${level}`)}</legend>
      <InputField
        runner={runner}
        formKey={formKey}
        field={`${level}Score`}
        id={`${id}-score`}
        label={t('withdrawal.score')}
        testId={`evaluation-score-${level}`}
        type="number"
        min={0}
        max={100}
        step={1}
        inputMode="numeric"
        value={value.score}
        onValueChange={(score) => onChange({ ...value, score })}
      />
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('withdrawal.note')}</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          data-testid={`evaluation-note-${level}`}
          value={value.note}
          onChange={(event) => onChange({ ...value, note: event.target.value })}
        />
      </div>
    </fieldset>
  );
}

function FollowUpItem({
  followUp,
  cultivation,
  runner,
  canRecord,
}: {
  followUp: WithdrawalFields['followUps'][number];
  cultivation: CultivationDetail;
  runner: ActionRunner;
  canRecord: boolean;
}) {
  const { t, formatDateTime, formatNumber } = useI18n();
  const id = useId();
  const key = `followUp:${followUp.index}`;
  const [passed, setPassed] = useState('true');
  const [note, setNote] = useState('');
  const [record] = useMutation(RECORD_FOLLOW_UP);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await runner.run(key, 'followUp', ['note'], () =>
      record({ variables: { input: { cultivationId: cultivation.id, index: followUp.index, passed: passed === 'true', note: note.trim() } } }),
    );
  }

  return (
    <li className="follow-up" data-testid="follow-up" data-index={followUp.index} data-result={followUp.result}>
      <div className="handover-head">
        <strong>{t('withdrawal.followUpTitle', { months: formatNumber(followUp.monthsAfter) })}</strong>
        <Badge tone={RESULT_TONES[followUp.result] ?? 'muted'}>{t(`followUpResult.${followUp.result}`)}</Badge>
      </div>
      <div className="muted">
        {t('withdrawal.followUpDue')} <time dateTime={followUp.dueAt}>{formatDateTime(followUp.dueAt)}</time> ·{' '}
        {t('withdrawal.followUpWindow')} <time dateTime={followUp.windowEndsAt}>{formatDateTime(followUp.windowEndsAt)}</time>
      </div>
      {followUp.note && <div className="cell-secondary">{followUp.note}</div>}
      {canRecord && (
        <form className="form-inline handover-form" onSubmit={(event) => void onSubmit(event)} noValidate>
          <div className="field">
            <label htmlFor={`${id}-passed`}>{t('withdrawal.followUpOutcome')}</label>
            <select id={`${id}-passed`} data-testid="follow-up-passed" value={passed} onChange={(event) => setPassed(event.target.value)}>
              <option value="true">{t('followUpResult.PASSED')}</option>
              <option value="false">{t('followUpResult.FAILED')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-note`}>{t('withdrawal.note')}</label>
            <input id={`${id}-note`} data-testid="follow-up-note" value={note} onChange={(event) => setNote(event.target.value)} />
          </div>
          <Submit runner={runner} formKey={key} testId="follow-up-submit" label={t('withdrawal.recordFollowUp')} />
          <ActionError runner={runner} formKey={key} />
        </form>
      )}
    </li>
  );
}
