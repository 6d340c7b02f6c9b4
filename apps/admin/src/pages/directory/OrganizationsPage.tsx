// The organizations list: filters (name, category, status, community) and the page cursor in the URL.
import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router-dom';
import { ORGANIZATIONS_PAGE, type OrganizationFilter } from '../../graphql/directory';
import { COMMUNITY_NAMES } from '../../graphql/insights';
import { useSession } from '../../auth/useSession';
import { Badge } from '../../components/Badge';
import { FilterSelect, filterOptions } from '../../components/FilterSelect';
import { EmptyRow, ErrorState, LoadingState } from '../../components/states';
import { useI18n } from '../../i18n';
import { CATEGORIES, mayDo, oneOf, ORGANIZATION_STATUSES, ORGANIZATION_STATUS_TONES, Pager, usePageVariables, useSetParams } from './common';
import { SearchBox } from './SearchBox';

export default function OrganizationsPage() {
  const { t, formatDateTime } = useI18n();
  const role = useSession()?.user.role;
  const [params] = useSearchParams();
  const setParams = useSetParams();
  const filter: OrganizationFilter = {
    nameContains: params.get('q') || undefined,
    category: oneOf(CATEGORIES, params.get('category')),
    status: oneOf(ORGANIZATION_STATUSES, params.get('status')),
    communityId: params.get('community') || undefined,
  };
  const filtered = Object.values(filter).some((value) => value !== undefined);
  const page = usePageVariables();
  const { data, previousData, loading, error, refetch } = useQuery(ORGANIZATIONS_PAGE, { variables: { filter, ...page } });
  const communities = useQuery(COMMUNITY_NAMES);
  const connection = (data ?? previousData)?.organizationsConnection;

  return (
    <div className="page" data-testid="organizations-page">
      <div className="page-header">
        <div>
          <h1>{t('organizations.title')}</h1>
          <p className="muted">{t('organizations.subtitle')}</p>
        </div>
        {mayDo(role, 'editOrganization') && (
          <Link to="/organizations/new" className="button button-primary" data-testid="organization-new">
            {t('organizations.new')}
          </Link>
        )}
      </div>
      <section className="card card-flush">
        <div className="filters" aria-label={t('filters.label')}>
          <SearchBox label={t('directory.search')} value={params.get('q') ?? ''} onSearch={(q) => setParams({ q })} testId="organizations-search" />
          <FilterSelect
            label={t('organizations.category')}
            testId="organizations-category"
            value={filter.category ?? ''}
            onChange={(category) => setParams({ category })}
            allLabel={t('organizations.all')}
            options={filterOptions(CATEGORIES, (category) => t(`category.${category}`))}
          />
          <FilterSelect
            label={t('organizations.status')}
            testId="organizations-status"
            value={filter.status ?? ''}
            onChange={(status) => setParams({ status })}
            allLabel={t('organizations.all')}
            options={filterOptions(ORGANIZATION_STATUSES, (status) => t(`organizationStatus.${status}`))}
          />
          <FilterSelect
            label={t('directory.community')}
            testId="organizations-community"
            value={params.get('community') ?? ''}
            onChange={(community) => setParams({ community })}
            allLabel={t('organizations.all')}
            options={(communities.data?.communities ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
          {filtered && (
            <button type="button" className="button button-ghost" data-testid="organizations-clear" onClick={() => setParams({ q: null, category: null, status: null, community: null })}>
              {t('directory.clear')}
            </button>
          )}
        </div>
        {error && !connection ? (
          <ErrorState error={error} onRetry={() => void refetch()} />
        ) : !connection && loading ? (
          <LoadingState />
        ) : connection ? (
          <>
            {error && <ErrorState error={error} onRetry={() => void refetch()} />}
            <div className="table-wrap">
              <table className={loading ? 'table table-stale' : 'table'} data-testid="organizations-table" aria-busy={loading || undefined}>
                <thead>
                  <tr>
                    <th scope="col">{t('organizations.col.name')}</th>
                    <th scope="col">{t('organizations.col.community')}</th>
                    <th scope="col">{t('organizations.col.category')}</th>
                    <th scope="col">{t('organizations.col.status')}</th>
                    <th scope="col">{t('organizations.col.createdAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {connection.edges.length === 0 && (
                    <EmptyRow colSpan={5} message={filtered ? t('organizations.emptyFiltered') : t('organizations.empty')} />
                  )}
                  {connection.edges.map(({ node }) => (
                    <tr key={node.id} data-testid="organization-row">
                      <td>
                        <Link to={`/organizations/${node.id}`} className="cell-primary cell-link" data-testid="organization-link">
                          {node.name}
                        </Link>
                      </td>
                      <td>
                        <Link to={`/communities/${node.community.id}`} className="cell-link">
                          {node.community.name}
                        </Link>
                      </td>
                      <td>{t(`category.${node.category}`)}</td>
                      <td>
                        <Badge tone={ORGANIZATION_STATUS_TONES[node.status]}>{t(`organizationStatus.${node.status}`)}</Badge>
                      </td>
                      <td>
                        <time dateTime={node.createdAt}>{formatDateTime(node.createdAt)}</time>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager pageInfo={connection.pageInfo} totalCount={connection.totalCount} />
          </>
        ) : null}
      </section>
    </div>
  );
}
