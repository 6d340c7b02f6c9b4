import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { OidcClient, type FetchLike } from '@peiyu/platform-auth';
import { OIDC_CLIENT, identitySettingsFromEnv } from '@peiyu/platform-identity';
import { dataOf, graphql, requireDatabaseUrl, startTestApp, tokenFor, uniqueSuffix, type TestApp } from '@peiyu/platform-testing';
import { CommunitiesServiceModule } from './app.module.js';

// Sign-in through an OpenID provider, with a fake provider in memory (discovery, token endpoint,
// locally generated keys): the service keeps the pending sign-in, verifies the ID token and signs
// in the user linked to its subject.

const ISSUER = 'https://id.example.org/realms/peiyu';
const settings = { issuer: ISSUER, clientId: 'peiyu-admin', clientSecret: 'a-client-secret-from-the-provider', redirectUri: 'https://peiyu.example.org/oidc/callback', scope: 'openid email' };

describe('communities-service OpenID Connect sign-in', () => {
  let service: TestApp;
  let adminToken: string;
  let key: CryptoKey;
  let jwks: { keys: JWK[] };
  /** What the fake provider puts in the ID token for a code: the subject and the nonce of the sign-in. */
  const issued = new Map<string, { subject: string; nonce: string }>();

  const fakeFetch: FetchLike = async (url, init) => {
    if (url.endsWith('/.well-known/openid-configuration')) {
      return Response.json({ issuer: ISSUER, authorization_endpoint: `${ISSUER}/auth`, token_endpoint: `${ISSUER}/token`, jwks_uri: `${ISSUER}/certs` });
    }
    if (url === `${ISSUER}/token`) {
      const code = new URLSearchParams(String(init?.body)).get('code') ?? '';
      const grant = issued.get(code);
      if (!grant) return Response.json({ error: 'invalid_grant' }, { status: 400 });
      issued.delete(code);
      const idToken = await new SignJWT({ nonce: grant.nonce, email: 'someone@example.org' })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject(grant.subject)
        .setIssuer(ISSUER)
        .setAudience(settings.clientId)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(key);
      return Response.json({ access_token: 'at', id_token: idToken });
    }
    return new Response('not found', { status: 404 });
  };

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    key = pair.privateKey;
    jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256' }] };
    const client = new OidcClient(settings, { fetch: fakeFetch, keySetFor: () => createLocalJWKSet(jwks) });
    service = await startTestApp(
      CommunitiesServiceModule.forDatabase(requireDatabaseUrl(), {
        settings: { ...identitySettingsFromEnv({}), oidc: settings },
        providers: [{ provide: OIDC_CLIENT, useValue: client }],
      }),
    );
    adminToken = await tokenFor('ADMIN');
  });
  afterAll(() => service.close());

  /** Starts a sign-in and plays the provider's part: the user authenticates as `subject`, a code comes back. */
  async function authorize(subject: string): Promise<{ code: string; state: string }> {
    const { beginOidcSignIn } = dataOf(await graphql<{ beginOidcSignIn: { authorizationUrl: string; state: string } }>(service.url, `mutation { beginOidcSignIn { authorizationUrl state } }`));
    const params = new URL(beginOidcSignIn.authorizationUrl).searchParams;
    expect(params.get('state')).toBe(beginOidcSignIn.state);
    const code = `code-${uniqueSuffix()}`;
    issued.set(code, { subject, nonce: params.get('nonce') ?? '' });
    return { code, state: beginOidcSignIn.state };
  }

  const COMPLETE = `mutation ($input: CompleteOidcSignInInput!) { completeOidcSignIn(input: $input) { token refreshToken user { id username } } }`;

  it('signs in the user linked to the subject, once per state', async () => {
    expect(dataOf(await graphql<{ oidcSignInEnabled: boolean }>(service.url, `{ oidcSignInEnabled }`)).oidcSignInEnabled).toBe(true);
    const username = `oidc-${uniqueSuffix()}`;
    const subject = `sub-${uniqueSuffix()}`;
    const { createUser } = dataOf(
      await graphql<{ createUser: { id: string } }>(
        service.url,
        `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
        { input: { username, displayName: '外部用户', password: 'a long enough password', role: 'ANALYST', scopes: [{ kind: 'CITY' }] } },
        adminToken,
      ),
    );
    const { linkExternalSubject } = dataOf(
      await graphql<{ linkExternalSubject: { externalSubject: string } }>(
        service.url,
        `mutation ($input: LinkExternalSubjectInput!) { linkExternalSubject(input: $input) { externalSubject } }`,
        { input: { userId: createUser.id, subject } },
        adminToken,
      ),
    );
    expect(linkExternalSubject.externalSubject).toBe(subject);

    const { code, state } = await authorize(subject);
    const { completeOidcSignIn } = dataOf(await graphql<{ completeOidcSignIn: { token: string; user: { id: string } } }>(service.url, COMPLETE, { input: { code, state } }));
    expect(completeOidcSignIn.user.id).toBe(createUser.id);
    expect(dataOf(await graphql<{ me: { username: string } }>(service.url, `{ me { username } }`, {}, completeOidcSignIn.token)).me.username).toBe(username);

    const again = await graphql(service.url, COMPLETE, { input: { code, state } });
    expect(again.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(again.errors?.[0].message).toMatch(/expired or was already used/);

    const { auditLog } = dataOf(
      await graphql<{ auditLog: { arguments: string; userId: string }[] }>(
        service.url,
        `query ($filter: AuditLogFilter) { auditLog(filter: $filter, first: 5) { arguments userId } }`,
        { filter: { operation: 'completeOidcSignIn', userId: createUser.id } },
        adminToken,
      ),
    );
    expect(auditLog[0].arguments).not.toContain(code);
    expect(JSON.parse(auditLog[0].arguments)).toEqual({ input: { code: '[REDACTED]', state: '[REDACTED]' } });
  });

  it('refuses a subject no user is linked to, and a code the provider refuses', async () => {
    const unlinked = await authorize(`sub-${uniqueSuffix()}`);
    const result = await graphql(service.url, COMPLETE, { input: unlinked });
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.errors?.[0].message).toMatch(/No Peiyu user is linked/);

    const { state } = await authorize('whoever');
    const refused = await graphql(service.url, COMPLETE, { input: { code: 'forged-code', state } });
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
