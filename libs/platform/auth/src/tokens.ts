import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, errors } from 'jose';
import { ROLES, SCOPE_KINDS, type Identity, type Role, type Scope } from '@peiyu/contracts';

const ISSUER = 'peiyu';
const AUDIENCE = 'peiyu-api';

export class InvalidTokenError extends Error {
  constructor(readonly reason: 'expired' | 'invalid') {
    super(reason === 'expired' ? 'The token has expired; sign in again.' : 'The token is not valid.');
  }
}

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

export async function issueToken(identity: Identity, secret: string, ttlSeconds: number, now = new Date()): Promise<IssuedToken> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = new Date((issuedAt + ttlSeconds) * 1000);
  const token = await new SignJWT({ username: identity.username, role: identity.role, scopes: identity.scopes })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(identity.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    // A token of its own even when issued twice in one second with the same claims (a renewal).
    .setJti(randomUUID())
    .sign(key(secret));
  return { token, expiresAt };
}

function isScope(value: unknown): value is Scope {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, id } = value as Record<string, unknown>;
  return (SCOPE_KINDS as readonly unknown[]).includes(kind) && (id === null || typeof id === 'string');
}

/** Verifies signature, issuer, audience and expiry, and that the claims have the expected shape. */
export async function verifyToken(token: string, secret: string): Promise<Identity> {
  try {
    const { payload } = await jwtVerify(token, key(secret), { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
    const { sub, username, role, scopes } = payload as Record<string, unknown>;
    if (
      typeof sub !== 'string' ||
      typeof username !== 'string' ||
      !(ROLES as readonly unknown[]).includes(role) ||
      !Array.isArray(scopes) ||
      !scopes.every(isScope)
    ) {
      throw new InvalidTokenError('invalid');
    }
    return { userId: sub, username, role: role as Role, scopes };
  } catch (error) {
    if (error instanceof InvalidTokenError) throw error;
    if (error instanceof errors.JWTExpired) throw new InvalidTokenError('expired');
    throw new InvalidTokenError('invalid');
  }
}

/** Extracts the token from an `Authorization: Bearer <token>` header value. */
export function bearerToken(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value?.match(/^Bearer\s+(\S+)$/i);
  return match ? match[1] : null;
}
