import { isUUID } from 'class-validator';
import { EVENT_VERSIONS, ORGANIZATION_STATUSES, type OrganizationStatus } from '@peiyu/contracts';

/**
 * The organizations-service events the analytics read model consumes (from `"organizations"."outbox"`),
 * checked before they touch it, as the cultivation events are.
 */
export type OrganizationFactEvent =
  | { kind: 'filed'; organizationId: string; at: Date }
  | { kind: 'activity-changed'; organizationId: string; at: Date }
  | { kind: 'status-changed'; organizationId: string; status: OrganizationStatus; at: Date };

export type OrganizationParseResult = { ok: true; value: OrganizationFactEvent } | { ok: false; reason: string } | { ok: 'ignored' };

const instant = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));

/**
 * Reads one outbox row of organizations-service: `organization.evidence-changed` with FILING (the
 * filing was recorded: it is recorded once and never removed) or ACTIVITIES (an activity was recorded
 * or changed), and `organization.status-changed`. Other types and evidence kinds are `ignored`.
 */
export function parseOrganizationEvent(type: string, version: number, payload: unknown): OrganizationParseResult {
  if (type !== 'organization.evidence-changed' && type !== 'organization.status-changed') return { ok: 'ignored' };
  if (version !== EVENT_VERSIONS[type]) return { ok: false, reason: `version ${version} of ${type} is not understood (expected ${EVENT_VERSIONS[type]})` };
  if (typeof payload !== 'object' || payload === null) return { ok: false, reason: 'the payload is not an object' };
  const p = payload as Record<string, unknown>;
  const bad: string[] = [];
  if (typeof p.organizationId !== 'string' || !isUUID(p.organizationId)) bad.push('organizationId');
  if (type === 'organization.status-changed' && !(ORGANIZATION_STATUSES as readonly unknown[]).includes(p.status)) bad.push('status');
  if (!instant(p.at)) bad.push('at');
  if (bad.length > 0) return { ok: false, reason: `invalid or missing ${bad.join(', ')}` };
  const organizationId = p.organizationId as string;
  const at = new Date(p.at as string);
  if (type === 'organization.status-changed') return { ok: true, value: { kind: 'status-changed', organizationId, status: p.status as OrganizationStatus, at } };
  switch (p.evidence) {
    case 'FILING':
      return { ok: true, value: { kind: 'filed', organizationId, at } };
    case 'ACTIVITIES':
      return { ok: true, value: { kind: 'activity-changed', organizationId, at } };
    default:
      return { ok: 'ignored' };
  }
}
