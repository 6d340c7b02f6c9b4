import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { estimatedEntropyBits, resolveJwtSecret, weakSecretReason } from './secrets.js';
import { resolveOidcSettings } from './oidc.js';

const strong = () => randomBytes(48).toString('base64url');

describe('resolveJwtSecret', () => {
  it('refuses to start in production without a secret, with a short one, a placeholder or a predictable one', () => {
    expect(() => resolveJwtSecret({ NODE_ENV: 'production' })).toThrow(/required in production/);
    expect(() => resolveJwtSecret({ NODE_ENV: 'production', PEIYU_JWT_SECRET: 'short' })).toThrow(/at least 32/);
    expect(() => resolveJwtSecret({ NODE_ENV: 'production', PEIYU_JWT_SECRET: 'changeme-changeme-changeme-changeme' })).toThrow(/placeholder/);
    expect(() => resolveJwtSecret({ NODE_ENV: 'production', PEIYU_JWT_SECRET: 'a'.repeat(64) })).toThrow(/predictable/);
    expect(() => resolveJwtSecret({ NODE_ENV: 'production', PEIYU_JWT_SECRET: 'ab'.repeat(32) })).toThrow(/predictable/);
  });

  it('accepts a random secret in production', () => {
    const secret = strong();
    expect(resolveJwtSecret({ NODE_ENV: 'production', PEIYU_JWT_SECRET: secret })).toBe(secret);
    const hex = randomBytes(32).toString('hex');
    expect(resolveJwtSecret({ NODE_ENV: 'production', PEIYU_JWT_SECRET: hex })).toBe(hex);
  });

  it('generates a development secret once, into the data directory, readable by its owner only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'peiyu-secret-'));
    const first = resolveJwtSecret({ PEIYU_DATA_DIR: dir });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(resolveJwtSecret({ PEIYU_DATA_DIR: dir })).toBe(first);
    expect(JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8'))).toEqual({ jwtSecret: first });
  });
});

describe('weakSecretReason', () => {
  it('estimates entropy from the characters', () => {
    expect(estimatedEntropyBits('aaaa')).toBe(0);
    expect(estimatedEntropyBits('abcd')).toBe(8);
    expect(weakSecretReason('S', strong())).toBeNull();
  });
});

describe('resolveOidcSettings', () => {
  const complete = {
    PEIYU_OIDC_ISSUER: 'https://id.example.org/realms/peiyu',
    PEIYU_OIDC_CLIENT_ID: 'peiyu-admin',
    PEIYU_OIDC_CLIENT_SECRET: strong(),
    PEIYU_OIDC_REDIRECT_URI: 'https://peiyu.example.org/oidc/callback',
  };

  it('is off when nothing is set, and refuses half a configuration', () => {
    expect(resolveOidcSettings({})).toBeNull();
    expect(() => resolveOidcSettings({ PEIYU_OIDC_ISSUER: complete.PEIYU_OIDC_ISSUER })).toThrow(/PEIYU_OIDC_CLIENT_ID, PEIYU_OIDC_CLIENT_SECRET, PEIYU_OIDC_REDIRECT_URI must be set/);
    expect(() => resolveOidcSettings({ PEIYU_OIDC_CLIENT_SECRET: 'x' })).toThrow(/PEIYU_OIDC_ISSUER/);
  });

  it('always asks for openid', () => {
    expect(resolveOidcSettings(complete)?.scope).toBe('openid email profile');
    expect(resolveOidcSettings({ ...complete, PEIYU_OIDC_SCOPE: 'profile' })?.scope).toBe('openid profile');
  });

  it('in production, refuses a placeholder client secret and plain-http URLs', () => {
    expect(resolveOidcSettings({ ...complete, NODE_ENV: 'production' })?.clientId).toBe('peiyu-admin');
    expect(() => resolveOidcSettings({ ...complete, NODE_ENV: 'production', PEIYU_OIDC_CLIENT_SECRET: 'changeme-changeme' })).toThrow(/placeholder/);
    expect(() => resolveOidcSettings({ ...complete, NODE_ENV: 'production', PEIYU_OIDC_CLIENT_SECRET: 'short' })).toThrow(/at least 16/);
    expect(() => resolveOidcSettings({ ...complete, NODE_ENV: 'production', PEIYU_OIDC_ISSUER: 'http://id.example.org' })).toThrow(/https URL in production/);
    expect(resolveOidcSettings({ ...complete, PEIYU_OIDC_ISSUER: 'http://127.0.0.1:9000' })?.issuer).toBe('http://127.0.0.1:9000');
    expect(() => resolveOidcSettings({ ...complete, PEIYU_OIDC_REDIRECT_URI: 'not a url' })).toThrow(/absolute URL/);
  });
});
