import type { Role } from './domain.js';

/**
 * Who may issue each command of the cultivation and withdrawal workflows (ADMIN always may), besides
 * holding the cultivation in their scopes. One table for both checks: cultivation-service refuses by
 * role before it looks at any state (so a caller who may not act always hears FORBIDDEN, never
 * "not in withdrawal"), and the workflows' update validators refuse again, for commands that reach
 * Temporal another way. Acknowledging an escalation is not here: its role is the ladder level's.
 */
const MANAGING: readonly Role[] = ['SOCIAL_WORKER', 'SUPERVISOR', 'INSTITUTION_DIRECTOR', 'PROGRAMME_MANAGER'];
const INSTITUTION_STAFF: readonly Role[] = ['SOCIAL_WORKER', 'SUPERVISOR', 'INSTITUTION_DIRECTOR'];

export const COMMAND_ROLES = {
  approveGate: ['SUPERVISOR'],
  extendDeadline: ['PROGRAMME_MANAGER'],
  pause: MANAGING,
  resume: MANAGING,
  flagDeviation: ['PROGRAMME_MANAGER'],
  submitCorrectionPlan: INSTITUTION_STAFF,
  terminate: ['PROGRAMME_MANAGER'],
  advancePhase: INSTITUTION_STAFF,
  confirmHandover: INSTITUTION_STAFF,
  recordFinalEvaluation: ['SUPERVISOR'],
  recordFollowUp: INSTITUTION_STAFF,
} as const satisfies Record<string, readonly Role[]>;

export type RoleCheckedCommand = keyof typeof COMMAND_ROLES;

/** Whether a role may issue a command. */
export function mayIssue(role: Role, command: RoleCheckedCommand): boolean {
  return role === 'ADMIN' || (COMMAND_ROLES[command] as readonly Role[]).includes(role);
}
