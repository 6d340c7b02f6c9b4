import { createHash, randomBytes } from 'node:crypto';

/** A new opaque refresh token: 256 random bits, with a prefix that makes a leaked one easy to spot in logs and scanners. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = `pyr_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashRefreshToken(token) };
}

/**
 * What the database stores instead of the token. A fast hash is enough: the token has 256 bits of
 * entropy, so there is nothing to brute-force, and looking it up by hash needs no per-row salt.
 */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

/** Whether `token` has the shape of a refresh token this module issues (cheap check before any lookup). */
export function looksLikeRefreshToken(token: string): boolean {
  return /^pyr_[A-Za-z0-9_-]{43}$/.test(token);
}
