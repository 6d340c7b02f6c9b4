import { describe, expect, it } from '@jest/globals';
import { clientAddress, normalizeAddress, trustedProxiesFromEnv } from './client-address.js';

const loopback = trustedProxiesFromEnv({});
const req = (remoteAddress: string, forwardedFor?: string) => ({ socket: { remoteAddress }, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} });

describe('clientAddress', () => {
  it('believes X-Forwarded-For from a trusted proxy only, taking the entry the proxy wrote', () => {
    expect(clientAddress(req('127.0.0.1', '203.0.113.7'), loopback)).toBe('203.0.113.7');
    expect(clientAddress(req('::ffff:127.0.0.1', '1.1.1.1, 203.0.113.7'), loopback)).toBe('203.0.113.7');
    expect(clientAddress(req('198.51.100.2', '203.0.113.7'), loopback)).toBe('198.51.100.2');
    expect(clientAddress(req('127.0.0.1'), loopback)).toBe('127.0.0.1');
    expect(clientAddress(req('127.0.0.1', 'not-an-address'), loopback)).toBe('127.0.0.1');
  });

  it('reads the trusted proxies from PEIYU_TRUSTED_PROXIES', () => {
    const trusted = trustedProxiesFromEnv({ PEIYU_TRUSTED_PROXIES: '10.0.0.5, ::ffff:10.0.0.6' });
    expect(clientAddress(req('10.0.0.5', '203.0.113.7'), trusted)).toBe('203.0.113.7');
    expect(clientAddress(req('10.0.0.6', '203.0.113.8'), trusted)).toBe('203.0.113.8');
    expect(clientAddress(req('127.0.0.1', '203.0.113.7'), trusted)).toBe('127.0.0.1');
    expect(() => trustedProxiesFromEnv({ PEIYU_TRUSTED_PROXIES: 'gateway.local' })).toThrow(/not an IP address/);
  });

  it('normalizes IPv4-mapped addresses', () => {
    expect(normalizeAddress(' ::FFFF:10.1.2.3 ')).toBe('10.1.2.3');
    expect(normalizeAddress('2001:DB8::1')).toBe('2001:db8::1');
  });
});
