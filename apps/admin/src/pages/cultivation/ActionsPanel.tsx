import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import {
  APPROVE_GATE,
  EXTEND_DEADLINE,
  FLAG_DEVIATION,
  PAUSE_CULTIVATION,
  RESUME_CULTIVATION,
  TERMINATE_CULTIVATION,
  type CultivationDetail,
} from '../../graphql/cultivationDetail';
import type { Role } from '../../graphql/operations';
import { mayTake } from './rules';
import { useI18n, type MessageKey } from '../../i18n';
import type { ActionRunner } from './actionRunner';
import { ActionForm, InputField, SubmitButton, TextAreaField, requireFields } from './actionForm';
import { fromLocalInputValue, toLocalInputValue } from './format';

interface FormProps {
  cultivation: CultivationDetail;
  runner: ActionRunner;
}

/** The process actions the signed-in role may take on this cultivation in its current state. */
export function ActionsPanel({ cultivation, role, runner }: FormProps & { role: Role | undefined }) {
  const { t } = useI18n();
  const ended = cultivation.stage === 'COMPLETED' || cultivation.status === 'TERMINATED';
  const offered = {
    approve: mayTake(role, 'approveGate') && cultivation.status === 'ACTIVE',
    extend: mayTake(role, 'extendDeadline'),
    pause: mayTake(role, 'pause') && cultivation.status === 'ACTIVE',
    resume: mayTake(role, 'resume') && cultivation.status === 'PAUSED',
    flag: mayTake(role, 'flagDeviation') && !cultivation.deviation,
    terminate: mayTake(role, 'terminate'),
  };
  const mayActAtAll = (['approveGate', 'extendDeadline', 'pause', 'flagDeviation', 'terminate', 'submitCorrectionPlan'] as const).some(
    (action) => mayTake(role, action),
  );
  const anyOffered = !ended && Object.values(offered).some(Boolean);

  return (
    <section className="card actions-panel" aria-labelledby="actions-title" data-testid="actions-panel">
      <div className="card-header card-header-plain">
        <h2 id="actions-title">{t('actions.title')}</h2>
      </div>
      {ended ? (
        <p className="muted">{t('actions.ended')}</p>
      ) : !mayActAtAll ? (
        // Analysts only look; others without process actions (street officers) act on escalations.
        <p className="muted" data-testid="actions-view-only">
          {role && role !== 'ANALYST'
            ? t('actions.acknowledgeOnly', { role: t(`role.${role}`) })
            : t('actions.viewOnly', { role: role ? t(`role.${role}`) : '—' })}
        </p>
      ) : !anyOffered ? (
        <p className="muted">{t('actions.noneNow')}</p>
      ) : (
        <div className="action-list">
          {offered.approve && <ApproveForm cultivation={cultivation} runner={runner} />}
          {offered.extend && <ExtendForm cultivation={cultivation} runner={runner} />}
          {offered.pause && <PauseForm cultivation={cultivation} runner={runner} />}
          {offered.resume && <ResumeForm cultivation={cultivation} runner={runner} />}
          {offered.flag && <FlagDeviationForm cultivation={cultivation} runner={runner} />}
          {offered.terminate && <TerminateForm cultivation={cultivation} runner={runner} />}
        </div>
      )}
    </section>
  );
}

function ApproveForm({ cultivation, runner }: FormProps) {
  const { t } = useI18n();
  const id = useId();
  const key = 'approve';
  const [note, setNote] = useState('');
  const [approve] = useMutation(APPROVE_GATE);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ok = await runner.run(key, 'approve', ['note'], () =>
      approve({ variables: { input: { cultivationId: cultivation.id, note: note.trim() || null } } }),
    );
    if (ok) setNote('');
  }

  return (
    <ActionForm title={t('actions.approve.title', { stage: t(`stage.${cultivation.stage}`) })} testId="action-approve" formKey={key} runner={runner} onSubmit={onSubmit}>
      {!cultivation.gate.met && <p className="hint">{t('actions.approve.notMet')}</p>}
      {/* The note is optional: typing leaves a server error on it standing. */}
      <TextAreaField
        runner={runner}
        formKey={key}
        field="note"
        id={`${id}-note`}
        label={t('actions.approve.note')}
        testId="approve-note"
        rows={2}
        value={note}
        onValueChange={setNote}
        keepErrorOnChange
      />
      <SubmitButton runner={runner} formKey={key} testId="approve-submit" label={t('actions.approve.submit')} />
    </ActionForm>
  );
}

function ExtendForm({ cultivation, runner }: FormProps) {
  const { t, formatDateTime } = useI18n();
  const id = useId();
  const key = 'extend';
  const [newDeadline, setNewDeadline] = useState('');
  const [reason, setReason] = useState('');
  const [extend] = useMutation(EXTEND_DEADLINE);
  const earliest = new Date(Math.max(Date.now(), Date.parse(cultivation.stageDeadline) || 0));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const deadline = fromLocalInputValue(newDeadline);
    const errors: Record<string, MessageKey> = {};
    if (!deadline) errors['newDeadline'] = 'actions.required';
    else if (deadline.getTime() <= Date.now()) errors['newDeadline'] = 'actions.future';
    if (!reason.trim()) errors['reason'] = 'actions.required';
    if (Object.keys(errors).length > 0 || !deadline) {
      runner.invalid(key, errors);
      return;
    }
    const ok = await runner.run(key, 'extend', ['newDeadline', 'reason'], () =>
      extend({ variables: { input: { cultivationId: cultivation.id, newDeadline: deadline.toISOString(), reason: reason.trim() } } }),
    );
    if (ok) {
      setNewDeadline('');
      setReason('');
    }
  }

  return (
    <ActionForm title={t('actions.extend.title')} formKey={key} runner={runner} onSubmit={onSubmit}>
      <p className="hint">{t('actions.extend.current', { time: formatDateTime(cultivation.stageDeadline) })}</p>
      <InputField
        runner={runner}
        formKey={key}
        field="newDeadline"
        id={`${id}-deadline`}
        label={t('actions.extend.newDeadline')}
        testId="extend-deadline-input"
        type="datetime-local"
        min={toLocalInputValue(earliest)}
        value={newDeadline}
        onValueChange={setNewDeadline}
      />
      <TextAreaField
        runner={runner}
        formKey={key}
        field="reason"
        id={`${id}-reason`}
        label={t('actions.extend.reason')}
        testId="extend-reason"
        rows={2}
        value={reason}
        onValueChange={setReason}
      />
      <SubmitButton runner={runner} formKey={key} testId="extend-submit" label={t('actions.extend.submit')} />
    </ActionForm>
  );
}

function PauseForm({ cultivation, runner }: FormProps) {
  const { t } = useI18n();
  const id = useId();
  const key = 'pause';
  const [reason, setReason] = useState('');
  const [pause] = useMutation(PAUSE_CULTIVATION);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!requireFields(runner, key, { reason })) return;
    const ok = await runner.run(key, 'pause', ['reason'], () =>
      pause({ variables: { input: { cultivationId: cultivation.id, reason: reason.trim() } } }),
    );
    if (ok) setReason('');
  }

  return (
    <ActionForm title={t('actions.pause.title')} formKey={key} runner={runner} onSubmit={onSubmit}>
      <TextAreaField
        runner={runner}
        formKey={key}
        field="reason"
        id={`${id}-reason`}
        label={t('actions.pause.reason')}
        testId="pause-reason"
        rows={2}
        value={reason}
        onValueChange={setReason}
      />
      <SubmitButton runner={runner} formKey={key} testId="pause-submit" label={t('actions.pause.submit')} tone="secondary" />
    </ActionForm>
  );
}

function ResumeForm({ cultivation, runner }: FormProps) {
  const { t } = useI18n();
  const key = 'resume';
  const [resume] = useMutation(RESUME_CULTIVATION);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await runner.run(key, 'resume', [], () => resume({ variables: { input: { cultivationId: cultivation.id } } }));
  }

  return (
    <ActionForm title={t('actions.resume.title')} formKey={key} runner={runner} onSubmit={onSubmit}>
      <p className="hint">{t('actions.resume.hint')}</p>
      <SubmitButton runner={runner} formKey={key} testId="resume-submit" label={t('actions.resume.submit')} />
    </ActionForm>
  );
}

function FlagDeviationForm({ cultivation, runner }: FormProps) {
  const { t } = useI18n();
  const id = useId();
  const key = 'flag';
  const [note, setNote] = useState('');
  const [due, setDue] = useState('');
  const [flag] = useMutation(FLAG_DEVIATION);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: Record<string, MessageKey> = {};
    if (!note.trim()) errors['note'] = 'actions.required';
    const dueAt = fromLocalInputValue(due);
    if (due && (!dueAt || dueAt.getTime() <= Date.now())) errors['correctionDueAt'] = 'actions.future';
    if (Object.keys(errors).length > 0) {
      runner.invalid(key, errors);
      return;
    }
    const ok = await runner.run(key, 'flag', ['note', 'correctionDueAt'], () =>
      flag({ variables: { input: { cultivationId: cultivation.id, note: note.trim(), correctionDueAt: dueAt ? dueAt.toISOString() : null } } }),
    );
    if (ok) {
      setNote('');
      setDue('');
    }
  }

  return (
    <ActionForm title={t('actions.flag.title')} formKey={key} runner={runner} onSubmit={onSubmit}>
      <TextAreaField
        runner={runner}
        formKey={key}
        field="note"
        id={`${id}-note`}
        label={t('actions.flag.note')}
        testId="flag-note"
        rows={2}
        value={note}
        onValueChange={setNote}
      />
      <InputField
        runner={runner}
        formKey={key}
        field="correctionDueAt"
        id={`${id}-due`}
        label={t('actions.flag.due')}
        testId="flag-due"
        type="datetime-local"
        min={toLocalInputValue(new Date())}
        value={due}
        onValueChange={setDue}
      />
      <SubmitButton runner={runner} formKey={key} testId="flag-submit" label={t('actions.flag.submit')} tone="secondary" />
    </ActionForm>
  );
}

function TerminateForm({ cultivation, runner }: FormProps) {
  const { t } = useI18n();
  const id = useId();
  const key = 'terminate';
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [terminate] = useMutation(TERMINATE_CULTIVATION);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!requireFields(runner, key, { reason })) return;
    setConfirming(true);
  }

  async function onConfirm() {
    const ok = await runner.run(key, 'terminate', ['reason'], () =>
      terminate({ variables: { input: { cultivationId: cultivation.id, reason: reason.trim() } } }),
    );
    setConfirming(false);
    if (ok) setReason('');
  }

  return (
    <ActionForm title={t('actions.terminate.title')} formKey={key} runner={runner} onSubmit={onSubmit}>
      <TextAreaField
        runner={runner}
        formKey={key}
        field="reason"
        id={`${id}-reason`}
        label={t('actions.terminate.reason')}
        testId="terminate-reason"
        rows={2}
        value={reason}
        readOnly={confirming}
        onValueChange={setReason}
      />
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>{t('actions.terminate.confirmText', { name: cultivation.organization.name })}</p>
          <div className="form-actions">
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)} disabled={runner.pending !== null}>
              {t('actions.cancel')}
            </button>
            <button
              type="button"
              className="button button-danger"
              data-testid="terminate-confirm"
              onClick={() => void onConfirm()}
              disabled={runner.pending !== null}
              autoFocus
            >
              {runner.pending === key ? t('actions.submitting') : t('actions.terminate.confirm')}
            </button>
          </div>
        </div>
      ) : (
        <SubmitButton runner={runner} formKey={key} testId="terminate-submit" label={t('actions.terminate.submit')} tone="danger" />
      )}
    </ActionForm>
  );
}
