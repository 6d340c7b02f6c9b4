import type { DataSource } from 'typeorm';
import type { OrganizationCategory, OrganizationStatus } from '@peiyu/contracts';
import { ACTIVITY_KINDS, type ActivityKind } from './entities.js';

/** What other domains may know of an organization. */
export interface OrganizationSummary {
  id: string;
  communityId: string;
  category: OrganizationCategory;
  status: OrganizationStatus;
}

/**
 * Read-only access for other domains (cultivation reads the organization it cultivates). Plain SQL,
 * so the caller's DataSource need not register this domain's entities.
 */
export async function findOrganizationSummaries(db: DataSource, ids: readonly string[]): Promise<OrganizationSummary[]> {
  if (ids.length === 0) return [];
  const rows: { id: string; community_id: string; category: OrganizationCategory; status: OrganizationStatus }[] = await db.query(
    `SELECT "id", "community_id", "category", "status" FROM "organizations"."organization" WHERE "id" = ANY($1::uuid[])`,
    [[...ids]],
  );
  return rows.map((r) => ({ id: r.id, communityId: r.community_id, category: r.category, status: r.status }));
}

export async function existingInstitutionIds(db: DataSource, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows: { id: string }[] = await db.query(`SELECT "id" FROM "organizations"."institution" WHERE "id" = ANY($1::uuid[])`, [[...ids]]);
  return new Set(rows.map((r) => r.id));
}

/** China has one time zone and no daylight saving: its calendar day is the UTC one shifted by 8 hours. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar day ('YYYY-MM-DD') an instant falls on in China, where the organizations are. */
export function chinaCalendarDate(at: Date = new Date()): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The evidence of one organization a cultivation's gates are judged on, as of a calendar day. */
export interface OrganizationEvidence {
  organizationId: string;
  /** Members who joined on or before `asOf` and had not left by then (left on `asOf` counts as left). */
  activeMembers: number;
  /** Those active members who are leaders (骨干) now. */
  activeLeaders: number;
  /** Activities held on or before `asOf`, by kind; every kind present, zero included. */
  activitiesByKind: Record<ActivityKind, number>;
  /**
   * Over TRAINING activities held on or before `asOf`: hours × the number of their attendees who are
   * leaders now (marked leader and not left).
   */
  leaderTrainingHours: number;
  /** Distinct 'YYYY-MM' months with at least one activity held on or before `asOf`, ascending. */
  activityMonths: string[];
  /** 'YYYY-MM-DD' of the latest activity held on or before `asOf`; null when none. */
  lastActivityOn: string | null;
  /** 'YYYY-MM-DD' adoption day of the charter in force on `asOf` (the latest adopted by then); null when none. */
  charterAdoptedOn: string | null;
  /** The filing record, when filed on or before `asOf`; null otherwise. */
  filing: { number: string; filedOn: string; authority: string } | null;
}

/**
 * The evidence of an organization as of `asOf` (default now), taken as the calendar day in China it
 * falls on. One SQL statement, whatever the number of members and activities. An unknown
 * organization has no evidence: zeros, empty lists and nulls (check it exists with
 * findOrganizationSummaries).
 */
export async function findOrganizationEvidence(db: DataSource, organizationId: string, asOf: Date = new Date()): Promise<OrganizationEvidence> {
  const rows: {
    active_members: number;
    active_leaders: number;
    activities_by_kind: Partial<Record<ActivityKind, number>>;
    leader_training_hours: string;
    activity_months: string[];
    last_activity_on: string | null;
    charter_adopted_on: string | null;
    filing: { number: string; filedOn: string; authority: string } | null;
  }[] = await db.query(
    `WITH "active" AS (
       SELECT "is_leader" FROM "organizations"."member"
       WHERE "organization_id" = $1 AND "joined_on" <= $2::date AND ("left_on" IS NULL OR "left_on" > $2::date)
     ), "held" AS (
       SELECT "id", "kind", "held_on", "hours" FROM "organizations"."activity"
       WHERE "organization_id" = $1 AND "held_on" <= $2::date
     )
     SELECT
       (SELECT count(*)::int FROM "active") AS "active_members",
       (SELECT count(*)::int FROM "active" WHERE "is_leader") AS "active_leaders",
       (SELECT COALESCE(jsonb_object_agg("kind", "n"), '{}'::jsonb)
          FROM (SELECT "kind", count(*)::int AS "n" FROM "held" GROUP BY "kind") AS "k") AS "activities_by_kind",
       (SELECT COALESCE(sum(h."hours"), 0)::text
          FROM "held" h
          JOIN "organizations"."activity_attendee" t ON t."activity_id" = h."id"
          JOIN "organizations"."member" m ON m."id" = t."member_id" AND m."is_leader" AND m."left_on" IS NULL
          WHERE h."kind" = 'TRAINING') AS "leader_training_hours",
       (SELECT COALESCE(array_agg("month" ORDER BY "month"), '{}')
          FROM (SELECT DISTINCT to_char("held_on", 'YYYY-MM') AS "month" FROM "held") AS "mo") AS "activity_months",
       (SELECT to_char(max("held_on"), 'YYYY-MM-DD') FROM "held") AS "last_activity_on",
       (SELECT to_char("adopted_on", 'YYYY-MM-DD') FROM "organizations"."charter"
          WHERE "organization_id" = $1 AND "adopted_on" <= $2::date
          ORDER BY "adopted_on" DESC, "created_at" DESC LIMIT 1) AS "charter_adopted_on",
       (SELECT jsonb_build_object('number', "number", 'filedOn', to_char("filed_on", 'YYYY-MM-DD'), 'authority', "authority")
          FROM "organizations"."filing" WHERE "organization_id" = $1 AND "filed_on" <= $2::date) AS "filing"`,
    [organizationId, chinaCalendarDate(asOf)],
  );
  const row = rows[0];
  return {
    organizationId,
    activeMembers: row.active_members,
    activeLeaders: row.active_leaders,
    activitiesByKind: Object.fromEntries(ACTIVITY_KINDS.map((kind) => [kind, row.activities_by_kind[kind] ?? 0])) as Record<ActivityKind, number>,
    leaderTrainingHours: Number(row.leader_training_hours),
    activityMonths: row.activity_months,
    lastActivityOn: row.last_activity_on,
    charterAdoptedOn: row.charter_adopted_on,
    filing: row.filing,
  };
}

/** The area institutions serve under their contracts in force on a day: whole districts and single streets. */
export async function findContractedAreas(db: DataSource, institutionIds: readonly string[], onDay: string): Promise<{ districtIds: string[]; streetIds: string[] }> {
  if (institutionIds.length === 0) return { districtIds: [], streetIds: [] };
  const rows: { district_id: string; street_ids: string[] }[] = await db.query(
    `SELECT "district_id", "street_ids" FROM "organizations"."service_contract"
      WHERE "institution_id" = ANY($1::uuid[]) AND "starts_on" <= $2::date AND "ends_on" >= $2::date`,
    [[...institutionIds], onDay],
  );
  const districtIds = new Set<string>();
  const streetIds = new Set<string>();
  for (const row of rows) {
    if (row.street_ids.length === 0) districtIds.add(row.district_id);
    else for (const id of row.street_ids) streetIds.add(id);
  }
  return { districtIds: [...districtIds], streetIds: [...streetIds] };
}

/** One activity as other domains may see it (no attendees). */
export interface ActivitySummary {
  kind: ActivityKind;
  title: string;
  /** 'YYYY-MM-DD'. */
  heldOn: string;
}

/**
 * An organization's latest activities held from `sinceDay` to `untilDay` ('YYYY-MM-DD', inclusive),
 * newest first, at most `limit`, leaving out the kinds in `excludeKinds`.
 */
export async function findRecentActivities(
  db: DataSource,
  organizationId: string,
  window: { sinceDay: string; untilDay: string; limit: number; excludeKinds?: readonly string[] },
): Promise<ActivitySummary[]> {
  const rows: { kind: ActivityKind; title: string; held_on: string }[] = await db.query(
    `SELECT "kind", "title", to_char("held_on", 'YYYY-MM-DD') AS "held_on" FROM "organizations"."activity"
     WHERE "organization_id" = $1 AND "held_on" BETWEEN $2::date AND $3::date AND NOT ("kind" = ANY($4::text[]))
     ORDER BY "held_on" DESC, "created_at" DESC LIMIT $5`,
    [organizationId, window.sinceDay, window.untilDay, [...(window.excludeKinds ?? [])], window.limit],
  );
  return rows.map((r) => ({ kind: r.kind, title: r.title, heldOn: r.held_on }));
}
