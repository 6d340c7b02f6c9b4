// Communities: the list (name and district filters, page cursor in the URL; `?new=1` is the form
// recording a community, `&district=&street=` chosen beforehand) and one community's page with its edit form.
import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { COMMUNITIES_PAGE, COMMUNITY_DETAIL } from '../../graphql/directory';
import { DISTRICTS } from '../../graphql/insights';
import { Badge } from '../../components/Badge';
import { ListPage } from '../../components/ListPage';
import { RecordsSection } from '../../components/RecordsSection';
import { useI18n } from '../../i18n';
import { ORGANIZATION_STATUS_TONES, usePageVariables } from './common';
import { ClearFilters, ConnectionTable, DateTimeCell, LinkCell, RecordFilter, useUrlFilters } from './listPage';
import { RecordPage, RecordPending } from './recordPage';
import { SearchBox } from './SearchBox';
import { CommunityCreateForm, CommunityEditForm, useMayManagePlaces } from './placeForms';

export function CommunitiesPage() {
  const [params] = useSearchParams();
  const mayManage = useMayManagePlaces();
  return mayManage && params.get('new') === '1' ? <NewCommunityPage /> : <CommunitiesList />;
}

function NewCommunityPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (
    <div className="page" data-testid="community-new-page">
      <div className="page-header">
        <div>
          <h1>{t('communityForm.createTitle')}</h1>
        </div>
      </div>
      <CommunityCreateForm onCancel={() => void navigate('/communities')} initialDistrictId={params.get('district') ?? ''} initialStreetId={params.get('street') ?? ''} />
    </div>
  );
}

function CommunitiesList() {
  const { t, formatNumber } = useI18n();
  const mayManage = useMayManagePlaces();
  const { values, filtered, setFilter, clearFilters } = useUrlFilters(['q', 'district']);
  const page = usePageVariables();
  const query = useQuery(COMMUNITIES_PAGE, {
    variables: { filter: { nameContains: values.q || undefined, districtId: values.district || undefined }, ...page },
  });
  const districts = useQuery(DISTRICTS);
  const connection = (query.data ?? query.previousData)?.communitiesConnection;
  const count = (value: number | null | undefined) => (value == null ? t('directory.none') : formatNumber(value));

  return (
    <ListPage
      testId="communities-page"
      title={t('communities.title')}
      subtitle={t('communities.subtitle')}
      actions={
        mayManage && (
          <Link to="/communities?new=1" className="button button-primary" data-testid="community-new">
            {t('communities.new')}
          </Link>
        )
      }
      filters={
        <>
          <SearchBox label={t('directory.search')} value={values.q} onSearch={(value) => setFilter('q', value)} testId="communities-search" />
          {(districts.data?.districts.length ?? 0) > 1 && (
            <RecordFilter
              label={t('directory.district')}
              testId="communities-district"
              value={values.district}
              onChange={(value) => setFilter('district', value)}
              records={districts.data?.districts}
            />
          )}
          <ClearFilters shown={filtered} onClear={clearFilters} />
        </>
      }
    >
      <ConnectionTable
        connection={connection}
        query={query}
        testId="communities-table"
        columns={[
          { label: t('communities.col.name') },
          { label: t('communities.col.street') },
          { label: t('communities.col.district') },
          { label: t('communities.col.population'), numeric: true },
          { label: t('communities.col.households'), numeric: true },
          { label: t('communities.col.organizations'), numeric: true },
        ]}
        empty={filtered ? t('communities.emptyFiltered') : t('communities.empty')}
      >
        {(node) => (
          <tr key={node.id} data-testid="community-row">
            <LinkCell to={`/communities/${node.id}`} primary testId="community-link">
              {node.name}
            </LinkCell>
            <td>{node.street.name}</td>
            <td>{node.district.name}</td>
            <td className="numeric">{count(node.population)}</td>
            <td className="numeric">{count(node.households)}</td>
            <td className="numeric">
              <Link to={`/organizations?community=${node.id}`} className="cell-link">
                {formatNumber(node.organizationCount)}
              </Link>
            </td>
          </tr>
        )}
      </ConnectionTable>
    </ListPage>
  );
}

export function CommunityDetailPage() {
  const { id = '' } = useParams();
  const { t, formatNumber } = useI18n();
  const mayManage = useMayManagePlaces();
  const [editing, setEditing] = useState(false);
  const { data, error, refetch } = useQuery(COMMUNITY_DETAIL, { variables: { id } });
  const community = data?.community;
  if (!community) return <RecordPending error={error} backTo="/communities" onRetry={() => void refetch()} />;
  const count = (value: number | null | undefined) => (value == null ? t('directory.none') : formatNumber(value));
  return (
    <RecordPage
      testId="community-detail"
      backTo="/communities"
      title={community.name}
      meta={
        <>
          {community.street.name} ·{' '}
          <Link to={`/districts/${community.district.id}`} className="cell-link" data-testid="community-district-link">
            {community.district.name}
          </Link>
        </>
      }
      error={error}
      onRetry={() => void refetch()}
    >
      <section className="card">
        <dl className="facts facts-inline">
          <div>
            <dt>{t('community.address')}</dt>
            <dd>{community.address ?? t('directory.none')}</dd>
          </div>
          <div>
            <dt>{t('community.population')}</dt>
            <dd>{count(community.population)}</dd>
          </div>
          <div>
            <dt>{t('community.households')}</dt>
            <dd>{count(community.households)}</dd>
          </div>
        </dl>
        {mayManage && !editing && (
          <div className="form-actions">
            <button type="button" className="button button-secondary" data-testid="community-edit" onClick={() => setEditing(true)}>
              {t('communityForm.edit')}
            </button>
          </div>
        )}
      </section>
      {editing && <CommunityEditForm community={community} />}
      <RecordsSection
        id="community-organizations"
        title={t('community.organizations')}
        testId="community-organizations"
        rows={community.organizations}
        empty={t('community.noOrganizations')}
      >
        {(organization) => (
          <tr key={organization.id}>
            <LinkCell to={`/organizations/${organization.id}`} primary>
              {organization.name}
            </LinkCell>
            <td>{t(`category.${organization.category}`)}</td>
            <td>
              <Badge tone={ORGANIZATION_STATUS_TONES[organization.status]}>{t(`organizationStatus.${organization.status}`)}</Badge>
            </td>
          </tr>
        )}
      </RecordsSection>
      <RecordsSection id="community-surveys" title={t('community.surveys')} testId="community-surveys" rows={community.needsSurveys} empty={t('community.noSurveys')}>
        {(survey) => (
          <tr key={survey.id}>
            <LinkCell to={`/surveys/${survey.id}`} primary>
              {survey.title}
            </LinkCell>
            <td>{t('survey.responseCount', { count: formatNumber(survey.demandAnalysis.responseCount) })}</td>
            <td>{survey.demandAnalysis.recommendedCategory ? t(`category.${survey.demandAnalysis.recommendedCategory}`) : t('directory.none')}</td>
            <DateTimeCell value={survey.createdAt} />
          </tr>
        )}
      </RecordsSection>
    </RecordPage>
  );
}
