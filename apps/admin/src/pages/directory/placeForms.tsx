// The forms of communities, institutions and service contracts: recording a community in a street,
// editing one, recording and renaming an institution, recording a service contract and moving its
// end. Edits send the version read, so a concurrent change is refused (CONFLICT) rather than
// overwritten. Only programme managers (and ADMIN) are offered them, as the services decide.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useNavigate } from 'react-router-dom';
import {
  CREATE_COMMUNITY,
  CREATE_INSTITUTION,
  DISTRICT_STREETS,
  RECORD_SERVICE_CONTRACT,
  SET_SERVICE_CONTRACT_END,
  UPDATE_COMMUNITY,
  UPDATE_INSTITUTION,
  type CommunityDetail,
  type ServiceContractRow,
} from '../../graphql/directory';
import { describeApiError } from '../../graphql/errors';
import { DISTRICTS } from '../../graphql/insights';
import type { Role } from '../../graphql/operations';
import { useSession } from '../../auth/useSession';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useI18n } from '../../i18n';
import { Field, FormError, FormSuccess, formErrorsOf, missingFields, type FieldErrors } from './common';

/** Who may record and change communities, institutions and service contracts. */
export function mayManagePlaces(role: Role | null | undefined): boolean {
  return role === 'PROGRAMME_MANAGER' || role === 'ADMIN';
}

export function useMayManagePlaces(): boolean {
  return mayManagePlaces(useSession()?.user.role);
}

/** The field errors and form error of one form, filled from a failed mutation. */
export function useFormErrors(fields: readonly string[], conflictMessage?: string) {
  const errorMessage = useErrorMessage();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  return {
    fieldErrors,
    formError,
    setFieldErrors,
    reset: () => setFormError(null),
    fail(caught: unknown) {
      const { fieldErrors: byField, formError: rest } = formErrorsOf(caught, fields, errorMessage);
      setFieldErrors(byField);
      setFormError(conflictMessage && describeApiError(caught).code === 'CONFLICT' ? conflictMessage : rest);
    },
    clear: (field: string) => setFieldErrors(({ [field]: _gone, ...rest }) => rest),
  };
}

export function FormCard({ title, testId, onSubmit, children }: { title: string; testId: string; onSubmit: (event: FormEvent<HTMLFormElement>) => void; children: ReactNode }) {
  return (
    <section className="card">
      <h2>{title}</h2>
      <form className="form" onSubmit={onSubmit} noValidate data-testid={testId}>
        {children}
      </form>
    </section>
  );
}

export function SubmitRow({ testId, saving, label, onCancel }: { testId: string; saving: boolean; label: string; onCancel?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="form-actions">
      {onCancel && (
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('directory.cancel')}
        </button>
      )}
      <button type="submit" className="button button-primary" data-testid={testId} disabled={saving}>
        {saving ? t('directory.saving') : label}
      </button>
    </div>
  );
}

/** A whole number of 0 or more typed in a field; null when blank, undefined when not a number. */
function countOf(value: string): number | null | undefined {
  const trimmed = value.trim();
  if (!trimmed) return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}

// ---- Communities --------------------------------------------------------------------------------

/** Records a community in a street, chosen by district then street (either given beforehand, e.g. from a district's page); opens the new community. */
export function CommunityCreateForm({ onCancel, initialDistrictId = '', initialStreetId = '' }: { onCancel?: () => void; initialDistrictId?: string; initialStreetId?: string }) {
  const { t } = useI18n();
  const id = useId();
  const navigate = useNavigate();
  const allowed = useMayManagePlaces();
  const districts = useQuery(DISTRICTS, { skip: !allowed });
  const [districtId, setDistrictId] = useState(initialDistrictId);
  const streets = useQuery(DISTRICT_STREETS, { variables: { id: districtId }, skip: !allowed || !districtId });
  const [create, creating] = useMutation(CREATE_COMMUNITY);
  const [streetId, setStreetId] = useState(initialDistrictId ? initialStreetId : '');
  const [name, setName] = useState('');
  const errors = useFormErrors(['streetId', 'name']);
  if (!allowed) return null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const missing = missingFields({ streetId, name }, t('directory.required'));
    errors.setFieldErrors(missing);
    if (Object.keys(missing).length > 0) return;
    try {
      const { data } = await create({ variables: { input: { streetId, name: name.trim() } } });
      if (data) void navigate(`/communities/${data.createCommunity.id}`);
    } catch (caught) {
      errors.fail(caught);
    }
  }

  return (
    <FormCard title={t('communityForm.createTitle')} testId="community-create-form" onSubmit={(event) => void onSubmit(event)}>
      <Field id={`${id}-district`} name="districtId" label={t('communityForm.district')} error={errors.fieldErrors['districtId']}>
        {(props) => (
          <select
            {...props}
            data-testid="community-district"
            value={districtId}
            onChange={(event) => {
              setDistrictId(event.target.value);
              setStreetId('');
            }}
          >
            <option value="">{districts.loading ? t('state.loading') : t('places.choose')}</option>
            {(districts.data?.districts ?? []).map((district) => (
              <option key={district.id} value={district.id}>
                {district.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-street`} name="streetId" label={t('communityForm.street')} error={errors.fieldErrors['streetId']}>
        {(props) => (
          <select
            {...props}
            data-testid="community-street"
            value={streetId}
            disabled={!streets.data}
            onChange={(event) => {
              setStreetId(event.target.value);
              errors.clear('streetId');
            }}
          >
            <option value="">{streets.loading ? t('state.loading') : t('places.choose')}</option>
            {(streets.data?.district.streets ?? []).map((street) => (
              <option key={street.id} value={street.id}>
                {street.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-name`} name="name" label={t('communityForm.name')} error={errors.fieldErrors['name']}>
        {(props) => (
          <input
            {...props}
            data-testid="community-name"
            value={name}
            maxLength={100}
            onChange={(event) => {
              setName(event.target.value);
              errors.clear('name');
            }}
          />
        )}
      </Field>
      <FormError message={errors.formError} testId="community-form-error" />
      <SubmitRow testId="community-submit" saving={creating.loading} label={t('communityForm.create')} onCancel={onCancel} />
    </FormCard>
  );
}

/** Edits a community's name, population, households and address at the version read. */
export function CommunityEditForm({ community, onDone }: { community: Pick<CommunityDetail, 'id' | 'name' | 'population' | 'households' | 'address' | 'version'>; onDone?: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const allowed = useMayManagePlaces();
  const [update, updating] = useMutation(UPDATE_COMMUNITY);
  const [name, setName] = useState(community.name);
  const [population, setPopulation] = useState(community.population == null ? '' : String(community.population));
  const [households, setHouseholds] = useState(community.households == null ? '' : String(community.households));
  const [address, setAddress] = useState(community.address ?? '');
  // The version this form was opened at, then the one each save returns.
  const [version, setVersion] = useState(community.version);
  const [saved, setSaved] = useState<string | null>(null);
  const errors = useFormErrors(['name', 'population', 'households', 'address'], t('communityForm.conflict'));
  if (!allowed) return null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    setSaved(null);
    const invalid = missingFields({ name }, t('directory.required'));
    const populationCount = countOf(population);
    const householdCount = countOf(households);
    if (populationCount === undefined) invalid['population'] = t('communityForm.notANumber');
    if (householdCount === undefined) invalid['households'] = t('communityForm.notANumber');
    errors.setFieldErrors(invalid);
    if (Object.keys(invalid).length > 0) return;
    try {
      const { data } = await update({
        variables: {
          input: {
            id: community.id,
            version,
            name: name.trim(),
            population: populationCount ?? null,
            households: householdCount ?? null,
            address: address.trim() || null,
          },
        },
      });
      if (data) setVersion(data.updateCommunity.version);
      setSaved(t('communityForm.saved'));
      onDone?.();
    } catch (caught) {
      errors.fail(caught);
    }
  }

  const text = (field: string, label: string, value: string, set: (value: string) => void, extra: { inputMode?: 'numeric'; maxLength?: number }) => (
    <Field id={`${id}-${field}`} name={field} label={label} error={errors.fieldErrors[field]}>
      {(props) => (
        <input
          {...props}
          {...extra}
          data-testid={`community-${field}`}
          value={value}
          onChange={(event) => {
            set(event.target.value);
            errors.clear(field);
          }}
        />
      )}
    </Field>
  );

  return (
    <FormCard title={t('communityForm.editTitle')} testId="community-edit-form" onSubmit={(event) => void onSubmit(event)}>
      {text('name', t('communityForm.name'), name, setName, { maxLength: 100 })}
      {text('population', t('communityForm.population'), population, setPopulation, { inputMode: 'numeric' })}
      {text('households', t('communityForm.households'), households, setHouseholds, { inputMode: 'numeric' })}
      {text('address', t('communityForm.address'), address, setAddress, { maxLength: 300 })}
      <FormError message={errors.formError} testId="community-form-error" />
      <FormSuccess message={saved} testId="community-form-success" />
      <SubmitRow testId="community-save" saving={updating.loading} label={t('communityForm.save')} />
    </FormCard>
  );
}

// ---- Institutions -------------------------------------------------------------------------------

/** Records an institution and opens it. */
export function InstitutionCreateForm({ onCancel }: { onCancel?: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const navigate = useNavigate();
  const allowed = useMayManagePlaces();
  const [create, creating] = useMutation(CREATE_INSTITUTION);
  const [name, setName] = useState('');
  const errors = useFormErrors(['name']);
  if (!allowed) return null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const missing = missingFields({ name }, t('directory.required'));
    errors.setFieldErrors(missing);
    if (Object.keys(missing).length > 0) return;
    try {
      const { data } = await create({ variables: { input: { name: name.trim() } } });
      if (data) void navigate(`/institutions/${data.createInstitution.id}`);
    } catch (caught) {
      errors.fail(caught);
    }
  }

  return (
    <FormCard title={t('institutionForm.createTitle')} testId="institution-create-form" onSubmit={(event) => void onSubmit(event)}>
      <Field id={`${id}-name`} name="name" label={t('institutionForm.name')} error={errors.fieldErrors['name']}>
        {(props) => (
          <input
            {...props}
            data-testid="institution-name"
            value={name}
            maxLength={200}
            onChange={(event) => {
              setName(event.target.value);
              errors.clear('name');
            }}
          />
        )}
      </Field>
      <FormError message={errors.formError} testId="institution-form-error" />
      <SubmitRow testId="institution-submit" saving={creating.loading} label={t('institutionForm.create')} onCancel={onCancel} />
    </FormCard>
  );
}

/** Renames an institution at the version read. */
export function InstitutionRenameForm({ institution, onDone }: { institution: { id: string; name: string; version: number }; onDone?: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const allowed = useMayManagePlaces();
  const [update, updating] = useMutation(UPDATE_INSTITUTION);
  const [name, setName] = useState(institution.name);
  const [version, setVersion] = useState(institution.version);
  const [saved, setSaved] = useState<string | null>(null);
  const errors = useFormErrors(['name'], t('institutionForm.conflict'));
  if (!allowed) return null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    setSaved(null);
    const missing = missingFields({ name }, t('directory.required'));
    errors.setFieldErrors(missing);
    if (Object.keys(missing).length > 0) return;
    try {
      const { data } = await update({ variables: { input: { id: institution.id, version, name: name.trim() } } });
      if (data) setVersion(data.updateInstitution.version);
      setSaved(t('institutionForm.saved'));
      onDone?.();
    } catch (caught) {
      errors.fail(caught);
    }
  }

  return (
    <FormCard title={t('institutionForm.renameTitle')} testId="institution-rename-form" onSubmit={(event) => void onSubmit(event)}>
      <Field id={`${id}-name`} name="name" label={t('institutionForm.name')} error={errors.fieldErrors['name']}>
        {(props) => (
          <input
            {...props}
            data-testid="institution-rename-name"
            value={name}
            maxLength={200}
            onChange={(event) => {
              setName(event.target.value);
              errors.clear('name');
            }}
          />
        )}
      </Field>
      <FormError message={errors.formError} testId="institution-form-error" />
      <FormSuccess message={saved} testId="institution-form-success" />
      <SubmitRow testId="institution-rename-submit" saving={updating.loading} label={t('institutionForm.save')} />
    </FormCard>
  );
}

// ---- Service contracts ----------------------------------------------------------------------------

/** Records a service contract of an institution: district, optional streets of it, reference and period. */
export function ServiceContractForm({ institutionId, onDone }: { institutionId: string; onDone?: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const allowed = useMayManagePlaces();
  const districts = useQuery(DISTRICTS, { skip: !allowed });
  const [districtId, setDistrictId] = useState('');
  const streets = useQuery(DISTRICT_STREETS, { variables: { id: districtId }, skip: !allowed || !districtId });
  const [record, recording] = useMutation(RECORD_SERVICE_CONTRACT);
  const [streetIds, setStreetIds] = useState<string[]>([]);
  const [reference, setReference] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const errors = useFormErrors(['districtId', 'streetIds', 'reference', 'startsOn', 'endsOn']);
  if (!allowed) return null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    setSaved(null);
    const invalid = missingFields({ districtId, reference, startsOn, endsOn }, t('directory.required'));
    if (startsOn && endsOn && endsOn < startsOn) invalid['endsOn'] = t('contractForm.endBeforeStart');
    errors.setFieldErrors(invalid);
    if (Object.keys(invalid).length > 0) return;
    try {
      await record({ variables: { input: { institutionId, districtId, streetIds, reference: reference.trim(), startsOn, endsOn } } });
      setSaved(t('contractForm.recorded'));
      setReference('');
      setStreetIds([]);
      onDone?.();
    } catch (caught) {
      errors.fail(caught);
    }
  }

  const input = (field: 'reference' | 'startsOn' | 'endsOn', label: string, value: string, set: (value: string) => void) => (
    <Field id={`${id}-${field}`} name={field} label={label} error={errors.fieldErrors[field]}>
      {(props) => (
        <input
          {...props}
          type={field === 'reference' ? 'text' : 'date'}
          data-testid={`contract-${field}`}
          value={value}
          onChange={(event) => {
            set(event.target.value);
            errors.clear(field);
          }}
        />
      )}
    </Field>
  );

  return (
    <FormCard title={t('contractForm.title')} testId="contract-form" onSubmit={(event) => void onSubmit(event)}>
      <Field id={`${id}-district`} name="districtId" label={t('contractForm.district')} error={errors.fieldErrors['districtId']}>
        {(props) => (
          <select
            {...props}
            data-testid="contract-district"
            value={districtId}
            onChange={(event) => {
              setDistrictId(event.target.value);
              setStreetIds([]);
              errors.clear('districtId');
            }}
          >
            <option value="">{districts.loading ? t('state.loading') : t('places.choose')}</option>
            {(districts.data?.districts ?? []).map((district) => (
              <option key={district.id} value={district.id}>
                {district.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-streets`} name="streetIds" label={t('contractForm.streets')} error={errors.fieldErrors['streetIds']}>
        {(props) => (
          <select
            {...props}
            multiple
            data-testid="contract-streets"
            value={streetIds}
            disabled={!streets.data}
            onChange={(event) => {
              setStreetIds([...event.target.selectedOptions].map((option) => option.value));
              errors.clear('streetIds');
            }}
          >
            {(streets.data?.district.streets ?? []).map((street) => (
              <option key={street.id} value={street.id}>
                {street.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {input('reference', t('contractForm.reference'), reference, setReference)}
      {input('startsOn', t('contractForm.startsOn'), startsOn, setStartsOn)}
      {input('endsOn', t('contractForm.endsOn'), endsOn, setEndsOn)}
      <FormError message={errors.formError} testId="contract-form-error" />
      <FormSuccess message={saved} testId="contract-form-success" />
      <SubmitRow testId="contract-submit" saving={recording.loading} label={t('contractForm.submit')} />
    </FormCard>
  );
}

/** Moves a contract's last day (ends it early or extends it) at the version read. */
export function ContractEndForm({
  contract,
  onDone,
  onCancel,
}: {
  contract: Pick<ServiceContractRow, 'id' | 'version' | 'startsOn' | 'endsOn'>;
  onDone?: () => void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const allowed = useMayManagePlaces();
  const [setEnd, setting] = useMutation(SET_SERVICE_CONTRACT_END);
  const [endsOn, setEndsOn] = useState(contract.endsOn);
  const errors = useFormErrors(['endsOn'], t('contractEnd.conflict'));
  if (!allowed) return null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const invalid = missingFields({ endsOn }, t('directory.required'));
    if (endsOn && endsOn < contract.startsOn) invalid['endsOn'] = t('contractForm.endBeforeStart');
    errors.setFieldErrors(invalid);
    if (Object.keys(invalid).length > 0) return;
    try {
      await setEnd({ variables: { input: { id: contract.id, version: contract.version, endsOn } } });
      onDone?.();
    } catch (caught) {
      errors.fail(caught);
    }
  }

  return (
    <form className="form form-inline" onSubmit={(event) => void onSubmit(event)} noValidate data-testid="contract-end-form">
      <Field id={`${id}-endsOn`} name="endsOn" label={t('contractEnd.endsOn')} error={errors.fieldErrors['endsOn']}>
        {(props) => (
          <input
            {...props}
            type="date"
            data-testid="contract-end-on"
            value={endsOn}
            onChange={(event) => {
              setEndsOn(event.target.value);
              errors.clear('endsOn');
            }}
          />
        )}
      </Field>
      <FormError message={errors.formError} testId="contract-end-error" />
      <SubmitRow testId="contract-end-submit" saving={setting.loading} label={t('contractEnd.submit')} onCancel={onCancel} />
    </form>
  );
}
