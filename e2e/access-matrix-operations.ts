import { randomUUID } from 'node:crypto';
/**
 * The operations of the access matrix (access-matrix.e2e.ts): who may see and do what, for every
 * role, inside and outside their scopes, through the gateway and directly against the subgraph that
 * owns each operation (docs/security.md). Two new districts: A, in
 * everyone's scope, with two streets (the street officer holds only the first), and B, in no one's
 * but the admin's. Institution I serves the whole of district A under a service contract and
 * cultivates organization A1; institution J cultivates organization B.
 */

export type Side = 'in' | 'out';
/** The two passes of the matrix: through the gateway, and directly against each subgraph. */
export type Path = 'gateway' | 'subgraph';
/** ok: answered without error; hidden: a list or count leaves the target out; else the error code. */
export type Outcome = 'ok' | 'hidden' | 'FORBIDDEN';
export type Service = 'communities' | 'organizations' | 'assessments' | 'cultivation' | 'analytics';

export interface World {
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
  /** A member of A1 and one of B. */
  memberA1: string;
  memberB: string;
  /** Service contracts of 2019 (long over), I's in district A and J's in B. */
  contractA: string;
  contractB: string;
  /** An outcome evaluation and a follow-up check of A1's cultivation, and of B's. */
  evaluationA1: string;
  evaluationB: string;
  checkA1: string;
  checkB: string;
  /** The user the administrative operations act on. */
  subjectUser: string;
  /** The social worker of institution I the matrix signs in as. */
  socialWorker: string;
  /**
   * Per pass, a cultivation in district A (community A1, institution I) and one in B whose formation
   * deadline passed, each with its DELAY escalation open at level 1: acknowledged, then terminated,
   * by the pass that owns them, so each pass finds them as the previous one did not leave them.
   */
  escalating: Record<Path, { cultivationA: string; escalationA: string; cultivationB: string; escalationB: string }>;
}

export const ROLES = ['ADMIN', 'PROGRAMME_MANAGER', 'ANALYST', 'STREET_OFFICER', 'INSTITUTION_DIRECTOR', 'SUPERVISOR', 'SOCIAL_WORKER'] as const;
export type MatrixRole = (typeof ROLES)[number];

export interface Operation {
  name: string;
  service: Service;
  /** The target's id, inside or outside the caller's scopes. */
  target: (world: World, side: Side, path: Path) => string;
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

export const ids = (items: unknown): string[] => (items as { id: string }[]).map((i) => i.id);
export const uniq = () => randomUUID().slice(0, 8);
/** Anyone in the city may: reference data, or the caller's own. */
const everyone: Record<MatrixRole, Record<Side, Outcome>> = Object.fromEntries(ROLES.map((role) => [role, every('ok', 'ok')])) as Record<MatrixRole, Record<Side, Outcome>>;
/** The city-wide administrator only. */
const adminOnly = writableBy();
/** These roles (and the admin) may, whatever the target: it lies in no one's scope in particular. */
const anywhereBy = (...roles: MatrixRole[]): Record<MatrixRole, Record<Side, Outcome>> =>
  Object.fromEntries(ROLES.map((role) => [role, role === 'ADMIN' || roles.includes(role) ? every('ok', 'ok') : every('FORBIDDEN', 'FORBIDDEN')])) as Record<MatrixRole, Record<Side, Outcome>>;
/** For operations whose target is not placed in the hierarchy (both sides ask the same). */
const anywhere = (w: World): string => w.districtA;
const level = { score: 80, note: '矩阵' };
const scored = (keys: string[]) => keys.map((key) => ({ key, score: 4 }));
/** An outcome evaluation of an organization, every built-in indicator scored. */
export const outcomeEvaluationInput = (organizationId: string) => ({
  organizationId,
  evaluatedOn: '2026-02-01',
  communityScores: scored(['resident_participation', 'needs_met', 'neighbourhood_cohesion', 'community_governance']),
  organizationScores: scored(['self_governance', 'member_stability', 'activity_regularity', 'resource_capacity', 'financial_transparency']),
  institutionScores: scored(['cultivation_support', 'capacity_transfer', 'timeliness', 'process_records']),
});
export const followUpCheckInput = (organizationId: string) => ({
  organizationId,
  followUpIndex: 0,
  checkedOn: '2026-02-01',
  findings: { stillActive: true, leadershipStable: true, holdingActivities: true, financesInOrder: true, membersRetained: false },
});
const entity = (typename: string, fields: string) => `query ($id: ID!) { _entities(representations: [{ __typename: "${typename}", id: $id }]) { ... on ${typename} { ${fields} } } }`;

export const OPERATIONS: Operation[] = [
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
  // communities-service: administration and the rest of the hierarchy
  { name: 'users (list)', service: 'communities', target: anywhere, query: `{ users { id } }`, expected: adminOnly },
  { name: 'auditLog', service: 'communities', target: anywhere, query: `{ auditLog(first: 1) { id } }`, expected: adminOnly },
  {
    name: 'createDistrict',
    service: 'communities',
    target: anywhere,
    query: `mutation ($input: CreateDistrictInput!) { createDistrict(input: $input) { id } }`,
    variables: () => ({ input: { name: `矩阵新区${uniq()}`, code: `MXN-${uniq()}` } }),
    expected: adminOnly,
  },
  {
    name: 'updateDistrict (at a stale version)',
    service: 'communities',
    target: (w, s) => (s === 'in' ? w.districtA : w.districtB),
    query: `mutation ($input: UpdateDistrictInput!) { updateDistrict(input: $input) { id } }`,
    variables: (id) => ({ input: { id, version: 999, name: '矩阵改名区' } }),
    expected: writableBy('PROGRAMME_MANAGER'),
  },
  {
    name: 'updateStreet (at a stale version)',
    service: 'communities',
    target: (w, s) => (s === 'in' ? w.streetA1 : w.streetB),
    query: `mutation ($input: UpdateStreetInput!) { updateStreet(input: $input) { id } }`,
    variables: (id) => ({ input: { id, version: 999, name: '矩阵改名街道' } }),
    expected: writableBy('PROGRAMME_MANAGER'),
  },
  {
    name: 'updateCommunity (at a stale version)',
    service: 'communities',
    target: (w, s) => (s === 'in' ? w.communityA1 : w.communityB),
    query: `mutation ($input: UpdateCommunityInput!) { updateCommunity(input: $input) { id } }`,
    variables: (id) => ({ input: { id, version: 999, population: 1000 } }),
    expected: writableBy('PROGRAMME_MANAGER'),
  },
  {
    name: 'District.programmeManagers (nested list)',
    service: 'communities',
    target: (w, s) => (s === 'in' ? w.districtA : w.districtB),
    query: `query ($id: ID!) { district(id: $id) { programmeManagers { username } } }`,
    direct: entity('District', 'programmeManagers { username }'),
    variables: (id) => ({ id }),
    expected: readable(),
  },
  {
    name: 'createUser (an invalid username: refused once past the access check)',
    service: 'communities',
    target: anywhere,
    query: `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
    variables: (_, w) => ({ input: { username: 'X', displayName: '矩阵', password: 'matrix-password-1', role: 'SOCIAL_WORKER', scopes: [{ kind: 'INSTITUTION', id: w.institutionI }] } }),
    expected: adminOnly,
  },
  {
    name: 'updateUserAccess (at a stale version)',
    service: 'communities',
    target: (w) => w.subjectUser,
    query: `mutation ($input: UpdateUserAccessInput!) { updateUserAccess(input: $input) { id } }`,
    variables: (id, w) => ({ input: { userId: id, version: 999, role: 'SOCIAL_WORKER', scopes: [{ kind: 'INSTITUTION', id: w.institutionJ }] } }),
    expected: adminOnly,
  },
  {
    name: 'setUserEmail',
    service: 'communities',
    target: (w) => w.subjectUser,
    query: `mutation ($input: SetUserEmailInput!) { setUserEmail(input: $input) { id } }`,
    variables: (id) => ({ input: { userId: id, email: 'matrix-subject@example.org' } }),
    expected: adminOnly,
  },
  {
    name: 'setUserPassword',
    service: 'communities',
    target: (w) => w.subjectUser,
    query: `mutation ($input: SetUserPasswordInput!) { setUserPassword(input: $input) { id } }`,
    variables: (id) => ({ input: { userId: id, password: 'matrix-password-2' } }),
    expected: adminOnly,
  },
  {
    name: 'linkExternalSubject (unlinking)',
    service: 'communities',
    target: (w) => w.subjectUser,
    query: `mutation ($input: LinkExternalSubjectInput!) { linkExternalSubject(input: $input) { id } }`,
    variables: (id) => ({ input: { userId: id, subject: null } }),
    expected: adminOnly,
  },
  // Fields one service adds to another's entity: each applies its own scopes to what it adds.
  {
    name: 'Community.organizations (nested list)',
    service: 'organizations',
    target: (w, s) => (s === 'in' ? w.communityA1 : w.communityB),
    query: `query ($id: ID!) { community(id: $id) { organizations { id } } }`,
    direct: entity('Community', 'organizations { id }'),
    variables: (id) => ({ id }),
    holds: (d) => ids(((d.community ?? (d._entities as unknown[])[0]) as { organizations: unknown }).organizations).length > 0,
    expected: readable(),
  },
  {
    name: 'Community.organizationCount (nested count)',
    service: 'organizations',
    target: (w, s) => (s === 'in' ? w.communityA1 : w.communityB),
    query: `query ($id: ID!) { community(id: $id) { organizationCount } }`,
    direct: entity('Community', 'organizationCount'),
    variables: (id) => ({ id }),
    holds: (d) => ((d.community ?? (d._entities as unknown[])[0]) as { organizationCount: number }).organizationCount > 0,
    expected: readable(),
  },
  {
    name: 'Organization.assessments (nested list)',
    service: 'assessments',
    target: (w, s) => (s === 'in' ? w.organizationA1 : w.organizationB),
    query: `query ($id: ID!) { organization(id: $id) { assessments { id } } }`,
    direct: entity('Organization', 'assessments { id }'),
    variables: (id) => ({ id }),
    expected: readable(),
  },
  // organizations-service
  {
    name: 'activitiesConnection',
    service: 'organizations',
    target: (w, s) => (s === 'in' ? w.organizationA1 : w.organizationB),
    query: `query ($id: ID!) { activitiesConnection(organizationId: $id, first: 5) { totalCount } }`,
    expected: readable(),
  },
  {
    name: 'createInstitution',
    service: 'organizations',
    target: anywhere,
    query: `mutation ($input: CreateInstitutionInput!) { createInstitution(input: $input) { id } }`,
    variables: () => ({ input: { name: `矩阵新机构${uniq()}` } }),
    expected: anywhereBy('PROGRAMME_MANAGER'),
  },
  {
    name: 'updateInstitution (at a stale version)',
    service: 'organizations',
    target: (w, s) => (s === 'in' ? w.institutionI : w.institutionJ),
    query: `mutation ($input: UpdateInstitutionInput!) { updateInstitution(input: $input) { id } }`,
    variables: (id) => ({ input: { id, version: 999, name: '矩阵改名机构' } }),
    // A programme manager chooses among every institution, so manages them all.
    expected: anywhereBy('PROGRAMME_MANAGER'),
  },
  {
    name: 'Institution.staff (nested list)',
    service: 'organizations',
    target: (w, s) => (s === 'in' ? w.institutionI : w.institutionJ),
    query: `query ($id: ID!) { institution(id: $id) { staff { userId } } }`,
    direct: entity('Institution', 'staff { userId }'),
    variables: (id) => ({ id }),
    expected: readable({ PROGRAMME_MANAGER: 'ok', ANALYST: 'ok' }),
  },
  {
    name: 'setMemberLeader',
    service: 'organizations',
    target: (w, s) => (s === 'in' ? w.memberA1 : w.memberB),
    query: `mutation ($input: SetMemberLeaderInput!) { setMemberLeader(input: $input) { id } }`,
    variables: (id) => ({ input: { memberId: id, isLeader: true } }),
    expected: writableBy('PROGRAMME_MANAGER', 'INSTITUTION_DIRECTOR', 'SUPERVISOR', 'SOCIAL_WORKER'),
  },
  {
    name: 'memberLeft',
    service: 'organizations',
    target: (w, s) => (s === 'in' ? w.memberA1 : w.memberB),
    query: `mutation ($input: MemberLeftInput!) { memberLeft(input: $input) { id } }`,
    variables: (id) => ({ input: { memberId: id, leftOn: '2026-03-01' } }),
    expected: writableBy('PROGRAMME_MANAGER', 'INSTITUTION_DIRECTOR', 'SUPERVISOR', 'SOCIAL_WORKER'),
  },
  {
    name: 'setServiceContractEnd (at a stale version)',
    service: 'organizations',
    target: (w, s) => (s === 'in' ? w.contractA : w.contractB),
    query: `mutation ($input: SetServiceContractEndInput!) { setServiceContractEnd(input: $input) { id } }`,
    variables: (id) => ({ input: { id, version: 999, endsOn: '2019-06-30' } }),
    expected: writableBy('PROGRAMME_MANAGER'),
  },
  // assessments-service
  {
    name: 'needsSurveys(communityId) (list)',
    service: 'assessments',
    target: (w, s) => (s === 'in' ? w.communityA1 : w.communityB),
    query: `query ($id: ID!) { needsSurveys(communityId: $id) { id } }`,
    holds: (d) => ids(d.needsSurveys).length > 0,
    expected: readable({}, 'hidden'),
  },
  { name: 'rubric (reference data)', service: 'assessments', target: anywhere, query: `{ rubric(category: MEDIATION, kind: CAPACITY) { version } }`, expected: everyone },
  { name: 'rubricVersions (reference data)', service: 'assessments', target: anywhere, query: `{ rubricVersions(category: MEDIATION, kind: MATURITY) { version } }`, expected: everyone },
  {
    name: 'setRubric (no criteria: refused once past the access check)',
    service: 'assessments',
    target: anywhere,
    query: `mutation ($input: SetRubricInput!) { setRubric(input: $input) { version } }`,
    variables: () => ({ input: { category: 'MEDIATION', kind: 'CAPACITY', passScore: 60, criteria: [] } }),
    expected: adminOnly,
  },
  { name: 'outcomeIndicatorSet (reference data)', service: 'assessments', target: anywhere, query: `{ outcomeIndicatorSet(level: COMMUNITY) { version } }`, expected: everyone },
  { name: 'outcomeIndicatorSetVersions (reference data)', service: 'assessments', target: anywhere, query: `{ outcomeIndicatorSetVersions(level: INSTITUTION) { version } }`, expected: everyone },
  {
    name: 'setOutcomeIndicatorSet (no indicators: refused once past the access check)',
    service: 'assessments',
    target: anywhere,
    query: `mutation ($input: SetOutcomeIndicatorSetInput!) { setOutcomeIndicatorSet(input: $input) { version } }`,
    variables: () => ({ input: { level: 'COMMUNITY', targetScore: 60, indicators: [] } }),
    expected: adminOnly,
  },
  ...(
    [
      ['outcomeEvaluation', 'evaluationA1', 'evaluationB', 'outcomeEvaluations'],
      ['followUpCheck', 'checkA1', 'checkB', 'followUpChecks'],
    ] as const
  ).flatMap(([one, inside, outside, list]): Operation[] => [
    { name: `${one}(id)`, service: 'assessments', target: (w, s) => (s === 'in' ? w[inside] : w[outside]), query: `query ($id: ID!) { ${one}(id: $id) { id } }`, expected: readable() },
    {
      name: `${list} (list and totalCount)`,
      service: 'assessments',
      target: (w, s) => (s === 'in' ? w.organizationA1 : w.organizationB),
      query: `query ($id: ID!) { ${list}(first: 5, filter: { organizationId: $id }) { totalCount edges { node { id } } } }`,
      holds: (d) => (d[list] as { totalCount: number }).totalCount > 0,
      expected: readable({}, 'hidden'),
    },
    {
      name: `Organization.${list} (nested list)`,
      service: 'assessments',
      target: (w, s) => (s === 'in' ? w.organizationA1 : w.organizationB),
      query: `query ($id: ID!) { organization(id: $id) { ${list} { id } } }`,
      direct: entity('Organization', `${list} { id }`),
      variables: (id) => ({ id }),
      expected: readable(),
    },
  ]),
  {
    name: 'recordOutcomeEvaluation',
    service: 'assessments',
    target: (w, s) => (s === 'in' ? w.organizationA1 : w.organizationB),
    query: `mutation ($input: RecordOutcomeEvaluationInput!) { recordOutcomeEvaluation(input: $input) { id } }`,
    variables: (id) => ({ input: outcomeEvaluationInput(id) }),
    expected: writableBy('PROGRAMME_MANAGER', 'SUPERVISOR', 'SOCIAL_WORKER'),
  },
  {
    name: 'recordFollowUpCheck',
    service: 'assessments',
    target: (w, s) => (s === 'in' ? w.organizationA1 : w.organizationB),
    query: `mutation ($input: RecordFollowUpCheckInput!) { recordFollowUpCheck(input: $input) { id } }`,
    variables: (id) => ({ input: followUpCheckInput(id) }),
    expected: writableBy('PROGRAMME_MANAGER', 'SUPERVISOR', 'SOCIAL_WORKER'),
  },
  // cultivation-service
  {
    name: 'escalations(cultivationId) (list)',
    service: 'cultivation',
    target: (w, s, path) => (s === 'in' ? w.escalating[path].cultivationA : w.escalating[path].cultivationB),
    query: `query ($id: ID!) { escalations(cultivationId: $id) { id } }`,
    holds: (d) => ids(d.escalations).length > 0,
    expected: readable({}, 'hidden'),
  },
  {
    name: 'processPolicyVersions(districtId)',
    service: 'cultivation',
    target: (w, s) => (s === 'in' ? w.districtA : w.districtB),
    query: `query ($id: ID!) { processPolicyVersions(districtId: $id) { version } }`,
    expected: readable(),
  },
  {
    name: 'cultivations(filter: streetId) (list)',
    service: 'cultivation',
    target: (w, s) => (s === 'in' ? w.streetA1 : w.streetB),
    query: `query ($id: ID!) { cultivations(filter: { streetId: $id }) { id } }`,
    holds: (d) => ids(d.cultivations).length > 0,
    expected: readable({}, 'hidden'),
  },
  { name: 'workingCalendar (reference data)', service: 'cultivation', target: anywhere, query: `{ workingCalendar(from: "2026-10-01", to: "2026-10-08") { day working } }`, expected: everyone },
  // The caller's own notifications: there is no one else's to ask for (markNotificationRead of someone else's is NOT_FOUND, in cultivation-process.e2e.ts).
  { name: 'notifications (own)', service: 'cultivation', target: anywhere, query: `{ notifications(first: 5) { id } }`, expected: everyone },
  { name: 'unreadNotificationCount (own)', service: 'cultivation', target: anywhere, query: `{ unreadNotificationCount }`, expected: everyone },
  { name: 'markAllNotificationsRead (own)', service: 'cultivation', target: anywhere, query: `mutation { markAllNotificationsRead }`, expected: everyone },
  {
    name: 'startCultivation (already under cultivation: refused once past the access check)',
    service: 'cultivation',
    target: (w, s) => (s === 'in' ? w.organizationA1 : w.organizationB),
    query: `mutation ($input: StartCultivationInput!) { startCultivation(input: $input) { id } }`,
    variables: (id, w) => ({
      input: { organizationId: id, institutionId: id === w.organizationA1 ? w.institutionI : w.institutionJ, formationDeadline: new Date(Date.now() + 30 * 86_400_000).toISOString() },
    }),
    expected: writableBy('PROGRAMME_MANAGER', 'INSTITUTION_DIRECTOR', 'SUPERVISOR', 'SOCIAL_WORKER'),
  },
  {
    name: 'assignSocialWorkers (the same worker again)',
    service: 'cultivation',
    target: (w, s) => (s === 'in' ? w.cultivationA1 : w.cultivationB),
    query: `mutation ($input: AssignSocialWorkersInput!) { assignSocialWorkers(input: $input) { id } }`,
    // Outside, the worker is not of the cultivation's institution: FORBIDDEN comes first all the same.
    variables: (id, w) => ({ input: { cultivationId: id, userIds: [w.socialWorker] } }),
    expected: writableBy('PROGRAMME_MANAGER', 'INSTITUTION_DIRECTOR', 'SUPERVISOR'),
  },
  {
    name: 'flagDeviation',
    service: 'cultivation',
    target: (w, s) => (s === 'in' ? w.cultivationA1 : w.cultivationB),
    query: `mutation ($input: FlagDeviationInput!) { flagDeviation(input: $input) { id } }`,
    variables: (id) => ({ input: { cultivationId: id, note: '矩阵偏离' } }),
    expected: writableBy('PROGRAMME_MANAGER'),
  },
  {
    // After resumeCultivation, so each pass finds it running when refusing and pauses it once allowed.
    name: 'pauseCultivation',
    service: 'cultivation',
    target: (w, s) => (s === 'in' ? w.cultivationA1 : w.cultivationB),
    query: `mutation ($input: PauseCultivationInput!) { pauseCultivation(input: $input) { id } }`,
    variables: (id) => ({ input: { cultivationId: id, reason: '矩阵暂停' } }),
    expected: writableBy('PROGRAMME_MANAGER', 'INSTITUTION_DIRECTOR', 'SUPERVISOR', 'SOCIAL_WORKER'),
  },
  ...(
    [
      ['advanceWithdrawalPhase', 'WithdrawalRefInput', {}, ['INSTITUTION_DIRECTOR', 'SUPERVISOR', 'SOCIAL_WORKER']],
      ['confirmHandoverItem', 'ConfirmHandoverInput', { item: 'FINANCES', takenOverBy: '矩阵会计' }, ['INSTITUTION_DIRECTOR', 'SUPERVISOR', 'SOCIAL_WORKER']],
      ['recordFinalEvaluation', 'RecordFinalEvaluationInput', { community: level, organization: level, institution: level }, ['SUPERVISOR']],
      ['recordFollowUp', 'RecordFollowUpInput', { index: 0, passed: true, note: '矩阵回访' }, ['INSTITUTION_DIRECTOR', 'SUPERVISOR', 'SOCIAL_WORKER']],
    ] as [string, string, Record<string, unknown>, MatrixRole[]][]
  ).map(
    ([field, inputType, fields, roles]): Operation => ({
      name: `${field} (not in withdrawal: refused once past the access check)`,
      service: 'cultivation',
      target: (w, s) => (s === 'in' ? w.cultivationA1 : w.cultivationB),
      query: `mutation ($input: ${inputType}!) { ${field}(input: $input) { id } }`,
      variables: (id) => ({ input: { cultivationId: id, ...fields } }),
      expected: writableBy(...roles),
    }),
  ),
  {
    name: 'setProcessPolicy (an invalid document: refused once past the access check)',
    service: 'cultivation',
    target: (w, s) => (s === 'in' ? w.districtA : w.districtB),
    query: `mutation ($input: SetProcessPolicyInput!) { setProcessPolicy(input: $input) { version } }`,
    variables: (id) => ({ input: { districtId: id, document: '{}' } }),
    expected: adminOnly,
  },
  {
    name: 'setCalendarDays (an invalid day: refused once past the access check)',
    service: 'cultivation',
    target: anywhere,
    query: `mutation ($input: SetCalendarDaysInput!) { setCalendarDays(input: $input) { day } }`,
    variables: () => ({ input: { days: [{ day: '2026-13-45', working: true }] } }),
    expected: adminOnly,
  },
  // analytics-service
  ...(['openEscalationCount', 'overdueCount'] as const).map(
    (field): Operation => ({
      name: `${field}(districtId) (count)`,
      service: 'analytics',
      target: (w, s) => (s === 'in' ? w.districtA : w.districtB),
      query: `query ($id: ID!) { ${field}(districtId: $id) }`,
      holds: (d) => (d[field] as number) > 0,
      expected: readable({}, 'hidden'),
    }),
  ),
  ...(
    [
      ['stageFunnelIndicator', 'IndicatorInput', true],
      ['timeInStageIndicator', 'IndicatorInput', false],
      ['escalationIndicator', 'EscalationIndicatorInput', true],
      ['overdueIndicator', 'IndicatorInput', true],
      ['filingRateIndicator', 'IndicatorInput', false],
      ['followUpIndicator', 'IndicatorInput', false],
      ['withdrawalOutcomeIndicator', 'IndicatorInput', false],
      ['scoreIndicator', 'ScoreIndicatorInput', false],
      ['outcomeIndicator', 'IndicatorInput', false],
    ] as const
  ).map(
    ([field, inputType, hasData]): Operation => ({
      // Where the world has figures for it, a district outside gives none; else only errors are judged.
      name: `${field} (grouped by district)`,
      service: 'analytics',
      target: (w, s) => (s === 'in' ? w.districtA : w.districtB),
      query: `query ($input: ${inputType}!) { ${field}(input: $input) { rows { group } } }`,
      variables: (id) => ({ input: { filter: { districtIds: [id] }, groupBy: 'DISTRICT' } }),
      holds: hasData ? (d, id) => (d[field] as { rows: { group: string | null }[] }).rows.some((row) => row.group === id) : undefined,
      expected: readable({}, hasData ? 'hidden' : 'ok'),
    }),
  ),
  // Last, since they close escalations and cultivations the counts above rely on.
  {
    // At level 1 of the default ladder: the supervisor's (each pass has its own escalation, open at the start).
    name: 'acknowledgeEscalation (level 1)',
    service: 'cultivation',
    target: (w, s, path) => (s === 'in' ? w.escalating[path].escalationA : w.escalating[path].escalationB),
    query: `mutation ($input: AcknowledgeEscalationInput!) { acknowledgeEscalation(input: $input) { id } }`,
    variables: (id) => ({ input: { escalationId: id, plan: '矩阵计划' } }),
    expected: writableBy('SUPERVISOR'),
  },
  {
    name: 'terminateCultivation',
    service: 'cultivation',
    target: (w, s, path) => (s === 'in' ? w.escalating[path].cultivationA : w.escalating[path].cultivationB),
    query: `mutation ($input: TerminateCultivationInput!) { terminateCultivation(input: $input) { id } }`,
    variables: (id) => ({ input: { cultivationId: id, reason: '矩阵终止' } }),
    expected: writableBy('PROGRAMME_MANAGER'),
  },
];

/** The service that owns each entity type; the fields other services add to it are theirs to guard. */
export const ENTITY_OWNERS: Record<string, Service> = {
  District: 'communities',
  Street: 'communities',
  Community: 'communities',
  Institution: 'organizations',
  Organization: 'organizations',
  NeedsSurvey: 'assessments',
  Cultivation: 'cultivation',
};

/**
 * Root fields the matrix leaves out, and why: they act on the caller alone (or on no one yet), so
 * there is no inside or outside of a scope. Each is tested where named.
 */
export const EXEMPT: Record<string, string> = {
  signIn: 'before any identity (security.int.spec.ts: rate limiting, sessions)',
  refreshToken: 'before any identity (security.int.spec.ts: sessions)',
  signOut: "ends the caller's own session (security.int.spec.ts: sessions)",
  changePassword: "changes the caller's own password (security.int.spec.ts: sessions)",
  me: 'the caller themselves (security.e2e.ts, security.int.spec.ts)',
  oidcSignInEnabled: 'public configuration (oidc.int.spec.ts)',
  beginOidcSignIn: 'before any identity (oidc.int.spec.ts)',
  completeOidcSignIn: 'before any identity (oidc.int.spec.ts)',
  markNotificationRead: "the caller's own notification; someone else's is NOT_FOUND (cultivation-process.e2e.ts)",
};
