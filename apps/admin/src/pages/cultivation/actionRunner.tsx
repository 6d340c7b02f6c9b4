// Runs the detail page's mutations the same way: one at a time, field errors next to their fields,
// a coded error in the form that failed, a refetch afterwards and a success notice for the page.
import { useCallback, useState } from 'react';
import { describeApiError, type ApiErrorInfo } from '../../graphql/errors';
import { useI18n, type MessageKey } from '../../i18n';

export type ActionName = 'approve' | 'extend' | 'pause' | 'resume' | 'flag' | 'correction' | 'terminate' | 'acknowledge'
  | 'advanceWithdrawal' | 'handover' | 'finalEvaluation' | 'followUp';

/** Codes whose server message says something the localised message cannot: which criteria, which limit. */
const SERVER_DETAIL_CODES = new Set<ApiErrorInfo['code']>(['GATE_NOT_MET', 'EXTENSION_BEYOND_POLICY']);

/** A field's error: the server's words, or one of the app's messages (localised when shown, so a language switch applies). */
export type FieldMessage = { text: string } | { key: MessageKey };

export interface ActionFailure {
  /** The form that failed: the action, plus the escalation for acknowledgements. */
  key: string;
  code: ApiErrorInfo['code'];
  /** The server's own words, shown beneath the localised message when they add something. */
  detail: string | null;
  fieldErrors: Record<string, FieldMessage>;
}

export interface ActionRunner {
  /** The form whose request is under way, if any. */
  pending: string | null;
  failure: ActionFailure | null;
  success: ActionName | null;
  /**
   * Runs a mutation for the form `key`; `fields` are the input fields that form shows, so that the
   * server's field errors land next to them. Resolves true when it succeeded.
   */
  run: (key: string, name: ActionName, fields: readonly string[], mutate: () => Promise<unknown>) => Promise<boolean>;
  /** Reports input the form found invalid before asking the server: message keys by field. */
  invalid: (key: string, fieldErrors: Record<string, MessageKey>) => void;
  clearFieldError: (key: string, field: string) => void;
  dismissSuccess: () => void;
}

export function useActionRunner(refetch: () => Promise<unknown>): ActionRunner {
  const [pending, setPending] = useState<string | null>(null);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [success, setSuccess] = useState<ActionName | null>(null);

  const run = useCallback<ActionRunner['run']>(
    async (key, name, fields, mutate) => {
      setPending(key);
      setFailure(null);
      setSuccess(null);
      try {
        await mutate();
      } catch (caught) {
        const info = describeApiError(caught);
        const fieldErrors: Record<string, FieldMessage> = {};
        const unplaced: string[] = [];
        for (const [field, message] of Object.entries(info.fieldErrors)) {
          // The API names input fields either bare ("reason") or by path ("input.reason").
          const bare = field.split('.').pop() ?? field;
          if (fields.includes(bare)) fieldErrors[bare] = { text: message };
          else unplaced.push(message);
        }
        const detail = SERVER_DETAIL_CODES.has(info.code) ? info.message : unplaced.length > 0 ? unplaced.join(' ') : null;
        setFailure({ key, code: info.code, detail, fieldErrors });
        setPending(null);
        return false;
      }
      try {
        await refetch();
      } catch {
        // The mutation went through; the next poll brings the page up to date.
      }
      setPending(null);
      setSuccess(name);
      return true;
    },
    [refetch],
  );

  const invalid = useCallback<ActionRunner['invalid']>((key, fieldErrors) => {
    setSuccess(null);
    const messages: Record<string, FieldMessage> = {};
    for (const [field, messageKey] of Object.entries(fieldErrors)) messages[field] = { key: messageKey };
    setFailure({ key, code: 'BAD_USER_INPUT', detail: null, fieldErrors: messages });
  }, []);

  const clearFieldError = useCallback<ActionRunner['clearFieldError']>((key, field) => {
    setFailure((current) => {
      if (!current || current.key !== key || !(field in current.fieldErrors)) return current;
      const fieldErrors = { ...current.fieldErrors };
      delete fieldErrors[field];
      return { ...current, fieldErrors };
    });
  }, []);

  const dismissSuccess = useCallback(() => setSuccess(null), []);

  return { pending, failure, success, run, invalid, clearFieldError, dismissSuccess };
}

/** The error of the form `formKey`, if it was the last to fail. */
export function ActionError({ runner, formKey }: { runner: ActionRunner; formKey: string }) {
  const { t } = useI18n();
  const failure = runner.failure;
  if (!failure || failure.key !== formKey) return null;
  const message =
    failure.code === 'NETWORK' ? t('error.network') : failure.code === 'UNKNOWN' ? t('error.unknown') : t(`error.${failure.code}`);
  return (
    <div className="notice notice-error" role="alert" data-testid="action-error" data-code={failure.code}>
      <div>{message}</div>
      {failure.detail && <div className="notice-detail">{failure.detail}</div>}
    </div>
  );
}

/** The props tying an input to its form's field error, and the error itself. */
export function useFieldBinding(runner: ActionRunner, formKey: string, field: string, id: string) {
  const { t } = useI18n();
  const fieldMessage = runner.failure?.key === formKey ? runner.failure.fieldErrors[field] : undefined;
  const message = fieldMessage ? ('key' in fieldMessage ? t(fieldMessage.key) : fieldMessage.text) : undefined;
  const errorId = `${id}-error`;
  return {
    inputProps: {
      id,
      name: field,
      'aria-invalid': message ? true : undefined,
      'aria-describedby': message ? errorId : undefined,
    },
    error: message ? (
      <div className="field-error" id={errorId} data-testid={`field-error-${field}`}>
        {message}
      </div>
    ) : null,
  };
}
