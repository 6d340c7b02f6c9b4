/** The vocabulary every service, the worker and the admin app share. Values are stored as-is. */

export const ORGANIZATION_CATEGORIES = ['LIFE_SERVICE', 'PUBLIC_WELFARE', 'CULTURE_SPORTS', 'MEDIATION'] as const;
export type OrganizationCategory = (typeof ORGANIZATION_CATEGORIES)[number];

export const ORGANIZATION_STATUSES = ['FORMING', 'GROWING', 'MATURE', 'FILED', 'INDEPENDENT', 'DISSOLVED'] as const;
export type OrganizationStatus = (typeof ORGANIZATION_STATUSES)[number];

export const STAGES = ['FORMATION', 'GROWTH', 'MATURITY', 'WITHDRAWAL', 'COMPLETED'] as const;
export type Stage = (typeof STAGES)[number];

export const CULTIVATION_STATUSES = ['ACTIVE', 'PAUSED', 'TERMINATED'] as const;
export type CultivationStatus = (typeof CULTIVATION_STATUSES)[number];

export const ESCALATION_TYPES = ['DELAY', 'INTERRUPTION', 'DEVIATION', 'PERFORMANCE'] as const;
export type EscalationType = (typeof ESCALATION_TYPES)[number];

export const ESCALATION_STATUSES = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

export const ROLES = [
  'ADMIN',
  'PROGRAMME_MANAGER',
  'STREET_OFFICER',
  'INSTITUTION_DIRECTOR',
  'SUPERVISOR',
  'SOCIAL_WORKER',
  'ANALYST',
] as const;
export type Role = (typeof ROLES)[number];

/** A scope is a subtree of the hierarchy (or an institution) that a user may see. */
export const SCOPE_KINDS = ['CITY', 'DISTRICT', 'STREET', 'COMMUNITY', 'INSTITUTION'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];
export interface Scope {
  kind: ScopeKind;
  /** Null only for CITY, which covers everything. */
  id: string | null;
}
