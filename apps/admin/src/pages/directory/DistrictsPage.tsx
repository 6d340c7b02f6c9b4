// Districts: the list with the counts at each level (`?new=1` is the form recording a district, for
// city-wide scopes), and one district's page: its streets, each with its communities, the counts at
// each level, and the forms renaming the district, recording and renaming streets.
import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { DISTRICT_DETAIL, DISTRICTS_OVERVIEW, type StreetOfDistrict } from '../../graphql/places';
import { QueryTable } from '../../components/QueryTable';
import { EmptyState } from '../../components/states';
import { useI18n } from '../../i18n';
import { LinkCell } from './listPage';
import { RecordPage, RecordPending } from './recordPage';
import { useMayManagePlaces } from './placeForms';
import { DistrictCreateForm, DistrictRenameForm, StreetCreateForm, StreetRenameForm, useMayCreateDistrict } from './districtForms';

export function DistrictsPage() {
  const [params] = useSearchParams();
  const mayCreate = useMayCreateDistrict();
  return mayCreate && params.get('new') === '1' ? <NewDistrictPage /> : <DistrictsList mayCreate={mayCreate} />;
}

function NewDistrictPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <div className="page" data-testid="district-new-page">
      <div className="page-header">
        <div>
          <h1>{t('districtForm.createTitle')}</h1>
        </div>
      </div>
      <DistrictCreateForm onCancel={() => void navigate('/districts')} />
    </div>
  );
}

function DistrictsList({ mayCreate }: { mayCreate: boolean }) {
  const { t, formatNumber } = useI18n();
  const query = useQuery(DISTRICTS_OVERVIEW, { fetchPolicy: 'cache-and-network' });
  return (
    <div className="page" data-testid="districts-page">
      <div className="page-header">
        <div>
          <h1>{t('districts.title')}</h1>
          <p className="muted">{t('districts.subtitle')}</p>
        </div>
        {mayCreate && (
          <Link to="/districts?new=1" className="button button-primary" data-testid="district-new">
            {t('districts.new')}
          </Link>
        )}
      </div>
      <section className="card card-flush">
        <QueryTable
          rows={query.data?.districts}
          query={query}
          testId="districts-table"
          columns={[
            { label: t('districts.col.name') },
            { label: t('districts.col.code') },
            { label: t('districts.col.streets'), numeric: true },
            { label: t('districts.col.communities'), numeric: true },
            { label: t('districts.col.organizations'), numeric: true },
          ]}
          empty={t('districts.empty')}
        >
          {(district) => (
            <tr key={district.id} data-testid="district-row" data-district-id={district.id} data-streets={district.streetCount} data-communities={district.communityCount}>
              <LinkCell to={`/districts/${district.id}`} primary testId="district-link">
                {district.name}
              </LinkCell>
              <td>{district.code}</td>
              <td className="numeric">{formatNumber(district.streetCount)}</td>
              <td className="numeric">
                <Link to={`/communities?district=${district.id}`} className="cell-link">
                  {formatNumber(district.communityCount)}
                </Link>
              </td>
              <td className="numeric">{formatNumber(district.organizationCount)}</td>
            </tr>
          )}
        </QueryTable>
      </section>
    </div>
  );
}

export function DistrictDetailPage() {
  const { id = '' } = useParams();
  const { t, formatNumber } = useI18n();
  const mayManage = useMayManagePlaces();
  const [renaming, setRenaming] = useState(false);
  const [addingStreet, setAddingStreet] = useState(false);
  const { data, error, refetch } = useQuery(DISTRICT_DETAIL, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const district = data?.district;
  if (!district) return <RecordPending error={error} backTo="/districts" onRetry={() => void refetch()} />;
  const reload = () => void refetch();
  return (
    <RecordPage testId="district-detail" backTo="/districts" title={district.name} meta={district.code} error={error} onRetry={reload}>
      <section className="card">
        <dl className="facts facts-inline" data-testid="district-counts">
          <div>
            <dt>{t('districts.col.streets')}</dt>
            <dd data-testid="district-street-count" data-value={district.streetCount}>
              {formatNumber(district.streetCount)}
            </dd>
          </div>
          <div>
            <dt>{t('districts.col.communities')}</dt>
            <dd data-testid="district-community-count" data-value={district.communityCount}>
              <Link to={`/communities?district=${district.id}`} className="cell-link">
                {formatNumber(district.communityCount)}
              </Link>
            </dd>
          </div>
          <div>
            <dt>{t('districts.col.organizations')}</dt>
            <dd data-testid="district-organization-count" data-value={district.organizationCount}>
              {formatNumber(district.organizationCount)}
            </dd>
          </div>
        </dl>
        {mayManage && !renaming && (
          <div className="form-actions">
            <button type="button" className="button button-secondary" data-testid="district-rename" onClick={() => setRenaming(true)}>
              {t('districtForm.rename')}
            </button>
            {!addingStreet && (
              <button type="button" className="button button-primary" data-testid="street-new" onClick={() => setAddingStreet(true)}>
                {t('streetForm.new')}
              </button>
            )}
          </div>
        )}
      </section>
      {renaming && (
        <DistrictRenameForm
          key={district.version}
          district={district}
          onCancel={() => setRenaming(false)}
          onDone={() => {
            setRenaming(false);
            reload();
          }}
        />
      )}
      {addingStreet && <StreetCreateForm districtId={district.id} onCancel={() => setAddingStreet(false)} onDone={reload} />}
      <section className="card card-flush" aria-labelledby="district-streets">
        <div className="card-header">
          <h2 id="district-streets">{t('district.streets')}</h2>
        </div>
        {district.streets.length === 0 ? (
          <EmptyState message={t('district.noStreets')} />
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="district-streets">
              <thead>
                <tr>
                  <th scope="col">{t('district.col.street')}</th>
                  <th scope="col">{t('district.col.communities')}</th>
                  <th scope="col" className="numeric">
                    {t('districts.col.organizations')}
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">{t('district.col.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {district.streets.map((street) => (
                  <StreetRow key={street.id} districtId={district.id} street={street} mayManage={mayManage} onChanged={reload} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </RecordPage>
  );
}

/** One street: its communities (each with its organizations), their counts, and its rename form. */
function StreetRow({ districtId, street, mayManage, onChanged }: { districtId: string; street: StreetOfDistrict; mayManage: boolean; onChanged: () => void }) {
  const { t, formatNumber } = useI18n();
  const [renaming, setRenaming] = useState(false);
  const organizations = street.communities.reduce((sum, c) => sum + c.organizationCount, 0);
  return (
    <>
      <tr data-testid="street-row" data-street-id={street.id} data-communities={street.communities.length} data-organizations={organizations}>
        <td className="cell-primary" data-testid="street-name">
          {street.name}
        </td>
        <td>
          {street.communities.length === 0 ? (
            <span className="muted">{t('district.noCommunities')}</span>
          ) : (
            <ul className="inline-list">
              {street.communities.map((community) => (
                <li key={community.id} data-testid="street-community">
                  <Link to={`/communities/${community.id}`} className="cell-link">
                    {community.name}
                  </Link>{' '}
                  <span className="muted">({formatNumber(community.organizationCount)})</span>
                </li>
              ))}
            </ul>
          )}
        </td>
        <td className="numeric">{formatNumber(organizations)}</td>
        <td>
          {mayManage && (
            <div className="form-actions">
              <Link to={`/communities?new=1&district=${districtId}&street=${street.id}`} className="button button-secondary" data-testid="street-add-community">
                {t('district.addCommunity')}
              </Link>
              <button type="button" className="button button-secondary" data-testid="street-rename" onClick={() => setRenaming(!renaming)} aria-expanded={renaming}>
                {t('districtForm.rename')}
              </button>
            </div>
          )}
        </td>
      </tr>
      {renaming && (
        <tr>
          <td colSpan={4}>
            <StreetRenameForm
              key={street.version}
              street={street}
              onCancel={() => setRenaming(false)}
              onDone={() => {
                setRenaming(false);
                onChanged();
              }}
            />
          </td>
        </tr>
      )}
    </>
  );
}
