import { useI18n } from '../i18n';
import { useErrorMessage } from '../hooks/useErrorMessage';

export function LoadingState() {
  const { t } = useI18n();
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {t('state.loading')}
    </div>
  );
}

export function EmptyState({ message }: { message: string }) {
  return <div className="state state-empty">{message}</div>;
}

/** A table's one row saying it has nothing to show, across all `colSpan` columns. */
export function EmptyRow({ colSpan, message }: { colSpan: number; message: string }) {
  return (
    <tr>
      <td colSpan={colSpan}>
        <EmptyState message={message} />
      </td>
    </tr>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  return (
    <div className="state state-error" role="alert">
      <div>
        <strong>{t('state.error')}</strong>
        <div className="muted">{errorMessage(error)}</div>
      </div>
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
}
