// The organizations list: filters (name, category, status, community) and the page cursor in the URL.
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router-dom';
import { ORGANIZATIONS_PAGE, type OrganizationFilter } from '../../graphql/directory';
import { COMMUNITY_NAMES } from '../../graphql/insights';
import { useSession } from '../../auth/useSession';
import { Badge } from '../../components/Badge';
import { FilterSelect, filterOptions } from '../../components/FilterSelect';
import { ListPage } from '../../components/ListPage';
import { useI18n } from '../../i18n';
import { CATEGORIES, mayDo, oneOf, ORGANIZATION_STATUSES, ORGANIZATION_STATUS_TONES, usePageVariables } from './common';
import { ClearFilters, ConnectionTable, DateTimeCell, LinkCell, RecordFilter, useUrlFilters } from './listPage';
import { SearchBox } from './SearchBox';

export default function OrganizationsPage() {
  const { t } = useI18n();
  const role = useSession()?.user.role;
  const { values, setFilter, clearFilters } = useUrlFilters(['q', 'category', 'status', 'community']);
  const filter: OrganizationFilter = {
    nameContains: values.q || undefined,
    category: oneOf(CATEGORIES, values.category),
    status: oneOf(ORGANIZATION_STATUSES, values.status),
    communityId: values.community || undefined,
  };
  // Values the URL holds but the filter does not know (a stale link) do not count as filtering.
  const filtered = Object.values(filter).some((value) => value !== undefined);
  const page = usePageVariables();
  const query = useQuery(ORGANIZATIONS_PAGE, { variables: { filter, ...page } });
  const communities = useQuery(COMMUNITY_NAMES);
  const connection = (query.data ?? query.previousData)?.organizationsConnection;

  return (
    <ListPage
      testId="organizations-page"
      title={t('organizations.title')}
      subtitle={t('organizations.subtitle')}
      actions={
        mayDo(role, 'editOrganization') && (
          <Link to="/organizations/new" className="button button-primary" data-testid="organization-new">
            {t('organizations.new')}
          </Link>
        )
      }
      filters={
        <>
          <SearchBox label={t('directory.search')} value={values.q} onSearch={(q) => setFilter('q', q)} testId="organizations-search" />
          <FilterSelect
            label={t('organizations.category')}
            testId="organizations-category"
            value={filter.category ?? ''}
            onChange={(category) => setFilter('category', category)}
            allLabel={t('organizations.all')}
            options={filterOptions(CATEGORIES, (category) => t(`category.${category}`))}
          />
          <FilterSelect
            label={t('organizations.status')}
            testId="organizations-status"
            value={filter.status ?? ''}
            onChange={(status) => setFilter('status', status)}
            allLabel={t('organizations.all')}
            options={filterOptions(ORGANIZATION_STATUSES, (status) => t(`organizationStatus.${status}`))}
          />
          <RecordFilter
            label={t('directory.community')}
            testId="organizations-community"
            value={values.community}
            onChange={(community) => setFilter('community', community)}
            records={communities.data?.communities}
          />
          <ClearFilters shown={filtered} onClear={clearFilters} testId="organizations-clear" />
        </>
      }
    >
      <ConnectionTable
        connection={connection}
        query={query}
        testId="organizations-table"
        columns={[
          { label: t('organizations.col.name') },
          { label: t('organizations.col.community') },
          { label: t('organizations.col.category') },
          { label: t('organizations.col.status') },
          { label: t('organizations.col.createdAt') },
        ]}
        empty={filtered ? t('organizations.emptyFiltered') : t('organizations.empty')}
      >
        {(node) => (
          <tr key={node.id} data-testid="organization-row">
            <LinkCell to={`/organizations/${node.id}`} primary testId="organization-link">
              {node.name}
            </LinkCell>
            <LinkCell to={`/communities/${node.community.id}`}>
              {node.community.name}
            </LinkCell>
            <td>{t(`category.${node.category}`)}</td>
            <td>
              <Badge tone={ORGANIZATION_STATUS_TONES[node.status]}>{t(`organizationStatus.${node.status}`)}</Badge>
            </td>
            <DateTimeCell value={node.createdAt} />
          </tr>
        )}
      </ConnectionTable>
    </ListPage>
  );
}
