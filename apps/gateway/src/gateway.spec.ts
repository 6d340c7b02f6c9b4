import { describe, expect, it } from '@jest/globals';
import { formatGatewayError, parseTrustProxy, requestIdOf } from './gateway.js';

describe('formatGatewayError', () => {
  it('lets the rate-limit and operation-limit codes through, and nothing unknown', () => {
    expect(formatGatewayError({ message: 'Too many', extensions: { code: 'RATE_LIMITED' } }).extensions).toEqual({ code: 'RATE_LIMITED' });
    expect(formatGatewayError({ message: 'Too deep', extensions: { code: 'QUERY_TOO_COMPLEX' } }).extensions).toEqual({ code: 'QUERY_TOO_COMPLEX' });
    expect(formatGatewayError({ message: 'secret detail', extensions: { code: 'SOMETHING_ELSE' } })).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});

describe('parseTrustProxy', () => {
  it('reads false, hop counts and address lists, and refuses `true`', () => {
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('loopback, 10.0.0.0/8')).toBe('loopback, 10.0.0.0/8');
    expect(() => parseTrustProxy('TRUE')).toThrow(/any client/);
  });
});

describe('requestIdOf', () => {
  it('keeps a plain request id and replaces anything else', () => {
    expect(requestIdOf('abc-123')).toBe('abc-123');
    expect(requestIdOf('has space')).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf('x'.repeat(101))).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf(undefined)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
