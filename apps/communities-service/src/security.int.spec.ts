import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomInt, randomUUID } from 'node:crypto';
import { issueToken, resolveJwtSecret } from '@peiyu/platform-auth';
import { dataOf, requireDatabaseUrl, startTestApp, tokenFor, uniqueSuffix, type GraphQLResult, type TestApp } from '@peiyu/platform-testing';
import { DataSource } from 'typeorm';
import { CommunitiesServiceModule } from './app.module.js';

// Accounts, sessions, administration and the audit log of communities-service (which hosts identity).
// Every test makes its own users and uses client addresses of its own, so earlier runs and other
// tests within the rate-limit window do not count against it.

describe('communities-service security', () => {
  let service: TestApp;
  let adminToken: string;
  let managerToken: string;

  async function gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    options: { token?: string; address?: string } = {},
  ): Promise<GraphQLResult<T>> {
    const res = await fetch(service.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        // As the gateway forwards it; the service trusts it from loopback only.
        ...(options.address ? { 'x-forwarded-for': options.address } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLResult<T>;
  }

  const newAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
  const subjectOf = (token: string): string => (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { sub: string }).sub;

  const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { token refreshToken expiresAt refreshTokenExpiresAt user { id username } } }`;
  const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { id username displayName role version scopes { kind id } } }`;
  const UPDATE_ACCESS = `mutation ($input: UpdateUserAccessInput!) { updateUserAccess(input: $input) { id role version scopes { kind id } } }`;
  const REFRESH = `mutation ($input: RefreshTokenInput!) { refreshToken(input: $input) { token refreshToken } }`;
  const ME = `{ me { id username } }`;
  const PASSWORD = 'correct horse battery';

  interface SignedIn {
    signIn: { token: string; refreshToken: string; expiresAt: string; refreshTokenExpiresAt: string; user: { id: string; username: string } };
  }

  /** A new user (an analyst of the whole city) with PASSWORD. */
  async function createUser(label: string): Promise<{ id: string; username: string }> {
    const username = `${label}-${uniqueSuffix()}`;
    const { createUser: user } = dataOf(
      await gql<{ createUser: { id: string; username: string } }>(
        CREATE_USER,
        { input: { username, displayName: label, password: PASSWORD, role: 'ANALYST', scopes: [{ kind: 'CITY' }] } },
        { token: adminToken },
      ),
    );
    return user;
  }

  function signIn(username: string, password: string, address?: string) {
    return gql<SignedIn>(SIGN_IN, { input: { username, password } }, { address });
  }

  async function createDistrict(): Promise<string> {
    const { createDistrict } = dataOf(
      await gql<{ createDistrict: { id: string } }>(
        `mutation ($input: CreateDistrictInput!) { createDistrict(input: $input) { id } }`,
        { input: { name: '权限区', code: `SEC-${uniqueSuffix()}` } },
        { token: managerToken },
      ),
    );
    return createDistrict.id;
  }

  beforeAll(async () => {
    service = await startTestApp(CommunitiesServiceModule.forDatabase(requireDatabaseUrl()));
    adminToken = await tokenFor('ADMIN');
    managerToken = await tokenFor('PROGRAMME_MANAGER');
  });
  afterAll(() => service.close());

  describe('sign-in rate limiting', () => {
    it('refuses an account after 5 failures within the window, even with the right password, from any address', async () => {
      const user = await createUser('limited');
      for (let i = 0; i < 5; i++) {
        const failed = await signIn(user.username, 'wrong password!', newAddress());
        expect(failed.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      }
      const limited = await signIn(user.username, PASSWORD, newAddress());
      expect(limited.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
      expect(limited.errors?.[0].message).toMatch(/too many failed sign-in attempts for this account/i);

      // Another account from one of those addresses is not affected.
      const other = await createUser('unaffected');
      dataOf(await signIn(other.username, PASSWORD, newAddress()));
    });

    it('forgives an account its failures once it signs in', async () => {
      const user = await createUser('forgiven');
      const address = newAddress();
      for (let i = 0; i < 4; i++) await signIn(user.username, 'wrong password!', address);
      dataOf(await signIn(user.username, PASSWORD, address));
      for (let i = 0; i < 4; i++) await signIn(user.username, 'wrong password!', address);
      expect(dataOf(await signIn(user.username, PASSWORD, address)).signIn.user.username).toBe(user.username);
    });

    it('refuses an address after 20 failures within the window, whatever account it tries', async () => {
      const address = newAddress();
      for (let i = 0; i < 20; i++) {
        const failed = await signIn(`nobody-${uniqueSuffix()}`, 'wrong password!', address);
        expect(failed.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      }
      const user = await createUser('elsewhere');
      const limited = await signIn(user.username, PASSWORD, address);
      expect(limited.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
      expect(limited.errors?.[0].message).toMatch(/from this address/);
      // The same account from another address signs in: the address was limited, not the account.
      dataOf(await signIn(user.username, PASSWORD, newAddress()));
    });
  });

  describe('sessions', () => {
    it('rotates refresh tokens; one reused at once is a CONFLICT, later it revokes its whole family', async () => {
      const user = await createUser('rotating');
      const first = dataOf(await signIn(user.username, PASSWORD)).signIn;
      expect(first.refreshToken).toMatch(/^pyr_/);
      expect(new Date(first.refreshTokenExpiresAt).getTime()).toBeGreaterThan(new Date(first.expiresAt).getTime());

      const second = dataOf(await gql<{ refreshToken: { token: string; refreshToken: string } }>(REFRESH, { input: { refreshToken: first.refreshToken } })).refreshToken;
      expect(second.refreshToken).not.toBe(first.refreshToken);
      expect(dataOf(await gql<{ me: { id: string } }>(ME, {}, { token: second.token })).me.id).toBe(user.id);

      // The first token again at once: two tabs (or a retry) renewing together. CONFLICT, nothing
      // issued, and the session goes on.
      const raced = await gql(REFRESH, { input: { refreshToken: first.refreshToken } });
      expect(raced.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(raced.data?.['refreshToken'] ?? null).toBeNull();
      // Later (past PEIYU_REFRESH_REUSE_GRACE_SECONDS): someone has a copy. Refused, and the family with it.
      await service.app.get(DataSource).query(`UPDATE "identity"."refresh_token" SET "revoked_at" = "revoked_at" - interval '1 minute' WHERE "user_id" = $1 AND "revoked_reason" = 'ROTATED'`, [user.id]);
      const reused = await gql(REFRESH, { input: { refreshToken: first.refreshToken } });
      expect(reused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(reused.errors?.[0].message).toMatch(/already used/);
      const descendant = await gql(REFRESH, { input: { refreshToken: second.refreshToken } });
      expect(descendant.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

      // Another session of the same user is not touched.
      const other = dataOf(await signIn(user.username, PASSWORD)).signIn;
      dataOf(await gql(REFRESH, { input: { refreshToken: other.refreshToken } }));
    });

    it('ends a session on signOut', async () => {
      const user = await createUser('leaving');
      const session = dataOf(await signIn(user.username, PASSWORD)).signIn;
      expect(dataOf(await gql<{ signOut: boolean }>(`mutation ($input: SignOutInput!) { signOut(input: $input) }`, { input: { refreshToken: session.refreshToken } })).signOut).toBe(true);
      expect((await gql(REFRESH, { input: { refreshToken: session.refreshToken } })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      // Unknown or malformed tokens: the same answer, nothing learned.
      expect(dataOf(await gql<{ signOut: boolean }>(`mutation { signOut(input: { refreshToken: "pyr_nothing" }) }`)).signOut).toBe(true);
      expect((await gql(REFRESH, { input: { refreshToken: 'not-a-token' } })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('refuses an access token once it has expired', async () => {
      // Issued as if a minute ago with a 30 s life: already expired, whatever the machine's load.
      // (A token that is still valid is accepted in every other test.)
      const identity = { userId: randomUUID(), username: 'expired-admin', role: 'ADMIN' as const, scopes: [{ kind: 'CITY' as const, id: null }] };
      const { token } = await issueToken(identity, resolveJwtSecret(), 30, new Date(Date.now() - 60_000));
      const expired = await gql(`{ users { id } }`, {}, { token });
      expect(expired.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(expired.errors?.[0].message).toMatch(/expired/);
    });

    it('lets a user change their password with the current one, ending their sessions', async () => {
      const user = await createUser('changer');
      const session = dataOf(await signIn(user.username, PASSWORD)).signIn;
      const CHANGE = `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) }`;

      const wrong = await gql(CHANGE, { input: { currentPassword: 'not the password', newPassword: 'a brand new secret' } }, { token: session.token });
      expect(wrong.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
      const short = await gql(CHANGE, { input: { currentPassword: PASSWORD, newPassword: 'short' } }, { token: session.token });
      expect(short.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'newPassword' });

      dataOf(await gql(CHANGE, { input: { currentPassword: PASSWORD, newPassword: 'a brand new secret' } }, { token: session.token }));
      expect((await signIn(user.username, PASSWORD)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      dataOf(await signIn(user.username, 'a brand new secret'));
      expect((await gql(REFRESH, { input: { refreshToken: session.refreshToken } })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('user administration', () => {
    it('creates a user whose scope exists and fits the role, and lists users without password hashes', async () => {
      const districtId = await createDistrict();
      const username = `pm-${uniqueSuffix()}`;
      const { createUser: user } = dataOf(
        await gql<{ createUser: { id: string; role: string; version: number; scopes: unknown[] } }>(
          CREATE_USER,
          { input: { username, displayName: '新主管', password: PASSWORD, role: 'PROGRAMME_MANAGER', scopes: [{ kind: 'DISTRICT', id: districtId }] } },
          { token: adminToken },
        ),
      );
      expect(user).toMatchObject({ role: 'PROGRAMME_MANAGER', version: 1, scopes: [{ kind: 'DISTRICT', id: districtId }] });
      expect(dataOf(await signIn(username, PASSWORD)).signIn.user.id).toBe(user.id);

      const { users } = dataOf(await gql<{ users: { username: string }[] }>(`{ users { id username role scopes { kind id } version } }`, {}, { token: adminToken }));
      expect(users.map((u) => u.username)).toContain(username);
      const { __type } = dataOf(await gql<{ __type: { fields: { name: string }[] } }>(`{ __type(name: "User") { fields { name } } }`, {}, { token: adminToken }));
      expect(__type.fields.map((f) => f.name).filter((name) => /password|hash/i.test(name))).toEqual([]);
    });

    it('keeps the mail address an administrator sets, which notifications are sent to', async () => {
      const user = await createUser('mail');
      const SET_EMAIL = `mutation ($input: SetUserEmailInput!) { setUserEmail(input: $input) { email version } }`;
      const set = dataOf(await gql<{ setUserEmail: { email: string | null; version: number } }>(SET_EMAIL, { input: { userId: user.id, email: 'mail@peiyu.test' } }, { token: adminToken }));
      expect(set.setUserEmail).toEqual({ email: 'mail@peiyu.test', version: 2 });
      expect((await gql(SET_EMAIL, { input: { userId: user.id, email: 'nope' } }, { token: adminToken })).errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'email' });
      const cleared = dataOf(await gql<{ setUserEmail: { email: string | null } }>(SET_EMAIL, { input: { userId: user.id, email: null } }, { token: adminToken }));
      expect(cleared.setUserEmail.email).toBeNull();
    });

    it('names the field of every invalid input and writes nothing', async () => {
      const username = `bad-${uniqueSuffix()}`;
      const base = { username, displayName: '无效', password: PASSWORD, role: 'PROGRAMME_MANAGER', scopes: [{ kind: 'CITY' }] };
      const cases: [Record<string, unknown>, string][] = [
        [{ username: 'Has Space' }, 'username'],
        [{ username: 'x' }, 'username'],
        [{ password: 'short' }, 'password'],
        [{ displayName: '' }, 'displayName'],
        [{ scopes: [] }, 'scopes'],
        [{ scopes: [{ kind: 'STREET', id: '00000000-0000-4000-8000-000000000000' }] }, 'scopes.0.kind'],
        [{ scopes: [{ kind: 'DISTRICT', id: 'not-a-uuid' }] }, 'scopes.0.id'],
        [{ scopes: [{ kind: 'DISTRICT' }] }, 'scopes.0.id'],
        [{ scopes: [{ kind: 'DISTRICT', id: '00000000-0000-4000-8000-0000000000aa' }] }, 'scopes.0.id'],
        [{ scopes: [{ kind: 'CITY', id: '00000000-0000-4000-8000-000000000000' }] }, 'scopes.0.id'],
        [{ role: 'SOCIAL_WORKER' }, 'scopes.0.kind'],
        [{ role: 'STREET_OFFICER', scopes: [{ kind: 'STREET', id: '00000000-0000-4000-8000-0000000000bb' }] }, 'scopes.0.id'],
        [{ role: 'SUPERVISOR', scopes: [{ kind: 'INSTITUTION', id: '00000000-0000-4000-8000-0000000000dd' }] }, 'scopes.0.id'],
        [{ email: 'not-an-address' }, 'email'],
      ];
      for (const [change, field] of cases) {
        const result = await gql(CREATE_USER, { input: { ...base, ...change } }, { token: adminToken });
        expect({ change, extensions: result.errors?.[0].extensions }).toEqual({ change, extensions: { code: 'BAD_USER_INPUT', field } });
      }
      const { users } = dataOf(await gql<{ users: { username: string }[] }>(`{ users { username } }`, {}, { token: adminToken }));
      expect(users.map((u) => u.username)).not.toContain(username);

      const taken = await createUser('taken');
      const duplicate = await gql(CREATE_USER, { input: { ...base, username: taken.username } }, { token: adminToken });
      expect(duplicate.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'username' });
    });

    it("changes a user's access at the version read, and refuses a stale version as CONFLICT", async () => {
      const user = await createUser('promoted');
      const districtId = await createDistrict();
      const { updateUserAccess: updated } = dataOf(
        await gql<{ updateUserAccess: { version: number; role: string } }>(
          UPDATE_ACCESS,
          { input: { userId: user.id, role: 'PROGRAMME_MANAGER', scopes: [{ kind: 'DISTRICT', id: districtId }], version: 1 } },
          { token: adminToken },
        ),
      );
      expect(updated).toMatchObject({ role: 'PROGRAMME_MANAGER', version: 2 });

      const stale = await gql(UPDATE_ACCESS, { input: { userId: user.id, role: 'ANALYST', scopes: [{ kind: 'CITY' }], version: 1 } }, { token: adminToken });
      expect(stale.errors?.[0].extensions).toEqual({ code: 'CONFLICT' });
      const invalid = await gql(UPDATE_ACCESS, { input: { userId: user.id, role: 'STREET_OFFICER', scopes: [{ kind: 'CITY' }], version: 2 } }, { token: adminToken });
      expect(invalid.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'scopes.0.kind' });
      const unknown = await gql(UPDATE_ACCESS, { input: { userId: '00000000-0000-4000-8000-0000000000cc', role: 'ANALYST', scopes: [{ kind: 'CITY' }], version: 1 } }, { token: adminToken });
      expect(unknown.errors?.[0].extensions).toEqual({ code: 'NOT_FOUND' });

      const { users } = dataOf(await gql<{ users: { id: string; role: string; version: number }[] }>(`{ users { id role version } }`, {}, { token: adminToken }));
      expect(users.find((u) => u.id === user.id)).toEqual({ id: user.id, role: 'PROGRAMME_MANAGER', version: 2 });
    });

    it('resets a password as an administrator, ending the sessions of the user', async () => {
      const user = await createUser('reset');
      const session = dataOf(await signIn(user.username, PASSWORD)).signIn;
      dataOf(await gql(`mutation ($input: SetUserPasswordInput!) { setUserPassword(input: $input) { id } }`, { input: { userId: user.id, password: 'reset by the admin' } }, { token: adminToken }));
      expect((await gql(REFRESH, { input: { refreshToken: session.refreshToken } })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      dataOf(await signIn(user.username, 'reset by the admin'));
    });

    it('refuses the administrative operations to anyone but an administrator, as FORBIDDEN', async () => {
      const user = await createUser('target');
      const operations: [string, Record<string, unknown>][] = [
        [CREATE_USER, { input: { username: `sneaky-${uniqueSuffix()}`, displayName: '越权', password: PASSWORD, role: 'ADMIN', scopes: [{ kind: 'CITY' }] } }],
        [UPDATE_ACCESS, { input: { userId: user.id, role: 'ADMIN', scopes: [{ kind: 'CITY' }], version: 1 } }],
        [`mutation ($input: SetUserPasswordInput!) { setUserPassword(input: $input) { id } }`, { input: { userId: user.id, password: 'taken over now' } }],
        [`mutation ($input: LinkExternalSubjectInput!) { linkExternalSubject(input: $input) { id } }`, { input: { userId: user.id, subject: 'someone' } }],
        [`{ users { id } }`, {}],
        [`{ auditLog { id } }`, {}],
      ];
      for (const role of ['PROGRAMME_MANAGER', 'SOCIAL_WORKER', 'ANALYST'] as const) {
        const token = await tokenFor(role);
        for (const [query, variables] of operations) {
          const result = await gql(query, variables, { token });
          expect({ role, query, code: result.errors?.[0].extensions?.code }).toEqual({ role, query, code: 'FORBIDDEN' });
        }
      }
      // Nothing changed: the user is still an analyst at version 1.
      const { users } = dataOf(await gql<{ users: { id: string; role: string; version: number }[] }>(`{ users { id role version } }`, {}, { token: adminToken }));
      expect(users.find((u) => u.id === user.id)).toEqual({ id: user.id, role: 'ANALYST', version: 1 });
    });
  });

  describe('audit log', () => {
    interface Entry {
      operation: string;
      userId: string | null;
      role: string | null;
      outcome: string;
      errorCode: string | null;
      arguments: string;
      entityType: string | null;
      entityId: string | null;
      before: string | null;
      after: string | null;
      service: string;
      clientAddress: string | null;
    }
    const AUDIT = `query ($filter: AuditLogFilter, $first: Int!) { auditLog(filter: $filter, first: $first) {
      operation userId role outcome errorCode arguments entityType entityId before after service clientAddress occurredAt } }`;

    async function auditOf(filter: Record<string, unknown>, first = 20): Promise<Entry[]> {
      return dataOf(await gql<{ auditLog: Entry[] }>(AUDIT, { filter, first }, { token: adminToken })).auditLog;
    }

    it('records who created a user, with the arguments (password redacted) and the user after', async () => {
      const since = new Date(Date.now() - 1000).toISOString();
      const user = await createUser('audited');
      const [entry] = (await auditOf({ userId: subjectOf(adminToken), operation: 'createUser', from: since })).filter((e) => e.entityId === user.id);
      expect(entry).toMatchObject({ operation: 'createUser', role: 'ADMIN', outcome: 'OK', errorCode: null, entityType: 'User', before: null, service: 'communities' });
      expect(entry.arguments).not.toContain(PASSWORD);
      expect(JSON.parse(entry.arguments)).toMatchObject({ input: { username: user.username, password: '[REDACTED]', role: 'ANALYST' } });
      expect(JSON.parse(entry.after as string)).toMatchObject({ id: user.id, username: user.username, role: 'ANALYST', version: 1 });
      expect(entry.after).not.toMatch(/hash|argon/i);
    });

    it('records before and after of an access change, failed sign-ins and refused calls', async () => {
      const since = new Date(Date.now() - 1000).toISOString();
      const user = await createUser('watched');
      dataOf(await gql(UPDATE_ACCESS, { input: { userId: user.id, role: 'ANALYST', scopes: [{ kind: 'CITY' }], version: 1 } }, { token: adminToken }));
      const [change] = await auditOf({ operation: 'updateUserAccess', from: since });
      expect(change.entityId).toBe(user.id);
      expect(JSON.parse(change.before as string)).toMatchObject({ version: 1 });
      expect(JSON.parse(change.after as string)).toMatchObject({ version: 2 });

      const address = newAddress();
      await signIn(user.username, 'a wrong password', address);
      const [failed] = (await auditOf({ operation: 'signIn', from: since }, 100)).filter((e) => e.clientAddress === address);
      expect(failed).toMatchObject({ outcome: 'ERROR', errorCode: 'UNAUTHENTICATED', userId: null });
      expect(failed.arguments).not.toContain('a wrong password');

      const manager = await tokenFor('PROGRAMME_MANAGER');
      await gql(CREATE_USER, { input: { username: `denied-${uniqueSuffix()}`, displayName: 'x', password: PASSWORD, role: 'ADMIN', scopes: [{ kind: 'CITY' }] } }, { token: manager });
      const [denied] = await auditOf({ userId: subjectOf(manager), operation: 'createUser', from: since });
      expect(denied).toMatchObject({ outcome: 'ERROR', errorCode: 'FORBIDDEN', role: 'PROGRAMME_MANAGER' });
      expect(denied.arguments).toContain('[REDACTED]');

      const [succeeded] = (await auditOf({ operation: 'signIn', from: since }, 100)).filter((e) => e.userId === user.id && e.outcome === 'OK');
      expect(succeeded).toBeUndefined();
      dataOf(await signIn(user.username, PASSWORD));
      const [signedIn] = (await auditOf({ operation: 'signIn', userId: user.id, from: since })).filter((e) => e.outcome === 'OK');
      expect(signedIn).toMatchObject({ userId: user.id, role: 'ANALYST' });
    });

    it('records mutations of the other features of the service too', async () => {
      const since = new Date(Date.now() - 1000).toISOString();
      const districtId = await createDistrict();
      const [entry] = await auditOf({ userId: subjectOf(managerToken), operation: 'createDistrict', from: since });
      expect(entry).toMatchObject({ outcome: 'OK', role: 'PROGRAMME_MANAGER', service: 'communities' });
      expect(JSON.parse(entry.arguments)).toMatchObject({ input: { name: '权限区' } });
      expect(districtId).toBeTruthy();
    });

    it('bounds the page size', async () => {
      const result = await gql(AUDIT, { first: 100000 }, { token: adminToken });
      expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    });
  });

  describe('OpenID Connect when not configured', () => {
    it('says it is off', async () => {
      expect(dataOf(await gql<{ oidcSignInEnabled: boolean }>(`{ oidcSignInEnabled }`)).oidcSignInEnabled).toBe(false);
      const begin = await gql(`mutation { beginOidcSignIn { authorizationUrl } }`);
      expect(begin.errors?.[0].extensions?.code).toBe('UNAVAILABLE');
      expect(begin.errors?.[0].message).toMatch(/not configured/);
    });
  });
});
