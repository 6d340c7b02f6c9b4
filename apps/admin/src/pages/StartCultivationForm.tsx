import { useId, useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  START_CULTIVATION,
  START_CULTIVATION_OPTIONS,
  type OrganizationCategory,
  type StartCultivationInput,
} from '../graphql/operations';
import { describeApiError } from '../graphql/errors';
import { useI18n } from '../i18n';
import { useErrorMessage } from '../hooks/useErrorMessage';

type Field = keyof StartCultivationInput;
const FIELDS: readonly Field[] = ['organizationId', 'institutionId', 'formationDeadline'];
const CATEGORY_ORDER: readonly OrganizationCategory[] = ['LIFE_SERVICE', 'PUBLIC_WELFARE', 'CULTURE_SPORTS', 'MEDIATION'];

function isField(name: string): name is Field {
  return (FIELDS as readonly string[]).includes(name);
}

/** `datetime-local` wants local wall-clock time without a zone: YYYY-MM-DDTHH:mm. */
function toLocalInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function StartCultivationForm() {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const idPrefix = useId();
  const options = useQuery(START_CULTIVATION_OPTIONS);
  const [startCultivation, { loading: submitting }] = useMutation(START_CULTIVATION, {
    // By name: refetches the list with whatever filter it shows.
    refetchQueries: ['Cultivations'],
  });

  const [organizationId, setOrganizationId] = useState('');
  const [institutionId, setInstitutionId] = useState('');
  const [formationDeadline, setFormationDeadline] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);

  const organizationsByCategory = useMemo(() => {
    const organizations = options.data?.organizations ?? [];
    return CATEGORY_ORDER.map((category) => ({
      category,
      organizations: organizations
        .filter((organization) => organization.category === category)
        .sort((a, b) => a.name.localeCompare(b.name)),
    })).filter((group) => group.organizations.length > 0);
  }, [options.data]);
  const institutions = useMemo(
    () => [...(options.data?.institutions ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
    [options.data],
  );

  const fieldId = (field: Field) => `${idPrefix}-${field}`;
  const errorId = (field: Field) => `${idPrefix}-${field}-error`;

  function clearFieldError(field: Field) {
    setFieldErrors((errors) => {
      if (!(field in errors)) return errors;
      const next = { ...errors };
      delete next[field];
      return next;
    });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSuccess(null);
    setFormError(null);

    const missing: Partial<Record<Field, string>> = {};
    if (!organizationId) missing.organizationId = t('start.required');
    if (!institutionId) missing.institutionId = t('start.required');
    const deadline = formationDeadline ? new Date(formationDeadline) : null;
    if (!deadline || Number.isNaN(deadline.getTime())) missing.formationDeadline = t('start.required');
    setFieldErrors(missing);
    if (Object.keys(missing).length > 0 || !deadline) return;

    try {
      const { data } = await startCultivation({
        variables: { input: { organizationId, institutionId, formationDeadline: deadline.toISOString() } },
      });
      const name = data?.startCultivation.organization.name ?? '';
      setSuccess(t('start.success', { name }));
      setOrganizationId('');
      setInstitutionId('');
      setFormationDeadline('');
    } catch (caught) {
      const info = describeApiError(caught);
      const byField: Partial<Record<Field, string>> = {};
      const unplaced: string[] = [];
      for (const [field, message] of Object.entries(info.fieldErrors)) {
        // The API names input fields either bare ("formationDeadline") or by path ("input.formationDeadline").
        const name = field.split('.').pop() ?? field;
        if (isField(name)) byField[name] = message;
        else unplaced.push(message);
      }
      setFieldErrors(byField);
      if (Object.keys(byField).length === 0 || unplaced.length > 0) {
        setFormError(unplaced.length > 0 ? unplaced.join(' ') : errorMessage(caught));
      }
    }
  }

  const fieldProps = (field: Field) => ({
    id: fieldId(field),
    name: field,
    'aria-invalid': fieldErrors[field] ? true : undefined,
    'aria-describedby': fieldErrors[field] ? errorId(field) : undefined,
  });

  const fieldError = (field: Field) =>
    fieldErrors[field] ? (
      <div className="field-error" id={errorId(field)} data-testid={`field-error-${field}`}>
        {fieldErrors[field]}
      </div>
    ) : null;

  const optionsUnavailable = !options.data && !options.loading && !!options.error;

  return (
    <section className="card" aria-labelledby={`${idPrefix}-title`}>
      <div className="card-header card-header-plain">
        <h2 id={`${idPrefix}-title`}>{t('start.title')}</h2>
      </div>
      <form className="form form-inline" onSubmit={(event) => void onSubmit(event)} noValidate data-testid="start-cultivation-form">
        <div className="field">
          <label htmlFor={fieldId('organizationId')}>{t('start.organization')}</label>
          <select
            {...fieldProps('organizationId')}
            data-testid="start-organization"
            value={organizationId}
            disabled={!options.data}
            onChange={(event) => {
              setOrganizationId(event.target.value);
              clearFieldError('organizationId');
            }}
          >
            <option value="">{options.loading ? t('state.loading') : t('start.choose')}</option>
            {organizationsByCategory.map((group) => (
              <optgroup key={group.category} label={t(`category.${group.category}`)}>
                {group.organizations.map((organization) => (
                  <option key={organization.id} value={organization.id}>
                    {organization.name} · {organization.community.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          {fieldError('organizationId')}
        </div>
        <div className="field">
          <label htmlFor={fieldId('institutionId')}>{t('start.institution')}</label>
          <select
            {...fieldProps('institutionId')}
            data-testid="start-institution"
            value={institutionId}
            disabled={!options.data}
            onChange={(event) => {
              setInstitutionId(event.target.value);
              clearFieldError('institutionId');
            }}
          >
            <option value="">{options.loading ? t('state.loading') : t('start.choose')}</option>
            {institutions.map((institution) => (
              <option key={institution.id} value={institution.id}>
                {institution.name}
              </option>
            ))}
          </select>
          {fieldError('institutionId')}
        </div>
        <div className="field">
          <label htmlFor={fieldId('formationDeadline')}>{t('start.formationDeadline')}</label>
          <input
            {...fieldProps('formationDeadline')}
            type="datetime-local"
            step={1}
            data-testid="start-formation-deadline"
            min={toLocalInputValue(new Date())}
            value={formationDeadline}
            onChange={(event) => {
              setFormationDeadline(event.target.value);
              clearFieldError('formationDeadline');
            }}
          />
          {fieldError('formationDeadline')}
        </div>
        <div className="field field-action">
          <button type="submit" className="button button-primary" data-testid="start-submit" disabled={submitting || !options.data}>
            {submitting ? t('start.submitting') : t('start.submit')}
          </button>
        </div>
      </form>
      {optionsUnavailable && (
        <div className="notice notice-error" role="alert">
          {t('start.optionsError')} {errorMessage(options.error)}
        </div>
      )}
      {formError && (
        <div className="notice notice-error" role="alert" data-testid="start-error">
          {formError}
        </div>
      )}
      {success && (
        <div className="notice notice-success" role="status" data-testid="start-success">
          {success}
        </div>
      )}
    </section>
  );
}
