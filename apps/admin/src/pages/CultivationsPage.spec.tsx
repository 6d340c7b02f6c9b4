/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CULTIVATION_FILTER_COMMUNITIES, CULTIVATION_FILTER_PLACES, CULTIVATIONS, START_CULTIVATION_OPTIONS } from '../graphql/operations';
import { renderWithProviders } from '../test/render';
import { CultivationsPage } from './CultivationsPage';

const [D1, D2, S1, S2, C1, C2, I1] = [
  '11111111-1111-4111-8111-111111111111',
  '22222222-2222-4222-8222-222222222222',
  '33333333-3333-4333-8333-333333333333',
  '44444444-4444-4444-8444-444444444444',
  '55555555-5555-4555-8555-555555555555',
  '66666666-6666-4666-8666-666666666666',
  '77777777-7777-4777-8777-777777777777',
];

function cultivation(id: string, name: string) {
  return {
    __typename: 'Cultivation',
    id,
    stage: 'FORMATION',
    status: 'ACTIVE',
    stageDeadline: new Date(Date.now() + 86_400_000).toISOString(),
    startedAt: new Date().toISOString(),
    organization: { __typename: 'Organization', id: `org-${id}`, name, category: 'LIFE_SERVICE' },
    institution: { __typename: 'Institution', id: I1, name: '阳光社工服务中心' },
    community: { __typename: 'Community', id: C1, name: '幸福里社区' },
    escalations: [],
  };
}

const list = (filter: object | undefined, rows: ReturnType<typeof cultivation>[]) => ({
  request: { query: CULTIVATIONS, variables: filter ? { filter } : {} },
  result: { data: { cultivations: rows } },
});

const common = [
  // The same root field as the filter's institutions, so the same list (the cache holds one).
  {
    request: { query: START_CULTIVATION_OPTIONS },
    result: {
      data: {
        organizations: [],
        institutions: [
          { __typename: 'Institution', id: I1, name: '阳光社工服务中心' },
          { __typename: 'Institution', id: 'inst-2', name: '彩虹社工' },
        ],
      },
    },
  },
  {
    request: { query: CULTIVATION_FILTER_PLACES },
    result: {
      data: {
        districts: [
          {
            __typename: 'District',
            id: D1,
            name: '东城区',
            streets: [
              { __typename: 'Street', id: S1, name: '和平街道' },
              { __typename: 'Street', id: S2, name: '安定街道' },
            ],
          },
          { __typename: 'District', id: D2, name: '西城区', streets: [] },
        ],
        institutions: [
          { __typename: 'Institution', id: I1, name: '阳光社工服务中心' },
          { __typename: 'Institution', id: 'inst-2', name: '彩虹社工' },
        ],
      },
    },
  },
  {
    request: { query: CULTIVATION_FILTER_COMMUNITIES, variables: { districtId: D1 } },
    result: {
      data: {
        communities: [
          { __typename: 'Community', id: C1, name: '幸福里社区', streetId: S1 },
          { __typename: 'Community', id: C2, name: '安康社区', streetId: S2 },
        ],
      },
    },
  },
];

describe('the cultivations list', () => {
  afterEach(cleanup);

  it('filters by district, street, community, institution and category from the URL', async () => {
    renderWithProviders(<CultivationsPage />, {
      path: `/cultivations?districtId=${D1}&streetId=${S1}&communityId=${C1}&institutionId=${I1}&category=LIFE_SERVICE&stage=FORMATION`,
      mocks: [...common, list({ districtId: D1, streetId: S1, communityId: C1, institutionId: I1, category: 'LIFE_SERVICE', stage: 'FORMATION' }, [cultivation('c-1', '助餐队')])],
    });
    expect((await screen.findAllByTestId('cultivation-row')).map((r) => r.getAttribute('data-cultivation-id'))).toEqual(['c-1']);
    await waitFor(() => expect((screen.getByTestId('filter-street') as HTMLSelectElement).value).toBe(S1));
    expect((screen.getByTestId('filter-district') as HTMLSelectElement).value).toBe(D1);
    expect(((await screen.findByTestId('filter-institution')) as HTMLSelectElement).value).toBe(I1);
    expect((screen.getByTestId('filter-category') as HTMLSelectElement).value).toBe('LIFE_SERVICE');
    // The communities offered are those of the street chosen.
    await waitFor(() => expect([...screen.getByTestId('filter-community').querySelectorAll('option')].map((o) => o.textContent)).toEqual(['All', '幸福里社区']));
  });

  it('keeps a chosen street in the URL, and clears street and community when the district changes', async () => {
    const user = userEvent.setup();
    renderWithProviders(<CultivationsPage />, {
      path: `/cultivations?districtId=${D1}`,
      mocks: [
        ...common,
        list({ districtId: D1 }, [cultivation('c-1', '助餐队'), cultivation('c-2', '合唱队')]),
        list({ districtId: D1, streetId: S2 }, [cultivation('c-2', '合唱队')]),
        list({ districtId: D2 }, []),
        { request: { query: CULTIVATION_FILTER_COMMUNITIES, variables: { districtId: D2 } }, result: { data: { communities: [] } } },
      ],
    });
    await screen.findAllByTestId('cultivation-row');
    await user.selectOptions(await screen.findByTestId('filter-street'), S2);
    await waitFor(() => expect(screen.getAllByTestId('cultivation-row').map((r) => r.getAttribute('data-cultivation-id'))).toEqual(['c-2']));
    expect(screen.getByTestId('location').textContent).toBe(`/cultivations?districtId=${D1}&streetId=${S2}`);

    await user.selectOptions(screen.getByTestId('filter-district'), D2);
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe(`/cultivations?districtId=${D2}`));
    expect(await screen.findByText('No cultivations match these filters.')).toBeTruthy();
  });

  it('ignores ids in the URL that are not UUIDs rather than sending them', async () => {
    renderWithProviders(<CultivationsPage />, { path: '/cultivations?streetId=nope&category=NONE', mocks: [...common, list(undefined, [cultivation('c-1', '助餐队')])] });
    expect(await screen.findAllByTestId('cultivation-row')).toHaveLength(1);
  });
});
