import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DEMO_DISTRICT_ID, GATEWAY_URL, signIn, type Caller } from './support.js';

// The gateway's defences and the audit log, through the started platform.

interface ErrorBody {
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function post(body: string, headers: Record<string, string> = {}): Promise<{ status: number; body: ErrorBody }> {
  const res = await fetch(GATEWAY_URL, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, body: (await res.json()) as ErrorBody };
}

const subjectOf = (token: string): string => (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { sub: string }).sub;

describe('security through the gateway', () => {
  let admin: Caller;
  let manager: Caller;

  beforeAll(async () => {
    admin = await signIn('admin');
    manager = await signIn('manager');
  });

  it('refuses an operation nested too deep, before planning it', async () => {
    // community > street > district > streets > communities > street > ... > id: 13 levels.
    const loop = (inner: string) => `street { district { streets { communities { ${inner} } } } }`;
    const result = await manager.gql(`query Deep { community(id: "${randomUUID()}") { ${loop(loop('street { district { streets { id } } }'))} } }`);
    expect(result.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(result.errors?.[0].message).toMatch(/levels deep; at most 12/);
    expect(result.data ?? null).toBeNull();
  });

  it('refuses an operation whose estimated cost is over the budget', async () => {
    const result = await manager.gql(`{ districts { streets { communities { organizations { members { id } } } } } }`);
    expect(result.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(result.errors?.[0].message).toMatch(/estimated cost is \d+; at most \d+/);
    // An ordinary query still goes through.
    expect((await manager.data<{ districts: unknown[] }>(`{ districts { id streets { id } } }`)).districts.length).toBeGreaterThan(0);
  });

  it('refuses a request body over the limit with 413', async () => {
    const padding = ' '.repeat(1024 * 1024 + 1);
    const { status, body } = await post(JSON.stringify({ query: `{ me { id ${padding}} }` }), { authorization: `Bearer ${manager.token}` });
    expect(status).toBe(413);
    expect(body.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
    expect(body.errors?.[0].message).toMatch(/larger than 1048576 bytes/);
  });

  it('shows an administrator who did what, from where, after a mutation through the gateway', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const code = `AUD-${randomUUID().slice(0, 8)}`;
    // A forged X-Forwarded-For is not believed: the gateway writes the address it sees.
    const { status } = await post(
      JSON.stringify({
        query: `mutation Audited($input: CreateStreetInput!) { createStreet(input: $input) { id } }`,
        variables: { input: { districtId: DEMO_DISTRICT_ID, name: `审计街道${code}` } },
      }),
      { authorization: `Bearer ${manager.token}`, 'x-forwarded-for': '6.6.6.6' },
    );
    expect(status).toBe(200);

    const { auditLog } = await admin.data<{
      auditLog: { operation: string; operationName: string; outcome: string; role: string; clientAddress: string; arguments: string; service: string }[];
    }>(`query ($filter: AuditLogFilter) { auditLog(filter: $filter, first: 10) { operation operationName outcome role clientAddress arguments service } }`, {
      filter: { userId: subjectOf(manager.token), operation: 'createStreet', from: since },
    });
    const entry = auditLog.find((e) => (JSON.parse(e.arguments) as { input: { name: string } }).input.name === `审计街道${code}`);
    expect(entry).toMatchObject({ operation: 'createStreet', operationName: 'Audited', outcome: 'OK', role: 'PROGRAMME_MANAGER', service: 'communities' });
    expect(entry?.clientAddress).toMatch(/^(127\.0\.0\.1|::1)$/);

    // Not for anyone else to read.
    expect((await manager.gql(`{ auditLog { id } }`)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
