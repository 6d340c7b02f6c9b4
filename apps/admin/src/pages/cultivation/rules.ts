// Rules of the detail page: how criteria are measured and which actions a role is offered. They live
// with the (lazily loaded) page, since nothing else needs them.
import type { CriterionKind, EscalationStatus, Role } from '../../graphql/operations';

/** How each gate criterion is measured: a yes/no fact, a count, hours or months. */
export const CRITERION_UNITS: Record<CriterionKind, 'yesNo' | 'count' | 'hours' | 'months'> = {
  NEEDS_SURVEY_RESPONSES: 'count',
  DEMAND_MATCHES_CATEGORY: 'yesNo',
  INTEREST_ACTIVITIES: 'count',
  ACTIVE_MEMBERS: 'count',
  LEADERS: 'count',
  LEADER_TRAINING_HOURS: 'hours',
  CHARTER_ADOPTED: 'yesNo',
  REGULAR_ACTIVITY_MONTHS: 'months',
  FILING_RECORDED: 'yesNo',
  CAPACITY_ASSESSMENT_PASSED: 'yesNo',
  MATURITY_ASSESSMENT_PASSED: 'yesNo',
};

/** The process actions on a cultivation, and the roles that may take each (ADMIN may take all). */
export type CultivationAction =
  | 'approveGate'
  | 'extendDeadline'
  | 'pause'
  | 'resume'
  | 'flagDeviation'
  | 'submitCorrectionPlan'
  | 'terminate'
  | 'advanceWithdrawal'
  | 'confirmHandover'
  | 'recordFinalEvaluation'
  | 'recordFollowUp';

/** Institution staff: those who work the withdrawal stage. */
const INSTITUTION_STAFF: readonly Role[] = ['SOCIAL_WORKER', 'SUPERVISOR', 'INSTITUTION_DIRECTOR'];

const ACTION_ROLES: Record<CultivationAction, readonly Role[]> = {
  approveGate: ['SUPERVISOR'],
  extendDeadline: ['PROGRAMME_MANAGER'],
  pause: ['SOCIAL_WORKER', 'SUPERVISOR', 'INSTITUTION_DIRECTOR', 'PROGRAMME_MANAGER'],
  resume: ['SOCIAL_WORKER', 'SUPERVISOR', 'INSTITUTION_DIRECTOR', 'PROGRAMME_MANAGER'],
  flagDeviation: ['PROGRAMME_MANAGER'],
  submitCorrectionPlan: ['SOCIAL_WORKER', 'SUPERVISOR', 'INSTITUTION_DIRECTOR'],
  terminate: ['PROGRAMME_MANAGER'],
  advanceWithdrawal: INSTITUTION_STAFF,
  confirmHandover: INSTITUTION_STAFF,
  recordFinalEvaluation: ['SUPERVISOR'],
  recordFollowUp: INSTITUTION_STAFF,
};

/** Whether a role may take an action; the server decides in the end, this only decides what to offer. */
export function mayTake(role: Role | null | undefined, action: CultivationAction): boolean {
  if (!role) return false;
  return role === 'ADMIN' || ACTION_ROLES[action].includes(role);
}

/** The role that must acknowledge an escalation at its current level (the last ladder step it reached). */
export function acknowledgingRole(escalation: { level: number; steps: { level: number; role: Role | null }[] }): Role | null {
  const step = escalation.steps.find((s) => s.level === escalation.level) ?? escalation.steps[escalation.steps.length - 1];
  return step?.role ?? null;
}

/** Only an open escalation can be acknowledged, and only by the role of its current level (or ADMIN). */
export function mayAcknowledge(
  role: Role | null | undefined,
  escalation: { status: EscalationStatus; level: number; steps: { level: number; role: Role | null }[] },
): boolean {
  if (!role || escalation.status !== 'OPEN') return false;
  return role === 'ADMIN' || role === acknowledgingRole(escalation);
}
