/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DISTRICTS, ME_SCOPES } from '../../graphql/insights';
import { PROCESS_POLICY, PROCESS_POLICY_VERSIONS, SET_PROCESS_POLICY } from '../../graphql/policies';
import type { Role } from '../../graphql/operations';
import { sessionStore } from '../../auth/session';
import { apiError, renderWithProviders } from '../../test/render';
import PoliciesPage from './PoliciesPage';

const DAY = 86_400;
const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

function signInAs(role: Role) {
  sessionStore.start({
    token: 'access',
    expiresAt: inHours(1),
    refreshToken: 'refresh',
    refreshTokenExpiresAt: inHours(24),
    user: { id: 'u1', username: role.toLowerCase(), displayName: role, role },
  });
}

const same = <T,>(criteria: T) => ({ LIFE_SERVICE: criteria, PUBLIC_WELFARE: criteria, CULTURE_SPORTS: criteria, MEDIATION: criteria });
const directionWatch = { lastActivities: 10, withinSeconds: 90 * DAY, minActivities: 5, minMatchingShare: 0.5, ignoredKinds: ['MEETING'], matching: same({ kinds: [], keywords: ['助餐'] }) };

const policy = {
  version: 2,
  stages: {
    FORMATION: {
      durationSeconds: 90 * DAY,
      maxExtensionSeconds: 30 * DAY,
      warningRatio: 0.75,
      criteria: same([
        { kind: 'ACTIVE_MEMBERS', threshold: 8 },
        { kind: 'LEADERS', threshold: 1 },
      ]),
    },
    GROWTH: {
      durationSeconds: 180 * DAY,
      maxExtensionSeconds: 60 * DAY,
      warningRatio: 0.75,
      criteria: {
        ...same([{ kind: 'LEADER_TRAINING_HOURS', threshold: 12 }]),
        MEDIATION: [
          { kind: 'LEADER_TRAINING_HOURS', threshold: 24 },
          { kind: 'CHARTER_ADOPTED', threshold: 1 },
        ],
      },
    },
    MATURITY: { durationSeconds: 180 * DAY, maxExtensionSeconds: 60 * DAY, warningRatio: 0.75, criteria: same([{ kind: 'FILING_RECORDED', threshold: 1 }]) },
    WITHDRAWAL: { durationSeconds: 120 * DAY, workingDays: 80, maxExtensionSeconds: 60 * DAY, warningRatio: 0.75, criteria: same([]) },
  },
  ladder: [
    { role: 'SUPERVISOR', acknowledgeWithinSeconds: 3 * DAY },
    { role: 'STREET_OFFICER', acknowledgeWithinSeconds: 5 * DAY },
  ],
  maxPauseSeconds: 30 * DAY,
  maxInactivitySeconds: 60 * DAY,
  correctionPlanDueSeconds: 14 * DAY,
  withdrawal: { followUpMonths: [1, 3, 6], followUpWindowSeconds: 14 * DAY },
  directionWatch,
};

const scopeMocks = (role: Role, scopes: { kind: string; id: string | null }[]) => [
  {
    request: { query: ME_SCOPES },
    result: { data: { me: { __typename: 'User', id: 'u1', role, scopes: scopes.map((s) => ({ __typename: 'Scope', ...s })) } } },
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

const policyMock = (districtId: string, document: object, version: number) => ({
  request: { query: PROCESS_POLICY, variables: { districtId } },
  result: { data: { processPolicy: { __typename: 'ProcessPolicyVersion', districtId, version, document: JSON.stringify(document) } } },
});

const versionsMock = (districtId: string, versions: { districtId: string | null; version: number; document: object; storedAt: string | null; storedByUsername: string | null }[]) => ({
  request: { query: PROCESS_POLICY_VERSIONS, variables: { districtId } },
  result: {
    data: { processPolicyVersions: versions.map((v) => ({ __typename: 'ProcessPolicyVersion', ...v, document: JSON.stringify(v.document) })) },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
});

describe('the process policies page', () => {
  afterEach(() => {
    cleanup();
    sessionStore.end('signed-out');
  });

  it('shows the policy in force read-only to others than ADMIN', async () => {
    signInAs('PROGRAMME_MANAGER');
    renderWithProviders(<PoliciesPage />, { path: '/policies', mocks: [...scopeMocks('PROGRAMME_MANAGER', [{ kind: 'DISTRICT', id: 'd1' }]), policyMock('d1', policy, 2), versionsMock('d1', [])] });

    const current = await screen.findByTestId('policy-current');
    expect(current.getAttribute('data-version')).toBe('2');
    expect(screen.getByTestId('policy-read-only')).toBeTruthy();
    expect(screen.queryByTestId('policy-edit')).toBeNull();
    expect(screen.queryByTestId('policy-editor')).toBeNull();
    // One district in scope: nothing to choose.
    expect(screen.queryByTestId('policy-district')).toBeNull();

    const stages = screen.getAllByTestId('policy-stage');
    expect(stages.map((row) => row.getAttribute('data-stage'))).toEqual(['FORMATION', 'GROWTH', 'MATURITY', 'WITHDRAWAL']);
    expect(stages[0].textContent).toContain('90 days');
    expect(stages[3].textContent).toContain('80 working days');
    const mediation = within(screen.getAllByTestId('policy-category').find((row) => row.getAttribute('data-category') === 'MEDIATION')!);
    const growth = mediation.getAllByTestId('policy-criterion').filter((c) => c.closest('td')?.getAttribute('data-stage') === 'GROWTH');
    expect(growth.map((c) => c.textContent)).toEqual(['Leader training hours (24)', 'Charter adopted (required)']);
    expect(screen.getAllByTestId('policy-ladder-level').map((row) => row.getAttribute('data-role'))).toEqual(['SUPERVISOR', 'STREET_OFFICER']);
    expect(screen.getByTestId('policy-follow-ups').textContent).toBe('1, 3, 6');
    expect(screen.getByTestId('policy-max-inactivity').textContent).toBe('60 days');
  });

  it('stores the edited version as the exact document, then shows the version stored', async () => {
    signInAs('ADMIN');
    const user = userEvent.setup();
    const sent: unknown[] = [];
    const stored = { ...policy, version: 3 };
    renderWithProviders(<PoliciesPage />, {
      path: '/policies?district=d2',
      mocks: [
        ...scopeMocks('ADMIN', []),
        policyMock('d2', policy, 2),
        versionsMock('d2', []),
        {
          request: {
            query: SET_PROCESS_POLICY,
            variables: (variables: Record<string, unknown>) => {
              sent.push(variables);
              return true;
            },
          },
          result: { data: { setProcessPolicy: { __typename: 'ProcessPolicyVersion', districtId: 'd2', version: 3, document: JSON.stringify(stored) } } },
        },
        policyMock('d2', stored, 3),
      ],
    });

    expect((await screen.findByTestId('policy-district') as HTMLSelectElement).value).toBe('d2');
    await user.click(await screen.findByTestId('policy-edit'));
    const duration = screen.getByTestId('policy-FORMATION-durationDays');
    await user.clear(duration);
    await user.type(duration, '60');
    await user.type(screen.getByTestId('policy-GROWTH-workingDays'), '120');
    await user.clear(screen.getByTestId('policy-WITHDRAWAL-workingDays'));
    const ratio = screen.getByTestId('policy-MATURITY-warningRatio');
    await user.clear(ratio);
    await user.type(ratio, '0.8');
    // Mediation's growth gate: a higher training threshold, the charter dropped, regular activity added.
    const threshold = screen.getByTestId('policy-threshold-GROWTH-MEDIATION-0');
    await user.clear(threshold);
    await user.type(threshold, '30');
    await user.click(screen.getByTestId('policy-remove-criterion-GROWTH-MEDIATION-1'));
    await user.click(screen.getByTestId('policy-add-criterion-GROWTH-MEDIATION'));
    await user.selectOptions(screen.getByTestId('policy-kind-GROWTH-MEDIATION-1'), 'REGULAR_ACTIVITY_MONTHS');
    const months = screen.getByTestId('policy-threshold-GROWTH-MEDIATION-1');
    await user.clear(months);
    await user.type(months, '4');
    // The ladder: the street officer replaced by the programme manager, with a day and a half.
    await user.selectOptions(screen.getByTestId('policy-ladder-role-1'), 'PROGRAMME_MANAGER');
    const acknowledge = screen.getByTestId('policy-ladder-days-1');
    await user.clear(acknowledge);
    await user.type(acknowledge, '1.5');
    const pause = screen.getByTestId('policy-max-pause-days');
    await user.clear(pause);
    await user.type(pause, '45');
    await user.clear(screen.getByTestId('policy-max-inactivity-days'));
    const followUps = screen.getByTestId('policy-follow-up-months');
    await user.clear(followUps);
    await user.type(followUps, '1, 6, 12');
    await user.click(screen.getByTestId('policy-submit'));

    expect((await screen.findByTestId('policy-saved')).textContent).toContain('Version 3 stored');
    await waitFor(() => expect(screen.getByTestId('policy-current').getAttribute('data-version')).toBe('3'));
    expect(sent).toHaveLength(1);
    const { input } = sent[0] as { input: { districtId: string | null; document: string } };
    expect(input.districtId).toBe('d2');
    expect(JSON.parse(input.document)).toEqual({
      stages: {
        FORMATION: { ...policy.stages.FORMATION, durationSeconds: 60 * DAY },
        GROWTH: {
          durationSeconds: 180 * DAY,
          workingDays: 120,
          maxExtensionSeconds: 60 * DAY,
          warningRatio: 0.75,
          criteria: {
            ...same([{ kind: 'LEADER_TRAINING_HOURS', threshold: 12 }]),
            MEDIATION: [
              { kind: 'LEADER_TRAINING_HOURS', threshold: 30 },
              { kind: 'REGULAR_ACTIVITY_MONTHS', threshold: 4 },
            ],
          },
        },
        MATURITY: { ...policy.stages.MATURITY, warningRatio: 0.8 },
        WITHDRAWAL: { durationSeconds: 120 * DAY, maxExtensionSeconds: 60 * DAY, warningRatio: 0.75, criteria: same([]) },
      },
      ladder: [
        { role: 'SUPERVISOR', acknowledgeWithinSeconds: 3 * DAY },
        { role: 'PROGRAMME_MANAGER', acknowledgeWithinSeconds: 1.5 * DAY },
      ],
      maxPauseSeconds: 45 * DAY,
      correctionPlanDueSeconds: 14 * DAY,
      withdrawal: { followUpMonths: [1, 6, 12], followUpWindowSeconds: 14 * DAY },
      directionWatch,
    });
  });

  it('names invalid fields before sending, and shows the server’s error at its field', async () => {
    signInAs('ADMIN');
    const user = userEvent.setup();
    let calls = 0;
    renderWithProviders(<PoliciesPage />, {
      path: '/policies',
      mocks: [
        ...scopeMocks('ADMIN', []),
        policyMock('d1', policy, 2),
        versionsMock('d1', []),
        {
          request: {
            query: SET_PROCESS_POLICY,
            variables: (variables: Record<string, unknown>) => {
              calls += 1;
              return (variables as { input: { districtId: string | null } }).input.districtId === null;
            },
          },
          result: { errors: [apiError('BAD_USER_INPUT', 'document.stages.GROWTH.criteria.MEDIATION[0].threshold must be a number ≥ 0', 'document')] },
        },
      ],
    });

    await user.click(await screen.findByTestId('policy-edit'));
    await user.clear(screen.getByTestId('policy-FORMATION-durationDays'));
    const ratio = screen.getByTestId('policy-GROWTH-warningRatio');
    await user.clear(ratio);
    await user.type(ratio, '1.5');
    await user.click(screen.getByTestId('policy-ladder-remove-1'));
    await user.click(screen.getByTestId('policy-ladder-remove-0'));
    await user.click(screen.getByTestId('policy-submit'));

    expect((await screen.findByTestId('field-error-stages.FORMATION.durationSeconds')).textContent).toBe('Enter a number above 0.');
    expect(screen.getByTestId('field-error-stages.GROWTH.warningRatio').textContent).toBe('Enter a number between 0 and 1.');
    expect(screen.getByTestId('field-error-ladder').textContent).toBe('The ladder needs at least one level.');
    expect(screen.getByTestId('policy-form-error')).toBeTruthy();
    expect(calls).toBe(0);

    // Corrected, and stored city-wide: the server's error lands at the criterion it names.
    await user.type(screen.getByTestId('policy-FORMATION-durationDays'), '90');
    await user.clear(ratio);
    await user.type(ratio, '0.75');
    await user.click(screen.getByTestId('policy-ladder-add'));
    await user.click(screen.getByTestId('policy-city-wide'));
    await user.click(screen.getByTestId('policy-submit'));
    expect((await screen.findByTestId('field-error-stages.GROWTH.criteria.MEDIATION[0].threshold')).textContent).toContain('must be a number ≥ 0');
    expect(screen.queryByTestId('field-error-ladder')).toBeNull();
    expect(screen.queryByTestId('policy-form-error')).toBeNull();
    expect(calls).toBe(1);
  });
  it('lists the versions newest first with who stored them and when, the one in force marked, each opening to its document', async () => {
    signInAs('PROGRAMME_MANAGER');
    const user = userEvent.setup();
    const cityWide = { ...policy, version: 2, maxPauseSeconds: 10 * DAY };
    renderWithProviders(<PoliciesPage />, {
      path: '/policies',
      mocks: [
        ...scopeMocks('PROGRAMME_MANAGER', [{ kind: 'DISTRICT', id: 'd1' }]),
        policyMock('d1', { ...policy, version: 3 }, 3),
        versionsMock('d1', [
          { districtId: 'd1', version: 3, document: { ...policy, version: 3 }, storedAt: '2026-03-02T02:00:00.000Z', storedByUsername: 'admin' },
          { districtId: null, version: 2, document: cityWide, storedAt: '2026-01-05T02:00:00.000Z', storedByUsername: null },
          { districtId: null, version: 1, document: { ...policy, version: 1 }, storedAt: null, storedByUsername: null },
        ]),
      ],
    });

    const rows = await screen.findAllByTestId('policy-version');
    expect(rows.map((r) => [r.getAttribute('data-scope'), r.getAttribute('data-version'), r.getAttribute('data-in-force')])).toEqual([
      ['DISTRICT', '3', 'true'],
      ['CITY', '2', 'false'],
      ['DEFAULT', '1', 'false'],
    ]);
    expect(within(rows[0]).getByTestId('policy-version-in-force').textContent).toBe('In force');
    expect(rows[0].textContent).toContain('This district');
    expect(rows[0].textContent).toContain('admin');
    expect(rows[0].textContent).toContain('2026');
    expect(rows[1].textContent).toContain('City-wide');
    expect(rows[1].textContent).toContain('Unknown user');
    expect(rows[2].textContent).toContain('Built-in default');
    expect(screen.queryByTestId('policy-version-view')).toBeNull();

    await user.click(within(rows[1]).getByTestId('policy-version-toggle'));
    const view = screen.getByTestId('policy-version-view');
    expect(within(view).getByTestId('policy-max-pause').textContent).toBe('10 days');
    await user.click(within(rows[1]).getByTestId('policy-version-toggle'));
    expect(screen.queryByTestId('policy-version-view')).toBeNull();
  });

  it('marks the city-wide version in force for a district without its own', async () => {
    signInAs('PROGRAMME_MANAGER');
    renderWithProviders(<PoliciesPage />, {
      path: '/policies',
      mocks: [
        ...scopeMocks('PROGRAMME_MANAGER', [{ kind: 'DISTRICT', id: 'd1' }]),
        policyMock('d1', policy, 2),
        versionsMock('d1', [
          { districtId: null, version: 2, document: policy, storedAt: '2026-01-05T02:00:00.000Z', storedByUsername: 'admin' },
          { districtId: null, version: 1, document: { ...policy, version: 1 }, storedAt: null, storedByUsername: null },
        ]),
      ],
    });
    const rows = await screen.findAllByTestId('policy-version');
    expect(rows.map((r) => r.getAttribute('data-in-force'))).toEqual(['true', 'false']);
  });
});
