// Communities: the list (name and district filters, page cursor in the URL) and one community's page.
import { useQuery } from '@apollo/client/react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { COMMUNITIES_PAGE, COMMUNITY_DETAIL } from '../../graphql/directory';
import { DISTRICTS } from '../../graphql/insights';
import { Badge } from '../../components/Badge';
import { FilterSelect } from '../../components/FilterSelect';
import { EmptyRow, EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useI18n } from '../../i18n';
import { ORGANIZATION_STATUS_TONES, Pager, RecordError, usePageVariables, useSetParams } from './common';
import { SearchBox } from './SearchBox';

export function CommunitiesPage() {
  const { t, formatNumber } = useI18n();
  const [params] = useSearchParams();
  const setParams = useSetParams();
  const q = params.get('q') ?? '';
  const district = params.get('district') ?? '';
  const filtered = !!q || !!district;
  const page = usePageVariables();
  const { data, previousData, loading, error, refetch } = useQuery(COMMUNITIES_PAGE, {
    variables: { filter: { nameContains: q || undefined, districtId: district || undefined }, ...page },
  });
  const districts = useQuery(DISTRICTS);
  const connection = (data ?? previousData)?.communitiesConnection;
  const count = (value: number | null | undefined) => (value == null ? t('directory.none') : formatNumber(value));

  return (
    <div className="page" data-testid="communities-page">
      <div className="page-header">
        <div>
          <h1>{t('communities.title')}</h1>
          <p className="muted">{t('communities.subtitle')}</p>
        </div>
      </div>
      <section className="card card-flush">
        <div className="filters" aria-label={t('filters.label')}>
          <SearchBox label={t('directory.search')} value={q} onSearch={(value) => setParams({ q: value })} testId="communities-search" />
          {(districts.data?.districts.length ?? 0) > 1 && (
            <FilterSelect
              label={t('directory.district')}
              testId="communities-district"
              value={district}
              onChange={(value) => setParams({ district: value })}
              allLabel={t('organizations.all')}
              options={(districts.data?.districts ?? []).map((d) => ({ value: d.id, label: d.name }))}
            />
          )}
          {filtered && (
            <button type="button" className="button button-ghost" onClick={() => setParams({ q: null, district: null })}>
              {t('directory.clear')}
            </button>
          )}
        </div>
        {error && !connection ? (
          <ErrorState error={error} onRetry={() => void refetch()} />
        ) : !connection ? (
          <LoadingState />
        ) : (
          <>
            <div className="table-wrap">
              <table className={loading ? 'table table-stale' : 'table'} data-testid="communities-table">
                <thead>
                  <tr>
                    <th scope="col">{t('communities.col.name')}</th>
                    <th scope="col">{t('communities.col.street')}</th>
                    <th scope="col">{t('communities.col.district')}</th>
                    <th scope="col" className="numeric">
                      {t('communities.col.population')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('communities.col.households')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('communities.col.organizations')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {connection.edges.length === 0 && <EmptyRow colSpan={6} message={filtered ? t('communities.emptyFiltered') : t('communities.empty')} />}
                  {connection.edges.map(({ node }) => (
                    <tr key={node.id} data-testid="community-row">
                      <td>
                        <Link to={`/communities/${node.id}`} className="cell-primary cell-link" data-testid="community-link">
                          {node.name}
                        </Link>
                      </td>
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
                  ))}
                </tbody>
              </table>
            </div>
            <Pager pageInfo={connection.pageInfo} totalCount={connection.totalCount} />
          </>
        )}
      </section>
    </div>
  );
}

export function CommunityDetailPage() {
  const { id = '' } = useParams();
  const { t, formatNumber, formatDateTime } = useI18n();
  const { data, error, refetch } = useQuery(COMMUNITY_DETAIL, { variables: { id } });
  const community = data?.community;
  if (!community) {
    if (error) return <RecordError error={error} backTo="/communities" onRetry={() => void refetch()} />;
    return <LoadingState />;
  }
  const count = (value: number | null | undefined) => (value == null ? t('directory.none') : formatNumber(value));
  return (
    <div className="page" data-testid="community-detail">
      <Link to="/communities" className="back-link">
        ← {t('directory.back')}
      </Link>
      <div className="page-header detail-header">
        <div>
          <h1>{community.name}</h1>
          <p className="muted detail-meta">
            {community.street.name} · {community.district.name}
          </p>
        </div>
      </div>
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
      </section>
      <section className="card card-flush" aria-labelledby="community-organizations">
        <div className="card-header">
          <h2 id="community-organizations">{t('community.organizations')}</h2>
        </div>
        {community.organizations.length === 0 ? (
          <EmptyState message={t('community.noOrganizations')} />
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="community-organizations">
              <tbody>
                {community.organizations.map((organization) => (
                  <tr key={organization.id}>
                    <td>
                      <Link to={`/organizations/${organization.id}`} className="cell-primary cell-link">
                        {organization.name}
                      </Link>
                    </td>
                    <td>{t(`category.${organization.category}`)}</td>
                    <td>
                      <Badge tone={ORGANIZATION_STATUS_TONES[organization.status]}>{t(`organizationStatus.${organization.status}`)}</Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card card-flush" aria-labelledby="community-surveys">
        <div className="card-header">
          <h2 id="community-surveys">{t('community.surveys')}</h2>
        </div>
        {community.needsSurveys.length === 0 ? (
          <EmptyState message={t('community.noSurveys')} />
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="community-surveys">
              <tbody>
                {community.needsSurveys.map((survey) => (
                  <tr key={survey.id}>
                    <td>
                      <Link to={`/surveys/${survey.id}`} className="cell-primary cell-link">
                        {survey.title}
                      </Link>
                    </td>
                    <td>{t('survey.responseCount', { count: formatNumber(survey.demandAnalysis.responseCount) })}</td>
                    <td>{survey.demandAnalysis.recommendedCategory ? t(`category.${survey.demandAnalysis.recommendedCategory}`) : t('directory.none')}</td>
                    <td>
                      <time dateTime={survey.createdAt}>{formatDateTime(survey.createdAt)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <ErrorIfStale error={error} onRetry={() => void refetch()} />
    </div>
  );
}

/** A refetch that failed while older data is still shown. */
function ErrorIfStale({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return error ? <ErrorState error={error} onRetry={onRetry} /> : null;
}
