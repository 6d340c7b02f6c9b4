/**
 * The Temporal contract of a cultivation: workflow ids, task queue, messages and search attributes.
 * Imported by the workflow, the worker, cultivation-service and the tests alike. Deterministic code only.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import type { CultivationStatus, EscalationType, OrganizationCategory, Stage } from './domain.js';

export const CULTIVATION_TASK_QUEUE = 'cultivation';
export const CULTIVATION_WORKFLOW_TYPE = 'cultivationWorkflow';

export function cultivationWorkflowId(cultivationId: string): string {
  return `cultivation-${cultivationId}`;
}

export interface CultivationWorkflowInput {
  cultivationId: string;
  organizationId: string;
  institutionId: string;
  communityId: string;
  districtId: string;
  category: OrganizationCategory;
  /** Absolute instant (ISO 8601) by which the formation stage is due. */
  formationDeadline: string;
}

/** What an activity records when the workflow raises an escalation. */
export interface RaiseEscalationCommand {
  cultivationId: string;
  type: EscalationType;
  level: number;
  stage: Stage;
  /** Workflow time at which the escalation was raised (ISO 8601). */
  raisedAt: string;
  /** Same on every retry of the same escalation, so it is stored once: workflow id + cause + level. */
  idempotencyKey: string;
}

export interface CultivationProcessState {
  stage: Stage;
  status: CultivationStatus;
  stageDeadline: string;
  escalations: { type: EscalationType; level: number; stage: Stage }[];
}

export const cultivationMessages = {
  /** Query: the process state as the workflow holds it. */
  state: 'state',
  /** Signal: evidence for this cultivation's organization changed; re-evaluate the gate. */
  evidenceChanged: 'evidenceChanged',
} as const;

/**
 * Custom search attributes, so operators can list workflows in Temporal's UI. Ids and enums only:
 * search attributes are stored unencrypted, so no personal data ever goes here. The names and
 * types are registered with the server at start (tools/dev/temporal.mjs).
 */
export const CULTIVATION_SEARCH_ATTRIBUTES = {
  PeiyuDistrictId: 'Keyword',
  PeiyuInstitutionId: 'Keyword',
  PeiyuCategory: 'Keyword',
  PeiyuStage: 'Keyword',
  PeiyuStatus: 'Keyword',
  PeiyuEscalationLevel: 'Int',
} as const;

export const searchAttributeKeys = {
  districtId: defineSearchAttributeKey('PeiyuDistrictId', SearchAttributeType.KEYWORD),
  institutionId: defineSearchAttributeKey('PeiyuInstitutionId', SearchAttributeType.KEYWORD),
  category: defineSearchAttributeKey('PeiyuCategory', SearchAttributeType.KEYWORD),
  stage: defineSearchAttributeKey('PeiyuStage', SearchAttributeType.KEYWORD),
  status: defineSearchAttributeKey('PeiyuStatus', SearchAttributeType.KEYWORD),
  escalationLevel: defineSearchAttributeKey('PeiyuEscalationLevel', SearchAttributeType.INT),
};
