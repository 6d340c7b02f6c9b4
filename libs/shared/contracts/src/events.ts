/**
 * The event vocabulary: every outbox row carries one of these types with its payload, versioned.
 * Producers write them in the same transaction as the change; readers (analytics, the evidence
 * relay) consume them in id order.
 */
import type { CultivationStatus, EscalationType, OrganizationCategory, OrganizationStatus, Stage } from './domain.js';

export interface EventPayloads {
  'cultivation.started': {
    cultivationId: string;
    organizationId: string;
    institutionId: string;
    communityId: string;
    districtId: string;
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
    /** The new deadline (ISO 8601): by a manager's extension or by paused time. */
    deadline: string;
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
  'organization.created': {
    organizationId: string;
    communityId: string;
    category: OrganizationCategory;
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
  'organization.evidence-changed': 1,
  'organization.status-changed': 1,
  'organization.created': 1,
  'assessment.survey-response-recorded': 1,
};

export interface DomainEvent<T extends EventType = EventType> {
  type: T;
  version: number;
  payload: EventPayloads[T];
}

export function domainEvent<T extends EventType>(type: T, payload: EventPayloads[T]): DomainEvent<T> {
  return { type, version: EVENT_VERSIONS[type], payload };
}
