import { beforeAll, describe, expect, it } from '@jest/globals';
import { graphql } from '@peiyu/platform-testing';
import { createPlacement, eventually, GATEWAY_URL, signIn, type Caller } from './support.js';

/**
 * The foundation journey through every part: gateway > communities, organizations and cultivation
 * services > Temporal workflow > worker activity > read model > GraphQL.
 */
describe('walking skeleton through the gateway', () => {
  // The journey creates a district of its own, so it runs as an admin (whose scope is the city);
  // the scoped users' view of it is checked at the end.
  let manager: Caller;
  let otherDistrictManager: Caller;
  beforeAll(async () => {
    manager = await signIn('admin');
    otherDistrictManager = await signIn('manager');
  });

  const createOrganizationInNewDistrict = () => createPlacement(manager, '端到端', { newDistrict: true, newInstitution: true });

  const startCultivation = `mutation ($input: StartCultivationInput!) { startCultivation(input: $input) { id workflowId stage status stageDeadline } }`;

  it('starts a cultivation whose missed formation deadline raises a stored, visible DELAY escalation', async () => {
    const { organizationId, institutionId, communityId, districtId, organizationName } = await createOrganizationInNewDistrict();
    const deadline = new Date(Date.now() + 4000);
    const { startCultivation: started } = await manager.data<{ startCultivation: { id: string; workflowId: string; stage: string; status: string; stageDeadline: string } }>(
      startCultivation,
      { input: { organizationId, institutionId, formationDeadline: deadline.toISOString() } },
    );
    expect(started).toMatchObject({ workflowId: `cultivation-${started.id}`, stage: 'FORMATION', status: 'ACTIVE' });
    expect(Date.parse(started.stageDeadline)).toBe(deadline.getTime());

    // Read back across services: the organization, community and institution resolve through federation.
    const cultivationQuery = `query ($id: ID!) {
      cultivation(id: $id) {
        stage status stageDeadline districtId
        organization { id name category }
        community { id name }
        institution { id }
        escalations { type level stage status }
      }
    }`;
    const { cultivation } = await manager.data<{ cultivation: Record<string, unknown> }>(cultivationQuery, { id: started.id });
    expect(cultivation).toMatchObject({
      stage: 'FORMATION',
      status: 'ACTIVE',
      districtId,
      organization: { id: organizationId, name: organizationName, category: 'LIFE_SERVICE' },
      community: { id: communityId, name: '端到端社区' },
      institution: { id: institutionId },
      escalations: [],
    });

    const escalations = await eventually(
      async () => {
        const { cultivation: c } = await manager.data<{ cultivation: { escalations: unknown[] } }>(cultivationQuery, { id: started.id });
        return c.escalations.length > 0 ? c.escalations : undefined;
      },
      20000,
      'the DELAY escalation',
    );
    expect(escalations).toEqual([{ type: 'DELAY', level: 1, stage: 'FORMATION', status: 'OPEN' }]);

    const { escalations: listed } = await manager.data<{ escalations: { type: string; cultivation: { id: string; organization: { name: string } } }[] }>(
      `{ escalations { type cultivation { id organization { name } } } }`,
    );
    expect(listed.filter((e) => e.cultivation.id === started.id)).toEqual([
      { type: 'DELAY', cultivation: { id: started.id, organization: { name: organizationName } } },
    ]);

    // The demo district's programme manager neither lists it nor may open it.
    const { cultivations: theirs } = await otherDistrictManager.data<{ cultivations: { id: string }[] }>(`{ cultivations { id } }`);
    expect(theirs.map((c) => c.id)).not.toContain(started.id);
    const { escalations: theirEscalations } = await otherDistrictManager.data<{ escalations: { cultivationId: string }[] }>(`{ escalations { cultivationId } }`);
    expect(theirEscalations.map((e) => e.cultivationId)).not.toContain(started.id);
    const forbidden = await otherDistrictManager.gql(`query ($id: ID!) { cultivation(id: $id) { id } }`, { id: started.id });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  }, 60000);

  it('refuses bad input with the field named, and writes nothing', async () => {
    const { organizationId, institutionId } = await createOrganizationInNewDistrict();
    const past = await manager.gql(startCultivation, { input: { organizationId, institutionId, formationDeadline: new Date(Date.now() - 60000).toISOString() } });
    expect(past.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'formationDeadline' });

    const unknownOrganization = await manager.gql(startCultivation, {
      input: { organizationId: '00000000-0000-4000-8000-0000000000ff', institutionId, formationDeadline: new Date(Date.now() + 86400000).toISOString() },
    });
    expect(unknownOrganization.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'organizationId' });

    const { cultivations } = await manager.data<{ cultivations: { organization: { id: string } }[] }>(`{ cultivations { organization { id } } }`);
    expect(cultivations.filter((c) => c.organization.id === organizationId)).toEqual([]);

    const unknownCategory = await manager.gql(`mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, {
      input: { name: '未知类别', communityId: '00000000-0000-4000-8000-0000000000fe', category: 'KARAOKE' },
    });
    expect(unknownCategory.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'category' });

    const missingCommunity = await manager.gql(`mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, {
      input: { name: '无社区组织', communityId: '00000000-0000-4000-8000-0000000000fe', category: 'MEDIATION' },
    });
    expect(missingCommunity.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'communityId' });
  }, 30000);

  it('answers NOT_FOUND for an unknown cultivation and UNAUTHENTICATED without or with a bad token', async () => {
    const missing = await manager.gql(`{ cultivation(id: "00000000-0000-4000-8000-0000000000fd") { id } }`);
    expect(missing.errors?.[0].extensions).toEqual({ code: 'NOT_FOUND' });

    const anonymous = await graphql(GATEWAY_URL, `{ cultivations { id } }`);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const forged = await graphql(GATEWAY_URL, `{ cultivations { id } }`, {}, `${manager.token}x`);
    expect(forged.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(forged)).not.toMatch(/stack|at .*\.ts/);
  });

  it('rejects a wrong password without saying which part was wrong', async () => {
    const result = await graphql(GATEWAY_URL, `mutation { signIn(input: { username: "manager", password: "wrong" }) { token } }`);
    expect(result.errors?.[0]).toMatchObject({ message: 'The username or password is wrong.', extensions: { code: 'UNAUTHENTICATED' } });
  });
});
