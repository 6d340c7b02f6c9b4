import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { weakSecretReason } from './secrets.js';

/** OpenID Connect sign-in settings; sign-in through an identity provider is off unless all four are set. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Space-separated scopes requested; `openid` is always included. */
  scope: string;
}

const OIDC_VARIABLES = ['PEIYU_OIDC_ISSUER', 'PEIYU_OIDC_CLIENT_ID', 'PEIYU_OIDC_CLIENT_SECRET', 'PEIYU_OIDC_REDIRECT_URI'] as const;

function httpUrl(name: string, value: string, requireHttps: boolean): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an absolute URL.`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && !requireHttps)) {
    throw new Error(`${name} must be an ${requireHttps ? 'https' : 'http(s)'} URL${requireHttps ? ' in production' : ''}.`);
  }
  return value;
}

/**
 * Reads the OpenID Connect settings: null when none is set (the feature is off); an error naming
 * what is missing when only some are; in production, https URLs and a client secret that is not a
 * placeholder. Called at boot, so a bad configuration stops the service.
 */
export function resolveOidcSettings(env: NodeJS.ProcessEnv = process.env): OidcSettings | null {
  const given = OIDC_VARIABLES.filter((name) => env[name]);
  if (given.length === 0) return null;
  const missing = OIDC_VARIABLES.filter((name) => !env[name]);
  if (missing.length > 0) throw new Error(`OpenID Connect is half configured: ${missing.join(', ')} must be set too (or none of ${OIDC_VARIABLES.join(', ')}).`);
  const production = env.NODE_ENV === 'production';
  const clientSecret = env.PEIYU_OIDC_CLIENT_SECRET as string;
  if (production) {
    const weak = weakSecretReason('PEIYU_OIDC_CLIENT_SECRET', clientSecret, 16, 64);
    if (weak) throw new Error(weak);
  }
  const scope = new Set(['openid', ...(env.PEIYU_OIDC_SCOPE ?? 'email profile').split(/\s+/).filter(Boolean)]);
  return {
    issuer: httpUrl('PEIYU_OIDC_ISSUER', env.PEIYU_OIDC_ISSUER as string, production),
    clientId: env.PEIYU_OIDC_CLIENT_ID as string,
    clientSecret,
    redirectUri: httpUrl('PEIYU_OIDC_REDIRECT_URI', env.PEIYU_OIDC_REDIRECT_URI as string, production),
    scope: [...scope].join(' '),
  };
}

/** The part of the issuer's discovery document the authorization-code flow needs. */
export interface OidcProviderMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  id_token_signing_alg_values_supported?: string[];
  token_endpoint_auth_methods_supported?: string[];
}

export class OidcError extends Error {
  constructor(
    /** unavailable: the provider could not be reached or is misconfigured; refused: the code or ID token was not accepted. */
    readonly reason: 'unavailable' | 'refused',
    message: string,
  ) {
    super(message);
    this.name = 'OidcError';
  }
}

/** Signature algorithms accepted for ID tokens: asymmetric only, never `none` nor an HMAC keyed with the client secret. */
export const ID_TOKEN_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

const TIMEOUT_MS = 10_000;

/** Fetches and checks the issuer's discovery document (OpenID Connect Discovery 1.0, section 4). */
export async function discoverProvider(issuer: string, fetchFn: FetchLike = fetch): Promise<OidcProviderMetadata> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  let body: Partial<OidcProviderMetadata>;
  try {
    const res = await fetchFn(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    body = (await res.json()) as Partial<OidcProviderMetadata>;
  } catch (error) {
    throw new OidcError('unavailable', `The OpenID provider's discovery document could not be read (${error instanceof Error ? error.message : String(error)}).`);
  }
  // The issuer in the document must be exactly the configured one, or tokens could be minted by another.
  if (body.issuer !== issuer) throw new OidcError('unavailable', `The discovery document names issuer ${String(body.issuer)}, not ${issuer}.`);
  for (const key of ['authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const) {
    if (typeof body[key] !== 'string') throw new OidcError('unavailable', `The discovery document has no ${key}.`);
  }
  return body as OidcProviderMetadata;
}

/** The algorithms this provider may sign ID tokens with, among those Peiyu accepts. */
export function acceptedAlgorithms(metadata: Pick<OidcProviderMetadata, 'id_token_signing_alg_values_supported'>): string[] {
  const offered = metadata.id_token_signing_alg_values_supported ?? ['RS256'];
  const accepted = offered.filter((alg) => (ID_TOKEN_ALGORITHMS as readonly string[]).includes(alg));
  if (accepted.length === 0) throw new OidcError('unavailable', `The provider signs ID tokens only with ${offered.join(', ')}, none of which Peiyu accepts.`);
  return accepted;
}

function randomValue(): string {
  return randomBytes(32).toString('base64url');
}

/** PKCE (RFC 7636) with S256: the verifier stays on the server, the challenge goes in the URL. */
export function newPkcePair(): { verifier: string; challenge: string } {
  const verifier = randomValue();
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** What a new sign-in needs remembered until the provider sends the user back: state, nonce, PKCE verifier. */
export interface OidcPendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export function newPendingSignIn(): OidcPendingSignIn & { codeChallenge: string } {
  const { verifier, challenge } = newPkcePair();
  return { state: randomValue(), nonce: randomValue(), codeVerifier: verifier, codeChallenge: challenge };
}

export function authorizationUrl(
  metadata: Pick<OidcProviderMetadata, 'authorization_endpoint'>,
  settings: Pick<OidcSettings, 'clientId' | 'redirectUri' | 'scope'>,
  pending: { state: string; nonce: string; codeChallenge: string },
): string {
  const url = new URL(metadata.authorization_endpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', settings.clientId);
  url.searchParams.set('redirect_uri', settings.redirectUri);
  url.searchParams.set('scope', settings.scope);
  url.searchParams.set('state', pending.state);
  url.searchParams.set('nonce', pending.nonce);
  url.searchParams.set('code_challenge', pending.codeChallenge);
  url.searchParams.set('code_challenge_method', 'S256');
  return url.toString();
}

/** Exchanges an authorization code for the provider's tokens; returns the ID token. */
export async function exchangeCode(
  metadata: Pick<OidcProviderMetadata, 'token_endpoint' | 'token_endpoint_auth_methods_supported'>,
  settings: Pick<OidcSettings, 'clientId' | 'clientSecret' | 'redirectUri'>,
  code: string,
  codeVerifier: string,
  fetchFn: FetchLike = fetch,
): Promise<string> {
  const form = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: settings.redirectUri, code_verifier: codeVerifier });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  const methods = metadata.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
  if (methods.includes('client_secret_basic')) {
    // RFC 6749 section 2.3.1: both parts form-urlencoded before base64.
    const basic = `${encodeURIComponent(settings.clientId)}:${encodeURIComponent(settings.clientSecret)}`;
    headers.authorization = `Basic ${Buffer.from(basic).toString('base64')}`;
  } else {
    form.set('client_id', settings.clientId);
    form.set('client_secret', settings.clientSecret);
  }
  let body: { id_token?: unknown; error?: unknown };
  let status: number;
  try {
    const res = await fetchFn(metadata.token_endpoint, { method: 'POST', headers, body: form.toString(), signal: AbortSignal.timeout(TIMEOUT_MS) });
    status = res.status;
    body = (await res.json()) as typeof body;
  } catch (error) {
    throw new OidcError('unavailable', `The OpenID provider's token endpoint could not be reached (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (status >= 500) throw new OidcError('unavailable', `The OpenID provider's token endpoint answered HTTP ${status}.`);
  if (status >= 400 || typeof body.id_token !== 'string') {
    // An invalid or reused code is the caller's fault, not the provider's.
    throw new OidcError('refused', `The OpenID provider refused the authorization code${typeof body.error === 'string' ? ` (${body.error})` : ''}.`);
  }
  return body.id_token;
}

/** What Peiyu takes from a verified ID token. */
export interface VerifiedIdToken {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
}

export interface IdTokenExpectations {
  issuer: string;
  clientId: string;
  nonce: string;
  algorithms: string[];
  /** For tests: the instant to check expiry against. */
  currentDate?: Date;
}

/**
 * Verifies an ID token (OpenID Connect Core 3.1.3.7): signature by one of the issuer's keys with an
 * accepted asymmetric algorithm, issuer, audience (and authorized party when there are several),
 * expiry and issue time, and the nonce of this sign-in.
 */
export async function verifyIdToken(idToken: string, keys: JWTVerifyGetKey, expected: IdTokenExpectations): Promise<VerifiedIdToken> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(idToken, keys, {
      issuer: expected.issuer,
      audience: expected.clientId,
      algorithms: expected.algorithms.filter((alg) => (ID_TOKEN_ALGORITHMS as readonly string[]).includes(alg)),
      requiredClaims: ['sub', 'iat', 'exp'],
      clockTolerance: 60,
      currentDate: expected.currentDate,
    }));
  } catch (error) {
    // jose's messages name the check that failed (`unexpected "aud" claim value`), never a key or a claim's value.
    const why = error instanceof errors.JWTExpired ? 'it has expired' : error instanceof errors.JOSEError ? error.message : 'it could not be read';
    throw new OidcError('refused', `The ID token was refused: ${why}.`);
  }
  const { sub, nonce, aud, azp, email, email_verified: emailVerified } = payload;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 255) throw new OidcError('refused', 'The ID token was refused: its subject is not valid.');
  if (nonce !== expected.nonce) throw new OidcError('refused', 'The ID token was refused: its nonce does not match this sign-in.');
  if (Array.isArray(aud) && aud.length > 1 && azp !== expected.clientId) throw new OidcError('refused', 'The ID token was refused: it was issued to another party.');
  return {
    issuer: expected.issuer,
    subject: sub,
    email: typeof email === 'string' ? email : null,
    emailVerified: emailVerified === true,
  };
}

export interface OidcClientDependencies {
  fetch?: FetchLike;
  /** The key set of a jwks_uri; by default jose's remote set, which caches keys and refetches on an unknown `kid`. */
  keySetFor?: (jwksUri: string) => JWTVerifyGetKey;
}

const METADATA_TTL_MS = 60 * 60 * 1000;

/** The authorization-code flow against one issuer, its discovery document and key set cached. */
export class OidcClient {
  private metadata: { value: OidcProviderMetadata; keys: JWTVerifyGetKey; fetchedAt: number } | null = null;
  private readonly fetchFn: FetchLike;
  private readonly keySetFor: (jwksUri: string) => JWTVerifyGetKey;

  constructor(
    readonly settings: OidcSettings,
    dependencies: OidcClientDependencies = {},
  ) {
    this.fetchFn = dependencies.fetch ?? fetch;
    this.keySetFor = dependencies.keySetFor ?? ((uri) => createRemoteJWKSet(new URL(uri), { timeoutDuration: TIMEOUT_MS }));
  }

  private async provider(): Promise<{ value: OidcProviderMetadata; keys: JWTVerifyGetKey }> {
    if (!this.metadata || Date.now() - this.metadata.fetchedAt > METADATA_TTL_MS) {
      const value = await discoverProvider(this.settings.issuer, this.fetchFn);
      acceptedAlgorithms(value);
      this.metadata = { value, keys: this.keySetFor(value.jwks_uri), fetchedAt: Date.now() };
    }
    return this.metadata;
  }

  /** A new sign-in: the URL to send the user to, and what must be kept until they come back. */
  async begin(): Promise<{ url: string; pending: OidcPendingSignIn }> {
    const { value } = await this.provider();
    const { codeChallenge, ...pending } = newPendingSignIn();
    return { url: authorizationUrl(value, this.settings, { ...pending, codeChallenge }), pending };
  }

  /** The provider sent the user back with `code`: exchange it and verify the ID token against this sign-in's nonce. */
  async complete(code: string, pending: Pick<OidcPendingSignIn, 'nonce' | 'codeVerifier'>): Promise<VerifiedIdToken> {
    const { value, keys } = await this.provider();
    const idToken = await exchangeCode(value, this.settings, code, pending.codeVerifier, this.fetchFn);
    return verifyIdToken(idToken, keys, { issuer: value.issuer, clientId: this.settings.clientId, nonce: pending.nonce, algorithms: acceptedAlgorithms(value) });
  }
}
