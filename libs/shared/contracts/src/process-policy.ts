/**
 * A process policy: how long each stage may take, what its gate requires (per organization
 * category), and who an escalation climbs to. Policies are data, versioned; a cultivation keeps the
 * version it entered each stage with. Durations are in seconds, so tests can compress months.
 */
import type { OrganizationCategory, Role, Stage } from './domain.js';
import type { RubricKind } from './rubrics.js';
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
  'CAPACITY_ASSESSMENT_PASSED',
  'MATURITY_ASSESSMENT_PASSED',
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
  /** When the organization's activities count as drifting from its direction; absent: not watched. */
  directionWatch?: DirectionWatchPolicy;
}

/** What counts as an activity in the direction of one organization category. */
export interface DirectionMatch {
  /** Activity kinds (INTEREST_ACTIVITY, SERVICE ...) that are in this direction whatever their title. */
  kinds: string[];
  /** Words of an activity's title that put it in this direction (its theme), e.g. 助餐 for life service. */
  keywords: string[];
}

/**
 * Automatic deviation detection: the organization's recent activities are compared with the
 * category its community's demand analysis recommends (the organization's own category while there
 * is no analysis). Drift is when, of the last `lastActivities` activities held within `withinSeconds`
 * (not counting the `ignoredKinds`), at least `minActivities` exist and under `minMatchingShare` of
 * them match the category by kind or title keyword; it flags a deviation once per drift episode.
 */
export interface DirectionWatchPolicy {
  lastActivities: number;
  withinSeconds: number;
  minActivities: number;
  /** Share (0 to 1) of the counted activities that must match; below it is drift. */
  minMatchingShare: number;
  /** Kinds that say nothing of direction (recruitment, training, meetings): not counted at all. */
  ignoredKinds: string[];
  matching: Record<OrganizationCategory, DirectionMatch>;
}

const DAY = 24 * 60 * 60;

const sameForAll = (criteria: CriterionPolicy[]): Record<OrganizationCategory, CriterionPolicy[]> => ({
  LIFE_SERVICE: criteria,
  PUBLIC_WELFARE: criteria,
  CULTURE_SPORTS: criteria,
  MEDIATION: criteria,
});

/**
 * Built-in direction watch: of the last 10 service or interest activities within 90 days, at least 5
 * held and fewer than half in the recommended direction is drift. Kinds alone are coarse (SERVICE
 * fits life service and public welfare alike), so titles' themes count too.
 */
export const DEFAULT_DIRECTION_WATCH: DirectionWatchPolicy = {
  lastActivities: 10,
  withinSeconds: 90 * DAY,
  minActivities: 5,
  minMatchingShare: 0.5,
  ignoredKinds: ['RECRUITMENT', 'TRAINING', 'MEETING'],
  matching: {
    LIFE_SERVICE: { kinds: [], keywords: ['助餐', '送餐', '食堂', '养老', '助老', '敬老', '便民', '维修', '理发', '家政', '照护', '代购', '助浴', '陪诊'] },
    PUBLIC_WELFARE: { kinds: [], keywords: ['志愿', '公益', '环保', '垃圾分类', '清洁', '巡逻', '捐', '关爱', '助学', '义诊', '义卖'] },
    CULTURE_SPORTS: { kinds: [], keywords: ['合唱', '舞', '书法', '绘画', '太极', '健身', '球', '棋', '读书', '戏', '文艺', '运动', '摄影', '手工'] },
    MEDIATION: { kinds: [], keywords: ['调解', '纠纷', '矛盾', '议事', '协商', '普法', '法律'] },
  },
};

/**
 * Which assessment kind judges a stage's performance: a capacity (growth) assessment in GROWTH, a
 * maturity assessment in MATURITY. Its gate asks that the latest one passed, and a failed one raises
 * a PERFORMANCE escalation.
 */
export const STAGE_ASSESSMENT_KIND: Partial<Record<WorkingStage, RubricKind>> = {
  GROWTH: 'CAPACITY',
  MATURITY: 'MATURITY',
};

/**
 * The built-in policy, version 1: what a district has until an admin stores its own. Growth asks
 * more training of mediation groups (their leaders mediate disputes) and more regular activity of
 * culture and sports groups (whose vitality is their regular practice). Growth and maturity each
 * ask a passed assessment of their kind, assessed while in the stage.
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
          { kind: 'CAPACITY_ASSESSMENT_PASSED', threshold: 1 },
        ],
        PUBLIC_WELFARE: [
          { kind: 'LEADER_TRAINING_HOURS', threshold: 12 },
          { kind: 'CHARTER_ADOPTED', threshold: 1 },
          { kind: 'REGULAR_ACTIVITY_MONTHS', threshold: 3 },
          { kind: 'CAPACITY_ASSESSMENT_PASSED', threshold: 1 },
        ],
        CULTURE_SPORTS: [
          { kind: 'LEADER_TRAINING_HOURS', threshold: 8 },
          { kind: 'CHARTER_ADOPTED', threshold: 1 },
          { kind: 'REGULAR_ACTIVITY_MONTHS', threshold: 4 },
          { kind: 'CAPACITY_ASSESSMENT_PASSED', threshold: 1 },
        ],
        MEDIATION: [
          { kind: 'LEADER_TRAINING_HOURS', threshold: 24 },
          { kind: 'CHARTER_ADOPTED', threshold: 1 },
          { kind: 'REGULAR_ACTIVITY_MONTHS', threshold: 3 },
          { kind: 'CAPACITY_ASSESSMENT_PASSED', threshold: 1 },
        ],
      },
    },
    MATURITY: {
      durationSeconds: 180 * DAY,
      maxExtensionSeconds: 60 * DAY,
      warningRatio: 0.75,
      criteria: sameForAll([
        { kind: 'FILING_RECORDED', threshold: 1 },
        { kind: 'MATURITY_ASSESSMENT_PASSED', threshold: 1 },
      ]),
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
  directionWatch: DEFAULT_DIRECTION_WATCH,
};

export const NEXT_STAGE: Record<WorkingStage, Stage> = {
  FORMATION: 'GROWTH',
  GROWTH: 'MATURITY',
  MATURITY: 'WITHDRAWAL',
  WITHDRAWAL: 'COMPLETED',
};
