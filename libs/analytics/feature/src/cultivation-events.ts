import { isUUID } from 'class-validator';
import {
  CULTIVATION_STATUSES,
  ESCALATION_TYPES,
  EVENT_VERSIONS,
  ORGANIZATION_CATEGORIES,
  STAGES,
  type CultivationStatus,
  type EscalationType,
  type OrganizationCategory,
  type Stage,
} from '@peiyu/contracts';
import type { FollowUpOutcome } from '@peiyu/analytics-data-access';

/**
 * The cultivation events the analytics read model consumes, checked before they touch it: an event
 * whose payload does not have the shape its type and version promise is skipped (and logged) instead
 * of stopping the projection behind it.
 */
export interface CultivationStarted {
  cultivationId: string;
  /** Null when missing or not an id (the event is used anyway). */
  organizationId: string | null;
  institutionId: string;
  communityId: string;
  districtId: string;
  /** The community's street; null when the community has none, or the event is older than the field (the event is used anyway). */
  streetId: string | null;
  category: OrganizationCategory;
  stage: Stage;
  /** The deadline of the first stage; null when missing or not a date (the event is used anyway). */
  stageDeadline: Date | null;
}

export interface EscalationRaised {
  cultivationId: string;
  escalationId: string;
  type: EscalationType;
  level: number;
  stage: Stage;
  raisedAt: Date;
}

export interface EscalationAcknowledged {
  cultivationId: string;
  escalationId: string;
  level: number;
  at: Date;
}

export interface EscalationResolved {
  cultivationId: string;
  escalationId: string;
  resolution: string;
  at: Date;
}

export interface StageChanged {
  cultivationId: string;
  from: Stage;
  to: Stage;
  at: Date;
  /** The deadline of the stage entered; null for COMPLETED, or when missing (events written before it was added). */
  deadline: Date | null;
}

export interface DeadlineExtended {
  cultivationId: string;
  stage: Stage;
  /** The new deadline of the stage. */
  deadline: Date;
  at: Date;
}

export interface StatusChanged {
  cultivationId: string;
  status: CultivationStatus;
  at: Date;
}

/**
 * The outcome of a withdrawal follow-up, as the cultivation projection writes it (events.ts):
 * `{ cultivationId, index, monthsAfter, result: PASSED | FAILED | MISSED, at }`, one event when a
 * follow-up is recorded and one when its window passes without a record.
 */
export const FOLLOW_UP_RECORDED_EVENT = 'cultivation.follow-up-recorded';

export interface FollowUpRecorded {
  cultivationId: string;
  index: number;
  monthsAfter: number;
  result: FollowUpOutcome;
  at: Date;
}

export type CultivationFactEvent =
  | { kind: 'started'; event: CultivationStarted }
  | { kind: 'escalation-raised'; event: EscalationRaised }
  | { kind: 'escalation-acknowledged'; event: EscalationAcknowledged }
  | { kind: 'escalation-resolved'; event: EscalationResolved }
  | { kind: 'stage-changed'; event: StageChanged }
  | { kind: 'status-changed'; event: StatusChanged }
  | { kind: 'deadline-extended'; event: DeadlineExtended }
  | { kind: 'follow-up-recorded'; event: FollowUpRecorded };

/** The event types and versions the projection understands. */
export const PROJECTED_EVENT_VERSIONS: Record<string, number> = {
  'cultivation.started': EVENT_VERSIONS['cultivation.started'],
  'cultivation.escalation-raised': EVENT_VERSIONS['cultivation.escalation-raised'],
  'cultivation.escalation-acknowledged': EVENT_VERSIONS['cultivation.escalation-acknowledged'],
  'cultivation.escalation-resolved': EVENT_VERSIONS['cultivation.escalation-resolved'],
  'cultivation.stage-changed': EVENT_VERSIONS['cultivation.stage-changed'],
  'cultivation.status-changed': EVENT_VERSIONS['cultivation.status-changed'],
  'cultivation.deadline-extended': EVENT_VERSIONS['cultivation.deadline-extended'],
  [FOLLOW_UP_RECORDED_EVENT]: EVENT_VERSIONS['cultivation.follow-up-recorded'],
};

export type ParseResult = { ok: true; value: CultivationFactEvent } | { ok: false; reason: string } | { ok: 'ignored' };

type Payload = Record<string, unknown>;
type Check = (value: unknown) => boolean;

const FOLLOW_UP_OUTCOMES: readonly FollowUpOutcome[] = ['PASSED', 'FAILED', 'MISSED'];
const oneOf = <T extends string>(values: readonly T[], value: unknown): value is T => typeof value === 'string' && (values as readonly string[]).includes(value);
const uuid: Check = (value) => typeof value === 'string' && isUUID(value);
const instant: Check = (value) => typeof value === 'string' && !Number.isNaN(Date.parse(value));
const stage: Check = (value) => oneOf(STAGES, value);
const level: Check = (value) => Number.isInteger(value) && (value as number) >= 1;
const optionalInstant = (value: unknown): Date | null => (instant(value) ? new Date(value as string) : null);
const optionalUuid = (value: unknown): string | null => (uuid(value) ? (value as string) : null);

function problemOf(payload: Payload, checks: Record<string, Check>): string | null {
  const bad = Object.entries(checks)
    .filter(([field, check]) => !check(payload[field]))
    .map(([field]) => field);
  return bad.length > 0 ? `invalid or missing ${bad.join(', ')}` : null;
}

/** Reads one outbox row of cultivation-service: a fact event, `ignored` (a type analytics does not use), or why it is unusable. */
export function parseCultivationEvent(type: string, version: number, payload: unknown): ParseResult {
  const expectedVersion = PROJECTED_EVENT_VERSIONS[type];
  if (expectedVersion === undefined) return { ok: 'ignored' };
  if (version !== expectedVersion) return { ok: false, reason: `version ${version} of ${type} is not understood (expected ${expectedVersion})` };
  if (typeof payload !== 'object' || payload === null) return { ok: false, reason: 'the payload is not an object' };
  const p = payload as Payload;
  const parse = (checks: Record<string, Check>, value: () => CultivationFactEvent): ParseResult => {
    const problem = problemOf(p, checks);
    return problem ? { ok: false, reason: problem } : { ok: true, value: value() };
  };
  const str = (field: string) => p[field] as string;
  switch (type) {
    case 'cultivation.started':
      return parse(
        { cultivationId: uuid, institutionId: uuid, communityId: uuid, districtId: uuid, category: (v) => oneOf(ORGANIZATION_CATEGORIES, v), stage },
        () => ({
          kind: 'started',
          event: {
            cultivationId: str('cultivationId'),
            organizationId: optionalUuid(p.organizationId),
            institutionId: str('institutionId'),
            communityId: str('communityId'),
            districtId: str('districtId'),
            streetId: optionalUuid(p.streetId),
            category: p.category as OrganizationCategory,
            stage: p.stage as Stage,
            stageDeadline: optionalInstant(p.stageDeadline),
          },
        }),
      );
    case 'cultivation.escalation-raised':
      return parse(
        { cultivationId: uuid, escalationId: uuid, type: (v) => oneOf(ESCALATION_TYPES, v), level, stage, raisedAt: instant },
        () => ({
          kind: 'escalation-raised',
          event: {
            cultivationId: str('cultivationId'),
            escalationId: str('escalationId'),
            type: p.type as EscalationType,
            level: p.level as number,
            stage: p.stage as Stage,
            raisedAt: new Date(str('raisedAt')),
          },
        }),
      );
    case 'cultivation.escalation-acknowledged':
      return parse({ cultivationId: uuid, escalationId: uuid, level, at: instant }, () => ({
        kind: 'escalation-acknowledged',
        event: { cultivationId: str('cultivationId'), escalationId: str('escalationId'), level: p.level as number, at: new Date(str('at')) },
      }));
    case 'cultivation.escalation-resolved':
      return parse({ cultivationId: uuid, escalationId: uuid, resolution: (v) => typeof v === 'string', at: instant }, () => ({
        kind: 'escalation-resolved',
        event: { cultivationId: str('cultivationId'), escalationId: str('escalationId'), resolution: str('resolution'), at: new Date(str('at')) },
      }));
    case 'cultivation.status-changed':
      return parse({ cultivationId: uuid, status: (v) => oneOf(CULTIVATION_STATUSES, v), at: instant }, () => ({
        kind: 'status-changed',
        event: { cultivationId: str('cultivationId'), status: p.status as CultivationStatus, at: new Date(str('at')) },
      }));
    case 'cultivation.deadline-extended':
      return parse({ cultivationId: uuid, stage, deadline: instant, at: instant }, () => ({
        kind: 'deadline-extended',
        event: { cultivationId: str('cultivationId'), stage: p.stage as Stage, deadline: new Date(str('deadline')), at: new Date(str('at')) },
      }));
    case FOLLOW_UP_RECORDED_EVENT:
      return parse(
        {
          cultivationId: uuid,
          index: (v) => Number.isInteger(v) && (v as number) >= 0,
          monthsAfter: (v) => Number.isInteger(v) && (v as number) >= 0,
          result: (v) => oneOf(FOLLOW_UP_OUTCOMES, v),
          at: instant,
        },
        () => ({
          kind: 'follow-up-recorded',
          event: { cultivationId: str('cultivationId'), index: p.index as number, monthsAfter: p.monthsAfter as number, result: p.result as FollowUpOutcome, at: new Date(str('at')) },
        }),
      );
    default:
      // cultivation.stage-changed
      return parse({ cultivationId: uuid, from: stage, to: stage, at: instant }, () => ({
        kind: 'stage-changed',
        event: { cultivationId: str('cultivationId'), from: p.from as Stage, to: p.to as Stage, at: new Date(str('at')), deadline: optionalInstant(p.deadline) },
      }));
  }
}
