import type { DataSource } from 'typeorm';
import type { OrganizationCategory, OrganizationStatus } from '@peiyu/contracts';

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
