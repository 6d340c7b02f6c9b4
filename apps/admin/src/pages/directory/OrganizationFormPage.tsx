// Creating an organization (/organizations/new) and editing one (/organizations/:id/edit): name,
// category and, when creating, its community. Edits send the version read, so a concurrent change is
// refused (CONFLICT) rather than overwritten.
import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { CREATE_ORGANIZATION, ORGANIZATION_DETAIL, UPDATE_ORGANIZATION, type OrganizationDetail } from '../../graphql/directory';
import { describeApiError } from '../../graphql/errors';
import { COMMUNITY_NAMES } from '../../graphql/insights';
import type { OrganizationCategory } from '../../graphql/operations';
import { useSession } from '../../auth/useSession';
import { LoadingState } from '../../components/states';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useI18n } from '../../i18n';
import { CATEGORIES, Field, FormError, formErrorsOf, mayDo, missingFields, oneOf, RecordError, type FieldErrors } from './common';

export default function OrganizationFormRoute() {
  const { id } = useParams();
  return id ? <EditOrganization id={id} /> : <OrganizationForm organization={null} />;
}

function EditOrganization({ id }: { id: string }) {
  const { data, error, refetch } = useQuery(ORGANIZATION_DETAIL, { variables: { id } });
  if (error && !data) return <RecordError error={error} backTo="/organizations" onRetry={() => void refetch()} />;
  if (!data) return <LoadingState />;
  return <OrganizationForm key={data.organization.version} organization={data.organization} />;
}

export function OrganizationForm({ organization }: { organization: OrganizationDetail | null }) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const id = useId();
  const role = useSession()?.user.role;
  const communities = useQuery(COMMUNITY_NAMES, { skip: organization !== null });
  const [create, creating] = useMutation(CREATE_ORGANIZATION);
  const [update, updating] = useMutation(UPDATE_ORGANIZATION);
  const [name, setName] = useState(organization?.name ?? '');
  const [category, setCategory] = useState<string>(organization?.category ?? '');
  const [communityId, setCommunityId] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const saving = creating.loading || updating.loading;

  if (!mayDo(role, 'editOrganization')) {
    return (
      <div className="page">
        <div className="state state-error" role="alert" data-testid="organization-form-forbidden">
          {t('error.FORBIDDEN')}
        </div>
      </div>
    );
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const missing = missingFields(organization ? { name, category } : { name, category, communityId }, t('directory.required'));
    setFieldErrors(missing);
    const chosen = oneOf<OrganizationCategory>(CATEGORIES, category);
    if (Object.keys(missing).length > 0 || !chosen) return;
    try {
      if (organization) {
        await update({ variables: { input: { id: organization.id, version: organization.version, name: name.trim(), category: chosen } } });
        void navigate(`/organizations/${organization.id}`);
      } else {
        const { data } = await create({ variables: { input: { name: name.trim(), category: chosen, communityId } } });
        if (data) void navigate(`/organizations/${data.createOrganization.id}`);
      }
    } catch (caught) {
      const { fieldErrors: byField, formError: rest } = formErrorsOf(caught, ['name', 'category', 'communityId'], errorMessage);
      setFieldErrors(byField);
      setFormError(describeApiError(caught).code === 'CONFLICT' ? t('organization.conflict') : rest);
    }
  }

  const clear = (field: string) => setFieldErrors(({ [field]: _gone, ...rest }) => rest);

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{organization ? t('organization.editTitle', { name: organization.name }) : t('organization.createTitle')}</h1>
        </div>
      </div>
      <section className="card">
        <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate data-testid="organization-form">
          <Field id={`${id}-name`} name="name" label={t('organization.name')} error={fieldErrors['name']}>
            {(props) => (
              <input
                {...props}
                data-testid="organization-name"
                value={name}
                maxLength={100}
                onChange={(event) => {
                  setName(event.target.value);
                  clear('name');
                }}
              />
            )}
          </Field>
          <Field id={`${id}-category`} name="category" label={t('organization.category')} error={fieldErrors['category']}>
            {(props) => (
              <select
                {...props}
                data-testid="organization-category"
                value={category}
                onChange={(event) => {
                  setCategory(event.target.value);
                  clear('category');
                }}
              >
                <option value="">{t('organization.choose')}</option>
                {CATEGORIES.map((value) => (
                  <option key={value} value={value}>
                    {t(`category.${value}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {!organization && (
            <Field id={`${id}-community`} name="communityId" label={t('organization.community')} error={fieldErrors['communityId']}>
              {(props) => (
                <select
                  {...props}
                  data-testid="organization-community"
                  value={communityId}
                  disabled={!communities.data}
                  onChange={(event) => {
                    setCommunityId(event.target.value);
                    clear('communityId');
                  }}
                >
                  <option value="">{communities.loading ? t('state.loading') : t('organization.choose')}</option>
                  {(communities.data?.communities ?? []).map((community) => (
                    <option key={community.id} value={community.id}>
                      {community.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <FormError message={formError} testId="organization-form-error" />
          <div className="form-actions">
            <Link to={organization ? `/organizations/${organization.id}` : '/organizations'} className="button button-secondary">
              {t('directory.cancel')}
            </Link>
            <button type="submit" className="button button-primary" data-testid="organization-submit" disabled={saving}>
              {saving ? t('directory.saving') : organization ? t('organization.save') : t('organization.create')}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
