import { describe, expect, it } from '@jest/globals';
import { addressKey, passwordProblem, scopeProblem, usernameProblem, userSnapshot } from './access-policy.js';
import { limitExceeded } from './sign-in-throttle.js';

const D = '10000000-0000-4000-8000-000000000001';
const D2 = '10000000-0000-4000-8000-000000000002';

describe('scopeProblem', () => {
  it('accepts the scopes that fit each role', () => {
    expect(scopeProblem('ADMIN', [{ kind: 'CITY', id: null }])).toBeNull();
    expect(scopeProblem('PROGRAMME_MANAGER', [{ kind: 'DISTRICT', id: D }, { kind: 'DISTRICT', id: D2 }])).toBeNull();
    expect(scopeProblem('ANALYST', [{ kind: 'CITY', id: null }])).toBeNull();
    expect(scopeProblem('STREET_OFFICER', [{ kind: 'STREET', id: D }])).toBeNull();
    for (const role of ['INSTITUTION_DIRECTOR', 'SUPERVISOR', 'SOCIAL_WORKER'] as const) expect(scopeProblem(role, [{ kind: 'INSTITUTION', id: D }])).toBeNull();
  });

  it('names the scope that does not fit', () => {
    expect(scopeProblem('PROGRAMME_MANAGER', [])).toMatchObject({ field: 'scopes' });
    expect(scopeProblem('PROGRAMME_MANAGER', [{ kind: 'DISTRICT', id: D }, { kind: 'STREET', id: D2 }])).toMatchObject({ field: 'scopes.1.kind' });
    expect(scopeProblem('STREET_OFFICER', [{ kind: 'DISTRICT', id: D }])).toMatchObject({ field: 'scopes.0.kind' });
    expect(scopeProblem('SOCIAL_WORKER', [{ kind: 'CITY', id: null }])).toMatchObject({ field: 'scopes.0.kind' });
    expect(scopeProblem('ADMIN', [{ kind: 'DISTRICT', id: D }])).toMatchObject({ field: 'scopes.0.kind' });
    expect(scopeProblem('ANALYST', [{ kind: 'CITY', id: D }])).toMatchObject({ field: 'scopes.0.id' });
    expect(scopeProblem('ANALYST', [{ kind: 'CITY', id: null }, { kind: 'DISTRICT', id: D }])).toMatchObject({ field: 'scopes' });
    expect(scopeProblem('ANALYST', [{ kind: 'DISTRICT', id: null }])).toMatchObject({ field: 'scopes.0.id' });
    expect(scopeProblem('ANALYST', [{ kind: 'DISTRICT', id: D }, { kind: 'DISTRICT', id: D }])).toMatchObject({ field: 'scopes.1' });
  });
});

describe('usernameProblem and passwordProblem', () => {
  it('checks the format of a username', () => {
    for (const ok of ['wang', 'li.na', 'user_01', 'a-b']) expect(usernameProblem(ok)).toBeNull();
    for (const bad of ['ab', 'Wang', '1abc', 'has space', 'x'.repeat(33), '王五']) expect(usernameProblem(bad)).toMatchObject({ field: 'username' });
  });

  it('wants at least 10 characters, at most 200, not all blank', () => {
    expect(passwordProblem('0123456789')).toBeNull();
    expect(passwordProblem('培育平台的一个安全口令')).toBeNull();
    expect(passwordProblem('012345678')).toMatchObject({ field: 'password' });
    expect(passwordProblem('x'.repeat(201), 'newPassword')).toMatchObject({ field: 'newPassword' });
    expect(passwordProblem(' '.repeat(12))).toMatchObject({ field: 'password' });
  });
});

describe('userSnapshot', () => {
  it('leaves the password hash out', () => {
    const snapshot = userSnapshot({ id: 'u', username: 'wang', displayName: 'W', role: 'ANALYST', scopes: [], externalSubject: null, version: 3, passwordHash: '$argon2id$...' } as never);
    expect(JSON.stringify(snapshot)).not.toContain('argon');
  });
});

describe('addressKey', () => {
  it('keys IPv4 addresses as they are and IPv6 ones by their /64', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::5')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });
});

describe('limitExceeded', () => {
  const limits = { windowSeconds: 900, maxFailuresPerAccount: 5, maxFailuresPerAddress: 20 };
  const now = new Date('2026-01-01T12:00:00Z');
  const oldest = new Date('2026-01-01T11:50:00Z');

  it('allows up to the limit, the current attempt included, and says when a place frees', () => {
    expect(limitExceeded([{ kind: 'ACCOUNT', count: 5, oldest }, { kind: 'ADDRESS', count: 20, oldest }], limits, now)).toBeNull();
    expect(limitExceeded([{ kind: 'ACCOUNT', count: 6, oldest }], limits, now)).toEqual({ kind: 'ACCOUNT', retryAfterSeconds: 300 });
    expect(limitExceeded([{ kind: 'ACCOUNT', count: 1, oldest }, { kind: 'ADDRESS', count: 21, oldest }], limits, now)).toEqual({ kind: 'ADDRESS', retryAfterSeconds: 300 });
  });
});
