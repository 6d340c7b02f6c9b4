import type { DataSource } from 'typeorm';

/** Where a cultivation sits: what other domains need to know to scope by institution. */
export interface CultivationPlacement {
  organizationId: string;
  institutionId: string;
  communityId: string;
  streetId: string | null;
  districtId: string;
}

/**
 * The placements of every cultivation (open or closed) of the given institutions: the organizations
 * an INSTITUTION scope reaches. Plain SQL, for other domains' services.
 */
export async function findCultivationPlacementsOfInstitutions(db: DataSource, institutionIds: readonly string[]): Promise<CultivationPlacement[]> {
  if (institutionIds.length === 0) return [];
  const rows: { organization_id: string; institution_id: string; community_id: string; street_id: string | null; district_id: string }[] = await db.query(
    `SELECT DISTINCT "organization_id", "institution_id", "community_id", "street_id", "district_id"
       FROM "cultivation"."cultivation" WHERE "institution_id" = ANY($1::uuid[])`,
    [[...institutionIds]],
  );
  return rows.map((r) => ({ organizationId: r.organization_id, institutionId: r.institution_id, communityId: r.community_id, streetId: r.street_id, districtId: r.district_id }));
}

/** The institutions that cultivate (or cultivated) an organization in any of the given areas. */
export async function findInstitutionsCultivatingIn(db: DataSource, area: { districtIds: readonly string[]; streetIds: readonly string[]; communityIds: readonly string[] }): Promise<string[]> {
  if (area.districtIds.length + area.streetIds.length + area.communityIds.length === 0) return [];
  const rows: { institution_id: string }[] = await db.query(
    `SELECT DISTINCT "institution_id" FROM "cultivation"."cultivation"
      WHERE "district_id" = ANY($1::uuid[]) OR "street_id" = ANY($2::uuid[]) OR "community_id" = ANY($3::uuid[])`,
    [[...area.districtIds], [...area.streetIds], [...area.communityIds]],
  );
  return rows.map((r) => r.institution_id);
}
