import { beforeAll, describe, expect, it } from '@jest/globals';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { OidcClient, OidcError, acceptedAlgorithms, authorizationUrl, discoverProvider, verifyIdToken, type FetchLike } from './oidc.js';

// Everything against locally generated keys and a fake provider: no network.

const ISSUER = 'https://id.example.org/realms/peiyu';
const CLIENT_ID = 'peiyu-admin';

let signingKey: CryptoKey;
let otherKey: CryptoKey;
let jwks: { keys: JWK[] };

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  signingKey = pair.privateKey;
  otherKey = (await generateKeyPair('RS256')).privateKey;
  jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] };
});

function idToken(claims: Record<string, unknown> = {}, options: { key?: CryptoKey; alg?: string; kid?: string; expiresIn?: string; issuer?: string; audience?: string | string[] } = {}) {
  return new SignJWT({ nonce: 'n-1', email: 'wang@example.org', email_verified: true, ...claims })
    .setProtectedHeader({ alg: options.alg ?? 'RS256', kid: options.kid ?? 'k1' })
    .setSubject('subject-123')
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? CLIENT_ID)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '5m')
    .sign(options.key ?? signingKey);
}

const expected = { issuer: ISSUER, clientId: CLIENT_ID, nonce: 'n-1', algorithms: ['RS256'] };

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(OidcError);
    expect((error as OidcError).reason).toBe('refused');
    return (error as OidcError).message;
  }
  throw new Error('expected a refusal');
}

describe('verifyIdToken', () => {
  it("accepts a token signed by the issuer's key for this client and nonce", async () => {
    const verified = await verifyIdToken(await idToken(), createLocalJWKSet(jwks), expected);
    expect(verified).toEqual({ issuer: ISSUER, subject: 'subject-123', email: 'wang@example.org', emailVerified: true });
  });

  it('refuses a token signed by another key', async () => {
    expect(await refusal(verifyIdToken(await idToken({}, { key: otherKey }), createLocalJWKSet(jwks), expected))).toMatch(/signature/i);
  });

  it('refuses another issuer, another audience, a wrong nonce, an expired token', async () => {
    const keys = createLocalJWKSet(jwks);
    expect(await refusal(verifyIdToken(await idToken({}, { issuer: 'https://evil.example' }), keys, expected))).toMatch(/iss/);
    expect(await refusal(verifyIdToken(await idToken({}, { audience: 'another-client' }), keys, expected))).toMatch(/aud/);
    expect(await refusal(verifyIdToken(await idToken({ nonce: 'n-2' }), keys, expected))).toMatch(/nonce/);
    expect(await refusal(verifyIdToken(await idToken({}, { expiresIn: '-5m' }), keys, expected))).toMatch(/expired/);
  });

  it('refuses a token for several audiences unless this client is its authorized party', async () => {
    const keys = createLocalJWKSet(jwks);
    expect(await refusal(verifyIdToken(await idToken({}, { audience: [CLIENT_ID, 'other'] }), keys, expected))).toMatch(/another party/);
    await expect(verifyIdToken(await idToken({ azp: CLIENT_ID }, { audience: [CLIENT_ID, 'other'] }), keys, expected)).resolves.toMatchObject({ subject: 'subject-123' });
  });

  it('refuses unsigned tokens and HMAC tokens', async () => {
    const keys = createLocalJWKSet(jwks);
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ iss: ISSUER, aud: CLIENT_ID, sub: 's', nonce: 'n-1', iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 60 })).toString('base64url');
    await refusal(verifyIdToken(`${header}.${payload}.`, keys, expected));
    const hmac = await new SignJWT({ nonce: 'n-1' }).setProtectedHeader({ alg: 'HS256' }).setSubject('s').setIssuer(ISSUER).setAudience(CLIENT_ID).setIssuedAt().setExpirationTime('5m').sign(new TextEncoder().encode('client-secret-used-as-key-000000'));
    await refusal(verifyIdToken(hmac, keys, { ...expected, algorithms: ['HS256', 'RS256'] }));
  });

  it('accepts only asymmetric algorithms the provider offers', () => {
    expect(acceptedAlgorithms({ id_token_signing_alg_values_supported: ['HS256', 'RS256', 'none', 'ES256'] })).toEqual(['RS256', 'ES256']);
    expect(acceptedAlgorithms({})).toEqual(['RS256']);
    expect(() => acceptedAlgorithms({ id_token_signing_alg_values_supported: ['HS256'] })).toThrow(OidcError);
  });
});

/** A fake provider: discovery and token endpoints, answering from memory. */
function fakeProvider(tokenFor: (form: URLSearchParams, headers: Headers) => Promise<Response>): { fetch: FetchLike; calls: string[] } {
  const calls: string[] = [];
  const fetchFn: FetchLike = async (input, init) => {
    calls.push(input);
    if (input === `${ISSUER}/.well-known/openid-configuration`) {
      return Response.json({
        issuer: ISSUER,
        authorization_endpoint: `${ISSUER}/protocol/openid-connect/auth`,
        token_endpoint: `${ISSUER}/protocol/openid-connect/token`,
        jwks_uri: `${ISSUER}/protocol/openid-connect/certs`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      });
    }
    if (input === `${ISSUER}/protocol/openid-connect/token`) return tokenFor(new URLSearchParams(String(init?.body)), new Headers(init?.headers));
    return new Response('not found', { status: 404 });
  };
  return { fetch: fetchFn, calls };
}

describe('OidcClient', () => {
  const settings = { issuer: ISSUER, clientId: CLIENT_ID, clientSecret: 's3cr3t/with:odd chars', redirectUri: 'https://peiyu.example.org/oidc/callback', scope: 'openid email' };

  it('builds an authorization URL with state, nonce and a PKCE challenge, then exchanges the code and verifies the ID token', async () => {
    let seen: { form: URLSearchParams; headers: Headers } | undefined;
    const provider = fakeProvider(async (form, headers) => {
      seen = { form, headers };
      return Response.json({ access_token: 'at', id_token: await idToken({ nonce: pending.nonce }) });
    });
    const client = new OidcClient(settings, { fetch: provider.fetch, keySetFor: () => createLocalJWKSet(jwks) });
    const { url, pending } = await client.begin();
    const params = new URL(url).searchParams;
    expect(url.startsWith(`${ISSUER}/protocol/openid-connect/auth?`)).toBe(true);
    expect(Object.fromEntries(params)).toMatchObject({ response_type: 'code', client_id: CLIENT_ID, redirect_uri: settings.redirectUri, scope: 'openid email', state: pending.state, nonce: pending.nonce, code_challenge_method: 'S256' });
    expect(params.get('code_challenge')).not.toBe(pending.codeVerifier);

    const verified = await client.complete('the-code', pending);
    expect(verified.subject).toBe('subject-123');
    expect(seen?.form.get('code')).toBe('the-code');
    expect(seen?.form.get('code_verifier')).toBe(pending.codeVerifier);
    expect(seen?.form.get('client_secret')).toBeNull();
    const basic = Buffer.from((seen?.headers.get('authorization') ?? '').replace(/^Basic /, ''), 'base64').toString();
    expect(basic).toBe(`${CLIENT_ID}:${encodeURIComponent(settings.clientSecret)}`);
    // Discovery once, then cached.
    await client.begin();
    expect(provider.calls.filter((c) => c.endsWith('openid-configuration'))).toHaveLength(1);
  });

  it('refuses a code the provider refuses, and an ID token for another sign-in', async () => {
    const refusing = new OidcClient(settings, { fetch: fakeProvider(async () => Response.json({ error: 'invalid_grant' }, { status: 400 })).fetch, keySetFor: () => createLocalJWKSet(jwks) });
    expect(await refusal(refusing.complete('used-code', { nonce: 'n', codeVerifier: 'v' }))).toMatch(/invalid_grant/);

    const replaying = new OidcClient(settings, { fetch: fakeProvider(async () => Response.json({ id_token: await idToken({ nonce: 'someone-elses' }) })).fetch, keySetFor: () => createLocalJWKSet(jwks) });
    expect(await refusal(replaying.complete('code', { nonce: 'mine', codeVerifier: 'v' }))).toMatch(/nonce/);
  });

  it('calls a provider that cannot be reached unavailable', async () => {
    const down = new OidcClient(settings, {
      fetch: async () => {
        throw new Error('connect ECONNREFUSED');
      },
    });
    await expect(down.begin()).rejects.toMatchObject({ reason: 'unavailable' });
  });
});

describe('discoverProvider', () => {
  it('refuses a discovery document naming another issuer', async () => {
    const fetchFn: FetchLike = async () => Response.json({ issuer: 'https://evil.example', authorization_endpoint: 'a', token_endpoint: 't', jwks_uri: 'j' });
    await expect(discoverProvider(ISSUER, fetchFn)).rejects.toThrow(/names issuer https:\/\/evil.example/);
  });

  it('builds the URL on the authorization endpoint, keeping its own query', () => {
    const url = new URL(authorizationUrl({ authorization_endpoint: 'https://id.example.org/auth?tenant=a' }, { clientId: 'c', redirectUri: 'https://r', scope: 'openid' }, { state: 's', nonce: 'n', codeChallenge: 'ch' }));
    expect(url.searchParams.get('tenant')).toBe('a');
    expect(url.searchParams.get('state')).toBe('s');
  });
});
