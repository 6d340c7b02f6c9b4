import type { DataSource, EntityManager } from 'typeorm';

/** What other domains may know of a community: where it sits in the hierarchy. */
export interface CommunityPlacement {
  id: string;
  streetId: string;
  districtId: string;
}

/**
 * Read-only access for other domains (an organization's community, a cultivation's district). They
 * call this, never the tables, so this lib stays the one owner of the schema; plain SQL, so the
 * caller's DataSource need not register this domain's entities. Inside a transaction, pass its
 * EntityManager: a second connection of the pool would wait on the first.
 */
export async function findCommunityPlacements(db: DataSource | EntityManager, ids: readonly string[]): Promise<CommunityPlacement[]> {
  if (ids.length === 0) return [];
  const rows: { id: string; street_id: string; district_id: string }[] = await db.query(
    `SELECT "id", "street_id", "district_id" FROM "communities"."community" WHERE "id" = ANY($1::uuid[])`,
    [[...ids]],
  );
  return rows.map((r) => ({ id: r.id, streetId: r.street_id, districtId: r.district_id }));
}

/** The communities of the given districts, with their placement; for other domains' per-district counts. */
export async function findCommunityPlacementsOfDistricts(db: DataSource, districtIds: readonly string[]): Promise<CommunityPlacement[]> {
  if (districtIds.length === 0) return [];
  const rows: { id: string; street_id: string; district_id: string }[] = await db.query(
    `SELECT "id", "street_id", "district_id" FROM "communities"."community" WHERE "district_id" = ANY($1::uuid[])`,
    [[...districtIds]],
  );
  return rows.map((r) => ({ id: r.id, streetId: r.street_id, districtId: r.district_id }));
}

/** A programme manager assigned to a district: display name and username only, nothing else of the account. */
export interface DistrictProgrammeManager {
  districtId: string;
  username: string;
  displayName: string;
}

/**
 * The programme managers whose scopes include each given district (a DISTRICT scope naming it), by
 * display name. Reads identity's `user_account` read-only, by plain SQL, taking only the role, the
 * scopes, the username and the display name; identity owns the table and its `district_assignment` view.
 */
export async function findDistrictProgrammeManagers(db: DataSource, districtIds: readonly string[]): Promise<DistrictProgrammeManager[]> {
  if (districtIds.length === 0) return [];
  const rows: { district_id: string; username: string; display_name: string }[] = await db.query(
    `SELECT s->>'id' AS "district_id", u."username", u."display_name"
       FROM "identity"."user_account" u
       CROSS JOIN LATERAL jsonb_array_elements(u."scopes") AS s
      WHERE u."role" = 'PROGRAMME_MANAGER' AND s->>'kind' = 'DISTRICT' AND s->>'id' = ANY($1::text[])
      ORDER BY u."display_name", u."username"`,
    [[...districtIds]],
  );
  return rows.map((r) => ({ districtId: r.district_id, username: r.username, displayName: r.display_name }));
}

/** The number of streets and of communities of each given district (one query). */
export async function countDistrictHierarchy(db: DataSource, districtIds: readonly string[]): Promise<{ districtId: string; streetCount: number; communityCount: number }[]> {
  if (districtIds.length === 0) return [];
  const rows: { id: string; streets: number; communities: number }[] = await db.query(
    `SELECT d."id",
            (SELECT count(*)::int FROM "communities"."street" s WHERE s."district_id" = d."id") AS "streets",
            (SELECT count(*)::int FROM "communities"."community" c WHERE c."district_id" = d."id") AS "communities"
       FROM unnest($1::uuid[]) AS d("id")`,
    [[...districtIds]],
  );
  return rows.map((r) => ({ districtId: r.id, streetCount: r.streets, communityCount: r.communities }));
}

/** An area of the hierarchy: whole districts, whole streets and single communities. */
export interface HierarchyArea {
  districtIds: readonly string[];
  streetIds: readonly string[];
  communityIds: readonly string[];
}

/** The streets (with their district) and the communities (with their placement) an area holds. */
export interface AreaPlaces {
  streets: { id: string; districtId: string }[];
  communities: CommunityPlacement[];
}

/**
 * Everything below an area: the streets of its districts and its streets, and the communities of its
 * districts, its streets and its single communities (two queries). What a scope covers.
 */
export async function findPlacesInArea(db: DataSource, area: HierarchyArea): Promise<AreaPlaces> {
  const params = [[...area.districtIds], [...area.streetIds], [...area.communityIds]];
  if (params.every((ids) => ids.length === 0)) return { streets: [], communities: [] };
  const [streets, communities]: [{ id: string; district_id: string }[], { id: string; street_id: string; district_id: string }[]] = await Promise.all([
    db.query(`SELECT "id", "district_id" FROM "communities"."street" WHERE "district_id" = ANY($1::uuid[]) OR "id" = ANY($2::uuid[])`, params.slice(0, 2)),
    db.query(
      `SELECT "id", "street_id", "district_id" FROM "communities"."community"
        WHERE "district_id" = ANY($1::uuid[]) OR "street_id" = ANY($2::uuid[]) OR "id" = ANY($3::uuid[])`,
      params,
    ),
  ]);
  return {
    streets: streets.map((r) => ({ id: r.id, districtId: r.district_id })),
    communities: communities.map((r) => ({ id: r.id, streetId: r.street_id, districtId: r.district_id })),
  };
}

/** Which of the given district ids name a district. */
export async function existingDistrictIds(db: DataSource, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows: { id: string }[] = await db.query(`SELECT "id" FROM "communities"."district" WHERE "id" = ANY($1::uuid[])`, [[...ids]]);
  return new Set(rows.map((r) => r.id));
}
