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
    streetId: randomUUID(),
    category: 'MEDIATION',
    stage: 'FORMATION',
    stageDeadline: '2026-03-01T00:00:00.000Z',
  };
  const cultivationId = started.cultivationId;
  const escalationId = randomUUID();
  const at = '2026-01-02T03:04:05.000Z';

  it('reads the events the read model uses', () => {
    expect(parseCultivationEvent('cultivation.started', 1, started)).toEqual({
      ok: true,
      value: {
        kind: 'started',
        event: {
          cultivationId,
          organizationId: started.organizationId,
          institutionId: started.institutionId,
          communityId: started.communityId,
          districtId: started.districtId,
          streetId: started.streetId,
          category: 'MEDIATION',
          stage: 'FORMATION',
          stageDeadline: new Date(started.stageDeadline),
        },
      },
    });
    const raised = { cultivationId, escalationId, type: 'DELAY', level: 2, stage: 'GROWTH', raisedAt: at };
    expect(parseCultivationEvent('cultivation.escalation-raised', 1, raised)).toEqual({
      ok: true,
      value: { kind: 'escalation-raised', event: { ...raised, raisedAt: new Date(at) } },
    });
    expect(parseCultivationEvent('cultivation.escalation-acknowledged', 1, { cultivationId, escalationId, level: 2, at })).toEqual({
      ok: true,
      value: { kind: 'escalation-acknowledged', event: { cultivationId, escalationId, level: 2, at: new Date(at) } },
    });
    expect(parseCultivationEvent('cultivation.escalation-resolved', 1, { cultivationId, escalationId, resolution: 'GATE_APPROVED', at })).toEqual({
      ok: true,
      value: { kind: 'escalation-resolved', event: { cultivationId, escalationId, resolution: 'GATE_APPROVED', at: new Date(at) } },
    });
    expect(parseCultivationEvent('cultivation.status-changed', 1, { cultivationId, status: 'PAUSED', at })).toEqual({
      ok: true,
      value: { kind: 'status-changed', event: { cultivationId, status: 'PAUSED', at: new Date(at) } },
    });
    expect(parseCultivationEvent('cultivation.stage-changed', 1, { cultivationId, from: 'FORMATION', to: 'GROWTH', at })).toEqual({
      ok: true,
      value: { kind: 'stage-changed', event: { cultivationId, from: 'FORMATION', to: 'GROWTH', at: new Date(at), deadline: null } },
    });
    const deadline = '2026-02-01T00:00:00.000Z';
    expect(parseCultivationEvent('cultivation.deadline-extended', 1, { cultivationId, stage: 'GROWTH', deadline, at })).toEqual({
      ok: true,
      value: { kind: 'deadline-extended', event: { cultivationId, stage: 'GROWTH', deadline: new Date(deadline), at: new Date(at) } },
    });
  });

  it('reads the outcome of a withdrawal follow-up', () => {
    expect(parseCultivationEvent('cultivation.follow-up-recorded', 1, { cultivationId, index: 1, monthsAfter: 3, result: 'FAILED', at })).toEqual({
      ok: true,
      value: { kind: 'follow-up-recorded', event: { cultivationId, index: 1, monthsAfter: 3, result: 'FAILED', at: new Date(at) } },
    });
    expect(parseCultivationEvent('cultivation.follow-up-recorded', 1, { cultivationId, index: -1, monthsAfter: 3, result: 'LATE', at })).toEqual({
      ok: false,
      reason: 'invalid or missing index, result',
    });
  });

  it('reads a start written before it carried streetId, or with a null one, as without a street', () => {
    const older: Record<string, unknown> = { ...started };
    delete older.streetId;
    expect(parseCultivationEvent('cultivation.started', 1, older)).toMatchObject({ ok: true, value: { event: { streetId: null } } });
    expect(parseCultivationEvent('cultivation.started', 1, { ...started, streetId: null })).toMatchObject({ ok: true, value: { event: { streetId: null } } });
  });

  it('reads a deadline on cultivation.stage-changed when the event carries one, and tolerates a start without a usable one', () => {
    const deadline = '2026-06-01T00:00:00.000Z';
    expect(parseCultivationEvent('cultivation.stage-changed', 1, { cultivationId, from: 'FORMATION', to: 'GROWTH', at, deadline })).toMatchObject({
      ok: true,
      value: { event: { deadline: new Date(deadline) } },
    });
    expect(parseCultivationEvent('cultivation.started', 1, { ...started, stageDeadline: 'soon' })).toMatchObject({ ok: true, value: { event: { stageDeadline: null } } });
  });

  it('ignores other types, and says what is wrong with an unusable event', () => {
    expect(parseCultivationEvent('organization.created', 1, {})).toEqual({ ok: 'ignored' });
    expect(parseCultivationEvent('cultivation.started', 2, started)).toEqual({ ok: false, reason: expect.stringContaining('version 2') });
    expect(parseCultivationEvent('cultivation.started', 1, { ...started, districtId: 'D-1', stage: 'DONE' })).toEqual({
      ok: false,
      reason: 'invalid or missing districtId, stage',
    });
    expect(parseCultivationEvent('cultivation.stage-changed', 1, null)).toEqual({ ok: false, reason: 'the payload is not an object' });
    expect(parseCultivationEvent('cultivation.stage-changed', 1, { cultivationId, from: 'FORMATION', to: 'GROWTH', at: '' })).toEqual({
      ok: false,
      reason: 'invalid or missing at',
    });
    expect(parseCultivationEvent('cultivation.status-changed', 1, { cultivationId, status: 'STOPPED', at })).toEqual({ ok: false, reason: 'invalid or missing status' });
    expect(parseCultivationEvent('cultivation.escalation-acknowledged', 1, { cultivationId, escalationId, level: 0, at })).toEqual({
      ok: false,
      reason: 'invalid or missing level',
    });
    expect(parseCultivationEvent('cultivation.deadline-extended', 1, { cultivationId, stage: 'GROWTH', deadline: 'later', at })).toEqual({
      ok: false,
      reason: 'invalid or missing deadline',
    });
  });
});
