import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { parseOrganizationEvent } from './organization-events.js';

describe('parseOrganizationEvent', () => {
  const organizationId = randomUUID();
  const at = '2026-01-02T03:04:05.000Z';

  it('reads a filing, an activity change and a status change', () => {
    expect(parseOrganizationEvent('organization.evidence-changed', 1, { organizationId, evidence: 'FILING', at })).toEqual({
      ok: true,
      value: { kind: 'filed', organizationId, at: new Date(at) },
    });
    expect(parseOrganizationEvent('organization.evidence-changed', 1, { organizationId, evidence: 'ACTIVITIES', at })).toEqual({
      ok: true,
      value: { kind: 'activity-changed', organizationId, at: new Date(at) },
    });
    expect(parseOrganizationEvent('organization.status-changed', 1, { organizationId, status: 'DISSOLVED', at })).toEqual({
      ok: true,
      value: { kind: 'status-changed', organizationId, status: 'DISSOLVED', at: new Date(at) },
    });
  });

  it('ignores what analytics does not use, and says what is wrong with an unusable event', () => {
    expect(parseOrganizationEvent('organization.created', 1, { organizationId })).toEqual({ ok: 'ignored' });
    expect(parseOrganizationEvent('organization.evidence-changed', 1, { organizationId, evidence: 'MEMBERS', at })).toEqual({ ok: 'ignored' });
    expect(parseOrganizationEvent('organization.evidence-changed', 2, { organizationId, evidence: 'FILING', at })).toEqual({
      ok: false,
      reason: expect.stringContaining('version 2'),
    });
    expect(parseOrganizationEvent('organization.status-changed', 1, { organizationId: 'o-1', status: 'GONE', at: 'then' })).toEqual({
      ok: false,
      reason: 'invalid or missing organizationId, status, at',
    });
    expect(parseOrganizationEvent('organization.status-changed', 1, null)).toEqual({ ok: false, reason: 'the payload is not an object' });
  });
});
