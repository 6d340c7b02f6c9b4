// The building blocks of the detail page's action forms: the form with its heading and error, the submit
// button, the labelled fields bound to their field errors, and the one-textarea "plan" form.
import { useId, useState, type ChangeEvent, type FormEvent, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { useI18n, type MessageKey } from '../../i18n';
import { ActionError, useFieldBinding, type ActionName, type ActionRunner } from './actionRunner';

/** A form with a heading, its fields and the error of the last failed request for it (after the fields). */
export function ActionForm({
  title,
  testId,
  formKey,
  runner,
  onSubmit,
  children,
}: {
  title: string;
  testId?: string;
  formKey: string;
  runner: ActionRunner;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void | Promise<void>;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <form className="form action-form" onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby={headingId} data-testid={testId}>
      <h3 id={headingId}>{title}</h3>
      {children}
      <ActionError runner={runner} formKey={formKey} />
    </form>
  );
}

interface SubmitProps {
  runner: ActionRunner;
  formKey: string;
  testId: string;
  label: string;
  tone?: 'primary' | 'secondary' | 'danger';
}

/** The submit button: disabled while any request runs, "submitting…" while its own form's does. */
export function Submit({ runner, formKey, testId, label, tone = 'primary' }: SubmitProps) {
  const { t } = useI18n();
  return (
    <button type="submit" className={`button button-${tone}`} data-testid={testId} disabled={runner.pending !== null}>
      {runner.pending === formKey ? t('actions.submitting') : label}
    </button>
  );
}

/** The submit button in its `form-actions` row. */
export function SubmitButton(props: SubmitProps) {
  return (
    <div className="form-actions">
      <Submit {...props} />
    </div>
  );
}

/** Checks required text fields; reports them to the runner and returns false when any is blank. */
export function requireFields(runner: ActionRunner, key: string, values: Record<string, string>): boolean {
  const missing: Record<string, MessageKey> = {};
  for (const [field, value] of Object.entries(values)) if (!value.trim()) missing[field] = 'actions.required';
  if (Object.keys(missing).length === 0) return true;
  runner.invalid(key, missing);
  return false;
}

interface FieldProps {
  runner: ActionRunner;
  formKey: string;
  /** The input field's name, as the runner and the server know it. */
  field: string;
  id: string;
  label: string;
  testId: string;
  value: string;
  onValueChange: (value: string) => void;
  /** Leaves the field's error standing while the user types (by default typing clears it). */
  keepErrorOnChange?: boolean;
}

type BoundProps = ReturnType<typeof useFieldBinding>['inputProps'] & {
  'data-testid': string;
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
};

type Native<T> = Omit<T, 'id' | 'name' | 'value' | 'onChange'>;

/** A labelled field with its error beneath; `control` renders the input given its props. */
function BoundField({
  runner,
  formKey,
  field,
  id,
  label,
  testId,
  value,
  onValueChange,
  keepErrorOnChange,
  control,
}: FieldProps & { control: (props: BoundProps) => ReactNode }) {
  const binding = useFieldBinding(runner, formKey, field, id);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {control({
        ...binding.inputProps,
        'data-testid': testId,
        value,
        onChange: (event) => {
          onValueChange(event.target.value);
          if (!keepErrorOnChange) runner.clearFieldError(formKey, field);
        },
      })}
      {binding.error}
    </div>
  );
}

export function TextAreaField(props: FieldProps & Native<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  const { runner, formKey, field, id, label, testId, value, onValueChange, keepErrorOnChange, ...native } = props;
  return (
    <BoundField
      {...{ runner, formKey, field, id, label, testId, value, onValueChange, keepErrorOnChange }}
      control={(bound) => <textarea {...bound} {...native} />}
    />
  );
}

export function InputField(props: FieldProps & Native<InputHTMLAttributes<HTMLInputElement>>) {
  const { runner, formKey, field, id, label, testId, value, onValueChange, keepErrorOnChange, ...native } = props;
  return (
    <BoundField
      {...{ runner, formKey, field, id, label, testId, value, onValueChange, keepErrorOnChange }}
      control={(bound) => <input {...bound} {...native} />}
    />
  );
}

/** A form of one required text, the plan (a correction plan, an acknowledgement's plan), cleared once submitted. */
export function PlanForm({
  formKey,
  action,
  runner,
  submit,
  className,
  testId,
  heading,
  label,
  placeholder,
  rows,
  planTestId,
  submitTestId,
  submitLabel,
}: {
  formKey: string;
  action: ActionName;
  runner: ActionRunner;
  /** Sends the trimmed plan. */
  submit: (plan: string) => Promise<unknown>;
  className: string;
  testId?: string;
  heading?: string;
  label: string;
  placeholder?: string;
  rows: number;
  planTestId: string;
  submitTestId: string;
  submitLabel: string;
}) {
  const id = useId();
  const [plan, setPlan] = useState('');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!plan.trim()) {
      runner.invalid(formKey, { plan: 'actions.required' });
      return;
    }
    const ok = await runner.run(formKey, action, ['plan'], () => submit(plan.trim()));
    if (ok) setPlan('');
  }

  return (
    <form className={className} onSubmit={(event) => void onSubmit(event)} noValidate data-testid={testId}>
      {heading !== undefined && <h3>{heading}</h3>}
      <TextAreaField
        runner={runner}
        formKey={formKey}
        field="plan"
        id={`${id}-plan`}
        label={label}
        testId={planTestId}
        rows={rows}
        placeholder={placeholder}
        value={plan}
        onValueChange={setPlan}
      />
      <ActionError runner={runner} formKey={formKey} />
      <SubmitButton runner={runner} formKey={formKey} testId={submitTestId} label={submitLabel} />
    </form>
  );
}
