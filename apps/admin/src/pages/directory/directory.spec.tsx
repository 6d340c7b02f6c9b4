/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CREATE_ORGANIZATION, ORGANIZATIONS_PAGE, NEEDS_SURVEY_DETAIL } from '../../graphql/directory';
import { COMMUNITY_NAMES } from '../../graphql/insights';
import { sessionStore } from '../../auth/session';
import { anyVariables, apiError, renderWithProviders } from '../../test/render';
import { MemberImport } from './MembersTab';
import { OrganizationForm } from './OrganizationFormPage';
import OrganizationsPage from './OrganizationsPage';
import { SurveyDetailPage } from './SurveysPage';
import { readImportAnswer, type ImportOutcome } from './memberImport';

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

function signInAs(role: 'PROGRAMME_MANAGER' | 'ANALYST') {
  sessionStore.start({
    token: 'access',
    expiresAt: inHours(1),
    refreshToken: 'refresh',
    refreshTokenExpiresAt: inHours(24),
    user: { id: 'u1', username: role.toLowerCase(), displayName: role, role },
  });
}

const communities = {
  request: { query: COMMUNITY_NAMES },
  result: { data: { communities: [{ __typename: 'Community', id: 'com-1', name: '幸福里社区' }] } },
};

function organizationsAnswer(nodes: { id: string; name: string }[]) {
  return {
    data: {
      organizationsConnection: {
        __typename: 'OrganizationConnection',
        totalCount: nodes.length,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
        edges: nodes.map((node) => ({
          __typename: 'OrganizationEdge',
          node: {
            __typename: 'Organization',
            ...node,
            category: 'LIFE_SERVICE',
            status: 'FORMING',
            createdAt: '2026-01-05T02:00:00.000Z',
            community: { __typename: 'Community', id: 'com-1', name: '幸福里社区' },
          },
        })),
      },
    },
  };
}

describe('the directory pages', () => {
  afterEach(() => {
    cleanup();
    sessionStore.end('signed-out');
  });

  it('lists organizations with the filters of the URL, offering "new" only to roles that may create', async () => {
    signInAs('PROGRAMME_MANAGER');
    renderWithProviders(<OrganizationsPage />, {
      path: '/organizations?status=FORMING&q=互助',
      mocks: [
        communities,
        {
          request: { query: ORGANIZATIONS_PAGE, variables: { filter: { nameContains: '互助', status: 'FORMING' }, first: 20 } },
          result: organizationsAnswer([{ id: 'org-1', name: '邻里互助会' }]),
        },
      ],
    });
    expect(document.querySelector('.state-loading')?.textContent).toContain('Loading');
    expect((await screen.findByTestId('organization-link')).textContent).toBe('邻里互助会');
    expect((screen.getByTestId('organizations-search') as HTMLInputElement).value).toBe('互助');
    expect((screen.getByTestId('organizations-status') as HTMLSelectElement).value).toBe('FORMING');
    expect(screen.queryByTestId('organization-new')).not.toBeNull();
    expect(screen.getByTestId('pager').textContent).toContain('1 in all');
  });

  it('shows the empty state, and no "new" for an analyst', async () => {
    signInAs('ANALYST');
    renderWithProviders(<OrganizationsPage />, {
      path: '/organizations',
      mocks: [communities, { request: { query: ORGANIZATIONS_PAGE, variables: anyVariables }, result: organizationsAnswer([]) }],
    });
    expect((await screen.findByTestId('organizations-table')).textContent).toContain('No organizations yet.');
    expect(screen.queryByTestId('organization-new')).toBeNull();
  });

  it('shows a load failure with a retry', async () => {
    signInAs('PROGRAMME_MANAGER');
    renderWithProviders(<OrganizationsPage />, {
      path: '/organizations',
      mocks: [communities, { request: { query: ORGANIZATIONS_PAGE, variables: anyVariables }, error: new Error('offline') }],
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Something went wrong');
    expect(screen.getByRole('button', { name: 'Retry' })).not.toBeNull();
  });

  it('create organization: names missing fields, then shows the server’s error at the field it names', async () => {
    signInAs('PROGRAMME_MANAGER');
    renderWithProviders(<OrganizationForm organization={null} />, {
      mocks: [
        communities,
        {
          request: { query: CREATE_ORGANIZATION, variables: anyVariables },
          result: { errors: [apiError('BAD_USER_INPUT', 'The community already has an organization of that name', 'input.name')] },
        },
      ],
    });
    await screen.findByText('幸福里社区');
    await userEvent.click(screen.getByTestId('organization-submit'));
    for (const field of ['name', 'category', 'communityId']) expect(screen.getByTestId(`field-error-${field}`).textContent).toBe('This field is required.');
    await userEvent.type(screen.getByTestId('organization-name'), '邻里互助会');
    await userEvent.selectOptions(screen.getByTestId('organization-category'), 'LIFE_SERVICE');
    await userEvent.selectOptions(screen.getByTestId('organization-community'), 'com-1');
    await userEvent.click(screen.getByTestId('organization-submit'));
    expect((await screen.findByTestId('field-error-name')).textContent).toBe('The community already has an organization of that name');
    expect(screen.queryByTestId('field-error-category')).toBeNull();
    expect(screen.queryByTestId('organization-form-error')).toBeNull();
  });

  it('members import: shows the refused file’s report row by row', async () => {
    const upload = jest.fn(
      async (): Promise<ImportOutcome> => ({
        kind: 'rejected',
        errors: [
          { line: 3, column: 'name', message: 'name is required' },
          { line: 5, column: null, message: 'expected 2 fields, as in the header, but found 3' },
        ],
      }),
    );
    const onDone = jest.fn();
    renderWithProviders(<MemberImport organizationId="org-1" onDone={onDone} upload={upload} />);
    await userEvent.click(screen.getByTestId('import-submit'));
    expect(screen.getByTestId('field-error-file').textContent).toBe('Choose a file first.');
    await userEvent.upload(screen.getByTestId('import-file'), new File(['name,joined_on\n'], 'members.csv', { type: 'text/csv' }));
    await userEvent.click(screen.getByTestId('import-submit'));
    const rows = await screen.findAllByTestId('import-error-row');
    expect(rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent))).toEqual([
      ['3', 'name', 'name is required'],
      ['5', '(whole row)', 'expected 2 fields, as in the header, but found 3'],
    ]);
    expect(screen.getByTestId('import-error').textContent).toBe('Nothing was imported: the file has 2 errors.');
    expect(upload).toHaveBeenCalledTimes(1);
    expect(onDone).not.toHaveBeenCalled();
  });

  it('survey: shows the demand analysis with the recommended category', async () => {
    renderWithProviders(<SurveyDetailPage />, {
      path: '/surveys/s-1',
      route: '/surveys/:id',
      mocks: [
        {
          request: { query: NEEDS_SURVEY_DETAIL, variables: { id: 's-1' } },
          result: {
            data: {
              needsSurvey: {
                __typename: 'NeedsSurvey',
                id: 's-1',
                title: '幸福里居民需求调研',
                createdAt: '2026-01-05T02:00:00.000Z',
                community: { __typename: 'Community', id: 'com-1', name: '幸福里社区' },
                demandAnalysis: {
                  __typename: 'DemandAnalysis',
                  responseCount: 4,
                  recommendedCategory: 'LIFE_SERVICE',
                  categories: [
                    { __typename: 'CategoryDemand', category: 'LIFE_SERVICE', responseCount: 3, share: 0.75 },
                    { __typename: 'CategoryDemand', category: 'CULTURE_SPORTS', responseCount: 1, share: 0.25 },
                  ],
                },
                responses: [],
              },
            },
          },
        },
      ],
    });
    expect((await screen.findByTestId('recommended-category')).textContent).toBe('Recommended category: Life services');
    const bars = screen.getAllByTestId('demand-category');
    expect(bars.map((bar) => bar.textContent)).toEqual(['Life services75% · 3 responses', 'Culture & sports25% · 1 responses']);
  });

  it('reads the import endpoint’s answers', () => {
    expect(readImportAnswer(200, { imported: 4 })).toEqual({ kind: 'imported', imported: 4 });
    expect(readImportAnswer(422, { imported: 0, errors: [{ line: 2, column: 'phone', message: 'bad phone' }] })).toEqual({
      kind: 'rejected',
      errors: [{ line: 2, column: 'phone', message: 'bad phone' }],
    });
    expect(readImportAnswer(403, { error: { code: 'FORBIDDEN', message: 'Outside your scopes' } })).toMatchObject({ kind: 'refused', code: 'FORBIDDEN' });
    expect(readImportAnswer(502, null)).toMatchObject({ kind: 'refused', code: 'HTTP_502' });
  });
});
