import { randomUUID } from 'node:crypto';
import { dataOf, graphql, type GraphQLResult } from '@peiyu/platform-testing';

export const GATEWAY_URL = `${process.env.GATEWAY_URL ?? 'http://127.0.0.1:4100'}/graphql`;

/** A signed-in caller of the gateway. */
export interface Caller {
  token: string;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
  data<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

export async function signIn(username: string, password = 'peiyu-demo'): Promise<Caller> {
  const result = await graphql<{ signIn: { token: string } }>(
    GATEWAY_URL,
    `mutation ($input: SignInInput!) { signIn(input: $input) { token } }`,
    { input: { username, password } },
  );
  const { token } = dataOf(result).signIn;
  return {
    token,
    gql: (query, variables) => graphql(GATEWAY_URL, query, variables, token),
    data: async (query, variables) => dataOf(await graphql(GATEWAY_URL, query, variables, token)),
  };
}

export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A new district > street > community, an institution and an organization in that community. */
export interface Placement {
  districtId: string;
  streetId: string;
  communityId: string;
  institutionId: string;
  organizationId: string;
  organizationName: string;
}

/** The seeded demo district and institution (tools/seed/seed-demo.ts), which the demo users' scopes cover. */
export const DEMO_DISTRICT_ID = '10000000-0000-4000-8000-000000000001';
export const DEMO_INSTITUTION_ID = '10000000-0000-4000-8000-000000000301';

/**
 * Creates a fresh placement through the gateway, so each test has data no other test touches: by
 * default a new street and community in the demo district and the demo institution, so the demo
 * users' scopes cover it; `newDistrict` makes a district of its own (only an admin then sees it all).
 */
export async function createPlacement(caller: Caller, label: string, options: { newDistrict?: boolean; newInstitution?: boolean; category?: string } = {}): Promise<Placement> {
  const suffix = randomUUID().slice(0, 8);
  const districtId = options.newDistrict
    ? (
        await caller.data<{ createDistrict: { id: string } }>(`mutation ($input: CreateDistrictInput!) { createDistrict(input: $input) { id } }`, {
          input: { name: `${label}区${suffix}`, code: `E2E-${suffix}` },
        })
      ).createDistrict.id
    : DEMO_DISTRICT_ID;
  const { createStreet } = await caller.data<{ createStreet: { id: string } }>(`mutation ($input: CreateStreetInput!) { createStreet(input: $input) { id } }`, {
    input: { districtId, name: `${label}街道${suffix}` },
  });
  const { createCommunity } = await caller.data<{ createCommunity: { id: string } }>(
    `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
    { input: { streetId: createStreet.id, name: `${label}社区` } },
  );
  const institutionId = options.newInstitution
    ? (
        await caller.data<{ createInstitution: { id: string } }>(`mutation ($input: CreateInstitutionInput!) { createInstitution(input: $input) { id } }`, {
          input: { name: `${label}社工机构${suffix}` },
        })
      ).createInstitution.id
    : DEMO_INSTITUTION_ID;
  const organizationName = `${label}助餐队${suffix}`;
  const { createOrganization } = await caller.data<{ createOrganization: { id: string } }>(
    `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
    { input: { name: organizationName, communityId: createCommunity.id, category: options.category ?? 'LIFE_SERVICE' } },
  );
  return {
    districtId,
    streetId: createStreet.id,
    communityId: createCommunity.id,
    institutionId,
    organizationId: createOrganization.id,
    organizationName,
  };
}

/** Starts a cultivation of the placement's organization, its formation due in `deadlineInMs`. */
export async function startCultivation(caller: Caller, placement: Pick<Placement, 'organizationId' | 'institutionId'>, deadlineInMs: number): Promise<string> {
  const { startCultivation: started } = await caller.data<{ startCultivation: { id: string } }>(
    `mutation ($input: StartCultivationInput!) { startCultivation(input: $input) { id } }`,
    { input: { organizationId: placement.organizationId, institutionId: placement.institutionId, formationDeadline: new Date(Date.now() + deadlineInMs).toISOString() } },
  );
  return started.id;
}
