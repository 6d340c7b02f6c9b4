// The district dashboard: headline numbers (each a link to the list behind it), the stage funnel, time
// in stage, escalations by type and institutions ranked. Loaded lazily (see App.tsx), with its messages.
import { useMemo, type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  DASHBOARD_HEADLINES,
  ESCALATION_INDICATOR,
  TIME_IN_STAGE_INDICATOR,
  type IndicatorFilter,
} from '../graphql/insights';
import type { EscalationType, Stage } from '../graphql/operations';
import { STAGES } from '../domain';
import { addMessages, useI18n } from '../i18n';
import { INSIGHTS_MESSAGES } from '../i18n/insights';
import { EmptyState, ErrorState, LoadingState } from '../components/states';
import { BarChart } from './insights/BarChart';
import { DistrictPicker } from './insights/DistrictPicker';
import { useDistrictChoice, useGroupLabel } from './insights/scope';

addMessages(INSIGHTS_MESSAGES);

/** The headline numbers change as the workflow runs: refresh them now and then. */
const POLL_INTERVAL_MS = 15_000;
const ESCALATION_TYPES: readonly EscalationType[] = ['DELAY', 'INTERRUPTION', 'DEVIATION', 'PERFORMANCE'];
const WORKING_STAGES = STAGES.filter((stage) => stage !== 'COMPLETED');

export default function DashboardPage() {
  const { t } = useI18n();
  const [searchParams, setSearchParams] = useSearchParams();
  const choice = useDistrictChoice(searchParams.get('district'));
  const districtId = choice.districtId;
  const filter = useMemo<IndicatorFilter>(() => (districtId ? { districtIds: [districtId] } : {}), [districtId]);

  return (
    <div className="page" data-testid="dashboard" data-district-id={districtId ?? ''}>
      <div className="page-header">
        <div>
          <h1>{t('dashboard.title')}</h1>
          <p className="muted">{t('dashboard.subtitle')}</p>
        </div>
        <DistrictPicker
          choice={choice}
          onChange={(id) =>
            setSearchParams(
              (current) => {
                const next = new URLSearchParams(current);
                if (id) next.set('district', id);
                else next.delete('district');
                return next;
              },
              { replace: true },
            )
          }
        />
      </div>
      <Headlines districtId={districtId} />
      <div className="dashboard-grid">
        <TimeInStageCard filter={filter} />
        <EscalationsByTypeCard filter={filter} districtId={districtId} />
        <InstitutionsCard filter={filter} />
      </div>
    </div>
  );
}

function Card({ title, hint, children, action }: { title: string; hint?: string; children: ReactNode; action?: ReactNode }) {
  return (
    <section className="card card-flush">
      <div className="card-header">
        <div>
          <h2>{title}</h2>
          {hint && <div className="muted">{hint}</div>}
        </div>
        {action}
      </div>
      <div className="card-body">{children}</div>
    </section>
  );
}

/** The explorer's link for an indicator (`indicator=…` and more), in the district shown. */
function ExploreLink({ query, districtId }: { query: string; districtId: string | null }) {
  const { t } = useI18n();
  return (
    <Link to={`/analytics?${query}${districtId ? `&district=${districtId}` : ''}`} className="button button-ghost">
      {t('dashboard.explore')}
    </Link>
  );
}

/** A card's content once its query has answered: an error with retry before that, or loading while it asks. */
function QueryBody({
  error,
  ready,
  loading,
  onRetry,
  children,
}: {
  error: unknown;
  ready: boolean;
  loading: boolean;
  onRetry: () => void;
  children: () => ReactNode;
}) {
  if (error && !ready) return <ErrorState error={error} onRetry={onRetry} />;
  if (!ready) return loading ? <LoadingState /> : null;
  return <>{children()}</>;
}

/** A compact table with its header row; `columns` give the headings, numeric ones right-aligned. */
function CompactTable({ testId, columns, children }: { testId: string; columns: { label: string; numeric?: boolean }[]; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className="table table-compact" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={column.numeric ? 'numeric' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A count that stands out while above zero. */
function AlertCount({ value }: { value: number }) {
  const { formatNumber } = useI18n();
  return <span className={value > 0 ? 'count count-alert' : 'count'}>{formatNumber(value)}</span>;
}

/** The list of cultivations behind a number, in the district shown. */
function listLink(districtId: string | null, params: Record<string, string>): string {
  const query = new URLSearchParams(params);
  if (districtId) query.set('districtId', districtId);
  return `/cultivations?${query.toString()}`;
}

function Headlines({ districtId }: { districtId: string | null }) {
  const { t, formatNumber } = useI18n();
  const { data, previousData, loading, error, refetch } = useQuery(DASHBOARD_HEADLINES, {
    variables: districtId ? { districtId } : {},
    pollInterval: POLL_INTERVAL_MS,
    skipPollAttempt: () => document.hidden,
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: false,
  });
  const headlines = data ?? previousData;
  if (!headlines) {
    return error ? (
      <div className="card card-flush">
        <ErrorState error={error} onRetry={() => void refetch()} />
      </div>
    ) : loading ? (
      <LoadingState />
    ) : null;
  }
  const numbers: { name: string; value: number; to: string; alert?: boolean }[] = [
    { name: 'active', value: headlines.active, to: listLink(districtId, { status: 'ACTIVE' }) },
    { name: 'overdue', value: headlines.overdue, to: listLink(districtId, { overdue: 'true' }), alert: true },
    { name: 'escalated', value: headlines.escalated, to: listLink(districtId, { escalated: 'true' }), alert: true },
    { name: 'openEscalations', value: headlines.openEscalationCount, to: '/escalations', alert: true },
  ];
  const funnel = STAGES.map((stage) => headlines.stageFunnel.find((s) => s.stage === stage)?.count ?? 0);
  return (
    <>
      {error && (
        <div className="card card-flush">
          <ErrorState error={error} onRetry={() => void refetch()} />
        </div>
      )}
      <section className="headlines" aria-label={t('dashboard.headlines')}>
        {numbers.map((n) => (
          <Link
            key={n.name}
            to={n.to}
            className={n.alert && n.value > 0 ? 'headline headline-alert' : 'headline'}
            data-testid={`headline-${n.name}`}
            data-value={n.value}
          >
            <span className="headline-value">{formatNumber(n.value)}</span>
            <span className="headline-label">{t(`dashboard.headline.${n.name}` as 'dashboard.headline.active')}</span>
          </Link>
        ))}
      </section>
      <Card
        title={t('dashboard.funnel')}
        hint={t('dashboard.funnelHint')}
        action={<ExploreLink query="indicator=funnel" districtId={districtId} />}
      >
        <BarChart
          testId="funnel-chart"
          label={t('dashboard.funnel')}
          categories={STAGES.map((stage) => t(`stage.${stage}`))}
          series={[{ name: '', values: funnel }]}
          links={STAGES.map((stage) => listLink(districtId, { stage }))}
        />
      </Card>
    </>
  );
}

function formatDays(t: ReturnType<typeof useI18n>['t'], formatNumber: (n: number) => string, days: number | null): string {
  return days === null ? t('none') : t('days', { days: formatNumber(days) });
}

function TimeInStageCard({ filter }: { filter: IndicatorFilter }) {
  const { t, formatNumber } = useI18n();
  const { data, loading, error, refetch } = useQuery(TIME_IN_STAGE_INDICATOR, {
    variables: { input: { filter } },
    fetchPolicy: 'cache-and-network',
  });
  const rows = data?.table.rows;
  return (
    <Card title={t('dashboard.timeInStage')} hint={t('dashboard.timeInStageHint')}>
      <QueryBody error={error} ready={!!rows} loading={loading} onRetry={() => void refetch()}>
        {() => (
          <CompactTable
            testId="time-in-stage"
            columns={[
              { label: t('col.stage') },
              { label: t('col.completed'), numeric: true },
              { label: t('col.median'), numeric: true },
              { label: t('col.p90'), numeric: true },
            ]}
          >
            {WORKING_STAGES.map((stage: Stage) => {
              const row = rows?.find((r) => r.stage === stage);
              return (
                <tr key={stage} data-stage={stage}>
                  <td>{t(`stage.${stage}`)}</td>
                  <td className="numeric">{formatNumber(row?.completed ?? 0)}</td>
                  <td className="numeric">{formatDays(t, formatNumber, row?.medianDays ?? null)}</td>
                  <td className="numeric">{formatDays(t, formatNumber, row?.p90Days ?? null)}</td>
                </tr>
              );
            })}
          </CompactTable>
        )}
      </QueryBody>
    </Card>
  );
}

function EscalationsByTypeCard({ filter, districtId }: { filter: IndicatorFilter; districtId: string | null }) {
  const { t, formatNumber } = useI18n();
  const { data, loading, error, refetch } = useQuery(ESCALATION_INDICATOR, {
    variables: { input: { filter, splitBy: ['TYPE'] } },
    fetchPolicy: 'cache-and-network',
  });
  const rows = data?.table.rows;
  const byType = ESCALATION_TYPES.map((type) => {
    const matching = rows?.filter((r) => r.type === type) ?? [];
    return {
      type,
      raised: matching.reduce((sum, r) => sum + r.raised, 0),
      openNow: matching.reduce((sum, r) => sum + r.openNow, 0),
    };
  });
  return (
    <Card
      title={t('dashboard.escalationsByType')}
      hint={t('dashboard.escalationsByTypeHint')}
      action={<ExploreLink query="indicator=escalations&split=TYPE" districtId={districtId} />}
    >
      <QueryBody error={error} ready={!!rows} loading={loading} onRetry={() => void refetch()}>
        {() => (
          <CompactTable
            testId="escalations-by-type"
            columns={[{ label: t('col.type') }, { label: t('col.raised'), numeric: true }, { label: t('col.openNow'), numeric: true }]}
          >
            {byType.map((row) => (
              <tr key={row.type} data-type={row.type}>
                <td>{t(`escalationType.${row.type}`)}</td>
                <td className="numeric">{formatNumber(row.raised)}</td>
                <td className="numeric">
                  <AlertCount value={row.openNow} />
                </td>
              </tr>
            ))}
          </CompactTable>
        )}
      </QueryBody>
    </Card>
  );
}

function InstitutionsCard({ filter }: { filter: IndicatorFilter }) {
  const { t, formatNumber, locale } = useI18n();
  const label = useGroupLabel('INSTITUTION');
  const percent = useMemo(() => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }), [locale]);
  const escalations = useQuery(ESCALATION_INDICATOR, {
    variables: { input: { filter, groupBy: 'INSTITUTION' } },
    fetchPolicy: 'cache-and-network',
  });
  const times = useQuery(TIME_IN_STAGE_INDICATOR, {
    variables: { input: { filter, groupBy: 'INSTITUTION' } },
    fetchPolicy: 'cache-and-network',
  });
  const error = escalations.error ?? times.error;
  const ready = escalations.data && times.data;
  const ranked = useMemo(() => {
    if (!escalations.data || !times.data) return [];
    const byId = new Map<string, { id: string; openNow: number; raised: number; withDeadline: number; onTime: number }>();
    const entry = (id: string) => {
      let value = byId.get(id);
      if (!value) byId.set(id, (value = { id, openNow: 0, raised: 0, withDeadline: 0, onTime: 0 }));
      return value;
    };
    for (const row of escalations.data.table.rows) {
      if (!row.group) continue;
      const e = entry(row.group);
      e.openNow += row.openNow;
      e.raised += row.raised;
    }
    for (const row of times.data.table.rows) {
      if (!row.group) continue;
      const e = entry(row.group);
      e.withDeadline += row.withDeadline;
      e.onTime += row.onTime;
    }
    const rate = (e: { withDeadline: number; onTime: number }) => (e.withDeadline > 0 ? e.onTime / e.withDeadline : null);
    return [...byId.values()].sort((a, b) => b.openNow - a.openNow || (rate(a) ?? 2) - (rate(b) ?? 2)).map((e) => ({ ...e, rate: rate(e) }));
  }, [escalations.data, times.data]);

  return (
    <Card title={t('dashboard.institutions')} hint={t('dashboard.institutionsHint')}>
      <QueryBody
        error={error}
        ready={!!ready}
        loading
        onRetry={() => {
          void escalations.refetch();
          void times.refetch();
        }}
      >
        {() =>
          ranked.length === 0 ? (
            <EmptyState message={t('dashboard.noData')} />
          ) : (
            <CompactTable
              testId="institutions-ranked"
              columns={[
                { label: t('col.institution') },
                { label: t('col.openNow'), numeric: true },
                { label: t('col.raised'), numeric: true },
                { label: t('col.onTimeRate'), numeric: true },
              ]}
            >
              {ranked.map((row) => (
                <tr key={row.id} data-testid="institution-rank" data-institution-id={row.id}>
                  <td>{label(row.id)}</td>
                  <td className="numeric">
                    <AlertCount value={row.openNow} />
                  </td>
                  <td className="numeric">{formatNumber(row.raised)}</td>
                  <td className="numeric">{row.rate === null ? t('none') : percent.format(row.rate)}</td>
                </tr>
              ))}
            </CompactTable>
          )
        }
      </QueryBody>
    </Card>
  );
}
