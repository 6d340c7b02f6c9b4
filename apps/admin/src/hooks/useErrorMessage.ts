import { describeApiError } from '../graphql/errors';
import { useI18n } from '../i18n';

/** A localised message for an API error code, falling back to a generic one. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useI18n();
  return (error) => {
    const info = describeApiError(error);
    if (info.code === 'NETWORK') return t('error.network');
    if (info.code === 'UNKNOWN') return t('error.unknown');
    return t(`error.${info.code}`);
  };
}
