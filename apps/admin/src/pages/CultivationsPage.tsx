import { useMemo, type MouseEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useNavigate } from 'react-router-dom';
import { CULTIVATION_FILTER_COMMUNITIES, CULTIVATION_FILTER_PLACES, CULTIVATIONS, type CultivationFilter } from '../graphql/operations';
import {
  CULTIVATION_STATUSES,
  CULTIVATION_STATUS_TONES,
  ORGANIZATION_CATEGORIES,
  STAGES,
  STAGE_TONES,
  isCultivationStatus,
  isOrganizationCategory,
  isOverdue,
  isStage,
} from '../domain';
import { useI18n } from '../i18n';
import { useNow } from '../hooks/useNow';
import { useUrlParams } from '../hooks/useUrlParams';
import { Badge } from '../components/Badge';
import { EmptyRow, ErrorState, LoadingState } from '../components/states';
import { FilterSelect, filterOptions } from '../components/FilterSelect';
import { StartCultivationForm } from './StartCultivationForm';

/** The filters kept in the query string, so that a filtered view can be shared as a link. */
const FILTER_PARAMS = ['districtId', 'streetId', 'communityId', 'institutionId', 'category', 'stage', 'status', 'overdue', 'escalated'] as const;
type FilterParam = (typeof FILTER_PARAMS)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Choosing a place clears the places below it, which may lie elsewhere. */
const CLEARS: Partial<Record<FilterParam, readonly FilterParam[]>> = { districtId: ['streetId', 'communityId'], streetId: ['communityId'] };

function readBoolean(value: string | null): boolean | undefined {
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

/** The filter in the URL; values the app does not know are ignored rather than sent. */
function readFilter(params: URLSearchParams): CultivationFilter {
  const filter: CultivationFilter = {};
  const stage = params.get('stage');
  if (isStage(stage)) filter.stage = stage;
  const status = params.get('status');
  if (isCultivationStatus(status)) filter.status = status;
  const overdue = readBoolean(params.get('overdue'));
  if (overdue !== undefined) filter.overdue = overdue;
  const escalated = readBoolean(params.get('escalated'));
  if (escalated !== undefined) filter.escalated = escalated;
  // Also set by the dashboard's links, so that a number opens the list of the district it counts.
  for (const name of ['districtId', 'streetId', 'communityId', 'institutionId'] as const) {
    const id = params.get(name);
    if (id && UUID.test(id)) filter[name] = id;
  }
  const category = params.get('category');
  if (isOrganizationCategory(category)) filter.category = category;
  return filter;
}

/** Clicks anywhere on a row open the cultivation, except on its own links and controls or while selecting text. */
function isPlainRowClick(event: MouseEvent<HTMLTableRowElement>): boolean {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  if ((event.target as Element).closest('a, button, input, select, textarea, label')) return false;
  return !window.getSelection()?.toString();
}

export function CultivationsPage() {
  const { t, formatDateTime, formatNumber } = useI18n();
  const now = useNow();
  const navigate = useNavigate();
  const [searchParams, editSearchParams] = useUrlParams();
  // Only the filter params matter: other params changing must not make a new filter (and a new request).
  const filterQuery = new URLSearchParams(
    FILTER_PARAMS.flatMap((name) => {
      const value = searchParams.get(name);
      return value === null ? [] : [[name, value]];
    }),
  ).toString();
  const filter = useMemo(() => readFilter(new URLSearchParams(filterQuery)), [filterQuery]);
  const filtered = Object.keys(filter).length > 0;
  const { data, previousData, loading, error, refetch } = useQuery(CULTIVATIONS, {
    variables: filtered ? { filter } : {},
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: false,
  });
  const cultivations = (data ?? previousData)?.cultivations;
  const stale = !data && !!previousData && loading;

  const rows = useMemo(() => cultivations ?? [], [cultivations]);

  function setFilter(name: FilterParam, value: string) {
    editSearchParams({ [name]: value }, CLEARS[name] ?? []);
  }

  function clearFilters() {
    editSearchParams({}, FILTER_PARAMS);
  }

  const booleanValue = (value: boolean | null | undefined) => (value == null ? '' : String(value));
  const places = useQuery(CULTIVATION_FILTER_PLACES, { fetchPolicy: 'cache-first' });
  const districts = places.data?.districts ?? [];
  const chosenDistrict = districts.find((d) => d.id === filter.districtId);
  const communities = useQuery(CULTIVATION_FILTER_COMMUNITIES, {
    variables: { districtId: filter.districtId ?? '' },
    skip: !filter.districtId,
    fetchPolicy: 'cache-first',
  });
  const communityOptions = (communities.data?.communities ?? []).filter((c) => !filter.streetId || c.streetId === filter.streetId);
  const idOptions = (records: readonly { id: string; name: string }[]) => records.map((r) => ({ value: r.id, label: r.name }));

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t('cultivations.title')}</h1>
          <p className="muted">{t('cultivations.subtitle')}</p>
        </div>
      </div>

      <StartCultivationForm />

      <section className="card card-flush">
        <div className="card-header">
          <h2>{t('cultivations.title')}</h2>
          {cultivations && <span className="muted">{t('cultivations.count', { count: formatNumber(rows.length) })}</span>}
        </div>
        <div className="filters" role="search" aria-label={t('filters.label')}>
          {districts.length > 1 && (
            <FilterSelect
              label={t('filters.district')}
              testId="filter-district"
              value={String(filter.districtId ?? '')}
              onChange={(value) => setFilter('districtId', value)}
              allLabel={t('filters.all')}
              options={idOptions(districts)}
            />
          )}
          {(chosenDistrict ?? (districts.length === 1 ? districts[0] : undefined)) && (
            <FilterSelect
              label={t('filters.street')}
              testId="filter-street"
              value={String(filter.streetId ?? '')}
              onChange={(value) => setFilter('streetId', value)}
              allLabel={t('filters.all')}
              options={idOptions((chosenDistrict ?? districts[0]).streets)}
            />
          )}
          {filter.districtId && (
            <FilterSelect
              label={t('filters.community')}
              testId="filter-community"
              value={String(filter.communityId ?? '')}
              onChange={(value) => setFilter('communityId', value)}
              allLabel={t('filters.all')}
              options={idOptions(communityOptions)}
            />
          )}
          {(places.data?.institutions.length ?? 0) > 1 && (
            <FilterSelect
              label={t('filters.institution')}
              testId="filter-institution"
              value={String(filter.institutionId ?? '')}
              onChange={(value) => setFilter('institutionId', value)}
              allLabel={t('filters.all')}
              options={idOptions(places.data?.institutions ?? [])}
            />
          )}
          <FilterSelect
            label={t('filters.category')}
            testId="filter-category"
            value={filter.category ?? ''}
            onChange={(value) => setFilter('category', value)}
            allLabel={t('filters.all')}
            options={filterOptions(ORGANIZATION_CATEGORIES, (category) => t(`category.${category}`))}
          />
          <FilterSelect
            label={t('filters.stage')}
            testId="filter-stage"
            value={filter.stage ?? ''}
            onChange={(value) => setFilter('stage', value)}
            allLabel={t('filters.all')}
            options={filterOptions(STAGES, (stage) => t(`stage.${stage}`))}
          />
          <FilterSelect
            label={t('filters.status')}
            testId="filter-status"
            value={filter.status ?? ''}
            onChange={(value) => setFilter('status', value)}
            allLabel={t('filters.all')}
            options={filterOptions(CULTIVATION_STATUSES, (status) => t(`cultivationStatus.${status}`))}
          />
          <FilterSelect
            label={t('filters.overdue')}
            testId="filter-overdue"
            value={booleanValue(filter.overdue)}
            onChange={(value) => setFilter('overdue', value)}
            allLabel={t('filters.all')}
            options={[
              { value: 'true', label: t('filters.overdueOnly') },
              { value: 'false', label: t('filters.notOverdue') },
            ]}
          />
          <FilterSelect
            label={t('filters.escalated')}
            testId="filter-escalated"
            value={booleanValue(filter.escalated)}
            onChange={(value) => setFilter('escalated', value)}
            allLabel={t('filters.all')}
            options={[
              { value: 'true', label: t('filters.escalatedOnly') },
              { value: 'false', label: t('filters.notEscalated') },
            ]}
          />
          {filtered && (
            <button type="button" className="button button-ghost" data-testid="filter-clear" onClick={clearFilters}>
              {t('filters.clear')}
            </button>
          )}
        </div>
        {error && cultivations && <ErrorState error={error} onRetry={() => void refetch()} />}
        {error && !cultivations ? (
          <ErrorState error={error} onRetry={() => void refetch()} />
        ) : !cultivations && loading ? (
          <LoadingState />
        ) : (
          <div className="table-wrap">
            <table className={stale ? 'table table-stale' : 'table'} data-testid="cultivations-table" aria-busy={stale || undefined}>
              <thead>
                <tr>
                  <th scope="col">{t('cultivations.col.organization')}</th>
                  <th scope="col">{t('cultivations.col.community')}</th>
                  <th scope="col">{t('cultivations.col.institution')}</th>
                  <th scope="col">{t('cultivations.col.stage')}</th>
                  <th scope="col">{t('cultivations.col.status')}</th>
                  <th scope="col">{t('cultivations.col.stageDeadline')}</th>
                  <th scope="col" className="numeric">
                    {t('cultivations.col.escalations')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.length === 0 && (
                  <EmptyRow colSpan={7} message={filtered ? t('cultivations.emptyFiltered') : t('cultivations.empty')} />
                )}
                {rows.map((cultivation) => {
                  const overdue = isOverdue(cultivation, now);
                  const openEscalations = cultivation.escalations.filter((e) => e.status !== 'RESOLVED').length;
                  return (
                    <tr
                      key={cultivation.id}
                      className="row-link"
                      data-testid="cultivation-row"
                      data-cultivation-id={cultivation.id}
                      onClick={(event) => {
                        if (isPlainRowClick(event)) void navigate(`/cultivations/${cultivation.id}`);
                      }}
                    >
                      <td>
                        <Link to={`/cultivations/${cultivation.id}`} className="cell-primary cell-link" data-testid="cultivation-link">
                          {cultivation.organization.name}
                        </Link>
                        <div className="cell-secondary">{t(`category.${cultivation.organization.category}`)}</div>
                      </td>
                      <td>{cultivation.community.name}</td>
                      <td>{cultivation.institution.name}</td>
                      <td>
                        <Badge tone={STAGE_TONES[cultivation.stage]}>{t(`stage.${cultivation.stage}`)}</Badge>
                      </td>
                      <td>
                        <Badge tone={CULTIVATION_STATUS_TONES[cultivation.status]}>
                          {t(`cultivationStatus.${cultivation.status}`)}
                        </Badge>
                      </td>
                      <td className={overdue ? 'deadline deadline-overdue' : 'deadline'}>
                        <time dateTime={cultivation.stageDeadline}>{formatDateTime(cultivation.stageDeadline)}</time>
                        {overdue && (
                          <Badge tone="danger" testId="overdue-badge">
                            {t('cultivations.overdue')}
                          </Badge>
                        )}
                      </td>
                      <td className="numeric">
                        <span className={openEscalations > 0 ? 'count count-alert' : 'count'}>
                          {formatNumber(cultivation.escalations.length)}
                        </span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
