// The analytics explorer: one indicator, cut by a group, filtered by district and category, over a
// period; an SVG chart, the table behind it and its CSV. Every choice lives in the query string, so a
// view can be shared as a link. Loaded lazily (see App.tsx), with its messages.
import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router-dom';
import {
  ESCALATION_INDICATOR,
  STAGE_FUNNEL_INDICATOR,
  TIME_IN_STAGE_INDICATOR,
  type EscalationIndicatorInput,
  type EscalationIndicatorRow,
  type IndicatorGroupBy,
  type IndicatorTable,
  type PeriodBucket,
  type RelativePeriod,
  type StageFunnelRow,
  type TimeInStageRow,
} from '../graphql/insights';
import type { OrganizationCategory } from '../graphql/operations';
import { STAGES } from '../domain';
import { describeApiError } from '../graphql/errors';
import { addMessages, useI18n, type MessageKey } from '../i18n';
import { INSIGHTS_MESSAGES } from '../i18n/insights';
import { EmptyRow, EmptyState, ErrorState, LoadingState } from '../components/states';
import { FilterSelect, filterOptions } from '../components/FilterSelect';
import { BarChart, type ChartSeries } from './insights/BarChart';
import { DistrictPicker } from './insights/DistrictPicker';
import { useDistrictChoice, useGroupLabel } from './insights/scope';

addMessages(INSIGHTS_MESSAGES);

const INDICATORS = ['funnel', 'timeInStage', 'escalations'] as const;
type Indicator = (typeof INDICATORS)[number];
const GROUP_BYS: readonly IndicatorGroupBy[] = ['DISTRICT', 'INSTITUTION', 'COMMUNITY', 'CATEGORY', 'COHORT'];
const RELATIVE_PERIODS: readonly RelativePeriod[] = ['THIS_MONTH', 'THIS_QUARTER', 'THIS_YEAR', 'LAST_YEAR', 'LAST_12_MONTHS'];
const BUCKETS: readonly PeriodBucket[] = ['MONTH', 'QUARTER', 'YEAR'];
const CATEGORIES: readonly OrganizationCategory[] = ['LIFE_SERVICE', 'PUBLIC_WELFARE', 'CULTURE_SPORTS', 'MEDIATION'];
const ESCALATION_TYPES = ['DELAY', 'INTERRUPTION', 'DEVIATION', 'PERFORMANCE'] as const;
/** At most this many series in the chart (the table has them all). */
const MAX_SERIES = 8;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

interface Settings {
  indicator: Indicator;
  groupBy?: IndicatorGroupBy;
  district: string | null;
  category?: OrganizationCategory;
  relative?: RelativePeriod;
  custom: boolean;
  from: string;
  to: string;
  bucket?: PeriodBucket;
  splitByType: boolean;
}

function readSettings(params: URLSearchParams): Settings {
  const period = params.get('period');
  return {
    indicator: oneOf(INDICATORS, params.get('indicator')) ?? 'funnel',
    groupBy: oneOf(GROUP_BYS, params.get('groupBy')),
    district: params.get('district'),
    category: oneOf(CATEGORIES, params.get('category')),
    relative: oneOf(RELATIVE_PERIODS, period),
    custom: period === 'custom',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    bucket: oneOf(BUCKETS, params.get('bucket')),
    splitByType: params.get('split') === 'TYPE',
  };
}

type AnyRow = StageFunnelRow | TimeInStageRow | EscalationIndicatorRow;

export default function AnalyticsPage() {
  const { t } = useI18n();
  const [searchParams, setSearchParams] = useSearchParams();
  const settings = readSettings(searchParams);
  const choice = useDistrictChoice(settings.district);
  const districtId = choice.districtId;

  const rangeIncomplete = settings.custom && !(DATE.test(settings.from) && DATE.test(settings.to));
  const inputKey = JSON.stringify([settings.groupBy, districtId, settings.category, settings.relative, settings.custom, settings.from, settings.to, settings.bucket, settings.splitByType]);
  const input = useMemo<EscalationIndicatorInput>(() => {
    const [groupBy, district, category, relative, custom, from, to, bucket] = JSON.parse(inputKey) as [
      IndicatorGroupBy | null,
      string | null,
      OrganizationCategory | null,
      RelativePeriod | null,
      boolean,
      string,
      string,
      PeriodBucket | null,
    ];
    const value: EscalationIndicatorInput = {};
    if (groupBy) value.groupBy = groupBy;
    const filter: EscalationIndicatorInput['filter'] = {};
    if (district) filter.districtIds = [district];
    if (category) filter.categories = [category];
    if (Object.keys(filter).length > 0) value.filter = filter;
    const period: NonNullable<EscalationIndicatorInput['period']> = {};
    if (custom) {
      period.from = from;
      period.to = to;
    } else if (relative) period.relative = relative;
    if (bucket) period.bucket = bucket;
    if (Object.keys(period).length > 0) value.period = period;
    return value;
  }, [inputKey]);

  const skip = rangeIncomplete;
  const funnel = useQuery(STAGE_FUNNEL_INDICATOR, { variables: { input }, skip: skip || settings.indicator !== 'funnel' });
  const time = useQuery(TIME_IN_STAGE_INDICATOR, { variables: { input }, skip: skip || settings.indicator !== 'timeInStage' });
  const escalationInput = useMemo<EscalationIndicatorInput>(
    () => (settings.splitByType ? { ...input, splitBy: ['TYPE'] } : input),
    [input, settings.splitByType],
  );
  const escalations = useQuery(ESCALATION_INDICATOR, {
    variables: { input: escalationInput },
    skip: skip || settings.indicator !== 'escalations',
  });
  const current = settings.indicator === 'funnel' ? funnel : settings.indicator === 'timeInStage' ? time : escalations;
  const table = (current.data?.table ?? current.previousData?.table) as IndicatorTable<AnyRow> | undefined;

  function set(changes: Record<string, string | null>) {
    setSearchParams(
      (currentParams) => {
        const next = new URLSearchParams(currentParams);
        for (const [name, value] of Object.entries(changes)) {
          if (value) next.set(name, value);
          else next.delete(name);
        }
        return next;
      },
      { replace: true },
    );
  }

  return (
    <div className="page" data-testid="analytics-explorer" data-indicator={settings.indicator}>
      <div className="page-header">
        <div>
          <h1>{t('analytics.title')}</h1>
          <p className="muted">{t('analytics.subtitle')}</p>
        </div>
      </div>

      <section className="card card-flush">
        <div className="filters" role="search" aria-label={t('analytics.controls')}>
          <FilterSelect
            label={t('analytics.indicator')}
            testId="analytics-indicator"
            value={settings.indicator}
            onChange={(value) => set({ indicator: value })}
            options={filterOptions(INDICATORS, (indicator) => t(`analytics.indicator.${indicator}`))}
          />
          <FilterSelect
            label={t('analytics.groupBy')}
            testId="analytics-group-by"
            value={settings.groupBy ?? ''}
            onChange={(value) => set({ groupBy: value })}
            allLabel={t('analytics.groupBy.none')}
            options={filterOptions(GROUP_BYS, (groupBy) => t(`analytics.groupBy.${groupBy}`))}
          />
          <DistrictPicker choice={choice} onChange={(id) => set({ district: id })} />
          <FilterSelect
            label={t('analytics.category')}
            testId="analytics-category"
            value={settings.category ?? ''}
            onChange={(value) => set({ category: value })}
            allLabel={t('all')}
            options={filterOptions(CATEGORIES, (category) => t(`category.${category}`))}
          />
          <FilterSelect
            label={t('analytics.period')}
            testId="analytics-period"
            value={settings.custom ? 'custom' : (settings.relative ?? 'LAST_12_MONTHS')}
            onChange={(value) => set({ period: value === 'LAST_12_MONTHS' ? null : value })}
            options={[
              ...filterOptions(RELATIVE_PERIODS, (period) => t(`analytics.period.${period}`)),
              { value: 'custom', label: t('analytics.period.custom') },
            ]}
          />
          {settings.custom && (
            <>
              <label className="filter">
                <span>{t('analytics.from')}</span>
                <input type="date" data-testid="analytics-from" value={settings.from} onChange={(event) => set({ from: event.target.value })} />
              </label>
              <label className="filter">
                <span>{t('analytics.to')}</span>
                <input type="date" data-testid="analytics-to" value={settings.to} onChange={(event) => set({ to: event.target.value })} />
              </label>
            </>
          )}
          <FilterSelect
            label={t('analytics.bucket')}
            testId="analytics-bucket"
            value={settings.bucket ?? ''}
            onChange={(value) => set({ bucket: value })}
            allLabel={t('analytics.bucket.none')}
            options={filterOptions(BUCKETS, (bucket) => t(`analytics.bucket.${bucket}`))}
          />
          {settings.indicator === 'escalations' && (
            <label className="filter filter-check">
              <input
                type="checkbox"
                data-testid="analytics-split-type"
                checked={settings.splitByType}
                onChange={(event) => set({ split: event.target.checked ? 'TYPE' : null })}
              />
              <span>{t('analytics.splitByType')}</span>
            </label>
          )}
        </div>
      </section>

      {rangeIncomplete ? (
        <div className="card">
          <EmptyState message={t('analytics.rangeIncomplete')} />
        </div>
      ) : current.error && !table ? (
        <div className="card card-flush">
          <AnalyticsError error={current.error} onRetry={() => void current.refetch()} />
        </div>
      ) : !table ? (
        <LoadingState />
      ) : (
        <>
          {current.error && (
            <div className="card card-flush">
              <AnalyticsError error={current.error} onRetry={() => void current.refetch()} />
            </div>
          )}
          <Results indicator={settings.indicator} table={table} stale={current.loading && !current.data} />
        </>
      )}
    </div>
  );
}

function AnalyticsError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const info = describeApiError(error);
  return (
    <>
      <ErrorState error={error} onRetry={onRetry} />
      {info.code === 'BAD_USER_INPUT' && <p className="notice-detail analytics-error-detail">{info.message}</p>}
    </>
  );
}

interface Column {
  key: string;
  label: MessageKey;
  numeric?: boolean;
  nowrap?: boolean;
  value: (row: AnyRow) => string;
}

function Results({ indicator, table, stale }: { indicator: Indicator; table: IndicatorTable<AnyRow>; stale: boolean }) {
  const { t, formatNumber, locale } = useI18n();
  const groupLabel = useGroupLabel(table.groupBy);
  const percent = useMemo(() => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }), [locale]);
  const dateFormat = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }), [locale]);
  const day = (value: string) => (DATE.test(value) ? dateFormat.format(new Date(`${value}T00:00:00Z`)) : value);
  const num = (value: number | null) => (value === null ? t('none') : formatNumber(value));
  const rows = table.rows;

  const columns: Column[] = [];
  if (table.groupBy) columns.push({ key: 'group', label: 'col.group', value: (r) => groupLabel(r.group) });
  columns.push({ key: 'period', label: 'col.period', nowrap: true, value: (r) => (table.bucket ? r.period : `${day(r.periodStart)} – ${day(r.periodEnd)}`) });
  if (indicator === 'funnel') {
    const f = (pick: (r: StageFunnelRow) => number | null) => (r: AnyRow) => num(pick(r as StageFunnelRow));
    columns.push(
      { key: 'stage', label: 'col.stage', value: (r) => t(`stage.${(r as StageFunnelRow).stage}`) },
      { key: 'entered', label: 'col.entered', numeric: true, value: f((r) => r.entered) },
      { key: 'passed', label: 'col.passed', numeric: true, value: f((r) => r.passed) },
      { key: 'terminated', label: 'col.terminated', numeric: true, value: f((r) => r.terminated) },
    );
  } else if (indicator === 'timeInStage') {
    const f = (pick: (r: TimeInStageRow) => number | null) => (r: AnyRow) => num(pick(r as TimeInStageRow));
    columns.push(
      { key: 'stage', label: 'col.stage', value: (r) => t(`stage.${(r as TimeInStageRow).stage}`) },
      { key: 'completed', label: 'col.completed', numeric: true, value: f((r) => r.completed) },
      { key: 'medianDays', label: 'col.median', numeric: true, value: f((r) => r.medianDays) },
      { key: 'p90Days', label: 'col.p90', numeric: true, value: f((r) => r.p90Days) },
      { key: 'withDeadline', label: 'col.withDeadline', numeric: true, value: f((r) => r.withDeadline) },
      { key: 'onTime', label: 'col.onTime', numeric: true, value: f((r) => r.onTime) },
      {
        key: 'onTimeRate',
        label: 'col.onTimeRate',
        numeric: true,
        value: (r) => {
          const rate = (r as TimeInStageRow).onTimeRate;
          return rate === null ? t('none') : percent.format(rate);
        },
      },
    );
  } else {
    const f = (pick: (r: EscalationIndicatorRow) => number | null) => (r: AnyRow) => num(pick(r as EscalationIndicatorRow));
    if (rows.some((r) => (r as EscalationIndicatorRow).type)) {
      columns.push({
        key: 'type',
        label: 'col.type',
        value: (r) => {
          const type = (r as EscalationIndicatorRow).type;
          return type ? t(`escalationType.${type}`) : t('all');
        },
      });
    }
    columns.push(
      { key: 'raised', label: 'col.raised', numeric: true, value: f((r) => r.raised) },
      { key: 'acknowledged', label: 'col.acknowledged', numeric: true, value: f((r) => r.acknowledged) },
      { key: 'resolved', label: 'col.resolved', numeric: true, value: f((r) => r.resolved) },
      { key: 'openNow', label: 'col.openNow', numeric: true, value: f((r) => r.openNow) },
      { key: 'medianDaysToAcknowledge', label: 'col.medianDaysToAcknowledge', numeric: true, value: f((r) => r.medianDaysToAcknowledge) },
      { key: 'medianDaysToResolve', label: 'col.medianDaysToResolve', numeric: true, value: f((r) => r.medianDaysToResolve) },
    );
  }

  const chart = buildChart(indicator, table, (r) => `${groupLabel(r.group)}${table.bucket ? ` · ${r.period}` : ''}`, t);
  const csvHref = `data:text/csv;charset=utf-8,${encodeURIComponent(table.csv)}`;
  const fileName = `peiyu-${indicator}-${table.from}-${table.to}.csv`;

  return (
    <>
      <section className="card card-flush">
        <div className="card-header">
          <div>
            <h2>{t('analytics.chart')}</h2>
            <div className="muted">{t('analytics.range', { from: day(table.from), to: day(table.to), timeZone: table.timeZone })}</div>
          </div>
        </div>
        <div className="card-body">
          {rows.length === 0 ? (
            <EmptyState message={t('analytics.empty')} />
          ) : (
            <BarChart testId="analytics-chart" label={t(`analytics.indicator.${indicator}`)} categories={chart.categories} series={chart.series} />
          )}
        </div>
      </section>
      <section className="card card-flush">
        <div className="card-header">
          <h2>{t('analytics.table')}</h2>
          <div className="card-header-meta">
            <span className="muted">{t('analytics.rows', { count: formatNumber(rows.length) })}</span>
            <a className="button button-secondary" data-testid="analytics-csv" href={csvHref} download={fileName}>
              {t('analytics.downloadCsv')}
            </a>
          </div>
        </div>
        <div className="table-wrap">
          <table className={stale ? 'table table-stale' : 'table'} data-testid="analytics-table" aria-busy={stale || undefined}>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column.key} scope="col" className={column.numeric ? 'numeric' : undefined}>
                    {t(column.label)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 && (
                <EmptyRow colSpan={columns.length} message={t('analytics.empty')} />
              )}
              {rows.map((row, index) => (
                <tr key={index} data-testid="analytics-row" data-group={row.group ?? ''}>
                  {columns.map((column) => (
                    <td key={column.key} className={[column.numeric && 'numeric', column.nowrap && 'nowrap'].filter(Boolean).join(' ') || undefined}>
                      {column.value(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

/** Categories along the x axis (stages, causes or periods) and one series per group and period. */
function buildChart(
  indicator: Indicator,
  table: IndicatorTable<AnyRow>,
  seriesName: (row: AnyRow) => string,
  t: ReturnType<typeof useI18n>['t'],
): { categories: string[]; series: ChartSeries[] } {
  const seriesOrder: string[] = [];
  const bySeries = new Map<string, AnyRow[]>();
  for (const row of table.rows) {
    const name = seriesName(row);
    if (!bySeries.has(name)) {
      bySeries.set(name, []);
      seriesOrder.push(name);
    }
    bySeries.get(name)?.push(row);
  }
  const names = seriesOrder.slice(0, MAX_SERIES);
  if (indicator === 'funnel' || indicator === 'timeInStage') {
    const stages = indicator === 'funnel' ? STAGES : STAGES.filter((s) => s !== 'COMPLETED');
    return {
      categories: stages.map((stage) => t(`stage.${stage}`)),
      series: names.map((name) => ({
        name,
        values: stages.map((stage) => {
          const row = bySeries.get(name)?.find((r) => (r as StageFunnelRow | TimeInStageRow).stage === stage);
          if (!row) return null;
          return indicator === 'funnel' ? (row as StageFunnelRow).entered : (row as TimeInStageRow).medianDays;
        }),
      })),
    };
  }
  const split = table.rows.some((r) => (r as EscalationIndicatorRow).type);
  if (split) {
    return {
      categories: ESCALATION_TYPES.map((type) => t(`escalationType.${type}`)),
      series: names.map((name) => ({
        name,
        values: ESCALATION_TYPES.map((type) => {
          const matching = (bySeries.get(name) ?? []).filter((r) => (r as EscalationIndicatorRow).type === type);
          return matching.reduce((sum, r) => sum + (r as EscalationIndicatorRow).raised, 0);
        }),
      })),
    };
  }
  return {
    categories: seriesOrder,
    series: [
      {
        name: t('analytics.metric.raised'),
        values: seriesOrder.map((name) => (bySeries.get(name) ?? []).reduce((sum, r) => sum + (r as EscalationIndicatorRow).raised, 0)),
      },
    ],
  };
}
