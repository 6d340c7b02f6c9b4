// The analytics explorer: one indicator (stage funnel, time in stage, escalations, overdue, filing
// rate, follow-ups, still active after withdrawal, assessment scores), cut by a group, filtered by
// district and category, over a period; an SVG chart, the table behind it and its CSV. Every choice lives in the query string, so a
// view can be shared as a link. Loaded lazily (see App.tsx), with its messages.
import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { useUrlParams, type UrlParamChanges } from '../hooks/useUrlParams';
import {
  ESCALATION_INDICATOR,
  FILING_RATE_INDICATOR,
  FOLLOW_UP_INDICATOR,
  OUTCOME_INDICATOR,
  OVERDUE_INDICATOR,
  SCORE_INDICATOR,
  STAGE_FUNNEL_INDICATOR,
  TIME_IN_STAGE_INDICATOR,
  WITHDRAWAL_OUTCOME_INDICATOR,
  type EscalationIndicatorInput,
  type EscalationIndicatorRow,
  type FilingRateRow,
  type FollowUpRow,
  type IndicatorGroupBy,
  type IndicatorTable,
  type OutcomeRow,
  type OverdueRow,
  type PeriodBucket,
  type RelativePeriod,
  type RubricKind,
  type ScoreIndicatorInput,
  type ScoreRow,
  type StageFunnelRow,
  type TimeInStageRow,
  type WithdrawalOutcomeRow,
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

const INDICATORS = ['funnel', 'timeInStage', 'escalations', 'overdue', 'filingRate', 'followUp', 'withdrawalOutcome', 'scores', 'outcomeLevels'] as const;
const OUTCOME_LEVELS = ['COMMUNITY', 'ORGANIZATION', 'INSTITUTION'] as const;
type Indicator = (typeof INDICATORS)[number];
const GROUP_BYS: readonly IndicatorGroupBy[] = ['DISTRICT', 'STREET', 'INSTITUTION', 'COMMUNITY', 'CATEGORY', 'COHORT'];
const RUBRIC_KINDS: readonly RubricKind[] = ['CAPACITY', 'MATURITY'];
/** The score bands of ScoreRow, in order. */
const SCORE_BANDS = ['band0To20', 'band20To40', 'band40To60', 'band60To80', 'band80To100'] as const;
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
  /** Scores: only assessments of this kind (both when absent). */
  kind?: RubricKind;
  /** Scores: only each organization's latest assessment per kind and period. */
  latestOnly: boolean;
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
    kind: oneOf(RUBRIC_KINDS, params.get('kind')),
    latestOnly: params.get('latest') === '1',
  };
}

type AnyRow = StageFunnelRow | TimeInStageRow | EscalationIndicatorRow | OverdueRow | FilingRateRow | FollowUpRow | WithdrawalOutcomeRow | ScoreRow | OutcomeRow;

/** What the page reads of the query of the indicator shown, whichever it is. */
interface IndicatorResult {
  table: IndicatorTable<AnyRow> | undefined;
  error: unknown;
  /** True while a query runs without its own data yet (the table shown is the previous one). */
  stale: boolean;
  refetch: () => void;
}

function indicatorResult(result: {
  data?: { table: unknown } | undefined;
  previousData?: { table: unknown } | undefined;
  error?: unknown;
  loading: boolean;
  refetch: () => Promise<unknown>;
}): IndicatorResult {
  return {
    table: (result.data?.table ?? result.previousData?.table) as IndicatorTable<AnyRow> | undefined,
    error: result.error,
    stale: result.loading && !result.data,
    refetch: () => void result.refetch(),
  };
}

export default function AnalyticsPage() {
  const { t } = useI18n();
  const [searchParams, editSearchParams] = useUrlParams();
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
  const overdue = useQuery(OVERDUE_INDICATOR, { variables: { input }, skip: skip || settings.indicator !== 'overdue' });
  const filing = useQuery(FILING_RATE_INDICATOR, { variables: { input }, skip: skip || settings.indicator !== 'filingRate' });
  const followUps = useQuery(FOLLOW_UP_INDICATOR, { variables: { input }, skip: skip || settings.indicator !== 'followUp' });
  const outcomes = useQuery(WITHDRAWAL_OUTCOME_INDICATOR, { variables: { input }, skip: skip || settings.indicator !== 'withdrawalOutcome' });
  const scoreInput = useMemo<ScoreIndicatorInput>(() => {
    const value: ScoreIndicatorInput = { ...input };
    if (settings.kind) value.kind = settings.kind;
    if (settings.latestOnly) value.latestOnly = true;
    return value;
  }, [input, settings.kind, settings.latestOnly]);
  const scores = useQuery(SCORE_INDICATOR, { variables: { input: scoreInput }, skip: skip || settings.indicator !== 'scores' });
  const outcomeLevels = useQuery(OUTCOME_INDICATOR, { variables: { input }, skip: skip || settings.indicator !== 'outcomeLevels' });
  const escalationInput = useMemo<EscalationIndicatorInput>(
    () => (settings.splitByType ? { ...input, splitBy: ['TYPE'] } : input),
    [input, settings.splitByType],
  );
  const escalations = useQuery(ESCALATION_INDICATOR, {
    variables: { input: escalationInput },
    skip: skip || settings.indicator !== 'escalations',
  });
  let current: IndicatorResult;
  switch (settings.indicator) {
    case 'funnel':
      current = indicatorResult(funnel);
      break;
    case 'timeInStage':
      current = indicatorResult(time);
      break;
    case 'escalations':
      current = indicatorResult(escalations);
      break;
    case 'overdue':
      current = indicatorResult(overdue);
      break;
    case 'filingRate':
      current = indicatorResult(filing);
      break;
    case 'followUp':
      current = indicatorResult(followUps);
      break;
    case 'withdrawalOutcome':
      current = indicatorResult(outcomes);
      break;
    case 'scores':
      current = indicatorResult(scores);
      break;
    case 'outcomeLevels':
      current = indicatorResult(outcomeLevels);
      break;
  }
  const table = current.table;

  const set = (changes: UrlParamChanges) => editSearchParams(changes);

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
          {settings.indicator === 'scores' && (
            <>
              <FilterSelect
                label={t('analytics.kind')}
                testId="analytics-kind"
                value={settings.kind ?? ''}
                onChange={(value) => set({ kind: value })}
                allLabel={t('analytics.kind.all')}
                options={filterOptions(RUBRIC_KINDS, (kind) => t(`analytics.kind.${kind}`))}
              />
              <label className="filter filter-check">
                <input
                  type="checkbox"
                  data-testid="analytics-latest-only"
                  checked={settings.latestOnly}
                  onChange={(event) => set({ latest: event.target.checked ? '1' : null })}
                />
                <span>{t('analytics.latestOnly')}</span>
              </label>
            </>
          )}
        </div>
      </section>

      {rangeIncomplete ? (
        <div className="card">
          <EmptyState message={t('analytics.rangeIncomplete')} />
        </div>
      ) : current.error && !table ? (
        <div className="card card-flush">
          <AnalyticsError error={current.error} onRetry={current.refetch} />
        </div>
      ) : !table ? (
        <LoadingState />
      ) : (
        <>
          {current.error && (
            <div className="card card-flush">
              <AnalyticsError error={current.error} onRetry={current.refetch} />
            </div>
          )}
          <Results indicator={settings.indicator} table={table} stale={current.stale} />
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
  // An instant read on the calendar of the table (Asia/Shanghai), like its periods.
  const instant = (value: string, timeZone: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(value));
  const num = (value: number | null) => (value === null ? t('none') : formatNumber(value));
  const rows = table.rows;

  const columns: Column[] = [];
  if (table.groupBy) columns.push({ key: 'group', label: 'col.group', value: (r) => groupLabel(r.group) });
  columns.push({ key: 'period', label: 'col.period', nowrap: true, value: (r) => (table.bucket ? r.period : `${day(r.periodStart)} – ${day(r.periodEnd)}`) });
  const rate = (value: number | null) => (value === null ? t('none') : percent.format(value));
  const numberOf = <R,>(pick: (row: R) => number | null) => (row: AnyRow) => num(pick(row as R));
  const rateOf = <R,>(pick: (row: R) => number | null) => (row: AnyRow) => rate(pick(row as R));
  switch (indicator) {
    case 'funnel':
      columns.push(
        { key: 'stage', label: 'col.stage', value: (row) => t(`stage.${(row as StageFunnelRow).stage}`) },
        { key: 'entered', label: 'col.entered', numeric: true, value: numberOf<StageFunnelRow>((row) => row.entered) },
        { key: 'passed', label: 'col.passed', numeric: true, value: numberOf<StageFunnelRow>((row) => row.passed) },
        { key: 'terminated', label: 'col.terminated', numeric: true, value: numberOf<StageFunnelRow>((row) => row.terminated) },
      );
      break;
    case 'timeInStage':
      columns.push(
        { key: 'stage', label: 'col.stage', value: (row) => t(`stage.${(row as TimeInStageRow).stage}`) },
        { key: 'completed', label: 'col.completed', numeric: true, value: numberOf<TimeInStageRow>((row) => row.completed) },
        { key: 'medianDays', label: 'col.median', numeric: true, value: numberOf<TimeInStageRow>((row) => row.medianDays) },
        { key: 'p90Days', label: 'col.p90', numeric: true, value: numberOf<TimeInStageRow>((row) => row.p90Days) },
        { key: 'withDeadline', label: 'col.withDeadline', numeric: true, value: numberOf<TimeInStageRow>((row) => row.withDeadline) },
        { key: 'onTime', label: 'col.onTime', numeric: true, value: numberOf<TimeInStageRow>((row) => row.onTime) },
        { key: 'onTimeRate', label: 'col.onTimeRate', numeric: true, value: rateOf<TimeInStageRow>((row) => row.onTimeRate) },
      );
      break;
    case 'escalations':
      if (rows.some((row) => (row as EscalationIndicatorRow).type)) {
        columns.push({
          key: 'type',
          label: 'col.type',
          value: (row) => {
            const type = (row as EscalationIndicatorRow).type;
            return type ? t(`escalationType.${type}`) : t('all');
          },
        });
      }
      columns.push(
        { key: 'raised', label: 'col.raised', numeric: true, value: numberOf<EscalationIndicatorRow>((row) => row.raised) },
        { key: 'acknowledged', label: 'col.acknowledged', numeric: true, value: numberOf<EscalationIndicatorRow>((row) => row.acknowledged) },
        { key: 'resolved', label: 'col.resolved', numeric: true, value: numberOf<EscalationIndicatorRow>((row) => row.resolved) },
        { key: 'openNow', label: 'col.openNow', numeric: true, value: numberOf<EscalationIndicatorRow>((row) => row.openNow) },
        { key: 'medianDaysToAcknowledge', label: 'col.medianDaysToAcknowledge', numeric: true, value: numberOf<EscalationIndicatorRow>((row) => row.medianDaysToAcknowledge) },
        { key: 'medianDaysToResolve', label: 'col.medianDaysToResolve', numeric: true, value: numberOf<EscalationIndicatorRow>((row) => row.medianDaysToResolve) },
      );
      break;
    case 'overdue':
      columns.push(
        {
          key: 'asOf',
          label: 'col.asOf',
          nowrap: true,
          value: (row) => {
            const asOf = (row as OverdueRow).asOf;
            return asOf === null ? t('none') : instant(asOf, table.timeZone);
          },
        },
        { key: 'running', label: 'col.running', numeric: true, value: numberOf<OverdueRow>((row) => row.running) },
        { key: 'withDeadline', label: 'col.withDeadline', numeric: true, value: numberOf<OverdueRow>((row) => row.withDeadline) },
        { key: 'overdue', label: 'col.overdue', numeric: true, value: numberOf<OverdueRow>((row) => row.overdue) },
        { key: 'overdueRate', label: 'col.overdueRate', numeric: true, value: rateOf<OverdueRow>((row) => row.overdueRate) },
      );
      break;
    case 'filingRate':
      columns.push(
        { key: 'reachedMaturity', label: 'col.reachedMaturity', numeric: true, value: numberOf<FilingRateRow>((row) => row.reachedMaturity) },
        { key: 'filed', label: 'col.filed', numeric: true, value: numberOf<FilingRateRow>((row) => row.filed) },
        { key: 'filingRate', label: 'col.filingRate', numeric: true, value: rateOf<FilingRateRow>((row) => row.filingRate) },
      );
      break;
    case 'followUp':
      columns.push(
        { key: 'monthsAfter', label: 'col.monthsAfter', nowrap: true, value: (row) => t('analytics.monthsAfter', { months: formatNumber((row as FollowUpRow).monthsAfter) }) },
        { key: 'passed', label: 'col.passed', numeric: true, value: numberOf<FollowUpRow>((row) => row.passed) },
        { key: 'failed', label: 'col.failed', numeric: true, value: numberOf<FollowUpRow>((row) => row.failed) },
        { key: 'missed', label: 'col.missed', numeric: true, value: numberOf<FollowUpRow>((row) => row.missed) },
        { key: 'passRate', label: 'col.passRate', numeric: true, value: rateOf<FollowUpRow>((row) => row.passRate) },
      );
      break;
    case 'withdrawalOutcome':
      columns.push(
        { key: 'completed', label: 'col.completed', numeric: true, value: numberOf<WithdrawalOutcomeRow>((row) => row.completed) },
        { key: 'stillActive', label: 'col.stillActive', numeric: true, value: numberOf<WithdrawalOutcomeRow>((row) => row.stillActive) },
        { key: 'stillActiveRate', label: 'col.stillActiveRate', numeric: true, value: rateOf<WithdrawalOutcomeRow>((row) => row.stillActiveRate) },
      );
      break;
    case 'scores':
      columns.push(
        { key: 'kind', label: 'col.kind', value: (row) => t(`analytics.kind.${(row as ScoreRow).kind}`) },
        { key: 'assessed', label: 'col.assessed', numeric: true, value: numberOf<ScoreRow>((row) => row.assessed) },
        { key: 'meanScore', label: 'col.meanScore', numeric: true, value: numberOf<ScoreRow>((row) => row.meanScore) },
        { key: 'medianScore', label: 'col.medianScore', numeric: true, value: numberOf<ScoreRow>((row) => row.medianScore) },
        { key: 'passed', label: 'col.passed', numeric: true, value: numberOf<ScoreRow>((row) => row.passed) },
        { key: 'passRate', label: 'col.passRate', numeric: true, value: rateOf<ScoreRow>((row) => row.passRate) },
        ...SCORE_BANDS.map((band): Column => ({ key: band, label: `col.${band}`, numeric: true, value: numberOf<ScoreRow>((row) => row[band]) })),
      );
      break;
    case 'outcomeLevels':
      columns.push(
        { key: 'level', label: 'col.outcomeLevel', value: (row) => t(`outcomeLevel.${(row as OutcomeRow).level}`) },
        { key: 'evaluated', label: 'col.evaluated', numeric: true, value: numberOf<OutcomeRow>((row) => row.evaluated) },
        { key: 'meanScore', label: 'col.meanScore', numeric: true, value: numberOf<OutcomeRow>((row) => row.meanScore) },
        { key: 'medianScore', label: 'col.medianScore', numeric: true, value: numberOf<OutcomeRow>((row) => row.medianScore) },
        { key: 'metTarget', label: 'col.metTarget', numeric: true, value: numberOf<OutcomeRow>((row) => row.metTarget) },
        { key: 'metTargetRate', label: 'col.metTargetRate', numeric: true, value: rateOf<OutcomeRow>((row) => row.metTargetRate) },
      );
      break;
  }

  const chart = buildChart(indicator, table, (r) => `${groupLabel(r.group)}${table.bucket ? ` · ${r.period}` : ''}`, t, formatNumber);
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
            <BarChart
              testId="analytics-chart"
              label={t(`analytics.indicator.${indicator}`)}
              categories={chart.categories}
              series={chart.series}
              format={chart.rates ? (value) => percent.format(value) : undefined}
            />
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

/**
 * Categories along the x axis (stages, causes, offsets, score bands, or the groups and periods) and
 * one series per group and period or per measure; `rates` when the values are shares (0..1).
 */
function buildChart(
  indicator: Indicator,
  table: IndicatorTable<AnyRow>,
  seriesName: (row: AnyRow) => string,
  t: ReturnType<typeof useI18n>['t'],
  formatNumber: (value: number) => string,
): { categories: string[]; series: ChartSeries[]; rates?: boolean } {
  const name = (row: AnyRow) =>
    // Both kinds of score side by side: each its own series.
    indicator === 'scores' && !table.rows.every((r) => (r as ScoreRow).kind === (table.rows[0] as ScoreRow).kind)
      ? `${seriesName(row)} · ${t(`analytics.kind.${(row as ScoreRow).kind}`)}`
      : seriesName(row);
  const seriesOrder: string[] = [];
  const bySeries = new Map<string, AnyRow[]>();
  for (const row of table.rows) {
    const key = name(row);
    if (!bySeries.has(key)) {
      bySeries.set(key, []);
      seriesOrder.push(key);
    }
    bySeries.get(key)?.push(row);
  }
  const names = seriesOrder.slice(0, MAX_SERIES);
  /** One bar per group and period, a series per measure (summed over the rows of the series). */
  const measures = <R,>(list: { label: MessageKey; pick: (row: R) => number | null }[]) => ({
    categories: seriesOrder,
    series: list.map(({ label, pick }) => ({
      name: t(label),
      values: seriesOrder.map((key) => {
        const values = (bySeries.get(key) ?? []).map((row) => pick(row as R)).filter((v): v is number => v !== null);
        return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0);
      }),
    })),
  });
  switch (indicator) {
    case 'funnel':
    case 'timeInStage': {
      const stages = indicator === 'funnel' ? STAGES : STAGES.filter((s) => s !== 'COMPLETED');
      return {
        categories: stages.map((stage) => t(`stage.${stage}`)),
        series: names.map((key) => ({
          name: key,
          values: stages.map((stage) => {
            const row = bySeries.get(key)?.find((r) => (r as StageFunnelRow | TimeInStageRow).stage === stage);
            if (!row) return null;
            return indicator === 'funnel' ? (row as StageFunnelRow).entered : (row as TimeInStageRow).medianDays;
          }),
        })),
      };
    }
    case 'escalations': {
      const split = table.rows.some((r) => (r as EscalationIndicatorRow).type);
      if (split) {
        return {
          categories: ESCALATION_TYPES.map((type) => t(`escalationType.${type}`)),
          series: names.map((key) => ({
            name: key,
            values: ESCALATION_TYPES.map((type) => {
              const matching = (bySeries.get(key) ?? []).filter((r) => (r as EscalationIndicatorRow).type === type);
              return matching.reduce((sum, r) => sum + (r as EscalationIndicatorRow).raised, 0);
            }),
          })),
        };
      }
      return measures<EscalationIndicatorRow>([{ label: 'analytics.metric.raised', pick: (r) => r.raised }]);
    }
    case 'overdue':
      return measures<OverdueRow>([
        { label: 'col.running', pick: (r) => r.running },
        { label: 'col.overdue', pick: (r) => r.overdue },
      ]);
    case 'filingRate':
      return measures<FilingRateRow>([
        { label: 'col.reachedMaturity', pick: (r) => r.reachedMaturity },
        { label: 'col.filed', pick: (r) => r.filed },
      ]);
    case 'withdrawalOutcome':
      return measures<WithdrawalOutcomeRow>([
        { label: 'col.completed', pick: (r) => r.completed },
        { label: 'col.stillActive', pick: (r) => r.stillActive },
      ]);
    case 'followUp': {
      const offsets = [...new Set(table.rows.map((r) => (r as FollowUpRow).monthsAfter))].sort((a, b) => a - b);
      return {
        categories: offsets.map((months) => t('analytics.monthsAfter', { months: formatNumber(months) })),
        series: names.map((key) => ({
          name: key,
          values: offsets.map((months) => (bySeries.get(key)?.find((r) => (r as FollowUpRow).monthsAfter === months) as FollowUpRow | undefined)?.passRate ?? null),
        })),
        rates: true,
      };
    }
    case 'outcomeLevels':
      // The three levels along the axis, a series per group and period: their mean scores.
      return {
        categories: OUTCOME_LEVELS.map((level) => t(`outcomeLevel.${level}`)),
        series: names.map((key) => ({
          name: key,
          values: OUTCOME_LEVELS.map((level) => (bySeries.get(key)?.find((r) => (r as OutcomeRow).level === level) as OutcomeRow | undefined)?.meanScore ?? null),
        })),
      };
    case 'scores':
      return {
        categories: SCORE_BANDS.map((band) => t(`col.${band}`)),
        series: names.map((key) => ({
          name: key,
          values: SCORE_BANDS.map((band) => (bySeries.get(key) ?? []).reduce((sum, r) => sum + (r as ScoreRow)[band], 0)),
        })),
      };
  }
}
