/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ORGANIZATION_OUTCOMES, OUTCOME_INDICATOR_SETS, RECORD_FOLLOW_UP_CHECK, RECORD_OUTCOME_EVALUATION } from '../../graphql/assessments';
import { sessionStore } from '../../auth/session';
import { anyVariables, apiError, renderWithProviders } from '../../test/render';
import { today } from '../directory/common';
import { OutcomesTab } from './OutcomesTab';

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
sessionStore.start({
  token: 'access',
  expiresAt: inHours(1),
  refreshToken: 'refresh',
  refreshTokenExpiresAt: inHours(24),
  user: { id: 'u1', username: 'supervisor', displayName: '督导', role: 'SUPERVISOR' },
});

const indicator = (key: string, label: string, weight: number) => ({ __typename: 'RubricCriterionType', key, label, weight, maxScore: 5 });
const set = (level: string, version: number, indicators: ReturnType<typeof indicator>[]) => ({ __typename: 'OutcomeIndicatorSet', level, version, targetScore: 60, indicators });
const setsMock = {
  request: { query: OUTCOME_INDICATOR_SETS },
  result: {
    data: {
      community: set('COMMUNITY', 1, [indicator('resident_participation', '居民参与度', 3), indicator('needs_met', '居民需求满足度', 1)]),
      organization: set('ORGANIZATION', 2, [indicator('self_governance', '自我管理能力', 1)]),
      institution: set('INSTITUTION', 1, [indicator('cultivation_support', '培育支持到位', 1)]),
    },
  },
};
const level = (name: string, score: number, metTarget: boolean) => ({ __typename: 'LevelOutcome', level: name, score, targetScore: 60, metTarget, indicatorSetVersion: 1 });
const outcomes = (evaluations: unknown[], checks: unknown[]) => ({
  request: { query: ORGANIZATION_OUTCOMES, variables: { organizationId: 'org-1' } },
  result: {
    data: {
      outcomeEvaluations: { __typename: 'OutcomeEvaluationConnection', totalCount: evaluations.length, edges: evaluations.map((node) => ({ __typename: 'OutcomeEvaluationEdge', node })) },
      followUpChecks: { __typename: 'FollowUpCheckConnection', totalCount: checks.length, edges: checks.map((node) => ({ __typename: 'FollowUpCheckEdge', node })) },
    },
  },
});
const evaluation = {
  __typename: 'OutcomeEvaluation',
  id: 'ev-1',
  evaluatedOn: '2026-05-01',
  note: null,
  levels: [level('COMMUNITY', 82, true), level('ORGANIZATION', 40, false), level('INSTITUTION', 80, true)],
};
const failedCheck = {
  __typename: 'FollowUpCheck',
  id: 'fc-1',
  followUpIndex: 0,
  checkedOn: '2026-06-01',
  passed: false,
  note: '骨干流失',
  findings: { __typename: 'FollowUpFindings', stillActive: true, leadershipStable: false, holdingActivities: true, financesInOrder: true, membersRetained: true },
};

async function type(testId: string, value: string) {
  const input = screen.getByTestId(testId);
  await userEvent.clear(input);
  await userEvent.type(input, value);
}

describe('outcome evaluations and follow-up checks of an organization', () => {
  afterEach(cleanup);

  it('lists the evaluations with each level against its target, and the checks with what failed', async () => {
    renderWithProviders(<OutcomesTab organizationId="org-1" mayRecord={false} />, { mocks: [outcomes([evaluation], [failedCheck])] });
    const row = await screen.findByTestId('outcome-evaluation-row');
    expect(screen.getByTestId('outcome-score-ORGANIZATION').textContent).toBe('40 / 60 Below target');
    expect(row.textContent).toContain('82 / 60 Met target');
    expect((await screen.findByTestId('follow-up-check-row')).textContent).toContain('Follow-up 1Not passedLeaders stayed');
    expect(screen.queryByTestId('outcome-form')).toBeNull();
  });

  it('previews each level score as the server computes it, names missing scores, and shows the server’s errors at their fields', async () => {
    renderWithProviders(<OutcomesTab organizationId="org-1" mayRecord />, {
      mocks: [
        outcomes([], []),
        setsMock,
        { request: { query: RECORD_OUTCOME_EVALUATION, variables: anyVariables }, result: { errors: [apiError('BAD_USER_INPUT', 'Organization is not under cultivation.', 'organizationId')] } },
      ],
    });
    await screen.findByTestId('outcome-form');
    await type('outcome-score-COMMUNITY-resident_participation', '5');
    // (3 × 5/5 + 1 × 0) / 4 = 75
    expect(screen.getByTestId('outcome-preview-COMMUNITY').getAttribute('data-total')).toBe('75');
    await userEvent.click(screen.getByTestId('outcome-submit'));
    expect(screen.getByTestId('field-error-communityScores.1.score').textContent).toBe('Score this criterion.');
    expect(screen.getByTestId('field-error-organizationScores.0.score')).toBeTruthy();
    await type('outcome-score-COMMUNITY-needs_met', '1');
    await type('outcome-score-ORGANIZATION-self_governance', '3');
    await type('outcome-score-INSTITUTION-cultivation_support', '4');
    // (3 × 1 + 1 × 1/5) / 4 = 80
    expect(screen.getByTestId('outcome-preview-COMMUNITY').getAttribute('data-total')).toBe('80');
    await userEvent.click(screen.getByTestId('outcome-submit'));
    expect((await screen.findByTestId('outcome-form-error')).textContent).toBe('Organization is not under cultivation.');
  });

  it('records an evaluation with each level’s scores in the set’s order, and a follow-up check with its findings', async () => {
    const sent: unknown[] = [];
    const checks: unknown[] = [];
    renderWithProviders(<OutcomesTab organizationId="org-1" mayRecord />, {
      mocks: [
        outcomes([], []),
        setsMock,
        {
          request: { query: RECORD_OUTCOME_EVALUATION, variables: (v) => (sent.push(v), true) },
          result: { data: { recordOutcomeEvaluation: { __typename: 'OutcomeEvaluation', id: 'ev-2', communityScore: 80, organizationScore: 60, institutionScore: 80 } } },
        },
        outcomes([evaluation], []),
        { request: { query: RECORD_FOLLOW_UP_CHECK, variables: (v) => (checks.push(v), true) }, result: { data: { recordFollowUpCheck: { __typename: 'FollowUpCheck', id: 'fc-2', passed: false } } } },
        outcomes([evaluation], [failedCheck]),
      ],
    });
    await screen.findByTestId('outcome-form');
    await type('outcome-score-COMMUNITY-needs_met', '1');
    await type('outcome-score-COMMUNITY-resident_participation', '5');
    await type('outcome-score-ORGANIZATION-self_governance', '3');
    await type('outcome-score-INSTITUTION-cultivation_support', '4');
    await userEvent.click(screen.getByTestId('outcome-submit'));
    expect((await screen.findByTestId('outcome-form-success')).textContent).toBe('Recorded: community 80, organization 60, institution 80.');
    expect(sent).toEqual([
      {
        input: {
          organizationId: 'org-1',
          evaluatedOn: today(),
          note: null,
          communityScores: [
            { key: 'resident_participation', score: 5 },
            { key: 'needs_met', score: 1 },
          ],
          organizationScores: [{ key: 'self_governance', score: 3 }],
          institutionScores: [{ key: 'cultivation_support', score: 4 }],
        },
      },
    ]);
    await waitFor(() => expect(screen.getAllByTestId('outcome-evaluation-row')).toHaveLength(1));

    await userEvent.click(screen.getByTestId('follow-up-finding-leadershipStable'));
    await userEvent.click(screen.getByTestId('follow-up-check-submit'));
    expect((await screen.findByTestId('follow-up-check-success')).textContent).toBe('Recorded: the check did not pass.');
    expect(checks).toEqual([
      {
        input: {
          organizationId: 'org-1',
          followUpIndex: 0,
          checkedOn: today(),
          note: null,
          findings: { stillActive: true, leadershipStable: false, holdingActivities: true, financesInOrder: true, membersRetained: true },
        },
      },
    ]);
  });
});
