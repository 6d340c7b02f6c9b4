/**
 * Outcome evaluation (成效评估) at the end of a cultivation, at the three levels of the domain: the
 * community (did residents' needs get met), the organization (can it run itself) and the institution
 * (did the cultivation do its job). Each level has a set of weighted indicators scored like a rubric's
 * criteria (0..maxScore each, the level's score computed out of 100) and a target score; indicator
 * sets are versioned data an admin edits, version 1 of each level built in below. After withdrawal,
 * follow-up checks (回访) record what was found at each follow-up.
 */
import type { CriterionScore, RubricCriterion, RubricDocument } from './rubrics.js';

export const OUTCOME_LEVELS = ['COMMUNITY', 'ORGANIZATION', 'INSTITUTION'] as const;
export type OutcomeLevel = (typeof OUTCOME_LEVELS)[number];

/**
 * The indicators of one level and the target score (`passScore`, 0..100) it is expected to reach:
 * the shape, validation (`rubricProblem`) and scoring (`scoreAssessment`) of a rubric.
 */
export type OutcomeIndicatorSet = RubricDocument;

/** One level's result in an evaluation: the indicator set version used, the scores, the computed score. */
export interface LevelOutcome {
  level: OutcomeLevel;
  indicatorSetVersion: number;
  scores: CriterionScore[];
  /** Σ weight × score / maxScore over Σ weight, × 100, rounded to 2 decimals. */
  score: number;
  targetScore: number;
  metTarget: boolean;
}

const indicator = (key: string, label: string, weight: number): RubricCriterion => ({ key, label, weight, maxScore: 5 });

const BUILT_IN: Record<OutcomeLevel, OutcomeIndicatorSet> = {
  COMMUNITY: {
    criteria: [
      indicator('resident_participation', '居民参与度', 3),
      indicator('needs_met', '居民需求满足度', 3),
      indicator('neighbourhood_cohesion', '邻里关系改善', 2),
      indicator('community_governance', '参与社区治理', 2),
    ],
    passScore: 60,
  },
  ORGANIZATION: {
    criteria: [
      indicator('self_governance', '自我管理能力', 3),
      indicator('member_stability', '成员稳定性', 2),
      indicator('activity_regularity', '活动常态化', 3),
      indicator('resource_capacity', '资源筹措能力', 2),
      indicator('financial_transparency', '财务公开透明', 2),
    ],
    passScore: 60,
  },
  INSTITUTION: {
    criteria: [
      indicator('cultivation_support', '培育支持到位', 3),
      indicator('capacity_transfer', '能力与权责移交', 3),
      indicator('timeliness', '按期推进', 2),
      indicator('process_records', '过程记录完整', 2),
    ],
    passScore: 60,
  },
};

/** The built-in indicator set (version 1) of a level. */
export function defaultIndicatorSet(level: OutcomeLevel): OutcomeIndicatorSet {
  return BUILT_IN[level];
}

/** What a follow-up check (回访) looks at; it passes when every finding holds. */
export const FOLLOW_UP_FINDINGS = ['stillActive', 'leadershipStable', 'holdingActivities', 'financesInOrder', 'membersRetained'] as const;
export type FollowUpFinding = (typeof FOLLOW_UP_FINDINGS)[number];
export type FollowUpFindings = Record<FollowUpFinding, boolean>;

export const FOLLOW_UP_FINDING_LABELS: Record<FollowUpFinding, string> = {
  stillActive: '组织仍在运作',
  leadershipStable: '骨干队伍稳定',
  holdingActivities: '按计划开展活动',
  financesInOrder: '财务规范',
  membersRetained: '成员保持稳定',
};

/** Whether a follow-up check passes: every finding holds (a failed one re-engages support). */
export function followUpCheckPassed(findings: FollowUpFindings): boolean {
  return FOLLOW_UP_FINDINGS.every((finding) => findings[finding]);
}
