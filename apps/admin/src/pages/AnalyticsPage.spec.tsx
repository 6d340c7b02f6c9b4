/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  DISTRICTS,
  FOLLOW_UP_INDICATOR,
  ME_SCOPES,
  OVERDUE_INDICATOR,
  SCORE_INDICATOR,
  STAGE_FUNNEL_INDICATOR,
  STREET_NAMES,
} from '../graphql/insights';
import { renderWithProviders } from '../test/render';
import AnalyticsPage from './AnalyticsPage';

// An administrator with two districts to choose from: no district is chosen, so the filter stays empty.
const scopeMocks = [
  {
    request: { query: ME_SCOPES },
    result: { data: { me: { __typename: 'User', id: 'u1', role: 'ADMIN', scopes: [] } } },
    maxUsageCount: Number.POSITIVE_INFINITY,
  },
  {
    request: { query: DISTRICTS },
    result: {
      data: {
        districts: [
          { __typename: 'District', id: 'd1', name: '静安区', code: 'JA' },
          { __typename: 'District', id: 'd2', name: '黄浦区', code: 'HP' },
        ],
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  },
];

const streetNames = {
  request: { query: STREET_NAMES },
  result: {
    data: {
      districts: [
        { __typename: 'District', id: 'd1', streets: [{ __typename: 'Street', id: 'st-1', name: '南京西路街道' }] },
        { __typename: 'District', id: 'd2', streets: [{ __typename: 'Street', id: 'st-2', name: '外滩街道' }] },
      ],
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

const range = { bucket: null, from: '2025-12-01', to: '2026-11-30', timeZone: 'Asia/Shanghai' };
const period = { period: '2025-12-01/2026-11-30', periodStart: '2025-12-01', periodEnd: '2026-11-30' };

function overdueRow(group: string | null, running: number, overdue: number) {
  return {
    __typename: 'OverdueRow',
    group,
    ...period,
    asOf: '2026-11-28T12:00:00.000Z',
    running,
    withDeadline: running,
    overdue,
    overdueRate: running === 0 ? null : Math.round((overdue / running) * 10_000) / 10_000,
  };
}

const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((cell) => cell.textContent);
const headers = () => within(screen.getByTestId('analytics-table')).getAllByRole('columnheader').map((th) => th.textContent);

describe('AnalyticsPage', () => {
  afterEach(cleanup);

  it('switches to the overdue indicator, then cuts it by street, keeping both in the URL', async () => {
    renderWithProviders(<AnalyticsPage />, {
      path: '/analytics',
      mocks: [
        ...scopeMocks,
        streetNames,
        {
          request: { query: STAGE_FUNNEL_INDICATOR, variables: { input: {} } },
          result: { data: { table: { __typename: 'StageFunnelTable', groupBy: null, ...range, csv: 'group\r\n', rows: [] } } },
        },
        {
          request: { query: OVERDUE_INDICATOR, variables: { input: {} } },
          result: {
            data: { table: { __typename: 'OverdueTable', groupBy: null, ...range, csv: 'group,running\r\n,12\r\n', rows: [overdueRow(null, 12, 3)] } },
          },
        },
        {
          request: { query: OVERDUE_INDICATOR, variables: { input: { groupBy: 'STREET' } } },
          result: {
            data: {
              table: {
                __typename: 'OverdueTable',
                groupBy: 'STREET',
                ...range,
                csv: 'group,running\r\nst-1,8\r\n,4\r\n',
                rows: [overdueRow('st-1', 8, 2), overdueRow(null, 4, 1)],
              },
            },
          },
        },
      ],
    });
    await screen.findByTestId('analytics-table');

    await userEvent.selectOptions(screen.getByTestId('analytics-indicator'), 'overdue');
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/analytics?indicator=overdue'));
    await waitFor(() => expect(screen.getAllByTestId('analytics-row')).toHaveLength(1));
    expect(headers()).toEqual(['Period', 'Counted at', 'Running', 'With deadline', 'Overdue', 'Overdue rate']);
    expect(cells(screen.getByTestId('analytics-row')).slice(2)).toEqual(['12', '12', '3', '25%']);

    expect(within(screen.getByTestId('analytics-group-by')).getByRole('option', { name: 'Street' })).toBeTruthy();
    await userEvent.selectOptions(screen.getByTestId('analytics-group-by'), 'STREET');
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/analytics?indicator=overdue&groupBy=STREET'));
    await waitFor(() => expect(screen.getAllByTestId('analytics-row')).toHaveLength(2));
    expect(headers()[0]).toBe('Group');
    const [named, unknown] = screen.getAllByTestId('analytics-row');
    await waitFor(() => expect(cells(named)[0]).toBe('南京西路街道'));
    expect(cells(named).slice(3)).toEqual(['8', '8', '2', '25%']);
    expect(cells(unknown)[0]).toBe('No street');
    expect(screen.getByTestId('analytics-csv').getAttribute('download')).toBe('peiyu-overdue-2025-12-01-2026-11-30.csv');
    expect(screen.getByTestId('analytics-chart')).toBeTruthy();
  });

  it('reads the score kind and "latest only" from the URL, sends them, and labels the score table', async () => {
    const scoreRow = {
      __typename: 'ScoreRow',
      group: 'st-1',
      ...period,
      kind: 'CAPACITY',
      assessed: 4,
      meanScore: 71.25,
      medianScore: 70.5,
      passed: 3,
      passRate: 0.75,
      band0To20: 0,
      band20To40: 0,
      band40To60: 1,
      band60To80: 2,
      band80To100: 1,
    };
    renderWithProviders(<AnalyticsPage />, {
      path: '/analytics?indicator=scores&groupBy=STREET&kind=CAPACITY&latest=1',
      mocks: [
        ...scopeMocks,
        streetNames,
        {
          request: { query: SCORE_INDICATOR, variables: { input: { groupBy: 'STREET', kind: 'CAPACITY', latestOnly: true } } },
          result: { data: { table: { __typename: 'ScoreTable', groupBy: 'STREET', ...range, csv: 'group,kind\r\nst-1,CAPACITY\r\n', rows: [scoreRow] } } },
        },
        {
          request: { query: SCORE_INDICATOR, variables: { input: { groupBy: 'STREET', kind: 'CAPACITY' } } },
          result: {
            data: { table: { __typename: 'ScoreTable', groupBy: 'STREET', ...range, csv: 'group,kind\r\n', rows: [{ ...scoreRow, assessed: 6, passed: 3, passRate: 0.5 }] } },
          },
        },
      ],
    });
    const row = await screen.findByTestId('analytics-row');
    expect((screen.getByTestId('analytics-kind') as HTMLSelectElement).value).toBe('CAPACITY');
    expect((screen.getByTestId('analytics-latest-only') as HTMLInputElement).checked).toBe(true);
    expect(headers()).toEqual([
      'Group',
      'Period',
      'Assessment kind',
      'Assessed',
      'Mean score',
      'Median score',
      'Passed',
      'Pass rate',
      '0–20 points',
      '20–40 points',
      '40–60 points',
      '60–80 points',
      '80–100 points',
    ]);
    await waitFor(() => expect(cells(row)[0]).toBe('南京西路街道'));
    expect(cells(row).slice(2)).toEqual(['Capacity', '4', '71.25', '70.5', '3', '75%', '0', '0', '1', '2', '1']);
    expect(decodeURIComponent(screen.getByTestId('analytics-csv').getAttribute('href') ?? '')).toBe('data:text/csv;charset=utf-8,group,kind\r\nst-1,CAPACITY\r\n');

    await userEvent.click(screen.getByTestId('analytics-latest-only'));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/analytics?indicator=scores&groupBy=STREET&kind=CAPACITY'));
    await waitFor(() => expect(cells(screen.getByTestId('analytics-row')).slice(3, 8)).toEqual(['6', '71.25', '70.5', '3', '50%']));
  });

  it('labels the follow-up table in Chinese and formats its offsets and rates', async () => {
    const followUp = (monthsAfter: number, passed: number, failed: number, missed: number) => ({
      __typename: 'FollowUpRow',
      group: null,
      ...period,
      monthsAfter,
      passed,
      failed,
      missed,
      passRate: passed + failed === 0 ? null : Math.round((passed / (passed + failed)) * 10_000) / 10_000,
    });
    renderWithProviders(<AnalyticsPage />, {
      path: '/analytics?indicator=followUp',
      locale: 'zh-CN',
      mocks: [
        ...scopeMocks,
        {
          request: { query: FOLLOW_UP_INDICATOR, variables: { input: {} } },
          result: {
            data: {
              table: { __typename: 'FollowUpTable', groupBy: null, ...range, csv: 'monthsAfter\r\n', rows: [followUp(1, 2, 1, 0), followUp(3, 1234, 0, 2), followUp(6, 0, 0, 1)] },
            },
          },
        },
      ],
    });
    await waitFor(() => expect(screen.getAllByTestId('analytics-row')).toHaveLength(3));
    expect(headers()).toEqual(['期间', '回访', '通过', '未通过', '未按时回访', '通过率']);
    const rows = screen.getAllByTestId('analytics-row').map((row) => cells(row).slice(1));
    expect(rows).toEqual([
      ['+1 个月', '2', '1', '0', '66.7%'],
      ['+3 个月', '1,234', '0', '2', '100%'],
      ['+6 个月', '0', '0', '1', '—'],
    ]);
  });
});
