import type { BadgeTone } from './components/Badge';
import type { CultivationRow, CultivationStatus, EscalationStatus, EscalationType, OrganizationCategory, Stage } from './graphql/operations';

/** Every stage, in order. */
export const STAGES: readonly Stage[] = ['FORMATION', 'GROWTH', 'MATURITY', 'WITHDRAWAL', 'COMPLETED'];
export const CULTIVATION_STATUSES: readonly CultivationStatus[] = ['ACTIVE', 'PAUSED', 'TERMINATED'];

export const ORGANIZATION_CATEGORIES: readonly OrganizationCategory[] = ['LIFE_SERVICE', 'PUBLIC_WELFARE', 'CULTURE_SPORTS', 'MEDIATION'];
export function isOrganizationCategory(value: unknown): value is OrganizationCategory {
  return typeof value === 'string' && (ORGANIZATION_CATEGORIES as readonly string[]).includes(value);
}

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}
const ESCALATION_TYPES: readonly EscalationType[] = ['DELAY', 'INTERRUPTION', 'DEVIATION', 'PERFORMANCE'];
export function isEscalationType(value: unknown): value is EscalationType {
  return typeof value === 'string' && (ESCALATION_TYPES as readonly string[]).includes(value);
}
export function isCultivationStatus(value: unknown): value is CultivationStatus {
  return typeof value === 'string' && (CULTIVATION_STATUSES as readonly string[]).includes(value);
}

export const STAGE_TONES: Record<Stage, BadgeTone> = {
  FORMATION: 'info',
  GROWTH: 'success',
  MATURITY: 'success',
  WITHDRAWAL: 'warning',
  COMPLETED: 'muted',
};

export const CULTIVATION_STATUS_TONES: Record<CultivationStatus, BadgeTone> = {
  ACTIVE: 'success',
  PAUSED: 'warning',
  TERMINATED: 'muted',
};

export const ESCALATION_TYPE_TONES: Record<EscalationType, BadgeTone> = {
  DELAY: 'warning',
  INTERRUPTION: 'danger',
  DEVIATION: 'danger',
  PERFORMANCE: 'warning',
};

export const ESCALATION_STATUS_TONES: Record<EscalationStatus, BadgeTone> = {
  OPEN: 'danger',
  ACKNOWLEDGED: 'info',
  RESOLVED: 'success',
};

/** Past its stage deadline while still under way (a completed or terminated cultivation is never overdue). */
export function isOverdue(cultivation: Pick<CultivationRow, 'stage' | 'status' | 'stageDeadline'>, now: number): boolean {
  if (cultivation.stage === 'COMPLETED' || cultivation.status === 'TERMINATED') return false;
  const deadline = Date.parse(cultivation.stageDeadline);
  return Number.isFinite(deadline) && deadline < now;
}

