import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Role, Scope } from '@peiyu/contracts';
import { graphql, type GraphQLResult } from '@peiyu/platform-testing';
import { eventually, GATEWAY_URL, signIn, type Caller } from './support.js';

/**
 * Who may see and do what, for every role, inside and outside their scopes, through the gateway and
 * directly against the subgraph that owns each operation (docs/security.md). Two new districts: A, in
 * everyone's scope, with two streets (the street officer holds only the first), and B, in no one's
 * but the admin's. Institution I serves the whole of district A under a service contract and
 * cultivates organization A1; institution J cultivates organization B.
 */

type Side = 'in' | 'out';
/** ok: answered without error; hidden: a list or count leaves the target out; else the error code. */
type Outcome = 'ok' | 'hidden' | 'FORBIDDEN';
type Service = 'communities' | 'organizations' | 'assessments' | 'cultivation' | 'analytics';

interface World {
  districtA: string;
  streetA1: string;
  communityA1: string;
  streetA2: string;
  communityA2: string;
  districtB: string;
  streetB: string;
  communityB: string;
  institutionI: string;
  institutionJ: string;
  organizationA1: string;
  organizationA2: string;
  organizationB: string;
  surveyA1: string;
  surveyB: string;
  cultivationA1: string;
  cultivationB: string;
}

const ROLES = ['ADMIN', 'PROGRAMME_MANAGER', 'ANALYST', 'STREET_OFFICER', 'INSTITUTION_DIRECTOR', 'SUPERVISOR', 'SOCIAL_WORKER'] as const;
type MatrixRole = (typeof ROLES)[number];

interface Operation {
  name: string;
  service: Service;
  /** The target's id, inside or outside the caller's scopes. */
  target: (world: World, side: Side) => string;
  query: string;
  /** The same operation as the owning subgraph answers it directly, when it differs (entity references). */
  direct?: string;
  variables?: (id: string, world: World) => Record<string, unknown>;
  /** For lists and counts: whether the answer holds the target (the rest are judged by errors alone). */
  holds?: (data: Record<string, unknown>, id: string) => boolean;
  /** The outcome for each role, inside and outside its scopes. */
  expected: Record<MatrixRole, Record<Side, Outcome>>;
}

const every = (inside: Outcome, outside: Outcome): Record<Side, Outcome> => ({ in: inside, out: outside });
/** Everyone sees it inside their scopes; only the city-wide admin outside. */
const readable = (outOverride: Partial<Record<MatrixRole, Outcome>> = {}, outcome: Outcome = 'FORBIDDEN'): Record<MatrixRole, Record<Side, Outcome>> =>
  Object.fromEntries(ROLES.map((role) => [role, every('ok', role === 'ADMIN' ? 'ok' : (outOverride[role] ?? outcome))])) as Record<MatrixRole, Record<Side, Outcome>>;
/** Only these roles (and the admin, city-wide) may; inside their scopes only. */
const writableBy = (...roles: MatrixRole[]): Record<MatrixRole, Record<Side, Outcome>> =>
  Object.fromEntries(
    ROLES.map((role) => [role, role === 'ADMIN' ? every('ok', 'ok') : roles.includes(role) ? every('ok', 'FORBIDDEN') : every('FORBIDDEN', 'FORBIDDEN')]),
  ) as Record<MatrixRole, Record<Side, Outcome>>;

const ids = (items: unknown): string[] => (items as { id: string }[]).map((i) => i.id);
const uniq = () => randomUUID().slice(0, 8);
const entity = (typename: string, fields: string) => `query ($id: ID!) { _entities(representations: [{ __typename: "${typename}", id: $id }]) { ... on ${typename} { ${fields} } } }`;

const OPERATIONS: Operation[] = [
  // communities-service
  { name: 'district(id)', service: 'communities', target: (w, s) => (s === 'in' ? w.districtA : w.districtB), query: `query ($id: ID!) { district(id: $id) { id } }`, expected: readable() },
  { name: 'community(id)', service: 'communities', target: (w, s) => (s === 'in' ? w.communityA1 : w.communityB), query: `query ($id: ID!) { community(id: $id) { id } }`, expected: readable() },
  {
    name: 'districts (list)',
    service: 'communities',
    target: (w, s) => (s === 'in' ? w.districtA : w.districtB),
    query: `{ districts { id } }`,
    holds: (d, id) => ids(d.districts).includes(id),
    expected: readable({}, 'hidden'),
  },
  {
    name: 'communitiesConnection (list and totalCount)',
    service: 'communities',
    target: (w, s) => (s === 'in' ? w.districtA : w.districtB),
    query: `query ($id: ID!) { communitiesConnection(filter: { districtId: $id }, first: 10) { totalCount edges { node { id } } } }`,
    holds: (d) => (d.communitiesConnection as { totalCount: number }).totalCount > 0,
    expected: readable({}, 'hidden'),
  },
  {
    name: 'Community.street.district (nested entities)',
    service: 'communities',
    target: (w, s) => (s === 'in' ? w.communityA1 : w.communityB),
    query: `query ($id: ID!) { community(id: $id) { street { district { id } } } }`,
    direct: entity('Community', 'street { district { id } }'),
    variables: (id) => ({ id }),
    expected: readable(),
  },
  {
    name: 'createStreet',
    service: 'communities',
    target: (w, s) => (s === 'in' ? w.districtA : w.districtB),
    query: `mutation ($input: CreateStreetInput!) { createStreet(input: $input) { id } }`,
    variables: (id) => ({ input: { districtId: id, name: `矩阵街道${uniq()}` } }),
    expected: writableBy('PROGRAMME_MANAGER'),
  },
  // organizations-service
  { name: 'organization(id)', service: 'organizations', target: (w, s) => (s === 'in' ? w.organizationA1 : w.organizationB), query: `query ($id: ID!) { organization(id: $id) { id } }`, expected: readable() },
  {
    name: 'organizationsConnection (list and totalCount)',
    service: 'organizations',
    target: (w, s) => (s === 'in' ? w.organizationA1 : w.organizationB),
    query: `{ organizationsConnection(first: 100, filter: { nameContains: "矩阵组织" }) { totalCount edges { node { id } } } }`,
    holds: (d, id) => (d.organizationsConnection as { edges: { node: { id: string } }[] }).edges.some((e) => e.node.id === id),
    expected: readable({}, 'hidden'),
  },
  {
    name: 'institution(id)',
    service: 'organizations',
    target: (w, s) => (s === 'in' ? w.institutionI : w.institutionJ),
    query: `query ($id: ID!) { institution(id: $id) { id } }`,
    // District scopes choose among every institution; the street and institution J's staff do not see J.
    expected: readable({ PROGRAMME_MANAGER: 'ok', ANALYST: 'ok' }),
  },
  {
    name: 'District.organizationCount (nested count)',
    service: 'organizations',
    target: (w, s) => (s === 'in' ? w.districtA : w.districtB),
    query: `query ($id: ID!) { district(id: $id) { organizationCount } }`,
    direct: entity('District', 'organizationCount'),
    variables: (id) => ({ id }),
    // Directly, organizations-service counts what the caller reaches: nothing outside.
    holds: (d) => {
      const count = ((d.district ?? (d._entities as unknown[])[0]) as { organizationCount: number }).organizationCount;
      return count > 0;
    },
    expected: readable(),
  },
  {
    name: 'membersConnection',
    service: 'organizations',
    target: (w, s) => (s === 'in' ? w.organizationA1 : w.organizationB),
    query: `query ($id: ID!) { membersConnection(organizationId: $id, first: 5) { totalCount } }`,
    expected: readable(),
  },
  {
    name: 'createOrganization',
    service: 'organizations',
    target: (w, s) => (s === 'in' ? w.communityA1 : w.communityB),
    query: `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
    variables: (id) => ({ input: { communityId: id, name: `矩阵新组织${uniq()}`, category: 'MEDIATION' } }),
    expected: writableBy('PROGRAMME_MANAGER', 'INSTITUTION_DIRECTOR', 'SUPERVISOR', 'SOCIAL_WORKER'),
  },
  {
    name: 'addMember',
    service: 'organizations',
    target: (w, s) => (s === 'in' ? w.organizationA1 : w.organizationB),
    query: `mutation ($input: AddMemberInput!) { addMember(input: $input) { id } }`,
    variables: (id) => ({ input: { organizationId: id, name: '王矩阵', joinedOn: '2026-01-05' } }),
    expected: writableBy('PROGRAMME_MANAGER', 'INSTITUTION_DIRECTOR', 'SUPERVISOR', 'SOCIAL_WORKER'),
  },
  // assessments-service
  { name: 'needsSurvey(id)', service: 'assessments', target: (w, s) => (s === 'in' ? w.surveyA1 : w.surveyB), query: `query ($id: ID!) { needsSurvey(id: $id) { id } }`, expected: readable() },
  {
    name: 'needsSurveys (list)',
    service: 'assessments',
    target: (w, s) => (s === 'in' ? w.surveyA1 : w.surveyB),
    query: `{ needsSurveysConnection(first: 100, filter: { titleContains: "矩阵调查" }) { totalCount edges { node { id } } } }`,
    holds: (d, id) => (d.needsSurveysConnection as { edges: { node: { id: string } }[] }).edges.some((e) => e.node.id === id),
    expected: readable({}, 'hidden'),
  },
  {
    name: 'Community.needsSurveys (nested list)',
    service: 'assessments',
    target: (w, s) => (s === 'in' ? w.communityA1 : w.communityB),
    query: `query ($id: ID!) { community(id: $id) { needsSurveys { id } } }`,
    direct: entity('Community', 'needsSurveys { id }'),
    variables: (id) => ({ id }),
    holds: (d) => ids(((d.community ?? (d._entities as unknown[])[0]) as { needsSurveys: unknown }).needsSurveys).length > 0,
    // Through the gateway the community itself is FORBIDDEN outside; directly the list is just empty.
    expected: readable(),
  },
  {
    name: 'createNeedsSurvey',
    service: 'assessments',
    target: (w, s) => (s === 'in' ? w.communityA1 : w.communityB),
    query: `mutation ($input: CreateNeedsSurveyInput!) { createNeedsSurvey(input: $input) { id } }`,
    variables: (id) => ({ input: { communityId: id, title: `矩阵新调查${uniq()}` } }),
    expected: writableBy('PROGRAMME_MANAGER', 'SUPERVISOR', 'SOCIAL_WORKER'),
  },
  // cultivation-service
  { name: 'cultivation(id)', service: 'cultivation', target: (w, s) => (s === 'in' ? w.cultivationA1 : w.cultivationB), query: `query ($id: ID!) { cultivation(id: $id) { id } }`, expected: readable() },
  {
    name: 'cultivations (list)',
    service: 'cultivation',
    target: (w, s) => (s === 'in' ? w.cultivationA1 : w.cultivationB),
    query: `{ cultivations { id } }`,
    holds: (d, id) => ids(d.cultivations).includes(id),
    expected: readable({}, 'hidden'),
  },
  {
    name: 'approveGate',
    service: 'cultivation',
    target: (w, s) => (s === 'in' ? w.cultivationA1 : w.cultivationB),
    query: `mutation ($input: ApproveGateInput!) { approveGate(input: $input) { id } }`,
    variables: (id) => ({ input: { cultivationId: id } }),
    // The gate is not met, so an allowed caller gets GATE_NOT_MET (counted as allowed) and nothing changes.
    expected: writableBy('SUPERVISOR'),
  },
  // More of each service: lists, nested fields and mutations.
  {
    name: 'districtsConnection (list)',
    service: 'communities',
    target: (w, s) => (s === 'in' ? w.districtA : w.districtB),
    query: `{ districtsConnection(first: 100, filter: { search: "矩阵" }) { edges { node { id } } } }`,
    holds: (d, id) => (d.districtsConnection as { edges: { node: { id: string } }[] }).edges.some((e) => e.node.id === id),
    expected: readable({}, 'hidden'),
  },
  {
    name: 'communities(districtId) (list)',
    service: 'communities',
    target: (w, s) => (s === 'in' ? w.districtA : w.districtB),
    query: `query ($id: ID!) { communities(districtId: $id) { id } }`,
    holds: (d) => ids(d.communities).length > 0,
    expected: readable({}, 'hidden'),
  },
  {
    name: 'District.streets (nested list)',
    service: 'communities',
    target: (w, s) => (s === 'in' ? w.districtA : w.districtB),
    query: `query ($id: ID!) { district(id: $id) { streets { id } } }`,
    direct: entity('District', 'streets { id }'),
    variables: (id) => ({ id }),
    expected: readable(),
  },
  {
    name: 'institutions (list)',
    service: 'organizations',
    target: (w, s) => (s === 'in' ? w.institutionI : w.institutionJ),
    query: `{ institutions { id } }`,
    holds: (d, id) => ids(d.institutions).includes(id),
    expected: readable({ PROGRAMME_MANAGER: 'ok', ANALYST: 'ok' }, 'hidden'),
  },
  {
    name: 'serviceContracts (list)',
    service: 'organizations',
    target: (w, s) => (s === 'in' ? w.districtA : w.districtB),
    query: `query ($id: ID!) { serviceContracts(districtId: $id) { id } }`,
    holds: (d) => ids(d.serviceContracts).length > 0,
    expected: readable({}, 'hidden'),
  },
  {
    name: 'recordServiceContract',
    service: 'organizations',
    target: (w, s) => (s === 'in' ? w.districtA : w.districtB),
    query: `mutation ($input: RecordServiceContractInput!) { recordServiceContract(input: $input) { id } }`,
    variables: (id, w) => ({ input: { institutionId: w.institutionI, districtId: id, reference: `矩阵合同${uniq()}`, startsOn: '2020-01-01', endsOn: '2020-12-31' } }),
    expected: writableBy('PROGRAMME_MANAGER'),
  },
  {
    name: 'Organization.members (nested list)',
    service: 'organizations',
    target: (w, s) => (s === 'in' ? w.organizationA1 : w.organizationB),
    query: `query ($id: ID!) { organization(id: $id) { members { id } } }`,
    direct: entity('Organization', 'members { id }'),
    variables: (id) => ({ id }),
    expected: readable(),
  },
  {
    name: 'recordActivity',
    service: 'organizations',
    target: (w, s) => (s === 'in' ? w.organizationA1 : w.organizationB),
    query: `mutation ($input: RecordActivityInput!) { recordActivity(input: $input) { id } }`,
    variables: (id) => ({ input: { organizationId: id, kind: 'MEETING', title: '矩阵例会', heldOn: '2026-01-20', hours: 1, participants: 3, attendeeIds: [] } }),
    expected: writableBy('PROGRAMME_MANAGER', 'INSTITUTION_DIRECTOR', 'SUPERVISOR', 'SOCIAL_WORKER'),
  },
  {
    name: 'adoptCharter',
    service: 'organizations',
    target: (w, s) => (s === 'in' ? w.organizationA1 : w.organizationB),
    query: `mutation ($input: AdoptCharterInput!) { adoptCharter(input: $input) { id } }`,
    variables: (id) => ({ input: { organizationId: id, adoptedOn: '2026-01-20', text: '矩阵章程' } }),
    expected: writableBy('PROGRAMME_MANAGER', 'INSTITUTION_DIRECTOR', 'SUPERVISOR', 'SOCIAL_WORKER'),
  },
  {
    name: 'recordFiling',
    service: 'organizations',
    target: (w, s) => (s === 'in' ? w.organizationA1 : w.organizationB),
    query: `mutation ($input: RecordFilingInput!) { recordFiling(input: $input) { id } }`,
    // The first allowed caller files it; later allowed ones get "filed already" (BAD_USER_INPUT), still past the access check.
    variables: (id) => ({ input: { organizationId: id, number: `矩阵备${uniq()}`, filedOn: '2026-01-21', authority: '矩阵街道办事处' } }),
    expected: writableBy('STREET_OFFICER', 'PROGRAMME_MANAGER'),
  },
  {
    name: 'recordSurveyResponse',
    service: 'assessments',
    target: (w, s) => (s === 'in' ? w.surveyA1 : w.surveyB),
    query: `mutation ($input: RecordSurveyResponseInput!) { recordSurveyResponse(input: $input) { id } }`,
    variables: (id) => ({ input: { surveyId: id, demandCategories: ['MEDIATION'] } }),
    expected: writableBy('PROGRAMME_MANAGER', 'SUPERVISOR', 'SOCIAL_WORKER'),
  },
  {
    name: 'assessments(organizationId)',
    service: 'assessments',
    target: (w, s) => (s === 'in' ? w.organizationA1 : w.organizationB),
    query: `query ($id: ID!) { assessments(organizationId: $id) { id } }`,
    expected: readable(),
  },
  {
    name: 'recordAssessment',
    service: 'assessments',
    target: (w, s) => (s === 'in' ? w.organizationA1 : w.organizationB),
    query: `mutation ($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id } }`,
    variables: (id) => ({
      input: {
        organizationId: id,
        kind: 'CAPACITY',
        assessedOn: '2026-02-01',
        scores: ['leadership', 'member_engagement', 'activity_planning', 'internal_rules', 'resources', 'mediation_skill'].map((key) => ({ key, score: 4 })),
      },
    }),
    expected: writableBy('PROGRAMME_MANAGER', 'SUPERVISOR', 'SOCIAL_WORKER'),
  },
  {
    name: 'cultivationAsOf',
    service: 'cultivation',
    target: (w, s) => (s === 'in' ? w.cultivationA1 : w.cultivationB),
    query: `query ($id: ID!, $asOf: DateTime!) { cultivationAsOf(id: $id, asOf: $asOf) { stage } }`,
    variables: (id) => ({ id, asOf: new Date().toISOString() }),
    expected: readable(),
  },
  {
    name: 'cultivationCount (count)',
    service: 'cultivation',
    target: (w, s) => (s === 'in' ? w.districtA : w.districtB),
    query: `query ($id: ID!) { cultivationCount(filter: { districtId: $id }) }`,
    holds: (d) => (d.cultivationCount as number) > 0,
    expected: readable({}, 'hidden'),
  },
  {
    name: 'processPolicy(districtId)',
    service: 'cultivation',
    target: (w, s) => (s === 'in' ? w.districtA : w.districtB),
    query: `query ($id: ID!) { processPolicy(districtId: $id) { version } }`,
    expected: readable(),
  },
  {
    name: 'createCommunity',
    service: 'communities',
    target: (w, s) => (s === 'in' ? w.streetA1 : w.streetB),
    query: `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
    variables: (id) => ({ input: { streetId: id, name: `矩阵新社区${uniq()}` } }),
    expected: writableBy('PROGRAMME_MANAGER'),
  },
  {
    name: 'organizations (list)',
    service: 'organizations',
    target: (w, s) => (s === 'in' ? w.organizationA1 : w.organizationB),
    query: `{ organizations { id } }`,
    holds: (d, id) => ids(d.organizations).includes(id),
    expected: readable({}, 'hidden'),
  },
  {
    name: 'institutionsConnection (list)',
    service: 'organizations',
    target: (w, s) => (s === 'in' ? w.institutionI : w.institutionJ),
    query: `{ institutionsConnection(first: 100, filter: { nameContains: "矩阵机构" }) { edges { node { id } } } }`,
    holds: (d, id) => (d.institutionsConnection as { edges: { node: { id: string } }[] }).edges.some((e) => e.node.id === id),
    expected: readable({ PROGRAMME_MANAGER: 'ok', ANALYST: 'ok' }, 'hidden'),
  },
  {
    name: 'updateOrganization (at a stale version: CONFLICT once past the access check)',
    service: 'organizations',
    target: (w, s) => (s === 'in' ? w.organizationA1 : w.organizationB),
    query: `mutation ($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id } }`,
    variables: (id) => ({ input: { id, version: 999, name: '矩阵改名' } }),
    expected: writableBy('PROGRAMME_MANAGER', 'INSTITUTION_DIRECTOR', 'SUPERVISOR', 'SOCIAL_WORKER'),
  },
  {
    name: 'dissolveOrganization (at a stale version)',
    service: 'organizations',
    target: (w, s) => (s === 'in' ? w.organizationA1 : w.organizationB),
    query: `mutation ($input: DissolveOrganizationInput!) { dissolveOrganization(input: $input) { id } }`,
    variables: (id) => ({ input: { id, version: 999, reason: '矩阵' } }),
    expected: writableBy('PROGRAMME_MANAGER'),
  },
  {
    name: 'extendDeadline',
    service: 'cultivation',
    target: (w, s) => (s === 'in' ? w.cultivationA1 : w.cultivationB),
    query: `mutation ($input: ExtendDeadlineInput!) { extendDeadline(input: $input) { id } }`,
    variables: (id) => ({ input: { cultivationId: id, newDeadline: new Date(Date.now() + 31 * 86_400_000).toISOString(), reason: '矩阵延期' } }),
    expected: writableBy('PROGRAMME_MANAGER'),
  },
  {
    name: 'resumeCultivation (not paused: refused once past the access check)',
    service: 'cultivation',
    target: (w, s) => (s === 'in' ? w.cultivationA1 : w.cultivationB),
    query: `mutation ($input: CultivationRefInput!) { resumeCultivation(input: $input) { id } }`,
    variables: (id) => ({ input: { cultivationId: id } }),
    expected: writableBy('PROGRAMME_MANAGER', 'INSTITUTION_DIRECTOR', 'SUPERVISOR', 'SOCIAL_WORKER'),
  },
  {
    name: 'submitCorrectionPlan (no deviation: refused once past the access check)',
    service: 'cultivation',
    target: (w, s) => (s === 'in' ? w.cultivationA1 : w.cultivationB),
    query: `mutation ($input: SubmitCorrectionPlanInput!) { submitCorrectionPlan(input: $input) { id } }`,
    variables: (id) => ({ input: { cultivationId: id, plan: '矩阵整改' } }),
    expected: writableBy('INSTITUTION_DIRECTOR', 'SUPERVISOR', 'SOCIAL_WORKER'),
  },
  // analytics-service
  {
    name: 'stageFunnel (counts)',
    service: 'analytics',
    target: (w, s) => (s === 'in' ? w.districtA : w.districtB),
    query: `query ($id: ID!) { stageFunnel(districtId: $id) { stage count } }`,
    holds: (d) => (d.stageFunnel as { count: number }[]).some((row) => row.count > 0),
    expected: readable({}, 'hidden'),
  },
];

/** What an answer amounts to: an error code (FORBIDDEN or another), hidden, or ok. */
function outcomeOf(operation: Operation, result: GraphQLResult<Record<string, unknown>>, id: string): string {
  const code = result.errors?.[0]?.extensions?.code as string | undefined;
  if (code === 'FORBIDDEN' || code === 'UNAUTHENTICATED') return code;
  // Any other refusal (GATE_NOT_MET, BAD_USER_INPUT…) came after the access check passed.
  if (code) return 'ok';
  if (operation.holds && result.data && !operation.holds(result.data, id)) return 'hidden';
  return 'ok';
}

const SUBGRAPH_URLS: Record<Service, string | undefined> = {
  communities: process.env.COMMUNITIES_URL,
  organizations: process.env.ORGANIZATIONS_URL,
  assessments: process.env.ASSESSMENTS_URL,
  cultivation: process.env.CULTIVATION_URL,
  analytics: process.env.ANALYTICS_URL,
};

describe('access matrix: every role, inside and outside its scopes', () => {
  let admin: Caller;
  let world: World;
  const tokens = {} as Record<MatrixRole, string>;
  const userIds = {} as Record<MatrixRole, string>;

  /** A new user of a role and scopes, signed in. */
  async function createUser(role: Role, scopes: Scope[]): Promise<{ id: string; token: string }> {
    const username = `mx-${role.toLowerCase().replace(/_/g, '-').slice(0, 12)}-${uniq()}`;
    const { createUser: created } = await admin.data<{ createUser: { id: string } }>(`mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
      input: { username, displayName: `矩阵${role}${uniq()}`, password: 'matrix-password-1', role, scopes },
    });
    return { id: created.id, token: (await signIn(username, 'matrix-password-1')).token };
  }

  beforeAll(async () => {
    admin = await signIn('admin');
    const mutate = async <T>(query: string, input: Record<string, unknown>): Promise<T> => admin.data<T>(query, { input });
    const district = async (label: string) =>
      (await mutate<{ createDistrict: { id: string } }>(`mutation ($input: CreateDistrictInput!) { createDistrict(input: $input) { id } }`, { name: `矩阵${label}区${uniq()}`, code: `MX-${uniq()}` })).createDistrict.id;
    const street = async (districtId: string) =>
      (await mutate<{ createStreet: { id: string } }>(`mutation ($input: CreateStreetInput!) { createStreet(input: $input) { id } }`, { districtId, name: `矩阵街道${uniq()}` })).createStreet.id;
    const community = async (streetId: string) =>
      (await mutate<{ createCommunity: { id: string } }>(`mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`, { streetId, name: `矩阵社区${uniq()}` })).createCommunity.id;
    const institution = async () =>
      (await mutate<{ createInstitution: { id: string } }>(`mutation ($input: CreateInstitutionInput!) { createInstitution(input: $input) { id } }`, { name: `矩阵机构${uniq()}` })).createInstitution.id;
    const organization = async (communityId: string) =>
      (
        await mutate<{ createOrganization: { id: string } }>(`mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, {
          communityId,
          name: `矩阵组织${uniq()}`,
          category: 'MEDIATION',
        })
      ).createOrganization.id;
    const survey = async (communityId: string) =>
      (await mutate<{ createNeedsSurvey: { id: string } }>(`mutation ($input: CreateNeedsSurveyInput!) { createNeedsSurvey(input: $input) { id } }`, { communityId, title: `矩阵调查${uniq()}` }))
        .createNeedsSurvey.id;
    const cultivate = async (organizationId: string, institutionId: string) =>
      (
        await mutate<{ startCultivation: { id: string } }>(`mutation ($input: StartCultivationInput!) { startCultivation(input: $input) { id } }`, {
          organizationId,
          institutionId,
          formationDeadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        })
      ).startCultivation.id;

    const districtA = await district('甲');
    const districtB = await district('乙');
    const [streetA1, streetA2, streetB] = await Promise.all([street(districtA), street(districtA), street(districtB)]);
    const [communityA1, communityA2, communityB] = await Promise.all([community(streetA1), community(streetA2), community(streetB)]);
    const [institutionI, institutionJ] = await Promise.all([institution(), institution()]);
    await mutate(`mutation ($input: RecordServiceContractInput!) { recordServiceContract(input: $input) { id } }`, {
      institutionId: institutionI,
      districtId: districtA,
      reference: `矩阵合同${uniq()}`,
      startsOn: '2020-01-01',
      endsOn: '2099-12-31',
    });
    await mutate(`mutation ($input: RecordServiceContractInput!) { recordServiceContract(input: $input) { id } }`, {
      institutionId: institutionJ,
      districtId: districtB,
      reference: `矩阵合同${uniq()}`,
      startsOn: '2020-01-01',
      endsOn: '2099-12-31',
    });
    const [organizationA1, organizationA2, organizationB] = await Promise.all([organization(communityA1), organization(communityA2), organization(communityB)]);
    const [surveyA1, surveyB] = await Promise.all([survey(communityA1), survey(communityB)]);
    const [cultivationA1, cultivationB] = await Promise.all([cultivate(organizationA1, institutionI), cultivate(organizationB, institutionJ)]);
    world = { districtA, streetA1, communityA1, streetA2, communityA2, districtB, streetB, communityB, institutionI, institutionJ, organizationA1, organizationA2, organizationB, surveyA1, surveyB, cultivationA1, cultivationB };

    // One user per role, scoped to district A (street A1 for the street officer, institution I for its staff).
    const scopesOf: Record<Exclude<MatrixRole, 'ADMIN'>, Scope[]> = {
      PROGRAMME_MANAGER: [{ kind: 'DISTRICT', id: districtA }],
      ANALYST: [{ kind: 'DISTRICT', id: districtA }],
      STREET_OFFICER: [{ kind: 'STREET', id: streetA1 }],
      INSTITUTION_DIRECTOR: [{ kind: 'INSTITUTION', id: institutionI }],
      SUPERVISOR: [{ kind: 'INSTITUTION', id: institutionI }],
      SOCIAL_WORKER: [{ kind: 'INSTITUTION', id: institutionI }],
    };
    tokens.ADMIN = admin.token;
    for (const [role, scopes] of Object.entries(scopesOf) as [Role, Scope[]][]) {
      const user = await createUser(role, scopes);
      userIds[role as MatrixRole] = user.id;
      tokens[role as MatrixRole] = user.token;
    }
    // The social worker records the evidence of the cultivation assigned to them.
    await mutate(`mutation ($input: AssignSocialWorkersInput!) { assignSocialWorkers(input: $input) { id } }`, { cultivationId: cultivationA1, userIds: [userIds.SOCIAL_WORKER] });
    // Analytics follows the outbox: wait until both cultivations are counted.
    await eventually(
      async () => {
        const counted = await Promise.all(
          [districtA, districtB].map(async (id) => (await admin.data<{ stageFunnel: { count: number }[] }>(`query ($id: ID!) { stageFunnel(districtId: $id) { count } }`, { id })).stageFunnel.some((r) => r.count > 0)),
        );
        return counted.every(Boolean) ? true : undefined;
      },
      20_000,
      'the analytics read model to count the new cultivations',
    );
  }, 120_000);

  // Before the matrix, whose mutations add streets and organizations.
  it('leaves out of nested lists and counts what lies outside: the street officer sees one of district A\'s two streets', async () => {
    const query = `query ($id: ID!) { district(id: $id) { streetCount communityCount organizationCount streets { id } } }`;
    const asStreet = await graphql<{ district: { streetCount: number; communityCount: number; organizationCount: number; streets: { id: string }[] } }>(GATEWAY_URL, query, { id: world.districtA }, tokens.STREET_OFFICER);
    expect(asStreet.data?.district).toEqual({ streetCount: 1, communityCount: 1, organizationCount: 1, streets: [{ id: world.streetA1 }] });
    const asManager = await graphql<{ district: { streetCount: number; communityCount: number; organizationCount: number } }>(GATEWAY_URL, query, { id: world.districtA }, tokens.PROGRAMME_MANAGER);
    expect(asManager.data?.district).toMatchObject({ streetCount: 2, communityCount: 2, organizationCount: 2 });
  });

  for (const path of ['gateway', 'subgraph'] as const) {
    it(`gives every role the expected outcome of every operation, ${path === 'gateway' ? 'through the gateway' : 'directly against each subgraph'}`, async () => {
      const mismatches: string[] = [];
      for (const operation of OPERATIONS) {
        const url = path === 'gateway' ? GATEWAY_URL : SUBGRAPH_URLS[operation.service];
        if (!url) throw new Error(`No URL for ${operation.service}-service in the environment (${operation.service.toUpperCase()}_URL).`);
        const query = path === 'subgraph' && operation.direct ? operation.direct : operation.query;
        for (const role of ROLES) {
          for (const side of ['in', 'out'] as const) {
            const id = operation.target(world, side);
            const result = await graphql<Record<string, unknown>>(url, query, operation.variables ? operation.variables(id, world) : { id }, tokens[role]);
            let outcome = outcomeOf(operation, result, id);
            // Directly, an entity reference outside the scopes is FORBIDDEN or, for a nested list or count
            // of another service, simply empty: both keep it out.
            if (path === 'subgraph' && operation.direct && operation.expected[role][side] === 'FORBIDDEN' && outcome === 'hidden') outcome = 'FORBIDDEN';
            if (outcome !== operation.expected[role][side]) mismatches.push(`${operation.name} · ${role} · ${side}: expected ${operation.expected[role][side]}, got ${outcome} ${JSON.stringify(result.errors?.[0] ?? '')}`);
          }
        }
      }
      expect(mismatches).toEqual([]);
    }, 180_000);
  }

  it('refuses every subgraph reached directly without a token', async () => {
    const probes: Record<Service, string> = {
      communities: `{ districts { id } }`,
      organizations: `{ institutions { id } }`,
      assessments: `{ needsSurveys { id } }`,
      cultivation: `{ cultivations { id } }`,
      analytics: `{ stageFunnel { count } }`,
    };
    for (const [service, query] of Object.entries(probes) as [Service, string][]) {
      const result = await graphql<Record<string, unknown>>(SUBGRAPH_URLS[service]!, query);
      expect({ service, code: result.errors?.[0]?.extensions?.code, data: result.data ?? null }).toEqual({ service, code: 'UNAUTHENTICATED', data: null });
    }
  });


  it('lets a social worker record evidence only for the cultivations assigned to them, and a supervisor assign them', async () => {
    const other = await createUser('SOCIAL_WORKER', [{ kind: 'INSTITUTION', id: world.institutionI }]);
    const addMember = (token: string, organizationId: string) =>
      graphql(GATEWAY_URL, `mutation ($input: AddMemberInput!) { addMember(input: $input) { id } }`, { input: { organizationId, name: '赵分派', joinedOn: '2026-02-01' } }, token);
    // Organization A1 is under a cultivation assigned to someone else; A2 is not under cultivation.
    expect((await addMember(other.token, world.organizationA1)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await addMember(other.token, world.organizationA2)).errors).toBeUndefined();

    const assign = (token: string, cultivationId: string, ids: string[]) =>
      graphql<{ assignSocialWorkers: { assignedSocialWorkers: { userId: string }[] } }>(
        GATEWAY_URL,
        `mutation ($input: AssignSocialWorkersInput!) { assignSocialWorkers(input: $input) { assignedSocialWorkers { userId } } }`,
        { input: { cultivationId, userIds: ids } },
        token,
      );
    // Only social workers of the cultivation's institution; only inside the supervisor's scopes.
    expect((await assign(tokens.SUPERVISOR, world.cultivationA1, [userIds.STREET_OFFICER])).errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'userIds' });
    expect((await assign(tokens.SUPERVISOR, world.cultivationB, [other.id])).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await assign(tokens.SOCIAL_WORKER, world.cultivationA1, [other.id])).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const assigned = await assign(tokens.SUPERVISOR, world.cultivationA1, [userIds.SOCIAL_WORKER, other.id]);
    expect(assigned.data?.assignSocialWorkers.assignedSocialWorkers.map((a) => a.userId).sort()).toEqual([userIds.SOCIAL_WORKER, other.id].sort());
    expect((await addMember(other.token, world.organizationA1)).errors).toBeUndefined();
  });
});
