// The forms of districts and streets: recording a district (city-wide scopes only, as the service
// decides), renaming one at the version read, recording a street in a district and renaming one.
// Offered to programme managers and ADMIN, like the other place forms.
import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useNavigate } from 'react-router-dom';
import { ME_SCOPES } from '../../graphql/insights';
import { CREATE_DISTRICT, CREATE_STREET, UPDATE_DISTRICT, UPDATE_STREET } from '../../graphql/places';
import { useI18n } from '../../i18n';
import { Field, FormError, FormSuccess, missingFields } from './common';
import { FormCard, SubmitRow, useFormErrors, useMayManagePlaces } from './placeForms';

/** A district code as the service accepts it: letters, digits and dashes, 2 to 32 characters. */
export const DISTRICT_CODE = /^[A-Za-z0-9-]{2,32}$/;

/** Whether the signed-in user may record a district: a programme manager or ADMIN with a city-wide scope. */
export function useMayCreateDistrict(): boolean {
  const allowed = useMayManagePlaces();
  const me = useQuery(ME_SCOPES, { skip: !allowed, fetchPolicy: 'cache-first' });
  const user = me.data?.me;
  return allowed && !!user && (user.role === 'ADMIN' || user.scopes.some((s) => s.kind === 'CITY'));
}

/** Records a district and opens it. */
export function DistrictCreateForm({ onCancel }: { onCancel?: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const navigate = useNavigate();
  const allowed = useMayManagePlaces();
  const [create, creating] = useMutation(CREATE_DISTRICT, { refetchQueries: ['DistrictsOverview', 'Districts'] });
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const errors = useFormErrors(['name', 'code']);
  if (!allowed) return null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const invalid = missingFields({ name, code }, t('directory.required'));
    if (!invalid['code'] && !DISTRICT_CODE.test(code.trim())) invalid['code'] = t('districtForm.badCode');
    errors.setFieldErrors(invalid);
    if (Object.keys(invalid).length > 0) return;
    try {
      const { data } = await create({ variables: { input: { name: name.trim(), code: code.trim() } } });
      if (data) void navigate(`/districts/${data.createDistrict.id}`);
    } catch (caught) {
      errors.fail(caught);
    }
  }

  return (
    <FormCard title={t('districtForm.createTitle')} testId="district-create-form" onSubmit={(event) => void onSubmit(event)}>
      <Field id={`${id}-name`} name="name" label={t('districtForm.name')} error={errors.fieldErrors['name']}>
        {(props) => (
          <input
            {...props}
            data-testid="district-name"
            value={name}
            maxLength={100}
            onChange={(event) => {
              setName(event.target.value);
              errors.clear('name');
            }}
          />
        )}
      </Field>
      <Field id={`${id}-code`} name="code" label={t('districtForm.code')} error={errors.fieldErrors['code']}>
        {(props) => (
          <input
            {...props}
            data-testid="district-code"
            value={code}
            maxLength={32}
            onChange={(event) => {
              setCode(event.target.value);
              errors.clear('code');
            }}
          />
        )}
      </Field>
      <FormError message={errors.formError} testId="district-form-error" />
      <SubmitRow testId="district-submit" saving={creating.loading} label={t('districtForm.create')} onCancel={onCancel} />
    </FormCard>
  );
}

/** One name field, for renaming a district or a street and recording a street. */
function NameForm({
  title,
  testId,
  initial,
  saving,
  submitLabel,
  conflictMessage,
  onSave,
  onCancel,
}: {
  title: string;
  /** Prefix of the form's test ids: `<testId>-form`, `-name`, `-submit`, `-error`, `-success`. */
  testId: string;
  initial: string;
  saving: boolean;
  submitLabel: string;
  conflictMessage?: string;
  /** Sends the name; resolves to the success message, or throws the mutation's error. */
  onSave: (name: string) => Promise<string>;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [name, setName] = useState(initial);
  const [saved, setSaved] = useState<string | null>(null);
  const errors = useFormErrors(['name'], conflictMessage);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    setSaved(null);
    const missing = missingFields({ name }, t('directory.required'));
    errors.setFieldErrors(missing);
    if (Object.keys(missing).length > 0) return;
    try {
      setSaved(await onSave(name.trim()));
      if (!initial) setName('');
    } catch (caught) {
      errors.fail(caught);
    }
  }

  return (
    <FormCard title={title} testId={`${testId}-form`} onSubmit={(event) => void onSubmit(event)}>
      <Field id={`${id}-name`} name="name" label={t('districtForm.name')} error={errors.fieldErrors['name']}>
        {(props) => (
          <input
            {...props}
            data-testid={`${testId}-name`}
            value={name}
            maxLength={100}
            onChange={(event) => {
              setName(event.target.value);
              errors.clear('name');
            }}
          />
        )}
      </Field>
      <FormError message={errors.formError} testId={`${testId}-error`} />
      <FormSuccess message={saved} testId={`${testId}-success`} />
      <SubmitRow testId={`${testId}-submit`} saving={saving} label={submitLabel} onCancel={onCancel} />
    </FormCard>
  );
}

/** Renames a district at the version read (CONFLICT when someone changed it since). */
export function DistrictRenameForm({ district, onDone, onCancel }: { district: { id: string; name: string; version: number }; onDone?: () => void; onCancel?: () => void }) {
  const { t } = useI18n();
  const allowed = useMayManagePlaces();
  const [update, updating] = useMutation(UPDATE_DISTRICT);
  if (!allowed) return null;
  return (
    <NameForm
      title={t('districtForm.renameTitle')}
      testId="district-rename"
      initial={district.name}
      saving={updating.loading}
      submitLabel={t('districtForm.save')}
      conflictMessage={t('districtForm.conflict')}
      onCancel={onCancel}
      onSave={async (name) => {
        await update({ variables: { input: { id: district.id, version: district.version, name } } });
        onDone?.();
        return t('districtForm.saved');
      }}
    />
  );
}

/** Records a street in a district. */
export function StreetCreateForm({ districtId, onDone, onCancel }: { districtId: string; onDone?: () => void; onCancel?: () => void }) {
  const { t } = useI18n();
  const allowed = useMayManagePlaces();
  const [create, creating] = useMutation(CREATE_STREET, { refetchQueries: ['DistrictStreets'] });
  if (!allowed) return null;
  return (
    <NameForm
      title={t('streetForm.createTitle')}
      testId="street-create"
      initial=""
      saving={creating.loading}
      submitLabel={t('streetForm.create')}
      onCancel={onCancel}
      onSave={async (name) => {
        await create({ variables: { input: { districtId, name } } });
        onDone?.();
        return t('streetForm.created', { name });
      }}
    />
  );
}

/** Renames a street at the version read. */
export function StreetRenameForm({ street, onDone, onCancel }: { street: { id: string; name: string; version: number }; onDone?: () => void; onCancel?: () => void }) {
  const { t } = useI18n();
  const allowed = useMayManagePlaces();
  const [update, updating] = useMutation(UPDATE_STREET);
  if (!allowed) return null;
  return (
    <NameForm
      title={t('streetForm.renameTitle', { name: street.name })}
      testId="street-rename"
      initial={street.name}
      saving={updating.loading}
      submitLabel={t('districtForm.save')}
      conflictMessage={t('streetForm.conflict')}
      onCancel={onCancel}
      onSave={async (name) => {
        await update({ variables: { input: { id: street.id, version: street.version, name } } });
        onDone?.();
        return t('streetForm.saved');
      }}
    />
  );
}
