import type { CultivationStatus, EscalationStatus, EscalationType, ProcessEvent, Stage } from '@peiyu/contracts';

export interface SnapshotEscalation {
  key: string;
  type: EscalationType;
  stage: Stage;
  level: number;
  status: EscalationStatus;
}

/** A cultivation as it stood at an instant, rebuilt from its recorded process events. */
export interface CultivationSnapshot {
  asOf: Date;
  /** Null before the cultivation started. */
  stage: Stage | null;
  status: CultivationStatus;
  stageDeadline: Date | null;
  pausedSince: Date | null;
  escalations: SnapshotEscalation[];
  /** How many recorded events the snapshot is built from. */
  eventCount: number;
}

/**
 * Replays the process events recorded up to `asOf` (inclusive), in sequence order. The read model
 * keeps only the present; the timeline keeps every event, so any past state can be rebuilt from it.
 */
export function snapshotAsOf(events: { at: Date; event: ProcessEvent }[], asOf: Date): CultivationSnapshot {
  const snapshot: CultivationSnapshot = { asOf, stage: null, status: 'ACTIVE', stageDeadline: null, pausedSince: null, escalations: [], eventCount: 0 };
  const byKey = new Map<string, SnapshotEscalation>();
  for (const { at, event } of events) {
    if (at.getTime() > asOf.getTime()) break;
    snapshot.eventCount += 1;
    switch (event.kind) {
      case 'STAGE_ENTERED':
        snapshot.stage = event.stage;
        snapshot.stageDeadline = new Date(event.deadline);
        break;
      case 'COMPLETED':
        snapshot.stage = 'COMPLETED';
        snapshot.stageDeadline = null;
        break;
      case 'DEADLINE_EXTENDED':
      case 'DEADLINE_RECOMPUTED':
        snapshot.stageDeadline = new Date(event.to);
        break;
      case 'PAUSED':
        snapshot.status = 'PAUSED';
        snapshot.pausedSince = at;
        break;
      case 'RESUMED':
        snapshot.status = 'ACTIVE';
        snapshot.pausedSince = null;
        break;
      case 'TERMINATED':
        snapshot.status = 'TERMINATED';
        snapshot.pausedSince = null;
        break;
      case 'ESCALATION_RAISED': {
        const escalation: SnapshotEscalation = { key: event.key, type: event.type, stage: event.stage, level: 1, status: 'OPEN' };
        byKey.set(event.key, escalation);
        snapshot.escalations.push(escalation);
        break;
      }
      case 'ESCALATION_CLIMBED':
        if (byKey.has(event.key)) byKey.get(event.key)!.level = event.level;
        break;
      case 'ESCALATION_ACKNOWLEDGED':
        if (byKey.has(event.key)) byKey.get(event.key)!.status = 'ACKNOWLEDGED';
        break;
      case 'ESCALATION_RESOLVED':
        if (byKey.has(event.key)) byKey.get(event.key)!.status = 'RESOLVED';
        break;
      case 'GATE_EVALUATED':
      case 'GATE_APPROVED':
      case 'DEVIATION_FLAGGED':
      case 'CORRECTION_PLAN_SUBMITTED':
      case 'WITHDRAWAL_STARTED':
      case 'WITHDRAWAL_PHASE_ADVANCED':
      case 'HANDOVER_CONFIRMED':
      case 'FINAL_EVALUATION_RECORDED':
      case 'FOLLOW_UP_DUE':
      case 'FOLLOW_UP_RECORDED':
      case 'FOLLOW_UP_MISSED':
      case 'WITHDRAWAL_REENGAGED':
        break;
    }
  }
  return snapshot;
}
