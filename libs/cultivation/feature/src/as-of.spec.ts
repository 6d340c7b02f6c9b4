import { describe, expect, it } from '@jest/globals';
import type { ProcessEvent } from '@peiyu/contracts';
import { snapshotAsOf } from './as-of.js';

const supervisor = { userId: 'u1', role: 'SUPERVISOR' as const };
const manager = { userId: 'u2', role: 'PROGRAMME_MANAGER' as const };
const events: { at: Date; event: ProcessEvent }[] = [
  { at: new Date('2026-01-01'), event: { kind: 'STAGE_ENTERED', stage: 'FORMATION', deadline: '2026-03-01T00:00:00.000Z', policyVersion: 1 } },
  { at: new Date('2026-03-01'), event: { kind: 'ESCALATION_RAISED', key: 'DELAY:FORMATION:1', type: 'DELAY', stage: 'FORMATION', level: 1, levelDueAt: '2026-03-04T00:00:00.000Z', role: 'SUPERVISOR' } },
  { at: new Date('2026-03-04'), event: { kind: 'ESCALATION_CLIMBED', key: 'DELAY:FORMATION:1', level: 2, levelDueAt: '2026-03-07T00:00:00.000Z', role: 'INSTITUTION_DIRECTOR' } },
  { at: new Date('2026-03-05'), event: { kind: 'DEADLINE_EXTENDED', stage: 'FORMATION', from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z', reason: '换人', by: manager } },
  { at: new Date('2026-03-05'), event: { kind: 'ESCALATION_RESOLVED', key: 'DELAY:FORMATION:1', resolution: 'deadline extended' } },
  { at: new Date('2026-03-20'), event: { kind: 'GATE_APPROVED', stage: 'FORMATION', by: supervisor, note: null } },
  { at: new Date('2026-03-20'), event: { kind: 'STAGE_ENTERED', stage: 'GROWTH', deadline: '2026-09-16T00:00:00.000Z', policyVersion: 1 } },
];

describe('snapshotAsOf', () => {
  it('rebuilds the stage, deadline and escalations as they stood at each date', () => {
    expect(snapshotAsOf(events, new Date('2025-12-31'))).toMatchObject({ stage: null, eventCount: 0 });
    expect(snapshotAsOf(events, new Date('2026-03-04T12:00:00Z'))).toMatchObject({
      stage: 'FORMATION',
      stageDeadline: new Date('2026-03-01T00:00:00.000Z'),
      escalations: [{ key: 'DELAY:FORMATION:1', level: 2, status: 'OPEN' }],
    });
    expect(snapshotAsOf(events, new Date('2026-03-10'))).toMatchObject({
      stage: 'FORMATION',
      stageDeadline: new Date('2026-04-01T00:00:00.000Z'),
      escalations: [{ level: 2, status: 'RESOLVED' }],
    });
    expect(snapshotAsOf(events, new Date('2026-06-01'))).toMatchObject({ stage: 'GROWTH', stageDeadline: new Date('2026-09-16T00:00:00.000Z'), eventCount: 7 });
  });
});
