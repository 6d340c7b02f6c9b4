/**
 * The Temporal contract of a cultivation: workflow ids, task queue, messages and search attributes.
 * Imported by the workflow, the worker, cultivation-service and the tests alike. Deterministic code only.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import type { CultivationStatus, EscalationStatus, EscalationType, OrganizationCategory, Role, Scope, Stage } from './domain.js';
import type { CriterionKind, CriterionPolicy, ProcessPolicy } from './process-policy.js';
import type { RubricKind } from './rubrics.js';
import type { WithdrawalState } from './withdrawal.js';

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
  /** The street of the community, for street-office scopes. */
  streetId?: string | null;
  category: OrganizationCategory;
  /** Absolute instant (ISO 8601) by which the formation stage is due. */
  formationDeadline: string;
  /** The state carried over when a long history continues as new; absent on the first run. */
  carried?: CultivationProcessState;
}

/** Who asks the workflow to do something; checked by the update validators. */
export interface Actor {
  userId: string;
  role: Role;
  /** The caller's scopes: validators refuse an actor whose scopes do not cover the cultivation. */
  scopes?: Scope[];
}

export interface GateCriterionResult {
  kind: CriterionKind;
  threshold: number;
  /** What the evidence shows, in the criterion's unit (a count, hours, months, or 1/0 for yes/no). */
  actual: number;
  met: boolean;
  /** Which evidence was counted, in words, for the people who must supply what is missing. */
  evidence: string;
}

export interface GateState {
  criteria: GateCriterionResult[];
  met: boolean;
  /** When the evidence was last read (ISO 8601); null before the first evaluation. */
  evaluatedAt: string | null;
}

export interface EscalationState {
  /** Stable within the cultivation: cause, stage and occurrence, e.g. `DELAY:FORMATION:1`. */
  key: string;
  type: EscalationType;
  stage: Stage;
  level: number;
  status: Exclude<EscalationStatus, 'RESOLVED'>;
  /** When the current level must have acknowledged, or it climbs (ISO 8601). */
  levelDueAt: string;
}

export interface DeviationState {
  note: string;
  flaggedAt: string;
  correctionDueAt: string;
  planSubmittedAt: string | null;
}

export interface CultivationProcessState {
  stage: Stage;
  status: CultivationStatus;
  stageStartedAt: string;
  stageDeadline: string;
  /** The policy the current stage was entered with. */
  policy: ProcessPolicy;
  gate: GateState;
  /** Open and acknowledged escalations; resolved ones leave the state (they stay in the read model). */
  escalations: EscalationState[];
  /**
   * How many escalations of each cause and stage were raised, for their keys. A counter per failed
   * assessment (`PERFORMANCE:<stage>:ASSESSMENT-<id>`) also says that assessment already raised one.
   */
  occurrences: Record<string, number>;
  pausedAt: string | null;
  deviation: DeviationState | null;
  /** The organization's last recorded activity as the workflow last read it (ISO 8601), if any. */
  lastActivityAt?: string | null;
  /**
   * How the current stage's deadline was planned, so a policy or calendar change can recompute it;
   * absent for stages entered before deadlines were recomputed (those keep theirs).
   */
  stagePlan?: StagePlan;
  /** Whether the organization's activities drift from its direction now (a drift episode is open). */
  directionDrift?: boolean;
  /** Set while in withdrawal: whether its final evaluation is recorded (which stops the stage clock). */
  withdrawal: { finalEvaluated: boolean } | null;
  /** Number of process events recorded so far; each event's idempotency key is workflow id + sequence. */
  sequence: number;
}

/**
 * The planned deadline of a stage before paused time and extensions: `base` is `from` plus the
 * duration (seconds, or working days of the calendar). A deadline given by hand (formation's, at
 * start) has neither duration and is never recomputed. The stage deadline is `base` plus paused
 * time plus extensions, so a new base moves it by exactly the difference.
 */
export interface StagePlan {
  from: string;
  durationSeconds: number | null;
  workingDays: number | null;
  base: string;
  /** The policy version the duration comes from. */
  policyVersion: number;
}

/** Why deadlines are recomputed: a new process policy version, or changed days of the working-day calendar. */
export type DeadlineRecomputeCause = 'POLICY' | 'CALENDAR';

/** Signal payload: something deadlines are computed from changed; the workflow recomputes its current stage's. */
export interface DeadlinesChanged {
  cause: DeadlineRecomputeCause;
  /** The district whose policy changed; null for the city-wide policy and for the calendar. */
  districtId: string | null;
  /** The policy version stored, for POLICY. */
  policyVersion: number | null;
}

/** Input of the workflow that tells every open cultivation concerned (`deadlineRecomputeWorkflow`). */
export interface DeadlineRecomputeInput {
  change: DeadlinesChanged;
  /** Keyset position: the cultivations with a greater id are still to be told (a continued run). */
  afterId?: string | null;
  /** How many were told so far, across continued runs. */
  signalled?: number;
}

export const DEADLINE_RECOMPUTE_WORKFLOW_TYPE = 'deadlineRecomputeWorkflow';

/** One fan-out per change; `key` is unique per change (a new id). */
export function deadlineRecomputeWorkflowId(change: DeadlinesChanged, key: string): string {
  return `deadline-recompute-${change.cause.toLowerCase()}-${change.districtId ?? 'all'}-${key}`;
}

/** Everything the process records, in order; one activity projects each into the read model. */
export type ProcessEvent =
  | { kind: 'STAGE_ENTERED'; stage: Stage; deadline: string; policyVersion: number }
  | { kind: 'GATE_EVALUATED'; stage: Stage; gate: GateState }
  | { kind: 'GATE_APPROVED'; stage: Stage; by: Actor; note: string | null }
  | { kind: 'DEADLINE_EXTENDED'; stage: Stage; from: string; to: string; reason: string; by: Actor | null }
  | { kind: 'PAUSED'; reason: string; by: Actor }
  | { kind: 'RESUMED'; by: Actor; pausedSeconds: number }
  /** `role` is who must acknowledge at that level, by the stage's policy: they are notified. */
  | { kind: 'ESCALATION_RAISED'; key: string; type: EscalationType; stage: Stage; level: number; levelDueAt: string; role: Role }
  | { kind: 'ESCALATION_CLIMBED'; key: string; level: number; levelDueAt: string; role: Role }
  | { kind: 'ESCALATION_ACKNOWLEDGED'; key: string; level: number; by: Actor; plan: string }
  | { kind: 'ESCALATION_RESOLVED'; key: string; resolution: string }
  /** `by` is null when the direction watch flagged it (the note names the evidence). */
  | { kind: 'DEVIATION_FLAGGED'; note: string; correctionDueAt: string; by: Actor | null }
  /** The stage deadline moved because the policy's duration or the calendar changed; `reason` says how. */
  | { kind: 'DEADLINE_RECOMPUTED'; stage: Stage; from: string; to: string; cause: DeadlineRecomputeCause; policyVersion: number; reason: string }
  | { kind: 'CORRECTION_PLAN_SUBMITTED'; plan: string; by: Actor }
  | { kind: 'TERMINATED'; reason: string; by: Actor }
  | { kind: 'COMPLETED' }
  /** Withdrawal events, recorded by the withdrawal child workflow with its state as it stands after them. */
  | { kind: 'WITHDRAWAL_PHASE_ADVANCED'; by: Actor; withdrawal: WithdrawalState }
  | { kind: 'HANDOVER_CONFIRMED'; by: Actor; withdrawal: WithdrawalState }
  | { kind: 'FINAL_EVALUATION_RECORDED'; by: Actor; withdrawal: WithdrawalState }
  | { kind: 'FOLLOW_UP_RECORDED'; by: Actor; index: number; passed: boolean; withdrawal: WithdrawalState }
  | { kind: 'FOLLOW_UP_DUE'; index: number; withdrawal: WithdrawalState }
  | { kind: 'FOLLOW_UP_MISSED'; index: number; withdrawal: WithdrawalState }
  | { kind: 'WITHDRAWAL_STARTED'; withdrawal: WithdrawalState }
  | { kind: 'WITHDRAWAL_REENGAGED'; withdrawal: WithdrawalState };

export type ProcessEventKind = ProcessEvent['kind'];

export interface RecordProcessEventCommand {
  cultivationId: string;
  /** The workflow that decided the event: the cultivation's, or its withdrawal's. */
  workflowId: string;
  /** Each workflow numbers its own events; the read model keys them by (cultivation, stream, sequence). */
  stream?: 'process' | 'withdrawal';
  /** 1, 2, 3 ... in the order the workflow decided them; with the workflow id, the idempotency key. */
  sequence: number;
  /** Workflow time of the event (ISO 8601). */
  at: string;
  event: ProcessEvent;
}

export interface EvaluateGateCommand {
  organizationId: string;
  communityId: string;
  category: OrganizationCategory;
  stage: Stage;
  criteria: CriterionPolicy[];
  /**
   * When the stage was entered (ISO 8601): an assessment criterion counts only assessments made on
   * or after that day (China date). Absent in commands scheduled before it was sent: any day counts.
   */
  stageStartedAt?: string;
}

/** Asks for the latest assessment of one kind of an organization, if made on or after the stage start. */
export interface LatestStageAssessmentCommand {
  organizationId: string;
  kind: RubricKind;
  /** When the stage was entered (ISO 8601); an assessment of an earlier day (China date) does not count. */
  since: string;
}

/** The latest assessment of a kind as the workflow judges performance by it. */
export interface StageAssessment {
  assessmentId: string;
  kind: RubricKind;
  score: number;
  passScore: number;
  passed: boolean;
  /** 'YYYY-MM-DD', the day assessed. */
  assessedOn: string;
}

export const cultivationMessages = {
  /** Query: the process state as the workflow holds it. */
  state: 'state',
  /** Signal: evidence for this cultivation's organization changed; re-evaluate the gate. */
  evidenceChanged: 'evidenceChanged',
  /** Signal (DeadlinesChanged): a policy or the calendar changed; recompute the current stage deadline. */
  deadlinesChanged: 'deadlinesChanged',
  approveGate: 'approveGate',
  extendDeadline: 'extendDeadline',
  pause: 'pause',
  resume: 'resume',
  acknowledgeEscalation: 'acknowledgeEscalation',
  flagDeviation: 'flagDeviation',
  submitCorrectionPlan: 'submitCorrectionPlan',
  terminate: 'terminate',
} as const;

export interface ApproveGateRequest { actor: Actor; note: string | null }
export interface ExtendDeadlineRequest { actor: Actor; newDeadline: string; reason: string }
export interface PauseRequest { actor: Actor; reason: string }
export interface ResumeRequest { actor: Actor }
export interface AcknowledgeEscalationRequest { actor: Actor; escalationKey: string; plan: string }
export interface FlagDeviationRequest { actor: Actor; note: string; correctionDueAt: string | null }
export interface SubmitCorrectionPlanRequest { actor: Actor; plan: string }
export interface TerminateRequest { actor: Actor; reason: string }

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
