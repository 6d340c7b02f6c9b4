import { describe, expect, it } from '@jest/globals';
import { hashRefreshToken, looksLikeRefreshToken, newRefreshToken } from './refresh-tokens.js';

describe('refresh tokens', () => {
  it('are random, recognisable, and stored only as a hash', () => {
    const a = newRefreshToken();
    const b = newRefreshToken();
    expect(a.token).not.toBe(b.token);
    expect(looksLikeRefreshToken(a.token)).toBe(true);
    expect(a.hash).toBe(hashRefreshToken(a.token));
    expect(a.hash).not.toContain(a.token.slice(4));
    expect(looksLikeRefreshToken('pyr_short')).toBe(false);
    expect(looksLikeRefreshToken(`${a.token}x`)).toBe(false);
  });
});
