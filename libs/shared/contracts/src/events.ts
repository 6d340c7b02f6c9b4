/**
 * The event vocabulary: every outbox row carries one of these types with its payload, versioned.
 * Producers write them in the same transaction as the change; readers (analytics, the evidence
 * relay) consume them in id order.
 */
import type { CultivationStatus, EscalationType, OrganizationCategory, OrganizationStatus, Stage } from './domain.js';
import type { RubricKind } from './rubrics.js';
import type { OutcomeLevel } from './outcomes.js';

export interface EventPayloads {
  'cultivation.started': {
    cultivationId: string;
    organizationId: string;
    institutionId: string;
    communityId: string;
    districtId: string;
    /** The street of the organization's community; null when the community lies directly under its district. Optional: events written before it was added lack it. */
    streetId?: string | null;
    category: OrganizationCategory;
    stage: Stage;
    stageDeadline: string;
    /** ISO 8601 instant the cultivation started. */
    at: string;
  };
  'cultivation.escalation-raised': {
    cultivationId: string;
    escalationId: string;
    type: EscalationType;
    level: number;
    stage: Stage;
    raisedAt: string;
  };
  'cultivation.escalation-acknowledged': {
    cultivationId: string;
    escalationId: string;
    level: number;
    at: string;
  };
  'cultivation.escalation-resolved': {
    cultivationId: string;
    escalationId: string;
    resolution: string;
    at: string;
  };
  'cultivation.status-changed': {
    cultivationId: string;
    status: CultivationStatus;
    at: string;
  };
  'cultivation.stage-changed': {
    cultivationId: string;
    from: Stage;
    to: Stage;
    /** ISO 8601 instant of the change. */
    at: string;
    /** The deadline of the stage entered; null for COMPLETED. */
    deadline: string | null;
  };
  'cultivation.deadline-extended': {
    cultivationId: string;
    stage: Stage;
    /** The new deadline (ISO 8601): by a manager's extension, by paused time, or recomputed after a policy or calendar change. */
    deadline: string;
    at: string;
  };
  /**
   * A withdrawal follow-up's outcome: recorded (PASSED or FAILED), or its window passed without a
   * record (MISSED). A follow-up missed and then recorded late gives two events.
   */
  'cultivation.follow-up-recorded': {
    cultivationId: string;
    /** The follow-up's position in the withdrawal's schedule, from 0. */
    index: number;
    /** How many months after the final evaluation it falls due, by the withdrawal's schedule. */
    monthsAfter: number;
    result: 'PASSED' | 'FAILED' | 'MISSED';
    /** ISO 8601 instant it was recorded, or its window was found passed. */
    at: string;
  };
  /** A process policy version or working-day calendar days were stored: open cultivations' deadlines are recomputed. */
  'cultivation.deadlines-changed': {
    cause: 'POLICY' | 'CALENDAR';
    /** The district of a district policy; null for the city-wide policy and for the calendar. */
    districtId: string | null;
    /** The version stored, for POLICY; null for CALENDAR. */
    policyVersion: number | null;
    /** ISO 8601 instant of the change. */
    at: string;
  };
  'organization.evidence-changed': {
    organizationId: string;
    evidence: 'MEMBERS' | 'ACTIVITIES' | 'CHARTER' | 'FILING';
    /** ISO 8601 instant of the change. */
    at: string;
  };
  'organization.status-changed': {
    organizationId: string;
    status: OrganizationStatus;
    at: string;
  };
  /** Its name or (while FORMING) its category changed. */
  'organization.updated': {
    organizationId: string;
    name: string;
    category: OrganizationCategory;
    at: string;
  };
  'organization.created': {
    organizationId: string;
    communityId: string;
    category: OrganizationCategory;
  };
  /** A capacity or maturity assessment was recorded against its rubric. No assessor or note: ids, the score and the verdict only. */
  'assessment.recorded': {
    assessmentId: string;
    organizationId: string;
    kind: RubricKind;
    /** The computed total, 0..100. */
    score: number;
    passScore: number;
    passed: boolean;
    /** 'YYYY-MM-DD', the day assessed. */
    assessedOn: string;
    /** ISO 8601 instant it was recorded. */
    at: string;
  };
  /** An outcome evaluation was recorded: each level's computed score and whether it met its target; no evaluator or note. */
  'assessment.outcome-evaluated': {
    evaluationId: string;
    organizationId: string;
    cultivationId: string;
    levels: { level: OutcomeLevel; score: number; targetScore: number; metTarget: boolean }[];
    /** 'YYYY-MM-DD', the day evaluated. */
    evaluatedOn: string;
    /** ISO 8601 instant it was recorded. */
    at: string;
  };
  /** A follow-up check after withdrawal was recorded: which follow-up, and whether it passed. */
  'assessment.follow-up-checked': {
    checkId: string;
    organizationId: string;
    cultivationId: string;
    /** 0-based: the first follow-up is 0. */
    followUpIndex: number;
    passed: boolean;
    /** 'YYYY-MM-DD', the day checked. */
    checkedOn: string;
    /** ISO 8601 instant it was recorded. */
    at: string;
  };
  'assessment.survey-response-recorded': {
    surveyId: string;
    responseId: string;
    communityId: string;
    demandCategories: OrganizationCategory[];
    /** ISO 8601 instant the response was recorded. */
    recordedAt: string;
  };
}

export type EventType = keyof EventPayloads;

export const EVENT_VERSIONS: { [T in EventType]: number } = {
  'cultivation.started': 1,
  'cultivation.escalation-raised': 1,
  'cultivation.escalation-acknowledged': 1,
  'cultivation.escalation-resolved': 1,
  'cultivation.status-changed': 1,
  'cultivation.stage-changed': 1,
  'cultivation.deadline-extended': 1,
  'cultivation.deadlines-changed': 1,
  'cultivation.follow-up-recorded': 1,
  'organization.evidence-changed': 1,
  'organization.status-changed': 1,
  'organization.created': 1,
  'organization.updated': 1,
  'assessment.survey-response-recorded': 1,
  'assessment.recorded': 1,
  'assessment.outcome-evaluated': 1,
  'assessment.follow-up-checked': 1,
};

export interface DomainEvent<T extends EventType = EventType> {
  type: T;
  version: number;
  payload: EventPayloads[T];
}

export function domainEvent<T extends EventType>(type: T, payload: EventPayloads[T]): DomainEvent<T> {
  return { type, version: EVENT_VERSIONS[type], payload };
}
