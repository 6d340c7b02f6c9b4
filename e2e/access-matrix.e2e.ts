import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import type { Role, Scope } from '@peiyu/contracts';
import { graphql, type GraphQLResult } from '@peiyu/platform-testing';
import { ENTITY_OWNERS, EXEMPT, OPERATIONS, followUpCheckInput, outcomeEvaluationInput, ROLES, uniq, type MatrixRole, type Operation, type Service, type World } from './access-matrix-operations.js';
import { eventually, GATEWAY_URL, signIn, type Caller } from './support.js';

// The matrix itself, and what it runs against, is described in access-matrix-operations.ts.

/** What an answer amounts to: an error code (FORBIDDEN or another), hidden, or ok. */
function outcomeOf(operation: Operation, result: GraphQLResult<Record<string, unknown>>, id: string): string {
  const code = result.errors?.[0]?.extensions?.code as string | undefined;
  if (code === 'FORBIDDEN' || code === 'UNAUTHENTICATED') return code;
  // Any other refusal (GATE_NOT_MET, BAD_USER_INPUT…) came after the access check passed.
  if (code) return 'ok';
  if (operation.holds && result.data && !operation.holds(result.data, id)) return 'hidden';
  return 'ok';
}

/**
 * The calls of one operation, those expected to be refused first: an allowed call may change the
 * target (acknowledge it, pause it), and a refusal must not depend on that change having happened.
 */
function refusalsFirst(operation: Operation): { role: MatrixRole; side: 'in' | 'out' }[] {
  const calls = ROLES.flatMap((role) => (['in', 'out'] as const).map((side) => ({ role, side })));
  return [...calls.filter((c) => operation.expected[c.role][c.side] === 'FORBIDDEN'), ...calls.filter((c) => operation.expected[c.role][c.side] !== 'FORBIDDEN')];
}

/** The root fields an operation's document asks for. */
function rootFields(document: string): string[] {
  return parse(document)
    .definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .flatMap((d) => d.selectionSet.selections.flatMap((sel) => (sel.kind === Kind.FIELD ? [sel.name.value] : [])));
}

/** The `Type.field`s an entity-reference document (`_entities { ... on Type { field } }`) asks for. */
function entityFields(document: string): string[] {
  return parse(document).definitions.flatMap((d) =>
    d.kind !== Kind.OPERATION_DEFINITION
      ? []
      : d.selectionSet.selections.flatMap((root) =>
          root.kind === Kind.FIELD && root.name.value === '_entities'
            ? (root.selectionSet?.selections ?? []).flatMap((fragment) =>
                fragment.kind === Kind.INLINE_FRAGMENT && fragment.typeCondition
                  ? fragment.selectionSet.selections.flatMap((f) => (f.kind === Kind.FIELD ? [`${fragment.typeCondition!.name.value}.${f.name.value}`] : []))
                  : [],
              )
            : [],
        ),
  );
}

function subgraphSdl(service: Service) {
  return parse(readFileSync(new URL(`../libs/platform/schema/subgraphs/${service}.graphql`, import.meta.url), 'utf8'));
}

const SERVICES: Service[] = ['communities', 'organizations', 'assessments', 'cultivation', 'analytics'];

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
    const cultivate = async (organizationId: string, institutionId: string, deadlineInMs = 30 * 86_400_000) =>
      (
        await mutate<{ startCultivation: { id: string } }>(`mutation ($input: StartCultivationInput!) { startCultivation(input: $input) { id } }`, {
          organizationId,
          institutionId,
          formationDeadline: new Date(Date.now() + deadlineInMs).toISOString(),
        })
      ).startCultivation.id;
    const contract = async (institutionId: string, districtId: string, startsOn: string, endsOn: string) =>
      (
        await mutate<{ recordServiceContract: { id: string } }>(`mutation ($input: RecordServiceContractInput!) { recordServiceContract(input: $input) { id } }`, {
          institutionId,
          districtId,
          reference: `矩阵合同${uniq()}`,
          startsOn,
          endsOn,
        })
      ).recordServiceContract.id;
    const member = async (organizationId: string) =>
      (await mutate<{ addMember: { id: string } }>(`mutation ($input: AddMemberInput!) { addMember(input: $input) { id } }`, { organizationId, name: '钱矩阵', joinedOn: '2026-01-05' })).addMember.id;
    /** A cultivation whose formation deadline passes at once, and its DELAY escalation once raised. */
    const escalatingCultivation = async (communityId: string, institutionId: string) => {
      const cultivationId = await cultivate(await organization(communityId), institutionId, 3_000);
      const escalationId = await eventually(
        async () => (await admin.data<{ escalations: { id: string; type: string }[] }>(`query ($id: ID!) { escalations(cultivationId: $id) { id type } }`, { id: cultivationId })).escalations.find((e) => e.type === 'DELAY')?.id,
        30_000,
        'the DELAY escalation of a cultivation past its deadline',
      );
      return { cultivationId, escalationId };
    };

    const districtA = await district('甲');
    const districtB = await district('乙');
    const [streetA1, streetA2, streetB] = await Promise.all([street(districtA), street(districtA), street(districtB)]);
    const [communityA1, communityA2, communityB] = await Promise.all([community(streetA1), community(streetA2), community(streetB)]);
    const [institutionI, institutionJ] = await Promise.all([institution(), institution()]);
    await Promise.all([contract(institutionI, districtA, '2020-01-01', '2099-12-31'), contract(institutionJ, districtB, '2020-01-01', '2099-12-31')]);
    const [contractA, contractB] = await Promise.all([contract(institutionI, districtA, '2019-01-01', '2019-12-31'), contract(institutionJ, districtB, '2019-01-01', '2019-12-31')]);
    const [organizationA1, organizationA2, organizationB] = await Promise.all([organization(communityA1), organization(communityA2), organization(communityB)]);
    const [surveyA1, surveyB] = await Promise.all([survey(communityA1), survey(communityB)]);
    const [cultivationA1, cultivationB] = await Promise.all([cultivate(organizationA1, institutionI), cultivate(organizationB, institutionJ)]);
    const [memberA1, memberB] = await Promise.all([member(organizationA1), member(organizationB)]);
    const [gatewayA, gatewayB, subgraphA, subgraphB] = await Promise.all([
      escalatingCultivation(communityA1, institutionI),
      escalatingCultivation(communityB, institutionJ),
      escalatingCultivation(communityA1, institutionI),
      escalatingCultivation(communityB, institutionJ),
    ]);
    const escalating = (a: typeof gatewayA, b: typeof gatewayB) => ({ cultivationA: a.cultivationId, escalationA: a.escalationId, cultivationB: b.cultivationId, escalationB: b.escalationId });
    const subjectUser = (await createUser('SOCIAL_WORKER', [{ kind: 'INSTITUTION', id: institutionJ }])).id;
    const outcome = async (organizationId: string) =>
      (await mutate<{ recordOutcomeEvaluation: { id: string } }>(`mutation ($input: RecordOutcomeEvaluationInput!) { recordOutcomeEvaluation(input: $input) { id } }`, outcomeEvaluationInput(organizationId)))
        .recordOutcomeEvaluation.id;
    const check = async (organizationId: string) =>
      (await mutate<{ recordFollowUpCheck: { id: string } }>(`mutation ($input: RecordFollowUpCheckInput!) { recordFollowUpCheck(input: $input) { id } }`, followUpCheckInput(organizationId))).recordFollowUpCheck
        .id;
    const [evaluationA1, evaluationB, checkA1, checkB] = await Promise.all([outcome(organizationA1), outcome(organizationB), check(organizationA1), check(organizationB)]);
    world = {
      districtA, streetA1, communityA1, streetA2, communityA2, districtB, streetB, communityB, institutionI, institutionJ, organizationA1, organizationA2, organizationB,
      surveyA1, surveyB, cultivationA1, cultivationB, memberA1, memberB, contractA, contractB, evaluationA1, evaluationB, checkA1, checkB, subjectUser, socialWorker: '',
      escalating: { gateway: escalating(gatewayA, gatewayB), subgraph: escalating(subgraphA, subgraphB) },
    };

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
    world.socialWorker = userIds.SOCIAL_WORKER;
    // The social worker records the evidence of the cultivation assigned to them.
    await mutate(`mutation ($input: AssignSocialWorkersInput!) { assignSocialWorkers(input: $input) { id } }`, { cultivationId: cultivationA1, userIds: [userIds.SOCIAL_WORKER] });
    // Analytics follows the outbox: wait until both districts' cultivations and escalations are counted.
    await eventually(
      async () => {
        const counted = await Promise.all(
          [districtA, districtB].map(async (id) => {
            const d = await admin.data<{ stageFunnel: { count: number }[]; openEscalationCount: number; overdueCount: number }>(
              `query ($id: ID!) { stageFunnel(districtId: $id) { count } openEscalationCount(districtId: $id) overdueCount(districtId: $id) }`,
              { id },
            );
            return d.stageFunnel.some((r) => r.count > 0) && d.openEscalationCount > 0 && d.overdueCount > 0;
          }),
        );
        return counted.every(Boolean) ? true : undefined;
      },
      30_000,
      'the analytics read model to count the new cultivations and escalations',
    );
  }, 180_000);

  // Before the matrix, whose mutations add streets and organizations.
  it('leaves out of nested lists and counts what lies outside: the street officer sees one of district A\'s two streets', async () => {
    const query = `query ($id: ID!) { district(id: $id) { streetCount communityCount organizationCount streets { id } } }`;
    const asStreet = await graphql<{ district: { streetCount: number; communityCount: number; organizationCount: number; streets: { id: string }[] } }>(GATEWAY_URL, query, { id: world.districtA }, tokens.STREET_OFFICER);
    // Community A1 holds organization A1 and the two whose deadlines passed.
    expect(asStreet.data?.district).toEqual({ streetCount: 1, communityCount: 1, organizationCount: 3, streets: [{ id: world.streetA1 }] });
    const asManager = await graphql<{ district: { streetCount: number; communityCount: number; organizationCount: number } }>(GATEWAY_URL, query, { id: world.districtA }, tokens.PROGRAMME_MANAGER);
    expect(asManager.data?.district).toMatchObject({ streetCount: 2, communityCount: 2, organizationCount: 4 });
  });

  for (const path of ['gateway', 'subgraph'] as const) {
    it(`gives every role the expected outcome of every operation, ${path === 'gateway' ? 'through the gateway' : 'directly against each subgraph'}`, async () => {
      const mismatches: string[] = [];
      for (const operation of OPERATIONS) {
        const url = path === 'gateway' ? GATEWAY_URL : SUBGRAPH_URLS[operation.service];
        if (!url) throw new Error(`No URL for ${operation.service}-service in the environment (${operation.service.toUpperCase()}_URL).`);
        const query = path === 'subgraph' && operation.direct ? operation.direct : operation.query;
        for (const { role, side } of refusalsFirst(operation)) {
          const id = operation.target(world, side, path);
          const result = await graphql<Record<string, unknown>>(url, query, operation.variables ? operation.variables(id, world) : { id }, tokens[role]);
          let outcome = outcomeOf(operation, result, id);
          // Directly, an entity reference outside the scopes is FORBIDDEN or, for a nested list or count
          // of another service, simply empty: both keep it out.
          if (path === 'subgraph' && operation.direct && operation.expected[role][side] === 'FORBIDDEN' && outcome === 'hidden') outcome = 'FORBIDDEN';
          if (outcome !== operation.expected[role][side]) mismatches.push(`${operation.name} · ${role} · ${side}: expected ${operation.expected[role][side]}, got ${outcome} ${JSON.stringify(result.errors?.[0] ?? '')}`);
        }
      }
      expect(mismatches).toEqual([]);
    }, 180_000);
  }

  it('covers every query and mutation of every subgraph, each with the service that owns it', () => {
    const missing: string[] = [];
    for (const service of SERVICES) {
      const sdl = subgraphSdl(service);
      const covered = new Set(OPERATIONS.filter((o) => o.service === service).flatMap((o) => rootFields(o.query)));
      for (const definition of sdl.definitions) {
        if ((definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) || !['Query', 'Mutation'].includes(definition.name.value)) continue;
        for (const field of definition.fields ?? []) {
          const name = field.name.value;
          if (name.startsWith('_') || covered.has(name) || name in EXEMPT) continue;
          missing.push(`${service}: ${definition.name.value}.${name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("covers every field a service adds to another's entity, asked of that service directly", () => {
    const missing: string[] = [];
    for (const service of SERVICES) {
      const covered = new Set(OPERATIONS.filter((o) => o.service === service && o.direct).flatMap((o) => entityFields(o.direct!)));
      for (const definition of subgraphSdl(service).definitions) {
        if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
        const owner = ENTITY_OWNERS[definition.name.value];
        if (!owner || owner === service) continue;
        for (const field of definition.fields ?? []) {
          const name = `${definition.name.value}.${field.name.value}`;
          if (field.name.value !== 'id' && !covered.has(name)) missing.push(`${service}: ${name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

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
