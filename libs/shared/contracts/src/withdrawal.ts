/**
 * The withdrawal (退出期) of a cultivation: a child workflow of the cultivation's own, in which the
 * institution steps back (leading > assisting > observing), hands rights over item by item, records
 * a final evaluation at three levels, then checks on the organization at follow-ups.
 */
import type { Actor } from './cultivation-process.js';
import type { ScopedPlacement } from './scopes.js';

export const WITHDRAWAL_PHASES = ['LEADING', 'ASSISTING', 'OBSERVING'] as const;
export type WithdrawalPhase = (typeof WITHDRAWAL_PHASES)[number];

/** The rights handed back to the organization. */
export const HANDOVER_ITEMS = ['LEADERSHIP', 'FINANCES', 'VENUE', 'MEMBER_ROSTER', 'ACTIVITY_PLANNING'] as const;
export type HandoverItem = (typeof HANDOVER_ITEMS)[number];

export const FOLLOW_UP_RESULTS = ['PENDING', 'PASSED', 'FAILED', 'MISSED'] as const;
export type FollowUpResult = (typeof FOLLOW_UP_RESULTS)[number];

export interface WithdrawalPolicy {
  /** Follow-ups after the final evaluation, in months, e.g. [1, 3, 6]. */
  followUpMonths: number[];
  /**
   * Instead of months, offsets in seconds (one per follow-up), so tests and benchmarks can run a
   * withdrawal in seconds. Absent in real policies.
   */
  followUpOffsetsSeconds?: number[];
  /** How long after its due date a follow-up may be recorded before it counts as missed. */
  followUpWindowSeconds: number;
}

export interface Handover {
  item: HandoverItem;
  /** The organization's person who took the item over. */
  takenOverBy: string;
  confirmedBy: Actor;
  confirmedAt: string;
}

export interface LevelEvaluation {
  /** 0-100. */
  score: number;
  note: string;
}

/** The final evaluation at the three outcome levels of the domain. */
export interface FinalEvaluation {
  community: LevelEvaluation;
  organization: LevelEvaluation;
  institution: LevelEvaluation;
  recordedBy: Actor;
  recordedAt: string;
}

export interface FollowUp {
  index: number;
  monthsAfter: number;
  dueAt: string;
  windowEndsAt: string;
  result: FollowUpResult;
  /** When the people who record it were told it is due. */
  announcedAt: string | null;
  note: string | null;
  recordedAt: string | null;
}

export interface WithdrawalState {
  phase: WithdrawalPhase;
  handovers: Handover[];
  finalEvaluation: FinalEvaluation | null;
  followUps: FollowUp[];
  /** How often a failed follow-up sent the institution back to assisting. */
  reengagements: number;
  outcome: 'IN_PROGRESS' | 'INDEPENDENT';
  sequence: number;
}

export interface WithdrawalWorkflowInput {
  cultivationId: string;
  /** The cultivation workflow to report to (by id, so it reaches the latest run after continue-as-new). */
  parentWorkflowId: string;
  policy: WithdrawalPolicy;
  /** Where the cultivation sits, for the scope check of the update validators. */
  placement?: ScopedPlacement;
}

export const WITHDRAWAL_WORKFLOW_TYPE = 'withdrawalWorkflow';

export function withdrawalWorkflowId(cultivationId: string): string {
  return `withdrawal-${cultivationId}`;
}

/** What the withdrawal reports to its cultivation, as a signal. */
export type WithdrawalReport =
  | { kind: 'FINAL_EVALUATED' }
  | { kind: 'FOLLOW_UP_MISSED'; index: number }
  | { kind: 'FOLLOW_UP_RECORDED'; index: number; passed: boolean }
  | { kind: 'INDEPENDENT' };

export const withdrawalMessages = {
  state: 'withdrawalState',
  advancePhase: 'advanceWithdrawalPhase',
  confirmHandover: 'confirmHandoverItem',
  recordFinalEvaluation: 'recordFinalEvaluation',
  recordFollowUp: 'recordFollowUp',
  /** Signal to the cultivation workflow. */
  report: 'withdrawalReport',
} as const;

export interface AdvancePhaseRequest { actor: Actor }
export interface ConfirmHandoverRequest { actor: Actor; item: HandoverItem; takenOverBy: string }
export interface RecordFinalEvaluationRequest { actor: Actor; community: LevelEvaluation; organization: LevelEvaluation; institution: LevelEvaluation }
export interface RecordFollowUpRequest { actor: Actor; index: number; passed: boolean; note: string }

/** Adds calendar months in UTC, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const date = new Date(iso);
  const day = date.getUTCDate();
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString();
}
