/**
 * @jest-environment jsdom
 */
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { cleanup, screen } from '@testing-library/react';
import { addMessages } from '../../i18n';
import { DETAIL_MESSAGES } from '../../i18n/cultivationDetail';
import { cultivationFixture } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import { GateCriteria } from './GateCriteria';

describe('the gate view', () => {
  beforeAll(() => addMessages(DETAIL_MESSAGES));
  afterEach(cleanup);

  it('lists each criterion with actual against required, whether met, what is missing and its evidence', () => {
    renderWithProviders(<GateCriteria cultivation={cultivationFixture()} />);
    const rows = screen.getAllByTestId('gate-criterion');
    expect(rows.map((row) => [row.getAttribute('data-kind'), row.getAttribute('data-met')])).toEqual([
      ['NEEDS_SURVEY_RESPONSES', 'false'],
      ['DEMAND_MATCHES_CATEGORY', 'true'],
      ['INTEREST_ACTIVITIES', 'true'],
    ]);
    const cells = (row: HTMLElement) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent);
    expect(cells(rows[0]!)).toEqual([expect.any(String), '12 / 30', '✗Not met', '18', '12 needs survey responses']);
    // A yes/no criterion shows the fact, not a count.
    expect(cells(rows[1]!)[1]).toBe('Yes');
    expect(document.body.textContent).toContain('2 of 3 met');
  });

  it('says so when every criterion is met', () => {
    const cultivation = cultivationFixture();
    renderWithProviders(
      <GateCriteria cultivation={{ ...cultivation, gate: { ...cultivation.gate, met: true, criteria: cultivation.gate.criteria.map((c) => ({ ...c, met: true, missing: 0 })) } }} />,
    );
    expect(document.body.textContent).toContain('All criteria met');
  });

  it('shows an empty state before the first evaluation, in Chinese too', () => {
    const cultivation = cultivationFixture();
    renderWithProviders(<GateCriteria cultivation={{ ...cultivation, gate: { met: false, evaluatedAt: null, criteria: [] } }} />, { locale: 'zh-CN' });
    expect(screen.queryByTestId('gate-criteria')).toBeNull();
    expect(document.body.textContent).toContain(DETAIL_MESSAGES['zh-CN']['gate.notEvaluated']);
  });
});
