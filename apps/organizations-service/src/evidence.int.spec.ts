import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Role } from '@peiyu/contracts';
import { chinaCalendarDate, findOrganizationEvidence } from '@peiyu/organizations-data-access';
import { dataOf, graphql, requireDatabaseUrl, startTestApp, tokenFor, uniqueSuffix, type GraphQLResult, type TestApp } from '@peiyu/platform-testing';
import { OrganizationsServiceModule } from './app.module.js';

interface MemberView {
  id: string;
  name: string;
  phone: string | null;
  joinedOn: string;
  leftOn: string | null;
  isLeader: boolean;
}

const MEMBER_FIELDS = 'id name phone joinedOn leftOn isLeader';
const ADD_MEMBER = `mutation ($input: AddMemberInput!) { addMember(input: $input) { ${MEMBER_FIELDS} organizationId } }`;
const MEMBER_LEFT = `mutation ($input: MemberLeftInput!) { memberLeft(input: $input) { ${MEMBER_FIELDS} } }`;
const SET_LEADER = `mutation ($input: SetMemberLeaderInput!) { setMemberLeader(input: $input) { ${MEMBER_FIELDS} } }`;
const RECORD_ACTIVITY = `mutation ($input: RecordActivityInput!) {
  recordActivity(input: $input) { id organizationId kind title heldOn hours participants attendees { id name } }
}`;
const ADOPT_CHARTER = `mutation ($input: AdoptCharterInput!) { adoptCharter(input: $input) { id organizationId adoptedOn text fileReference createdAt } }`;
const RECORD_FILING = `mutation ($input: RecordFilingInput!) { recordFiling(input: $input) { id organizationId number filedOn authority createdAt } }`;

/** The evidence of an organization: members, activities, charter, filing; on organizations-service and the real PostgreSQL. */
describe('organizations-service: evidence', () => {
  let service: TestApp;
  let db: pg.Client;
  let dataSource: DataSource;
  const tokens = {} as Record<Role, string>;
  let communityId: string;

  beforeAll(async () => {
    service = await startTestApp(OrganizationsServiceModule.forDatabase(requireDatabaseUrl()));
    dataSource = service.app.get(DataSource);
    db = new pg.Client({ connectionString: requireDatabaseUrl() });
    await db.connect();
    for (const role of ['ADMIN', 'PROGRAMME_MANAGER', 'STREET_OFFICER', 'INSTITUTION_DIRECTOR', 'SUPERVISOR', 'SOCIAL_WORKER', 'ANALYST'] as const) {
      tokens[role] = await tokenFor(role);
    }
    communityId = await newCommunity();
  });
  afterAll(async () => {
    await db.end();
    await service.close();
  });

  /** A community as communities-service would have written it. */
  async function newCommunity(): Promise<string> {
    const [districtId, streetId, id] = [randomUUID(), randomUUID(), randomUUID()];
    await db.query(`INSERT INTO communities.district (id, name, code, version) VALUES ($1, '证据测试区', $2, 1)`, [districtId, `EVI-${uniqueSuffix()}`]);
    await db.query(`INSERT INTO communities.street (id, district_id, name, version) VALUES ($1, $2, '街道', 1)`, [streetId, districtId]);
    await db.query(`INSERT INTO communities.community (id, street_id, district_id, name, version) VALUES ($1, $2, $3, '社区', 1)`, [id, streetId, districtId]);
    return id;
  }

  async function newOrganization(community = communityId): Promise<string> {
    const create = `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
    const input = { name: `志愿队${uniqueSuffix()}`, communityId: community, category: 'PUBLIC_WELFARE' };
    return dataOf(await graphql<{ createOrganization: { id: string } }>(service.url, create, { input }, tokens.PROGRAMME_MANAGER)).createOrganization.id;
  }

  const call = <T>(query: string, input: Record<string, unknown>, role: Role = 'SOCIAL_WORKER'): Promise<GraphQLResult<T>> =>
    graphql<T>(service.url, query, { input }, tokens[role]);

  async function addMember(organizationId: string, name: string, joinedOn: string, isLeader = false): Promise<string> {
    return dataOf(await call<{ addMember: { id: string } }>(ADD_MEMBER, { organizationId, name, joinedOn, isLeader })).addMember.id;
  }

  async function recordActivity(organizationId: string, kind: string, heldOn: string, hours: number, attendeeIds: string[], participants = 10): Promise<string> {
    const input = { organizationId, kind, title: `${kind} ${heldOn}`, heldOn, hours, participants, attendeeIds };
    return dataOf(await call<{ recordActivity: { id: string } }>(RECORD_ACTIVITY, input)).recordActivity.id;
  }

  async function outboxEvents(organizationId: string): Promise<{ type: string; version: number; payload: Record<string, unknown>; idempotency_key: string }[]> {
    const { rows } = await db.query(
      `SELECT type, version, payload, idempotency_key FROM organizations.outbox WHERE payload->>'organizationId' = $1 AND type = 'organization.evidence-changed' ORDER BY id`,
      [organizationId],
    );
    return rows;
  }

  /** Every row the evidence of one organization has, to show a refused input wrote nothing. */
  async function footprint(organizationId: string): Promise<Record<string, unknown>> {
    const { rows } = await db.query(
      `SELECT
         (SELECT count(*)::int FROM organizations.member WHERE organization_id = $1::uuid) AS members,
         (SELECT count(*)::int FROM organizations.member WHERE organization_id = $1::uuid AND left_on IS NOT NULL) AS former,
         (SELECT count(*)::int FROM organizations.member WHERE organization_id = $1::uuid AND is_leader) AS leaders,
         (SELECT count(*)::int FROM organizations.activity WHERE organization_id = $1::uuid) AS activities,
         (SELECT count(*)::int FROM organizations.activity_attendee t JOIN organizations.activity a ON a.id = t.activity_id WHERE a.organization_id = $1::uuid) AS attendance,
         (SELECT count(*)::int FROM organizations.charter WHERE organization_id = $1::uuid) AS charters,
         (SELECT count(*)::int FROM organizations.filing WHERE organization_id = $1::uuid) AS filings,
         (SELECT status FROM organizations.organization WHERE id = $1::uuid) AS status,
         (SELECT count(*)::int FROM organizations.outbox WHERE payload->>'organizationId' = $1::uuid::text) AS events`,
      [organizationId],
    );
    return rows[0];
  }

  const errorOf = (result: GraphQLResult<unknown>) => result.errors?.[0].extensions;
  const tomorrow = () => chinaCalendarDate(new Date(Date.now() + 24 * 60 * 60 * 1000));

  it('adds members, records who left and who leads, lists current or all members, each change with its outbox event', async () => {
    const organizationId = await newOrganization();
    const { addMember: wang } = dataOf(
      await call<{ addMember: MemberView & { organizationId: string } }>(ADD_MEMBER, { organizationId, name: ' 王阿姨 ', phone: '138-0013-8000', joinedOn: '2025-03-01', isLeader: true }),
    );
    expect(wang).toEqual({ id: expect.any(String), organizationId, name: '王阿姨', phone: '138-0013-8000', joinedOn: '2025-03-01', leftOn: null, isLeader: true });
    const liId = await addMember(organizationId, '李叔', '2025-04-01');

    const { memberLeft } = dataOf(await call<{ memberLeft: MemberView }>(MEMBER_LEFT, { memberId: liId, leftOn: '2025-06-30' }, 'SUPERVISOR'));
    expect(memberLeft).toMatchObject({ id: liId, leftOn: '2025-06-30', isLeader: false });
    const { setMemberLeader } = dataOf(await call<{ setMemberLeader: MemberView }>(SET_LEADER, { memberId: wang.id, isLeader: false }, 'INSTITUTION_DIRECTOR'));
    expect(setMemberLeader.isLeader).toBe(false);
    dataOf(await call(SET_LEADER, { memberId: wang.id, isLeader: true }, 'PROGRAMME_MANAGER'));
    // Setting what is already so changes nothing and announces nothing.
    dataOf(await call(SET_LEADER, { memberId: wang.id, isLeader: true }));

    const read = `query ($id: ID!) { organization(id: $id) { current: members { id isLeader } all: members(includeFormer: true) { id leftOn } } }`;
    const { organization } = dataOf(
      await graphql<{ organization: { current: { id: string; isLeader: boolean }[]; all: { id: string; leftOn: string | null }[] } }>(
        service.url,
        read,
        { id: organizationId },
        tokens.ANALYST,
      ),
    );
    expect(organization.current).toEqual([{ id: wang.id, isLeader: true }]);

    // Analysts never see who the residents are: names and phones are masked for them only.
    const people = `query ($id: ID!) { organization(id: $id) { members { name phone } } }`;
    const asAnalyst = dataOf(await graphql<{ organization: { members: { name: string; phone: string | null }[] } }>(service.url, people, { id: organizationId }, tokens.ANALYST));
    expect(asAnalyst.organization.members).toEqual([{ name: '王**', phone: '138****8000' }]);
    const asWorker = dataOf(await graphql<{ organization: { members: { name: string; phone: string | null }[] } }>(service.url, people, { id: organizationId }, tokens.SOCIAL_WORKER));
    expect(asWorker.organization.members).toEqual([{ name: '王阿姨', phone: '138-0013-8000' }]);
    expect(organization.all).toEqual([
      { id: wang.id, leftOn: null },
      { id: liId, leftOn: '2025-06-30' },
    ]);

    const events = await outboxEvents(organizationId);
    expect(events.map((e) => e.idempotency_key)).toEqual([
      `evidence:members:${wang.id}:added`,
      `evidence:members:${liId}:added`,
      `evidence:members:${liId}:left`,
      `evidence:members:${wang.id}:leader-v2`,
      `evidence:members:${wang.id}:leader-v3`,
    ]);
    for (const event of events) {
      expect(event).toMatchObject({ type: 'organization.evidence-changed', version: 1, payload: { organizationId, evidence: 'MEMBERS', at: expect.any(String) } });
      expect(Object.keys(event.payload).sort()).toEqual(['at', 'evidence', 'organizationId']);
      expect(new Date(event.payload.at as string).toISOString()).toBe(event.payload.at);
    }
  });

  it('records activities with their attendees and lists them newest first, with the outbox event', async () => {
    const organizationId = await newOrganization();
    const zhang = await addMember(organizationId, '张三', '2025-01-01');
    const chen = await addMember(organizationId, '陈四', '2025-01-01', true);
    const input = { organizationId, kind: 'TRAINING', title: '骨干培训：活动策划', heldOn: '2025-05-10', hours: 2.5, participants: 12, attendeeIds: [zhang, chen] };
    const { recordActivity: training } = dataOf(
      await call<{ recordActivity: { id: string; attendees: { id: string; name: string }[] } }>(RECORD_ACTIVITY, input),
    );
    expect(training).toEqual({
      id: expect.any(String),
      organizationId,
      kind: 'TRAINING',
      title: '骨干培训：活动策划',
      heldOn: '2025-05-10',
      hours: 2.5,
      participants: 12,
      attendees: [
        { id: zhang, name: '张三' },
        { id: chen, name: '陈四' },
      ],
    });
    const later = await recordActivity(organizationId, 'SERVICE', '2025-07-01', 3, []);
    const earlier = await recordActivity(organizationId, 'INTEREST_ACTIVITY', '2025-02-01', 1.25, [chen]);

    const read = `query ($id: ID!) { organization(id: $id) { activities { id hours attendees { id } } } }`;
    const { organization } = dataOf(await graphql<{ organization: { activities: { id: string; hours: number; attendees: { id: string }[] }[] } }>(service.url, read, { id: organizationId }, tokens.ANALYST));
    expect(organization.activities).toEqual([
      { id: later, hours: 3, attendees: [] },
      { id: training.id, hours: 2.5, attendees: [{ id: zhang }, { id: chen }] },
      { id: earlier, hours: 1.25, attendees: [{ id: chen }] },
    ]);

    const events = await outboxEvents(organizationId);
    expect(events.filter((e) => e.payload.evidence === 'ACTIVITIES').map((e) => e.idempotency_key)).toEqual([
      `evidence:activities:${training.id}:recorded`,
      `evidence:activities:${later}:recorded`,
      `evidence:activities:${earlier}:recorded`,
    ]);
  });

  it('adopts a charter, and re-adopting replaces it while keeping the old one as history', async () => {
    const organizationId = await newOrganization();
    const read = `query ($id: ID!) { organization(id: $id) { charter { id adoptedOn text fileReference } } }`;
    expect(dataOf(await graphql<{ organization: { charter: null } }>(service.url, read, { id: organizationId }, tokens.ANALYST)).organization.charter).toBeNull();

    const { adoptCharter: first } = dataOf(await call<{ adoptCharter: { id: string } }>(ADOPT_CHARTER, { organizationId, adoptedOn: '2025-03-01', text: '第一条 本会名称为……' }));
    expect(first).toEqual({ id: expect.any(String), organizationId, adoptedOn: '2025-03-01', text: '第一条 本会名称为……', fileReference: null, createdAt: expect.any(String) });
    const { adoptCharter: second } = dataOf(
      await call<{ adoptCharter: { id: string } }>(ADOPT_CHARTER, { organizationId, adoptedOn: '2025-09-01', fileReference: 'archive://charters/2025-09.pdf' }, 'SUPERVISOR'),
    );

    const { organization } = dataOf(await graphql<{ organization: { charter: unknown } }>(service.url, read, { id: organizationId }, tokens.ANALYST));
    expect(organization.charter).toEqual({ id: second.id, adoptedOn: '2025-09-01', text: null, fileReference: 'archive://charters/2025-09.pdf' });
    const { rows } = await db.query(`SELECT id, superseded_at IS NOT NULL AS superseded FROM organizations.charter WHERE organization_id = $1 ORDER BY adopted_on`, [organizationId]);
    expect(rows).toEqual([
      { id: first.id, superseded: true },
      { id: second.id, superseded: false },
    ]);
    expect((await outboxEvents(organizationId)).map((e) => [e.idempotency_key, e.payload.evidence])).toEqual([
      [`evidence:charter:${first.id}:adopted`, 'CHARTER'],
      [`evidence:charter:${second.id}:adopted`, 'CHARTER'],
    ]);
  });

  it('records the filing once, making the organization FILED, with its outbox event', async () => {
    const organizationId = await newOrganization();
    const number = `幸福街道备字第${uniqueSuffix()}号`;
    const input = { organizationId, number, filedOn: '2025-10-08', authority: '幸福街道办事处' };
    const { recordFiling } = dataOf(await call<{ recordFiling: { id: string } }>(RECORD_FILING, input, 'STREET_OFFICER'));
    expect(recordFiling).toEqual({ id: expect.any(String), ...input, createdAt: expect.any(String) });

    const read = `query ($id: ID!) { organization(id: $id) { status filing { id number filedOn authority } } }`;
    const { organization } = dataOf(await graphql<{ organization: unknown }>(service.url, read, { id: organizationId }, tokens.ANALYST));
    expect(organization).toEqual({ status: 'FILED', filing: { id: recordFiling.id, number, filedOn: '2025-10-08', authority: '幸福街道办事处' } });
    expect((await outboxEvents(organizationId)).map((e) => [e.idempotency_key, e.payload.evidence])).toEqual([[`evidence:filing:${recordFiling.id}:recorded`, 'FILING']]);

    const before = await footprint(organizationId);
    const again = await call(RECORD_FILING, { ...input, number: `${number}-2` }, 'PROGRAMME_MANAGER');
    expect(errorOf(again)).toEqual({ code: 'BAD_USER_INPUT', field: 'organizationId' });
    // Another organization cannot carry the same number from the same authority.
    const other = await newOrganization();
    const duplicate = await call(RECORD_FILING, { ...input, organizationId: other }, 'STREET_OFFICER');
    expect(errorOf(duplicate)).toEqual({ code: 'BAD_USER_INPUT', field: 'number' });
    expect(await footprint(organizationId)).toEqual(before);
    expect(await footprint(other)).toMatchObject({ filings: 0, status: 'FORMING', events: 1 });
  });

  it('refuses bad evidence naming the field, writing nothing', async () => {
    const organizationId = await newOrganization();
    const otherOrganization = await newOrganization();
    const member = await addMember(organizationId, '赵五', '2025-03-01');
    const outsider = await addMember(otherOrganization, '钱六', '2025-01-01');
    await recordActivity(organizationId, 'MEETING', '2025-05-01', 1, [member]);
    dataOf(await call(ADOPT_CHARTER, { organizationId, adoptedOn: '2025-04-01', text: '章程' }));
    const before = await footprint(organizationId);
    const unknown = randomUUID();
    const activity = { organizationId, kind: 'SERVICE', title: '义剪', heldOn: '2025-06-01', hours: 2, participants: 5, attendeeIds: [member] };

    const cases: [string, string, Record<string, unknown>, string][] = [
      ['addMember: blank name', ADD_MEMBER, { organizationId, name: '  ', joinedOn: '2025-01-01' }, 'name'],
      ['addMember: joined tomorrow', ADD_MEMBER, { organizationId, name: '孙七', joinedOn: tomorrow() }, 'joinedOn'],
      ['addMember: no such day', ADD_MEMBER, { organizationId, name: '孙七', joinedOn: '2025-02-30' }, 'joinedOn'],
      ['addMember: not a date', ADD_MEMBER, { organizationId, name: '孙七', joinedOn: '1 March' }, 'joinedOn'],
      ['addMember: bad phone', ADD_MEMBER, { organizationId, name: '孙七', joinedOn: '2025-01-01', phone: 'call me' }, 'phone'],
      ['addMember: unknown organization', ADD_MEMBER, { organizationId: unknown, name: '孙七', joinedOn: '2025-01-01' }, 'organizationId'],
      ['addMember: organizationId not a UUID', ADD_MEMBER, { organizationId: 'org-1', name: '孙七', joinedOn: '2025-01-01' }, 'organizationId'],
      ['memberLeft: before joining', MEMBER_LEFT, { memberId: member, leftOn: '2025-02-28' }, 'leftOn'],
      ['memberLeft: before an activity attended', MEMBER_LEFT, { memberId: member, leftOn: '2025-05-01' }, 'leftOn'],
      ['memberLeft: tomorrow', MEMBER_LEFT, { memberId: member, leftOn: tomorrow() }, 'leftOn'],
      ['memberLeft: unknown member', MEMBER_LEFT, { memberId: unknown, leftOn: '2025-06-01' }, 'memberId'],
      ['setMemberLeader: unknown member', SET_LEADER, { memberId: unknown, isLeader: true }, 'memberId'],
      ['recordActivity: member of another organization', RECORD_ACTIVITY, { ...activity, attendeeIds: [member, outsider] }, 'attendeeIds'],
      ['recordActivity: unknown attendee', RECORD_ACTIVITY, { ...activity, attendeeIds: [unknown] }, 'attendeeIds'],
      ['recordActivity: attendee not yet a member', RECORD_ACTIVITY, { ...activity, heldOn: '2025-02-01' }, 'attendeeIds'],
      ['recordActivity: attendee twice', RECORD_ACTIVITY, { ...activity, attendeeIds: [member, member] }, 'attendeeIds'],
      ['recordActivity: no hours', RECORD_ACTIVITY, { ...activity, hours: 0 }, 'hours'],
      ['recordActivity: over a day', RECORD_ACTIVITY, { ...activity, hours: 24.5 }, 'hours'],
      ['recordActivity: three decimals', RECORD_ACTIVITY, { ...activity, hours: 1.125 }, 'hours'],
      ['recordActivity: negative participants', RECORD_ACTIVITY, { ...activity, participants: -1 }, 'participants'],
      ['recordActivity: fewer participants than attendees', RECORD_ACTIVITY, { ...activity, participants: 0 }, 'participants'],
      ['recordActivity: unknown kind', RECORD_ACTIVITY, { ...activity, kind: 'PARTY' }, 'kind'],
      ['recordActivity: blank title', RECORD_ACTIVITY, { ...activity, title: '' }, 'title'],
      ['recordActivity: held tomorrow', RECORD_ACTIVITY, { ...activity, heldOn: tomorrow() }, 'heldOn'],
      ['recordActivity: unknown organization', RECORD_ACTIVITY, { ...activity, organizationId: unknown }, 'organizationId'],
      ['adoptCharter: neither text nor file', ADOPT_CHARTER, { organizationId, adoptedOn: '2025-05-01' }, 'text'],
      ['adoptCharter: before the charter in force', ADOPT_CHARTER, { organizationId, adoptedOn: '2025-03-31', text: '新章程' }, 'adoptedOn'],
      ['adoptCharter: tomorrow', ADOPT_CHARTER, { organizationId, adoptedOn: tomorrow(), text: '新章程' }, 'adoptedOn'],
      ['adoptCharter: unknown organization', ADOPT_CHARTER, { organizationId: unknown, adoptedOn: '2025-05-01', text: '章程' }, 'organizationId'],
      ['recordFiling: filed tomorrow', RECORD_FILING, { organizationId, number: 'N-1', filedOn: tomorrow(), authority: '街道' }, 'filedOn'],
      ['recordFiling: blank authority', RECORD_FILING, { organizationId, number: 'N-1', filedOn: '2025-06-01', authority: ' ' }, 'authority'],
      ['recordFiling: blank number', RECORD_FILING, { organizationId, number: '', filedOn: '2025-06-01', authority: '街道' }, 'number'],
      ['recordFiling: unknown organization', RECORD_FILING, { organizationId: unknown, number: 'N-1', filedOn: '2025-06-01', authority: '街道' }, 'organizationId'],
    ];
    const outcomes: [string, unknown][] = [];
    for (const [label, mutation, input] of cases) {
      const result = await call(mutation, input, 'PROGRAMME_MANAGER');
      outcomes.push([label, errorOf(result)]);
      expect(result.data ?? null).toBeNull();
    }
    expect(outcomes).toEqual(cases.map(([label, , , field]) => [label, { code: 'BAD_USER_INPUT', field }]));

    // A former member cannot lead, nor leave twice.
    dataOf(await call(MEMBER_LEFT, { memberId: member, leftOn: '2025-06-15' }));
    const afterLeaving = await footprint(organizationId);
    expect(errorOf(await call(SET_LEADER, { memberId: member, isLeader: true }))).toEqual({ code: 'BAD_USER_INPUT', field: 'memberId' });
    expect(errorOf(await call(MEMBER_LEFT, { memberId: member, leftOn: '2025-06-20' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'memberId' });
    expect(errorOf(await call(RECORD_ACTIVITY, { ...activity, heldOn: '2025-06-15' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'attendeeIds' });

    expect(afterLeaving).toEqual({ ...before, former: 1, events: (before.events as number) + 1 });
    expect(await footprint(organizationId)).toEqual(afterLeaving);
    expect(await footprint(otherOrganization)).toMatchObject({ members: 1, activities: 0, events: 2 });
    // A queried id that names nothing is NOT_FOUND, not a server fault.
    expect(errorOf(await graphql(service.url, `{ organization(id: "not-an-id") { id } }`, {}, tokens.ANALYST))).toEqual({ code: 'NOT_FOUND' });
  });

  it('lets only the recording roles record evidence and only the street office or the manager record a filing; any signed-in user reads', async () => {
    const organizationId = await newOrganization();
    const member = { organizationId, name: '周八', joinedOn: '2025-01-01' };
    for (const role of ['SOCIAL_WORKER', 'SUPERVISOR', 'INSTITUTION_DIRECTOR', 'PROGRAMME_MANAGER', 'ADMIN'] as const) {
      dataOf(await call(ADD_MEMBER, member, role));
    }
    for (const role of ['STREET_OFFICER', 'ANALYST'] as const) {
      expect(errorOf(await call(ADD_MEMBER, member, role))).toEqual({ code: 'FORBIDDEN' });
      expect(errorOf(await call(RECORD_ACTIVITY, { organizationId, kind: 'SERVICE', title: '义诊', heldOn: '2025-02-01', hours: 1, participants: 1 }, role))).toEqual({ code: 'FORBIDDEN' });
      expect(errorOf(await call(ADOPT_CHARTER, { organizationId, adoptedOn: '2025-02-01', text: '章程' }, role))).toEqual({ code: 'FORBIDDEN' });
    }
    const [someone] = (await db.query(`SELECT id FROM organizations.member WHERE organization_id = $1 LIMIT 1`, [organizationId])).rows as { id: string }[];
    expect(errorOf(await call(MEMBER_LEFT, { memberId: someone.id, leftOn: '2025-02-01' }, 'ANALYST'))).toEqual({ code: 'FORBIDDEN' });
    expect(errorOf(await call(SET_LEADER, { memberId: someone.id, isLeader: true }, 'STREET_OFFICER'))).toEqual({ code: 'FORBIDDEN' });

    const filing = { organizationId, number: `备${uniqueSuffix()}`, filedOn: '2025-06-01', authority: '街道办' };
    for (const role of ['SOCIAL_WORKER', 'SUPERVISOR', 'INSTITUTION_DIRECTOR', 'ANALYST'] as const) {
      expect(errorOf(await call(RECORD_FILING, filing, role))).toEqual({ code: 'FORBIDDEN' });
    }
    expect(await footprint(organizationId)).toMatchObject({ members: 5, activities: 0, charters: 0, filings: 0, status: 'FORMING', events: 6 });
    dataOf(await call(RECORD_FILING, filing, 'ADMIN'));

    const read = `query ($id: ID!) { organization(id: $id) { members { id } activities { id } charter { id } filing { id } } }`;
    expect(errorOf(await graphql(service.url, read, { id: organizationId }))).toEqual({ code: 'UNAUTHENTICATED' });
    const { organization } = dataOf(await graphql<{ organization: { members: unknown[] } }>(service.url, read, { id: organizationId }, tokens.ANALYST));
    expect(organization.members).toHaveLength(5);
  });

  it('lists the evidence of many organizations in a bounded number of queries', async () => {
    const community = await newCommunity();
    const read = `query ($c: ID) { organizations(communityId: $c) {
      id members(includeFormer: true) { id } current: members { id } activities { id attendees { id } } charter { id } filing { id }
    } }`;
    const populate = async (organizationId: string, n: number) => {
      const a = await addMember(organizationId, `甲${n}`, '2025-01-01', true);
      const b = await addMember(organizationId, `乙${n}`, '2025-01-01');
      await recordActivity(organizationId, 'TRAINING', '2025-02-01', 2, [a, b]);
      await recordActivity(organizationId, 'MEETING', '2025-03-01', 1, [a]);
      dataOf(await call(ADOPT_CHARTER, { organizationId, adoptedOn: '2025-03-01', text: '章程' }));
      dataOf(await call(RECORD_FILING, { organizationId, number: `备${uniqueSuffix()}`, filedOn: '2025-04-01', authority: '街道办' }, 'STREET_OFFICER'));
    };
    await populate(await newOrganization(community), 1);
    const queriesForOne = await countQueries(() => graphql(service.url, read, { c: community }, tokens.ANALYST));
    for (let n = 2; n <= 4; n++) await populate(await newOrganization(community), n);
    let listed: { organizations: { members: unknown[]; activities: { attendees: unknown[] }[] }[] } | undefined;
    const queriesForFour = await countQueries(async () => {
      listed = dataOf(await graphql<NonNullable<typeof listed>>(service.url, read, { c: community }, tokens.ANALYST));
    });
    expect(listed?.organizations).toHaveLength(4);
    expect(listed?.organizations.every((o) => o.members.length === 2 && o.activities.length === 2 && o.activities[0].attendees.length > 0)).toBe(true);
    expect(queriesForFour).toBe(queriesForOne);
    // organizations, members twice (all and current), activities, attendees, charter, filing: one query each.
    expect(queriesForOne).toBe(7);
  });

  /** The SQL statements the service's connections run while `fn` runs (this test's own client runs none meanwhile). */
  async function countQueries(fn: () => Promise<unknown>): Promise<number> {
    const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
    const original = prototype.query;
    let count = 0;
    prototype.query = function (this: unknown, ...args: unknown[]) {
      count += 1;
      return original.apply(this, args);
    };
    try {
      await fn();
    } finally {
      prototype.query = original;
    }
    return count;
  }

  describe('findOrganizationEvidence', () => {
    let organizationId: string;
    const filingNumber = `备字${uniqueSuffix()}`;

    /**
     * Members: A (joined 01-05, leader), B (01-05, made leader later), C (02-10, left 04-20),
     * D (03-01, leader, left 05-15), E (06-01). Activities of 2025, with attendees:
     *   1 INTEREST_ACTIVITY 01-10 2h   A B        4 TRAINING 03-10 2.5h A D
     *   2 RECRUITMENT       01-20 1.5h A          5 MEETING  04-05 1h   A B C D
     *   3 TRAINING          02-15 3h   A B C      6 SERVICE  06-10 4h   A E
     *                                            7 TRAINING 06-20 2h   B E
     * Charter adopted 03-01, re-adopted 05-01; filed 06-15.
     */
    beforeAll(async () => {
      organizationId = await newOrganization();
      const a = await addMember(organizationId, 'A', '2025-01-05', true);
      const b = await addMember(organizationId, 'B', '2025-01-05');
      const c = await addMember(organizationId, 'C', '2025-02-10');
      const d = await addMember(organizationId, 'D', '2025-03-01', true);
      const e = await addMember(organizationId, 'E', '2025-06-01');
      await recordActivity(organizationId, 'INTEREST_ACTIVITY', '2025-01-10', 2, [a, b], 20);
      await recordActivity(organizationId, 'RECRUITMENT', '2025-01-20', 1.5, [a], 30);
      await recordActivity(organizationId, 'TRAINING', '2025-02-15', 3, [a, b, c], 5);
      await recordActivity(organizationId, 'TRAINING', '2025-03-10', 2.5, [a, d], 4);
      await recordActivity(organizationId, 'MEETING', '2025-04-05', 1, [a, b, c, d], 4);
      await recordActivity(organizationId, 'SERVICE', '2025-06-10', 4, [a, e], 50);
      await recordActivity(organizationId, 'TRAINING', '2025-06-20', 2, [b, e], 3);
      dataOf(await call(SET_LEADER, { memberId: b, isLeader: true }));
      dataOf(await call(MEMBER_LEFT, { memberId: c, leftOn: '2025-04-20' }));
      dataOf(await call(MEMBER_LEFT, { memberId: d, leftOn: '2025-05-15' }));
      dataOf(await call(ADOPT_CHARTER, { organizationId, adoptedOn: '2025-03-01', text: '章程（草案）' }));
      dataOf(await call(ADOPT_CHARTER, { organizationId, adoptedOn: '2025-05-01', text: '章程（修订）' }));
      dataOf(await call(RECORD_FILING, { organizationId, number: filingNumber, filedOn: '2025-06-15', authority: '幸福街道办事处' }, 'STREET_OFFICER'));
    });

    it('counts the evidence as of now', async () => {
      expect(await findOrganizationEvidence(dataSource, organizationId)).toEqual({
        organizationId,
        activeMembers: 3, // A B E; C and D left
        activeLeaders: 2, // A B
        activitiesByKind: { INTEREST_ACTIVITY: 1, RECRUITMENT: 1, TRAINING: 3, MEETING: 1, SERVICE: 1 },
        leaderTrainingHours: 10.5, // 3h × (A B) + 2.5h × (A; D left) + 2h × (B)
        activityMonths: ['2025-01', '2025-02', '2025-03', '2025-04', '2025-06'],
        lastActivityOn: '2025-06-20',
        charterAdoptedOn: '2025-05-01',
        filing: { number: filingNumber, filedOn: '2025-06-15', authority: '幸福街道办事处' },
      });
    });

    it('counts the evidence as of a day in the past', async () => {
      expect(await findOrganizationEvidence(dataSource, organizationId, new Date('2025-03-31T12:00:00+08:00'))).toEqual({
        organizationId,
        activeMembers: 4, // A B C D
        activeLeaders: 3, // A B D: leaders now, and active then
        activitiesByKind: { INTEREST_ACTIVITY: 1, RECRUITMENT: 1, TRAINING: 2, MEETING: 0, SERVICE: 0 },
        leaderTrainingHours: 8.5, // 3h × (A B) + 2.5h × (A)
        activityMonths: ['2025-01', '2025-02', '2025-03'],
        lastActivityOn: '2025-03-10',
        charterAdoptedOn: '2025-03-01',
        filing: null,
      });
    });

    it('takes the day of asOf in China: a member who left that day no longer counts', async () => {
      // 2025-04-19T16:30Z is already 2025-04-20 in China, the day C left.
      const evidence = await findOrganizationEvidence(dataSource, organizationId, new Date('2025-04-19T16:30:00Z'));
      expect(evidence).toMatchObject({ activeMembers: 3, activeLeaders: 3, lastActivityOn: '2025-04-05', charterAdoptedOn: '2025-03-01' });
      const dayBefore = await findOrganizationEvidence(dataSource, organizationId, new Date('2025-04-19T15:30:00Z'));
      expect(dayBefore.activeMembers).toBe(4);
    });

    it('has nothing before the first member joined, nor for an unknown organization', async () => {
      const empty = {
        activeMembers: 0,
        activeLeaders: 0,
        activitiesByKind: { INTEREST_ACTIVITY: 0, RECRUITMENT: 0, TRAINING: 0, MEETING: 0, SERVICE: 0 },
        leaderTrainingHours: 0,
        activityMonths: [],
        lastActivityOn: null,
        charterAdoptedOn: null,
        filing: null,
      };
      expect(await findOrganizationEvidence(dataSource, organizationId, new Date('2025-01-01T12:00:00+08:00'))).toEqual({ organizationId, ...empty });
      const unknown = randomUUID();
      expect(await findOrganizationEvidence(dataSource, unknown)).toEqual({ organizationId: unknown, ...empty });
    });
  });
});
