import type { CriterionPolicy, GateCriterionResult, OrganizationCategory, RubricKind } from '@peiyu/contracts';
import type { LatestAssessment } from '@peiyu/assessments-data-access';

/** What the gate is judged on, read from the domains that own it. */
export interface GateEvidence {
  category: OrganizationCategory;
  survey: { responseCount: number; recommendedCategory: OrganizationCategory | null };
  organization: {
    activeMembers: number;
    activeLeaders: number;
    interestActivities: number;
    leaderTrainingHours: number;
    activityMonths: string[];
    charterAdoptedOn: string | null;
    filing: { number: string; filedOn: string } | null;
  };
  /** The latest assessment of each kind the organization has (at most one per kind). */
  assessments: LatestAssessment[];
  /** The China date ('YYYY-MM-DD') the stage was entered; assessments of earlier days do not count. Null: any day counts. */
  stageEnteredOn: string | null;
}

/** The longest run of consecutive calendar months in an ascending list of 'YYYY-MM'. */
export function longestMonthRun(months: string[]): number {
  let best = 0;
  let run = 0;
  let previous: number | null = null;
  for (const month of months) {
    const [year, m] = month.split('-').map(Number);
    const index = year * 12 + (m - 1);
    run = previous !== null && index === previous + 1 ? run + 1 : 1;
    best = Math.max(best, run);
    previous = index;
  }
  return best;
}

const counted = (criterion: CriterionPolicy, actual: number, evidence: string): GateCriterionResult => ({
  kind: criterion.kind,
  threshold: criterion.threshold,
  actual,
  met: actual >= criterion.threshold,
  evidence,
});

const yesNo = (criterion: CriterionPolicy, met: boolean, evidence: string): GateCriterionResult => ({
  kind: criterion.kind,
  threshold: 1,
  actual: met ? 1 : 0,
  met,
  evidence,
});

/** A passed assessment of `kind`: the latest of that kind passed, and was assessed on or after the stage was entered. */
function assessmentPassed(criterion: CriterionPolicy, kind: RubricKind, evidence: GateEvidence): GateCriterionResult {
  const latest = evidence.assessments.find((a) => a.kind === kind);
  const name = kind.toLowerCase();
  if (!latest) return yesNo(criterion, false, `no ${name} assessment recorded`);
  const result = `scored ${latest.score} against a pass score of ${latest.passScore} on ${latest.assessedOn}`;
  if (evidence.stageEnteredOn !== null && latest.assessedOn < evidence.stageEnteredOn) {
    return yesNo(criterion, false, `the latest ${name} assessment ${result}, before the stage began on ${evidence.stageEnteredOn}`);
  }
  return yesNo(criterion, latest.passed, `the latest ${name} assessment ${result}: ${latest.passed ? 'passed' : 'failed'}`);
}

/** Judges each criterion of a stage's gate against the evidence; pure, so every rule is unit-tested. */
export function judgeGate(criteria: CriterionPolicy[], evidence: GateEvidence): GateCriterionResult[] {
  const { survey, organization } = evidence;
  return criteria.map((criterion) => {
    switch (criterion.kind) {
      case 'NEEDS_SURVEY_RESPONSES':
        return counted(criterion, survey.responseCount, `${survey.responseCount} needs-survey responses in the community`);
      case 'DEMAND_MATCHES_CATEGORY':
        return yesNo(
          criterion,
          survey.recommendedCategory === evidence.category,
          survey.recommendedCategory
            ? `demand analysis recommends ${survey.recommendedCategory}; the organization is ${evidence.category}`
            : 'no demand analysis yet (no survey responses)',
        );
      case 'INTEREST_ACTIVITIES':
        return counted(criterion, organization.interestActivities, `${organization.interestActivities} interest activities held`);
      case 'ACTIVE_MEMBERS':
        return counted(criterion, organization.activeMembers, `${organization.activeMembers} active members`);
      case 'LEADERS':
        return counted(criterion, organization.activeLeaders, `${organization.activeLeaders} active leaders (骨干)`);
      case 'LEADER_TRAINING_HOURS':
        return counted(criterion, organization.leaderTrainingHours, `${organization.leaderTrainingHours} hours of training attended by leaders`);
      case 'CHARTER_ADOPTED':
        return yesNo(criterion, organization.charterAdoptedOn !== null, organization.charterAdoptedOn ? `charter adopted on ${organization.charterAdoptedOn}` : 'no charter adopted');
      case 'REGULAR_ACTIVITY_MONTHS': {
        const run = longestMonthRun(organization.activityMonths);
        return counted(criterion, run, `${run} consecutive months with activities`);
      }
      case 'FILING_RECORDED':
        return yesNo(criterion, organization.filing !== null, organization.filing ? `filed as ${organization.filing.number} on ${organization.filing.filedOn}` : 'not filed');
      case 'CAPACITY_ASSESSMENT_PASSED':
        return assessmentPassed(criterion, 'CAPACITY', evidence);
      case 'MATURITY_ASSESSMENT_PASSED':
        return assessmentPassed(criterion, 'MATURITY', evidence);
    }
  });
}
