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
