import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import type { Role } from '@peiyu/contracts';
import { chinaCalendarDate } from '@peiyu/organizations-data-access';
import { CsvParser } from '@peiyu/platform-csv';
import { dataOf, graphql, requireDatabaseUrl, startTestApp, tokenFor, uniqueSuffix, type TestApp } from '@peiyu/platform-testing';
import { OrganizationsServiceModule } from './app.module.js';

interface MemberView {
  name: string;
  phone: string | null;
  joinedOn: string;
  isLeader: boolean;
}

/** `POST /imports/members`: an organization's members from a CSV file, all or nothing, on the real PostgreSQL. */
describe('organizations-service: member import (CSV)', () => {
  let service: TestApp;
  let base: string;
  let db: pg.Client;
  const tokens = {} as Record<Role, string>;
  let communityId: string;

  beforeAll(async () => {
    service = await startTestApp(OrganizationsServiceModule.forDatabase(requireDatabaseUrl()));
    base = service.url.replace(/\/graphql$/, '');
    db = new pg.Client({ connectionString: requireDatabaseUrl() });
    await db.connect();
    for (const role of ['PROGRAMME_MANAGER', 'SOCIAL_WORKER', 'ANALYST', 'STREET_OFFICER'] as const) tokens[role] = await tokenFor(role);
    const [districtId, streetId] = [randomUUID(), randomUUID()];
    communityId = randomUUID();
    await db.query(`INSERT INTO communities.district (id, name, code, version) VALUES ($1, '导入测试区', $2, 1)`, [districtId, `IMP-${uniqueSuffix()}`]);
    await db.query(`INSERT INTO communities.street (id, district_id, name, version) VALUES ($1, $2, '街道', 1)`, [streetId, districtId]);
    await db.query(`INSERT INTO communities.community (id, street_id, district_id, name, version) VALUES ($1, $2, $3, '社区', 1)`, [communityId, streetId, districtId]);
  });
  afterAll(async () => {
    await db.end();
    await service.close();
  });

  async function newOrganization(): Promise<string> {
    const create = `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
    const input = { name: `导入队${uniqueSuffix()}`, communityId, category: 'PUBLIC_WELFARE' };
    return dataOf(await graphql<{ createOrganization: { id: string } }>(service.url, create, { input }, tokens.PROGRAMME_MANAGER)).createOrganization.id;
  }

  async function upload(organizationId: string, body: string | Uint8Array | ReadableStream<Uint8Array>, token: string | null = tokens.SOCIAL_WORKER, contentType = 'text/csv; charset=utf-8') {
    const res = await fetch(`${base}/imports/members?organizationId=${organizationId}`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
      duplex: 'half',
    } as RequestInit);
    return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as Record<string, unknown> };
  }

  async function members(organizationId: string): Promise<MemberView[]> {
    const query = `query ($id: ID!) { organization(id: $id) { members { name phone joinedOn isLeader } } }`;
    const data = dataOf(await graphql<{ organization: { members: MemberView[] } }>(service.url, query, { id: organizationId }, tokens.SOCIAL_WORKER));
    return [...data.organization.members].sort((a, b) => a.name.localeCompare(b.name));
  }

  async function footprint(organizationId: string): Promise<{ members: number; events: number }> {
    const { rows } = await db.query(
      `SELECT (SELECT count(*)::int FROM organizations.member WHERE organization_id = $1::uuid) AS members,
              (SELECT count(*)::int FROM organizations.outbox WHERE payload->>'organizationId' = $1::uuid::text AND type = 'organization.evidence-changed') AS events`,
      [organizationId],
    );
    return rows[0];
  }

  it('imports a good file, columns in any order, readable through GraphQL, with one evidence event for the whole import', async () => {
    const organizationId = await newOrganization();
    const before = await footprint(organizationId);
    const csv = ['is_leader,joined_on,phone,name', '是,2025-01-02,138-0000-0001,张三', 'false,2025-01-03,,李四', '1,2025-02-01,+8613900000000,王五', '0,2025-03-01,,赵六', ''].join('\n');
    const res = await upload(organizationId, csv);
    expect(res).toMatchObject({ status: 200, body: { imported: 4 } });
    expect(res.type).toMatch(/application\/json/);
    expect(await members(organizationId)).toEqual(
      [
        { name: '张三', phone: '138-0000-0001', joinedOn: '2025-01-02', isLeader: true },
        { name: '李四', phone: null, joinedOn: '2025-01-03', isLeader: false },
        { name: '王五', phone: '+8613900000000', joinedOn: '2025-02-01', isLeader: true },
        { name: '赵六', phone: null, joinedOn: '2025-03-01', isLeader: false },
      ].sort((a, b) => a.name.localeCompare(b.name)),
    );
    const { rows } = await db.query(
      `SELECT payload FROM organizations.outbox WHERE payload->>'organizationId' = $1 AND type = 'organization.evidence-changed' ORDER BY id`,
      [organizationId],
    );
    expect(rows).toHaveLength(before.events + 1);
    expect(rows[rows.length - 1].payload).toMatchObject({ organizationId, evidence: 'MEMBERS' });
  });

  it('imports more rows than one batch in one transaction', async () => {
    const organizationId = await newOrganization();
    const lines = ['name,joined_on'];
    for (let i = 1; i <= 1234; i += 1) lines.push(`成员${i},2025-01-01`);
    expect(await upload(organizationId, lines.join('\r\n'))).toMatchObject({ status: 200, body: { imported: 1234 } });
    expect(await footprint(organizationId)).toMatchObject({ members: 1234, events: 1 });
  });

  it('refuses a file with bad rows, reporting every one by line and column, and writes nothing', async () => {
    const organizationId = await newOrganization();
    const tomorrow = chinaCalendarDate(new Date(Date.now() + 24 * 60 * 60 * 1000));
    const good = Array.from({ length: 600 }, (_, i) => `好人${i},,2025-01-01,否`);
    const csv = [
      'name,phone,joined_on,is_leader', // 1
      ...good, // 2..601: more than a batch, so some were written before the first bad row
      ',123,2025-01-01,true', // 602: no name
      '甲,abc,2025-13-01,maybe', // 603: phone, date, leader all bad
      `乙,,${tomorrow},`, // 604: future
      '丙,,2025-01-01', // 605: too few fields
      '丁,,,', // 606: no joined_on
      '"戊,多行\n第二行",,2025-02-30,是', // 607-608: a quoted name over two lines, impossible date
      '己,,2025-01-01,true', // 609: good
    ].join('\n');
    const res = await upload(organizationId, csv);
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      imported: 0,
      errors: [
        { line: 602, column: 'name', message: 'name is required' },
        { line: 603, column: 'phone', message: expect.any(String) },
        { line: 603, column: 'joined_on', message: expect.stringContaining('YYYY-MM-DD') },
        { line: 603, column: 'is_leader', message: expect.any(String) },
        { line: 604, column: 'joined_on', message: expect.stringContaining('future') },
        { line: 605, column: null, message: expect.stringContaining('expected 4 fields') },
        { line: 606, column: 'joined_on', message: 'joined_on is required' },
        { line: 607, column: 'joined_on', message: expect.stringContaining('YYYY-MM-DD') },
      ],
    });
    expect(await footprint(organizationId)).toEqual({ members: 0, events: 0 });
  });

  it('caps the error list and says how many more there were', async () => {
    const organizationId = await newOrganization();
    const csv = ['name,joined_on', ...Array.from({ length: 1200 }, () => ',2025-01-01')].join('\n');
    const res = await upload(organizationId, csv);
    expect(res.status).toBe(422);
    expect((res.body.errors as unknown[]).length).toBe(1000);
    expect(res.body.moreErrors).toBe(200);
  });

  it('reads quoted fields with commas, line breaks and quotes, a BOM and CRLF line ends', async () => {
    const organizationId = await newOrganization();
    const csv = '\uFEFFname,joined_on,is_leader\r\n"Smith, John",2025-01-01,TRUE\r\n"他说""你好""",2025-01-02,否\r\n"两\r\n行",2025-01-03,\r\n';
    // Streamed 3 bytes at a time, so characters, quotes and CRLFs are split across chunks.
    const bytes = new TextEncoder().encode(csv);
    let offset = 0;
    const pieces = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(offset, offset + 3));
        offset += 3;
      },
    });
    const res = await upload(organizationId, pieces);
    expect(res).toMatchObject({ status: 200, body: { imported: 3 } });
    expect((await members(organizationId)).map((m) => [m.name, m.isLeader])).toEqual(
      [
        ['Smith, John', true],
        ['他说"你好"', false],
        ['两\r\n行', false],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  });

  it('parses the same records however the text is split into chunks', () => {
    const csv = 'a,b\r\n"x,""y""\r\nz",2\n3,"4"\r\n"",\n';
    const whole = new CsvParser();
    const expected = [...whole.push(csv), ...whole.end()];
    expect(expected).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x,"y"\r\nz', '2'] },
      { line: 4, fields: ['3', '4'] },
      { line: 5, fields: ['', ''] },
    ]);
    for (let size = 1; size <= 5; size += 1) {
      const parser = new CsvParser();
      const got = [];
      for (let i = 0; i < csv.length; i += size) got.push(...parser.push(csv.slice(i, i + size)));
      got.push(...parser.end());
      expect(got).toEqual(expected);
    }
    const bad = new CsvParser();
    expect([...bad.push('a,"b"c\n"open'), ...bad.end()].map((r) => [r.line, r.error !== undefined])).toEqual([
      [1, true],
      [2, true],
    ]);
  });

  it('names a missing or unknown column, and refuses an unknown organization with 404', async () => {
    const organizationId = await newOrganization();
    const missing = await upload(organizationId, 'name,phone\n张三,123\n');
    expect(missing.status).toBe(422);
    expect(missing.body).toEqual({ imported: 0, errors: [{ line: 1, column: 'joined_on', message: 'missing column "joined_on"' }] });
    const unknown = await upload(organizationId, 'name,joined_on,email\n张三,2025-01-01,a@b.c\n');
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([{ line: 1, column: 'email', message: expect.stringContaining('unknown column "email"') }]);
    const empty = await upload(organizationId, '');
    expect(empty.status).toBe(422);
    expect(await footprint(organizationId)).toEqual({ members: 0, events: 0 });

    const nowhere = await upload(randomUUID(), 'name,joined_on\n张三,2025-01-01\n');
    expect(nowhere.status).toBe(404);
    expect(nowhere.type).toMatch(/application\/json/);
    expect(nowhere.body).toMatchObject({ imported: 0, error: { code: 'NOT_FOUND' } });
    const notAnId = await upload('nope', 'name,joined_on\n');
    expect(notAnId).toMatchObject({ status: 400, body: { error: { code: 'BAD_USER_INPUT', field: 'organizationId' } } });
    const json = await upload(organizationId, '{}', tokens.SOCIAL_WORKER, 'application/json');
    expect(json.status).toBe(415);
  });

  it('writes nothing when the upload breaks off midway, and refuses bytes that are not UTF-8 or a field beyond the limit', async () => {
    const organizationId = await newOrganization();
    const head = new TextEncoder().encode(['name,joined_on', ...Array.from({ length: 2000 }, (_, i) => `中断${i},2025-01-01`), ''].join('\n'));
    let sent = false;
    const breaking = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return controller.error(new Error('the client went away'));
        sent = true;
        controller.enqueue(head);
      },
    });
    await expect(upload(organizationId, breaking)).rejects.toThrow();
    // The service notices the broken request, rolls back and releases its connection.
    for (let i = 0; i < 50 && (await footprint(organizationId)).members > 0; i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(await footprint(organizationId)).toEqual({ members: 0, events: 0 });
    expect(await upload(organizationId, 'name,joined_on\n张三,2025-01-01\n')).toMatchObject({ status: 200, body: { imported: 1 } });

    const latin1 = Uint8Array.from([...new TextEncoder().encode('name,joined_on\n'), 0x4a, 0xfc, 0x72, 0x67, 0x2c, ...new TextEncoder().encode('2025-01-01\n')]);
    const notUtf8 = await upload(organizationId, latin1);
    expect(notUtf8.status).toBe(422);
    expect(notUtf8.body.errors).toEqual([{ line: expect.any(Number), column: null, message: expect.stringContaining('UTF-8') }]);
    const huge = await upload(organizationId, `name,joined_on\n${'长'.repeat(50_000)},2025-01-01\n`);
    expect(huge).toMatchObject({ status: 422, body: { errors: [{ line: 2, column: null, message: expect.stringContaining('longer than') }] } });
    expect(await footprint(organizationId)).toEqual({ members: 1, events: 1 });
  });

  it('refuses a caller without a token (401) or of another role (403) in JSON, writing nothing', async () => {
    const organizationId = await newOrganization();
    const csv = 'name,joined_on\n张三,2025-01-01\n';
    const anonymous = await upload(organizationId, csv, null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.type).toMatch(/application\/json/);
    expect(anonymous.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('bearer token') } });
    const badToken = await upload(organizationId, csv, 'not-a-token');
    expect(badToken).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
    for (const role of ['ANALYST', 'STREET_OFFICER'] as const) {
      const refused = await upload(organizationId, csv, tokens[role]);
      expect(refused.status).toBe(403);
      expect(refused.type).toMatch(/application\/json/);
      expect(refused.body).toEqual({ error: { code: 'FORBIDDEN', message: `The role ${role} may not do this.` } });
    }
    expect(await footprint(organizationId)).toEqual({ members: 0, events: 0 });
    expect(await upload(organizationId, csv, tokens.PROGRAMME_MANAGER)).toMatchObject({ status: 200, body: { imported: 1 } });
  });
});
