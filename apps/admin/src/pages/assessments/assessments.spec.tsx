/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ORGANIZATION_DETAIL } from '../../graphql/directory';
import { ORGANIZATION_ASSESSMENTS, RECORD_ASSESSMENT, RUBRIC_IN_FORCE, RUBRIC_VERSIONS, SET_RUBRIC } from '../../graphql/assessments';
import type { Role } from '../../graphql/operations';
import { sessionStore } from '../../auth/session';
import { anyVariables, apiError, renderWithProviders } from '../../test/render';
import { today } from '../directory/common';
import { AssessmentsTab } from './AssessmentsTab';
import { mayRecordAssessment } from './common';
import OrganizationDetailPage from '../directory/OrganizationDetailPage';
import RubricsPage from './RubricsPage';

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

const criterion = (key: string, label: string, weight: number, maxScore = 5) => ({ __typename: 'RubricCriterionType', key, label, weight, maxScore });

function rubric(version: number, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Rubric',
    category: 'LIFE_SERVICE',
    kind: 'CAPACITY',
    version,
    passScore: 60,
    createdAt: version === 1 ? null : '2026-03-01T02:00:00.000Z',
    criteria: [criterion('leadership', '骨干队伍', 3), criterion('member_engagement', '成员参与', 2), criterion('service_quality', '服务质量', 1, 10)],
    ...overrides,
  };
}

const assessment = {
  __typename: 'Assessment',
  id: 'as-1',
  category: 'LIFE_SERVICE',
  kind: 'CAPACITY',
  rubricVersion: 2,
  total: 73.33,
  passScore: 60,
  passed: true,
  assessedOn: '2026-04-02',
  note: '骨干稳定',
  createdAt: '2026-04-02T02:00:00.000Z',
  scores: [
    { __typename: 'CriterionScoreType', key: 'leadership', score: 4 },
    { __typename: 'CriterionScoreType', key: 'member_engagement', score: 3 },
    { __typename: 'CriterionScoreType', key: 'service_quality', score: 8 },
  ],
};

const organization = { id: 'org-1', category: 'LIFE_SERVICE' as const };
const assessmentsMock = { request: { query: ORGANIZATION_ASSESSMENTS, variables: { organizationId: 'org-1' } }, result: { data: { assessments: [assessment] } } };
const rubricMock = { request: { query: RUBRIC_IN_FORCE, variables: { category: 'LIFE_SERVICE', kind: 'CAPACITY' } }, result: { data: { rubric: rubric(3) } } };

async function score(values: Record<string, string>) {
  for (const [key, value] of Object.entries(values)) {
    const input = screen.getByTestId(`assessment-score-${key}`);
    await userEvent.clear(input);
    await userEvent.type(input, value);
  }
}

describe('assessments of an organization', () => {
  afterEach(() => {
    cleanup();
    sessionStore.end('signed-out');
  });

  it('lists assessments and opens one to its scores, labelled by the rubric version it was scored against', async () => {
    signInAs('ANALYST');
    renderWithProviders(<AssessmentsTab organization={organization} mayRecord={false} />, {
      mocks: [
        assessmentsMock,
        {
          request: { query: RUBRIC_VERSIONS, variables: { category: 'LIFE_SERVICE', kind: 'CAPACITY' } },
          result: { data: { rubricVersions: [rubric(3, { criteria: [criterion('leadership', '新骨干', 1)] }), rubric(2), rubric(1)] } },
        },
      ],
    });
    const row = await screen.findByTestId('assessment-row');
    expect([...row.querySelectorAll('td')].slice(0, 5).map((cell) => cell.textContent)).toEqual(['Apr 2, 2026', 'Capacity', '73.33 / 60', 'Passed', 'v2']);
    await userEvent.click(within(row).getByTestId('assessment-toggle'));
    const scores = await screen.findAllByTestId('assessment-score');
    expect(scores.map((s) => [s.querySelector('th')?.textContent, s.querySelector('td')?.textContent])).toEqual([
      ['骨干队伍', '4 / 5'],
      ['成员参与', '3 / 5'],
      ['服务质量', '8 / 10'],
    ]);
    expect(screen.getByTestId('assessment-scores').textContent).toContain('骨干稳定');
  });

  it('offers the scoring form only to the roles that may record', () => {
    expect((['ADMIN', 'PROGRAMME_MANAGER', 'SUPERVISOR', 'SOCIAL_WORKER'] as const).every(mayRecordAssessment)).toBe(true);
    expect((['ANALYST', 'STREET_OFFICER', 'INSTITUTION_DIRECTOR'] as const).some(mayRecordAssessment)).toBe(false);
    expect(mayRecordAssessment(undefined)).toBe(false);
  });

  it('hides the scoring form from a role that may not record', async () => {
    signInAs('ANALYST');
    renderWithProviders(<AssessmentsTab organization={organization} mayRecord={false} />, { mocks: [assessmentsMock] });
    await screen.findByTestId('assessment-row');
    expect(screen.queryByTestId('assessment-form')).toBeNull();
    expect(screen.queryByTestId('assessment-kind')).toBeNull();
  });

  it('is a tab of the organization page, with the form for the roles that may record', async () => {
    const detail = {
      request: { query: ORGANIZATION_DETAIL, variables: { id: 'org-1' } },
      result: {
        data: {
          organization: {
            __typename: 'Organization',
            id: 'org-1',
            name: '幸福里邻里互助会',
            category: 'LIFE_SERVICE',
            status: 'GROWING',
            version: 1,
            createdAt: '2026-01-05T02:00:00.000Z',
            community: { __typename: 'Community', id: 'com-1', name: '幸福里社区' },
            district: { __typename: 'District', id: 'd-1', name: '静安区' },
            charter: null,
            filing: null,
          },
        },
      },
    };
    for (const [role, offered] of [
      ['SOCIAL_WORKER', true],
      ['STREET_OFFICER', false],
    ] as const) {
      signInAs(role);
      renderWithProviders(<OrganizationDetailPage />, { path: '/organizations/org-1?tab=assessments', route: '/organizations/:id', mocks: [detail, assessmentsMock, rubricMock] });
      expect((await screen.findByTestId('organization-tab-assessments')).getAttribute('aria-current')).toBe('page');
      await screen.findByTestId('assessment-row');
      if (offered) expect(await screen.findByTestId('assessment-form')).not.toBeNull();
      else expect(screen.queryByTestId('assessment-kind')).toBeNull();
      cleanup();
      sessionStore.end('signed-out');
    }
  });

  it('shows the empty state', async () => {
    renderWithProviders(<AssessmentsTab organization={organization} mayRecord={false} />, {
      mocks: [{ request: { query: ORGANIZATION_ASSESSMENTS, variables: { organizationId: 'org-1' } }, result: { data: { assessments: [] } } }],
    });
    expect((await screen.findByTestId('assessments-table')).textContent).toContain('No assessments recorded yet.');
  });

  it('scoring form: previews the total as the server computes it, names missing scores, and shows the server’s errors at their fields', async () => {
    signInAs('SOCIAL_WORKER');
    renderWithProviders(<AssessmentsTab organization={organization} mayRecord />, {
      mocks: [
        assessmentsMock,
        rubricMock,
        {
          request: { query: RECORD_ASSESSMENT, variables: anyVariables },
          result: {
            errors: [apiError('BAD_USER_INPUT', 'The score of service_quality must be a whole number from 0 to 10.', 'scores.2.score'), apiError('BAD_USER_INPUT', 'assessedOn must not be in the future.', 'assessedOn')],
          },
        },
      ],
    });
    const form = await screen.findByTestId('assessment-form');
    expect(form.getAttribute('data-rubric-version')).toBe('3');
    expect(screen.getAllByTestId('assessment-criterion').map((c) => c.querySelector('label')?.textContent)).toEqual(['骨干队伍', '成员参与', '服务质量']);
    expect(screen.getAllByTestId('assessment-criterion')[0]?.textContent).toContain('out of 5weight 3 (50%)');
    const preview = screen.getByTestId('assessment-preview');
    expect(preview.getAttribute('data-total')).toBe('0');

    await score({ leadership: '4', member_engagement: '3' });
    // (3×4/5 + 2×3/5) / 6 × 100 = 60
    expect(preview.getAttribute('data-total')).toBe('60');
    expect(preview.textContent).toContain('Total: 60 / pass 60');
    expect(preview.textContent).toContain('Would pass');
    expect(preview.textContent).toContain('2 of 3 criteria scored');

    await userEvent.click(screen.getByTestId('assessment-submit'));
    expect(screen.getByTestId('field-error-scores.2.score').textContent).toBe('Score this criterion.');
    await score({ service_quality: '11' });
    expect(preview.getAttribute('data-total')).toBe('60');
    await userEvent.click(screen.getByTestId('assessment-submit'));
    expect(screen.getByTestId('field-error-scores.2.score').textContent).toBe('A whole number from 0 to 10.');

    await score({ member_engagement: '1', service_quality: '7' });
    // (3×4/5 + 2×1/5 + 1×7/10) / 6 × 100 = 58.333… → 58.33
    expect(preview.getAttribute('data-total')).toBe('58.33');
    expect(preview.textContent).toContain('Would not pass');
    await userEvent.click(screen.getByTestId('assessment-submit'));
    expect((await screen.findByTestId('field-error-assessedOn')).textContent).toBe('assessedOn must not be in the future.');
    expect(screen.getByTestId('field-error-scores.2.score').textContent).toBe('The score of service_quality must be a whole number from 0 to 10.');
    expect(screen.queryByTestId('field-error-scores.0.score')).toBeNull();
    expect(screen.queryByTestId('assessment-form-error')).toBeNull();
  });

  it('scoring form: records the scores in the rubric’s order and refreshes the list', async () => {
    signInAs('PROGRAMME_MANAGER');
    const sent: unknown[] = [];
    const recorded = { ...assessment, id: 'as-2', rubricVersion: 3, total: 100, passed: true, assessedOn: today(), note: null };
    renderWithProviders(<AssessmentsTab organization={organization} mayRecord />, {
      mocks: [
        assessmentsMock,
        rubricMock,
        {
          request: {
            query: RECORD_ASSESSMENT,
            variables: (variables) => {
              sent.push(variables);
              return true;
            },
          },
          result: { data: { recordAssessment: recorded } },
        },
        { request: { query: ORGANIZATION_ASSESSMENTS, variables: { organizationId: 'org-1' } }, result: { data: { assessments: [recorded, assessment] } } },
      ],
    });
    await screen.findByTestId('assessment-form');
    await score({ service_quality: '10', member_engagement: '5', leadership: '5' });
    await userEvent.click(screen.getByTestId('assessment-submit'));
    expect((await screen.findByTestId('assessment-form-success')).textContent).toBe('Assessment recorded: 100, Passed.');
    expect(sent).toEqual([
      {
        input: {
          organizationId: 'org-1',
          kind: 'CAPACITY',
          assessedOn: today(),
          note: null,
          scores: [
            { key: 'leadership', score: 5 },
            { key: 'member_engagement', score: 5 },
            { key: 'service_quality', score: 10 },
          ],
        },
      },
    ]);
    await waitFor(() => expect(screen.getAllByTestId('assessment-row')).toHaveLength(2));
    expect((screen.getByTestId('assessment-score-leadership') as HTMLInputElement).value).toBe('');
  });

  it('scoring form in Chinese', async () => {
    signInAs('SUPERVISOR');
    renderWithProviders(<AssessmentsTab organization={organization} mayRecord />, { mocks: [assessmentsMock, rubricMock], locale: 'zh-CN' });
    await screen.findByTestId('assessment-form');
    expect(screen.getByTestId('assessment-rubric').textContent).toBe('生活服务类评估标准第 3 版：60 分合格');
    expect(screen.getByTestId('assessment-submit').textContent).toBe('录入评估');
  });
});

describe('the rubrics page', () => {
  afterEach(() => {
    cleanup();
    sessionStore.end('signed-out');
  });

  const versionsMock = (versions: unknown[]) => ({
    request: { query: RUBRIC_VERSIONS, variables: { category: 'MEDIATION', kind: 'MATURITY' } },
    result: { data: { rubricVersions: versions.map((v) => ({ ...(v as object), category: 'MEDIATION', kind: 'MATURITY' })) } },
  });

  it('shows the version in force and the earlier ones, read-only for others than ADMIN', async () => {
    signInAs('PROGRAMME_MANAGER');
    renderWithProviders(<RubricsPage />, { path: '/rubrics?category=MEDIATION&kind=MATURITY', mocks: [versionsMock([rubric(2), rubric(1, { passScore: 70 })])] });
    const current = await screen.findByTestId('rubric-current');
    expect(current.getAttribute('data-version')).toBe('2');
    expect(within(current).getAllByTestId('rubric-criterion').map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent))).toEqual([
      ['骨干队伍', 'leadership', '3', '50%', '5'],
      ['成员参与', 'member_engagement', '2', '33%', '5'],
      ['服务质量', 'service_quality', '1', '17%', '10'],
    ]);
    expect((screen.getByTestId('rubric-category') as HTMLSelectElement).value).toBe('MEDIATION');
    expect((screen.getByTestId('rubric-kind') as HTMLSelectElement).value).toBe('MATURITY');
    expect(screen.getAllByTestId('rubric-version').map((v) => v.querySelector('summary')?.textContent)).toEqual(['Version 1 · Built in · pass 70 · 3 criteria']);
    expect(screen.queryByTestId('rubric-edit')).toBeNull();
    expect(screen.getByTestId('rubric-read-only')).not.toBeNull();
  });

  it('rubric editor: names invalid fields, shows the server’s errors at their fields, and stores the version', async () => {
    signInAs('ADMIN');
    const sent: unknown[] = [];
    renderWithProviders(<RubricsPage />, {
      path: '/rubrics?category=MEDIATION&kind=MATURITY',
      mocks: [
        versionsMock([rubric(2), rubric(1)]),
        {
          request: { query: SET_RUBRIC, variables: anyVariables },
          result: { errors: [apiError('BAD_USER_INPUT', 'The key case_records is not allowed.', 'criteria.3.key')] },
        },
        {
          request: {
            query: SET_RUBRIC,
            variables: (variables) => {
              sent.push(variables);
              return true;
            },
          },
          result: { data: { setRubric: { ...rubric(3), category: 'MEDIATION', kind: 'MATURITY' } } },
        },
        versionsMock([rubric(3), rubric(2), rubric(1)]),
      ],
    });
    await userEvent.click(await screen.findByTestId('rubric-edit'));
    expect((screen.getByTestId('rubric-label-0') as HTMLInputElement).value).toBe('骨干队伍');
    expect(screen.getByTestId('rubric-editor').closest('section')?.textContent).toContain('Version 3 (new)');

    await userEvent.clear(screen.getByTestId('rubric-key-0'));
    await userEvent.type(screen.getByTestId('rubric-key-0'), 'Bad Key');
    await userEvent.clear(screen.getByTestId('rubric-weight-1'));
    await userEvent.type(screen.getByTestId('rubric-weight-1'), '0');
    await userEvent.clear(screen.getByTestId('rubric-pass-score'));
    await userEvent.type(screen.getByTestId('rubric-pass-score'), '120');
    await userEvent.click(screen.getByTestId('rubric-add'));
    await userEvent.click(screen.getByTestId('rubric-submit'));
    expect(screen.getByTestId('field-error-criteria.0.key').textContent).toBe('2 to 40 lower-case letters, digits or underscores, starting with a letter.');
    expect(screen.getByTestId('field-error-criteria.1.weight').textContent).toBe('Above 0 and at most 100.');
    expect(screen.getByTestId('field-error-criteria.3.key').textContent).toBe('Required.');
    expect(screen.getByTestId('field-error-criteria.3.label').textContent).toBe('Required.');
    expect(screen.getByTestId('field-error-passScore').textContent).toBe('From 0 to 100.');

    await userEvent.clear(screen.getByTestId('rubric-key-0'));
    await userEvent.type(screen.getByTestId('rubric-key-0'), 'leadership');
    await userEvent.clear(screen.getByTestId('rubric-weight-1'));
    await userEvent.type(screen.getByTestId('rubric-weight-1'), '2.5');
    await userEvent.clear(screen.getByTestId('rubric-pass-score'));
    await userEvent.type(screen.getByTestId('rubric-pass-score'), '65');
    await userEvent.type(screen.getByTestId('rubric-key-3'), 'leadership');
    await userEvent.type(screen.getByTestId('rubric-label-3'), '重复');
    await userEvent.click(screen.getByTestId('rubric-submit'));
    // The client catches this one too; a key the server alone refuses is shown the same way.
    expect(screen.getByTestId('field-error-criteria.3.key').textContent).toBe('This key is used twice.');

    await userEvent.clear(screen.getByTestId('rubric-key-3'));
    await userEvent.type(screen.getByTestId('rubric-key-3'), 'case_records');
    await userEvent.click(screen.getByTestId('rubric-submit'));
    expect((await screen.findByTestId('field-error-criteria.3.key')).textContent).toBe('The key case_records is not allowed.');
    expect(screen.queryByTestId('field-error-passScore')).toBeNull();
    expect(screen.queryByTestId('rubric-form-error')).toBeNull();

    await userEvent.click(screen.getByTestId('rubric-remove-3'));
    await userEvent.click(screen.getByTestId('rubric-submit'));
    expect((await screen.findByTestId('rubric-saved')).textContent).toBe('Version 3 stored; it is now in force.');
    expect(sent).toEqual([
      {
        input: {
          category: 'MEDIATION',
          kind: 'MATURITY',
          passScore: 65,
          criteria: [
            { key: 'leadership', label: '骨干队伍', weight: 3, maxScore: 5 },
            { key: 'member_engagement', label: '成员参与', weight: 2.5, maxScore: 5 },
            { key: 'service_quality', label: '服务质量', weight: 1, maxScore: 10 },
          ],
        },
      },
    ]);
    await waitFor(() => expect(screen.getByTestId('rubric-current').getAttribute('data-version')).toBe('3'));
    expect(screen.getAllByTestId('rubric-version').map((v) => v.getAttribute('data-version'))).toEqual(['2', '1']);
  });
});
