import { isUUID } from 'class-validator';
import { ESCALATION_TYPES, EVENT_VERSIONS, ORGANIZATION_CATEGORIES, STAGES, type EscalationType, type OrganizationCategory, type Stage } from '@peiyu/contracts';

/**
 * The cultivation events the analytics read model consumes, checked before they touch it: an event
 * whose payload does not have the shape its type and version promise is skipped (and logged) instead
 * of stopping the projection behind it.
 */
export interface CultivationStarted {
  cultivationId: string;
  institutionId: string;
  communityId: string;
  districtId: string;
  category: OrganizationCategory;
  stage: Stage;
}

export interface EscalationRaised {
  cultivationId: string;
  escalationId: string;
  type: EscalationType;
  level: number;
  stage: Stage;
  raisedAt: Date;
}

export interface StageChanged {
  cultivationId: string;
  to: Stage;
}

export type CultivationFactEvent =
  | { kind: 'started'; event: CultivationStarted }
  | { kind: 'escalation-raised'; event: EscalationRaised }
  | { kind: 'stage-changed'; event: StageChanged };

/** The event types and versions the projection understands. */
export const PROJECTED_EVENT_VERSIONS: Record<string, number> = {
  'cultivation.started': EVENT_VERSIONS['cultivation.started'],
  'cultivation.escalation-raised': EVENT_VERSIONS['cultivation.escalation-raised'],
  'cultivation.stage-changed': EVENT_VERSIONS['cultivation.stage-changed'],
};

export type ParseResult = { ok: true; value: CultivationFactEvent } | { ok: false; reason: string } | { ok: 'ignored' };

type Payload = Record<string, unknown>;

const oneOf = <T extends string>(values: readonly T[], value: unknown): value is T => typeof value === 'string' && (values as readonly string[]).includes(value);
const uuid = (value: unknown): value is string => typeof value === 'string' && isUUID(value);

function missing(payload: Payload, checks: Record<string, (value: unknown) => boolean>): string | null {
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
  const stage = (value: unknown) => oneOf(STAGES, value);
  switch (type) {
    case 'cultivation.started': {
      const problem = missing(p, {
        cultivationId: uuid,
        institutionId: uuid,
        communityId: uuid,
        districtId: uuid,
        category: (value) => oneOf(ORGANIZATION_CATEGORIES, value),
        stage,
      });
      if (problem) return { ok: false, reason: problem };
      return {
        ok: true,
        value: {
          kind: 'started',
          event: {
            cultivationId: p.cultivationId as string,
            institutionId: p.institutionId as string,
            communityId: p.communityId as string,
            districtId: p.districtId as string,
            category: p.category as OrganizationCategory,
            stage: p.stage as Stage,
          },
        },
      };
    }
    case 'cultivation.escalation-raised': {
      const problem = missing(p, {
        cultivationId: uuid,
        escalationId: uuid,
        type: (value) => oneOf(ESCALATION_TYPES, value),
        level: (value) => Number.isInteger(value),
        stage,
        raisedAt: (value) => typeof value === 'string' && !Number.isNaN(Date.parse(value)),
      });
      if (problem) return { ok: false, reason: problem };
      return {
        ok: true,
        value: {
          kind: 'escalation-raised',
          event: {
            cultivationId: p.cultivationId as string,
            escalationId: p.escalationId as string,
            type: p.type as EscalationType,
            level: p.level as number,
            stage: p.stage as Stage,
            raisedAt: new Date(p.raisedAt as string),
          },
        },
      };
    }
    default: {
      // cultivation.stage-changed
      const problem = missing(p, { cultivationId: uuid, to: stage });
      if (problem) return { ok: false, reason: problem };
      return { ok: true, value: { kind: 'stage-changed', event: { cultivationId: p.cultivationId as string, to: p.to as Stage } } };
    }
  }
}
