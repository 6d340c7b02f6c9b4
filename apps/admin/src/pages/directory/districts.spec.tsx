/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ME_SCOPES } from '../../graphql/insights';
import { CREATE_DISTRICT, CREATE_STREET, DISTRICT_DETAIL, DISTRICTS_OVERVIEW, UPDATE_STREET } from '../../graphql/places';
import type { Role } from '../../graphql/operations';
import { sessionStore } from '../../auth/session';
import { apiError, renderWithProviders } from '../../test/render';
import { DistrictDetailPage, DistrictsPage } from './DistrictsPage';

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

const me = (role: Role, scopes: { kind: string; id: string | null }[]) => ({
  request: { query: ME_SCOPES },
  result: { data: { me: { __typename: 'User', id: 'u1', role, scopes: scopes.map((s) => ({ __typename: 'Scope', ...s })) } } },
  maxUsageCount: Number.POSITIVE_INFINITY,
});

const overview = {
  request: { query: DISTRICTS_OVERVIEW },
  result: {
    data: { districts: [{ __typename: 'District', id: 'd-1', name: '东城区', code: 'DC', streetCount: 2, communityCount: 3, organizationCount: 7 }] },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

function detail(streets: { id: string; name: string; communities: { id: string; name: string; organizationCount: number }[] }[]) {
  return {
    request: { query: DISTRICT_DETAIL, variables: { id: 'd-1' } },
    result: {
      data: {
        district: {
          __typename: 'District',
          id: 'd-1',
          name: '东城区',
          code: 'DC',
          version: 4,
          streetCount: streets.length,
          communityCount: streets.reduce((n, s) => n + s.communities.length, 0),
          organizationCount: streets.reduce((n, s) => n + s.communities.reduce((m, c) => m + c.organizationCount, 0), 0),
          streets: streets.map((s) => ({
            __typename: 'Street',
            version: 1,
            ...s,
            communities: s.communities.map((c) => ({ __typename: 'Community', ...c })),
          })),
        },
      },
    },
  };
}

const twoStreets = [
  {
    id: 's-1',
    name: '和平街道',
    communities: [
      { id: 'c-1', name: '幸福里社区', organizationCount: 4 },
      { id: 'c-2', name: '安康社区', organizationCount: 2 },
    ],
  },
  { id: 's-2', name: '安定街道', communities: [{ id: 'c-3', name: '新风社区', organizationCount: 1 }] },
];

describe('the districts pages', () => {
  afterEach(() => {
    cleanup();
    sessionStore.end('signed-out');
  });

  it('lists the districts with their counts, offering a new district only to a city-wide scope', async () => {
    signInAs('PROGRAMME_MANAGER');
    renderWithProviders(<DistrictsPage />, { path: '/districts', mocks: [me('PROGRAMME_MANAGER', [{ kind: 'DISTRICT', id: 'd-1' }]), overview] });
    const row = await screen.findByTestId('district-row');
    expect(within(row).getByTestId('district-link').getAttribute('href')).toBe('/districts/d-1');
    expect([...row.querySelectorAll('td.numeric')].map((c) => c.textContent)).toEqual(['2', '3', '7']);
    expect(screen.queryByTestId('district-new')).toBeNull();
  });

  it('records a district with its code checked first, and shows the server’s error at the code', async () => {
    signInAs('ADMIN');
    const user = userEvent.setup();
    renderWithProviders(<DistrictsPage />, {
      path: '/districts?new=1',
      mocks: [
        me('ADMIN', [{ kind: 'CITY', id: null }]),
        overview,
        { request: { query: CREATE_DISTRICT, variables: { input: { name: '西城区', code: 'XC' } } }, result: { errors: [apiError('BAD_USER_INPUT', 'A district with code XC already exists.', 'code')] } },
      ],
    });
    await user.type(await screen.findByTestId('district-name'), '西城区');
    await user.type(screen.getByTestId('district-code'), 'X C');
    await user.click(screen.getByTestId('district-submit'));
    expect(screen.getByTestId('field-error-code').textContent).toBe('Use 2 to 32 letters, digits or dashes.');

    await user.clear(screen.getByTestId('district-code'));
    await user.type(screen.getByTestId('district-code'), 'XC');
    await user.click(screen.getByTestId('district-submit'));
    await waitFor(() => expect(screen.getByTestId('field-error-code').textContent).toBe('A district with code XC already exists.'));
    expect(screen.getByTestId('location').textContent).toBe('/districts?new=1');
  });

  it('shows a district’s streets with their communities and the counts at each level', async () => {
    signInAs('ANALYST');
    renderWithProviders(<DistrictDetailPage />, { path: '/districts/d-1', route: '/districts/:id', mocks: [detail(twoStreets)] });
    await screen.findByTestId('district-detail');
    expect(screen.getByTestId('district-street-count').getAttribute('data-value')).toBe('2');
    expect(screen.getByTestId('district-community-count').getAttribute('data-value')).toBe('3');
    expect(screen.getByTestId('district-organization-count').getAttribute('data-value')).toBe('7');
    const rows = screen.getAllByTestId('street-row');
    expect(rows.map((r) => [r.getAttribute('data-communities'), r.getAttribute('data-organizations')])).toEqual([
      ['2', '6'],
      ['1', '1'],
    ]);
    expect(within(rows[0]).getAllByTestId('street-community').map((c) => c.textContent)).toEqual(['幸福里社区 (4)', '安康社区 (2)']);
    // Analysts only read.
    expect(screen.queryByTestId('street-new')).toBeNull();
    expect(screen.queryByTestId('street-rename')).toBeNull();
  });

  it('records a street and renames one, then shows the district again', async () => {
    signInAs('PROGRAMME_MANAGER');
    const user = userEvent.setup();
    const threeStreets = [...twoStreets, { id: 's-3', name: '北新街道', communities: [] }];
    renderWithProviders(<DistrictDetailPage />, {
      path: '/districts/d-1',
      route: '/districts/:id',
      mocks: [
        detail(twoStreets),
        { request: { query: CREATE_STREET, variables: { input: { districtId: 'd-1', name: '北新街道' } } }, result: { data: { createStreet: { __typename: 'Street', id: 's-3', name: '北新街道', version: 1, districtId: 'd-1' } } } },
        detail(threeStreets),
        { request: { query: UPDATE_STREET, variables: { input: { id: 's-2', version: 1, name: '和平街道' } } }, result: { errors: [apiError('BAD_USER_INPUT', 'The district already has a street named 和平街道.', 'name')] } },
      ],
    });
    await user.click(await screen.findByTestId('street-new'));
    await user.click(screen.getByTestId('street-create-submit'));
    expect(screen.getByTestId('field-error-name').textContent).toBe('This field is required.');
    await user.type(screen.getByTestId('street-create-name'), '北新街道');
    await user.click(screen.getByTestId('street-create-submit'));
    expect((await screen.findByTestId('street-create-success')).textContent).toBe('Street 北新街道 recorded.');
    await waitFor(() => expect(screen.getAllByTestId('street-row')).toHaveLength(3));
    expect(screen.getByTestId('district-street-count').getAttribute('data-value')).toBe('3');

    const anding = screen.getAllByTestId('street-row')[1];
    expect(anding.getAttribute('data-street-id')).toBe('s-2');
    expect(within(anding).getByTestId('street-add-community').getAttribute('href')).toBe('/communities?new=1&district=d-1&street=s-2');
    await user.click(within(anding).getByTestId('street-rename'));
    const form = screen.getByTestId('street-rename-form');
    await user.clear(within(form).getByTestId('street-rename-name'));
    await user.type(within(form).getByTestId('street-rename-name'), '和平街道');
    await user.click(within(form).getByTestId('street-rename-submit'));
    await waitFor(() => expect(within(form).getByTestId('field-error-name').textContent).toBe('The district already has a street named 和平街道.'));
  });
});
