import type { DataSource } from 'typeorm';

/** What other domains may know of a community: where it sits in the hierarchy. */
export interface CommunityPlacement {
  id: string;
  streetId: string;
  districtId: string;
}

/**
 * Read-only access for other domains (an organization's community, a cultivation's district). They
 * call this, never the tables, so this lib stays the one owner of the schema; plain SQL, so the
 * caller's DataSource need not register this domain's entities.
 */
export async function findCommunityPlacements(db: DataSource, ids: readonly string[]): Promise<CommunityPlacement[]> {
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
