import { describe, expect, it } from '@jest/globals';
import { auditArgumentsJson, redactArguments } from './audit.js';
import { clientOperationName } from './audit.interceptor.js';

describe('redactArguments', () => {
  it('hides the values of secret-looking keys at any depth, keeping the rest', () => {
    expect(
      redactArguments({
        input: { username: 'wang', password: 'hunter2hunter2', currentPassword: 'a', newPassword: 'b', refreshToken: 'pyr_x', clientSecret: 'y', nested: [{ apiKey: 'k', name: 'n' }] },
      }),
    ).toEqual({
      input: { username: 'wang', password: '[REDACTED]', currentPassword: '[REDACTED]', newPassword: '[REDACTED]', refreshToken: '[REDACTED]', clientSecret: '[REDACTED]', nested: [{ apiKey: '[REDACTED]', name: 'n' }] },
    });
  });

  it('hides the extra keys a resolver names, and leaves absent secrets null', () => {
    expect(redactArguments({ input: { code: 'abc', state: 's', other: 1, password: null } }, ['code', 'state'])).toEqual({ input: { code: '[REDACTED]', state: '[REDACTED]', other: 1, password: null } });
  });

  it('cuts long strings, deep nesting and huge arguments, and writes dates as ISO text', () => {
    expect((redactArguments({ text: 'x'.repeat(5000) }) as { text: string }).text).toHaveLength(2001);
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 20; i++) deep = { deeper: deep };
    expect(JSON.stringify(redactArguments(deep))).toContain('[…]');
    expect(redactArguments({ at: new Date('2026-01-02T03:04:05Z') })).toEqual({ at: '2026-01-02T03:04:05.000Z' });
    expect(JSON.parse(auditArgumentsJson({ items: Array.from({ length: 100 }, () => 'y'.repeat(1000)) }))).toMatchObject({ truncated: true });
  });
});

describe('clientOperationName', () => {
  it("drops the suffix the gateway's query planner adds", () => {
    expect(clientOperationName('Audited__communities__0')).toBe('Audited');
    expect(clientOperationName('Start_Cultivation__cultivation__12')).toBe('Start_Cultivation');
    expect(clientOperationName('Plain')).toBe('Plain');
    expect(clientOperationName('My__Op__communities__0')).toBe('My__Op');
    expect(clientOperationName(undefined)).toBeNull();
  });
});
