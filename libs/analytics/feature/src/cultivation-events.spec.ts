import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { parseCultivationEvent } from './cultivation-events.js';

describe('parseCultivationEvent', () => {
  const started = {
    cultivationId: randomUUID(),
    organizationId: randomUUID(),
    institutionId: randomUUID(),
    communityId: randomUUID(),
    districtId: randomUUID(),
    category: 'MEDIATION',
    stage: 'FORMATION',
    stageDeadline: '2026-03-01T00:00:00.000Z',
  };

  it('reads the events the read model uses', () => {
    expect(parseCultivationEvent('cultivation.started', 1, started)).toMatchObject({ ok: true, value: { kind: 'started', event: { districtId: started.districtId } } });
    const raised = { cultivationId: started.cultivationId, escalationId: randomUUID(), type: 'DELAY', level: 2, stage: 'GROWTH', raisedAt: '2026-01-02T03:04:05.000Z' };
    expect(parseCultivationEvent('cultivation.escalation-raised', 1, raised)).toEqual({
      ok: true,
      value: { kind: 'escalation-raised', event: { ...raised, raisedAt: new Date(raised.raisedAt) } },
    });
    expect(parseCultivationEvent('cultivation.stage-changed', 1, { cultivationId: started.cultivationId, from: 'FORMATION', to: 'GROWTH', at: '' })).toEqual({
      ok: true,
      value: { kind: 'stage-changed', event: { cultivationId: started.cultivationId, to: 'GROWTH' } },
    });
  });

  it('ignores other types, and says what is wrong with an unusable event', () => {
    expect(parseCultivationEvent('organization.created', 1, {})).toEqual({ ok: 'ignored' });
    expect(parseCultivationEvent('cultivation.started', 2, started)).toEqual({ ok: false, reason: expect.stringContaining('version 2') });
    expect(parseCultivationEvent('cultivation.started', 1, { ...started, districtId: 'D-1', stage: 'DONE' })).toEqual({
      ok: false,
      reason: 'invalid or missing districtId, stage',
    });
    expect(parseCultivationEvent('cultivation.stage-changed', 1, null)).toEqual({ ok: false, reason: 'the payload is not an object' });
  });
});
