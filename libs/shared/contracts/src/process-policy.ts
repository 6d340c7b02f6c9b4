/**
 * A process policy: how long each stage may take, what its gate requires (per organization
 * category), and who an escalation climbs to. Policies are data, versioned; a cultivation keeps the
 * version it entered each stage with. Durations are in seconds, so tests can compress months.
 */
import type { OrganizationCategory, Role, Stage } from './domain.js';
import type { WithdrawalPolicy } from './withdrawal.js';

/** The kinds of gate criterion the gate evaluation knows how to judge from evidence. */
export const CRITERION_KINDS = [
  'NEEDS_SURVEY_RESPONSES',
  'DEMAND_MATCHES_CATEGORY',
  'INTEREST_ACTIVITIES',
  'ACTIVE_MEMBERS',
  'LEADERS',
  'LEADER_TRAINING_HOURS',
  'CHARTER_ADOPTED',
  'REGULAR_ACTIVITY_MONTHS',
  'FILING_RECORDED',
] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

export interface CriterionPolicy {
  kind: CriterionKind;
  /** The number to reach, for counting kinds; ignored by yes/no kinds. */
  threshold: number;
}

export type WorkingStage = Exclude<Stage, 'COMPLETED'>;

export interface StagePolicy {
  /** Planned duration of the stage from its start (used when `workingDays` is not set). */
  durationSeconds: number;
  /**
   * Planned duration in working days of the calendar (China's holidays and make-up working
   * weekends): the deadline is the end of the n-th working day after the stage starts.
   */
  workingDays?: number;
  /** How far one extension may push the deadline beyond the current one. */
  maxExtensionSeconds: number;
  /** Share of the planned duration after which the deadline is shown as at risk. */
  warningRatio: number;
  /** Gate criteria by organization category. */
  criteria: Record<OrganizationCategory, CriterionPolicy[]>;
}

export interface LadderLevel {
  /** Who must acknowledge at this level. */
  role: Role;
  /** How long this level has to acknowledge before the escalation climbs. */
  acknowledgeWithinSeconds: number;
}

export interface ProcessPolicy {
  version: number;
  stages: Record<WorkingStage, StagePolicy>;
  /** Escalation ladder, level 1 first. */
  ladder: LadderLevel[];
  /** A pause longer than this raises an INTERRUPTION escalation. */
  maxPauseSeconds: number;
  /**
   * No activity recorded for this long (since the later of the last activity and the stage start)
   * raises an INTERRUPTION escalation too; absent: not watched.
   */
  maxInactivitySeconds?: number;
  /** Default time given for a correction plan after a deviation is flagged. */
  correctionPlanDueSeconds: number;
  /** Follow-ups of the withdrawal stage. */
  withdrawal: WithdrawalPolicy;
}

const DAY = 24 * 60 * 60;

const sameForAll = (criteria: CriterionPolicy[]): Record<OrganizationCategory, CriterionPolicy[]> => ({
  LIFE_SERVICE: criteria,
  PUBLIC_WELFARE: criteria,
  CULTURE_SPORTS: criteria,
  MEDIATION: criteria,
});

/**
 * The built-in policy, version 1: what a district has until an admin stores its own. Growth asks
 * more training of mediation groups (their leaders mediate disputes) and more regular activity of
 * culture and sports groups (whose vitality is their regular practice).
 */
export const DEFAULT_PROCESS_POLICY: ProcessPolicy = {
  version: 1,
  stages: {
    FORMATION: {
      durationSeconds: 90 * DAY,
      maxExtensionSeconds: 30 * DAY,
      warningRatio: 0.75,
      criteria: sameForAll([
        { kind: 'NEEDS_SURVEY_RESPONSES', threshold: 30 },
        { kind: 'DEMAND_MATCHES_CATEGORY', threshold: 1 },
        { kind: 'INTEREST_ACTIVITIES', threshold: 3 },
        { kind: 'ACTIVE_MEMBERS', threshold: 8 },
        { kind: 'LEADERS', threshold: 1 },
      ]),
    },
    GROWTH: {
      durationSeconds: 180 * DAY,
      maxExtensionSeconds: 60 * DAY,
      warningRatio: 0.75,
      criteria: {
        LIFE_SERVICE: [
          { kind: 'LEADER_TRAINING_HOURS', threshold: 12 },
          { kind: 'CHARTER_ADOPTED', threshold: 1 },
          { kind: 'REGULAR_ACTIVITY_MONTHS', threshold: 3 },
        ],
        PUBLIC_WELFARE: [
          { kind: 'LEADER_TRAINING_HOURS', threshold: 12 },
          { kind: 'CHARTER_ADOPTED', threshold: 1 },
          { kind: 'REGULAR_ACTIVITY_MONTHS', threshold: 3 },
        ],
        CULTURE_SPORTS: [
          { kind: 'LEADER_TRAINING_HOURS', threshold: 8 },
          { kind: 'CHARTER_ADOPTED', threshold: 1 },
          { kind: 'REGULAR_ACTIVITY_MONTHS', threshold: 4 },
        ],
        MEDIATION: [
          { kind: 'LEADER_TRAINING_HOURS', threshold: 24 },
          { kind: 'CHARTER_ADOPTED', threshold: 1 },
          { kind: 'REGULAR_ACTIVITY_MONTHS', threshold: 3 },
        ],
      },
    },
    MATURITY: {
      durationSeconds: 180 * DAY,
      maxExtensionSeconds: 60 * DAY,
      warningRatio: 0.75,
      criteria: sameForAll([{ kind: 'FILING_RECORDED', threshold: 1 }]),
    },
    WITHDRAWAL: {
      durationSeconds: 120 * DAY,
      maxExtensionSeconds: 60 * DAY,
      warningRatio: 0.75,
      criteria: sameForAll([]),
    },
  },
  ladder: [
    { role: 'SUPERVISOR', acknowledgeWithinSeconds: 3 * DAY },
    { role: 'INSTITUTION_DIRECTOR', acknowledgeWithinSeconds: 3 * DAY },
    { role: 'STREET_OFFICER', acknowledgeWithinSeconds: 5 * DAY },
    { role: 'PROGRAMME_MANAGER', acknowledgeWithinSeconds: 5 * DAY },
  ],
  maxPauseSeconds: 30 * DAY,
  maxInactivitySeconds: 60 * DAY,
  correctionPlanDueSeconds: 14 * DAY,
  withdrawal: { followUpMonths: [1, 3, 6], followUpWindowSeconds: 14 * DAY },
};

export const NEXT_STAGE: Record<WorkingStage, Stage> = {
  FORMATION: 'GROWTH',
  GROWTH: 'MATURITY',
  MATURITY: 'WITHDRAWAL',
  WITHDRAWAL: 'COMPLETED',
};
