import { randomUUID } from 'node:crypto';
import { uniqueSuffix } from './test-app.js';

/** Anything that runs SQL with positional parameters: a pg Client or Pool, or a TypeORM DataSource. */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export interface TestPlaces {
  districtId: string;
  streetId: string;
  communityId: string;
}

/**
 * A new district with one street and one community, written straight into communities-service's
 * tables as that service would: for tests of other services that need real places (scopes and
 * existence checks read them).
 */
export async function insertPlaces(db: SqlRunner, name = '测试'): Promise<TestPlaces> {
  const places = { districtId: randomUUID(), streetId: randomUUID(), communityId: randomUUID() };
  await db.query(`INSERT INTO communities.district (id, name, code, version) VALUES ($1, $2, $3, 1)`, [places.districtId, `${name}区`, `T-${uniqueSuffix()}`]);
  await db.query(`INSERT INTO communities.street (id, district_id, name, version) VALUES ($1, $2, $3, 1)`, [places.streetId, places.districtId, `${name}街道`]);
  await db.query(`INSERT INTO communities.community (id, street_id, district_id, name, version) VALUES ($1, $2, $3, $4, 1)`, [
    places.communityId,
    places.streetId,
    places.districtId,
    `${name}社区`,
  ]);
  return places;
}

/**
 * A new MEDIATION organization in a community, under an open cultivation of `institutionId`, written
 * straight into organizations- and cultivation-service's tables: for tests of the rules that depend
 * on an organization being cultivated (scopes, evidence recorders, outcome records).
 */
export async function insertCultivatedOrganization(
  db: SqlRunner,
  places: TestPlaces,
  { institutionId = randomUUID(), stage = 'FORMATION', status = 'FORMING' }: { institutionId?: string; stage?: string; status?: string } = {},
): Promise<{ organizationId: string; cultivationId: string }> {
  const organizationId = randomUUID();
  const cultivationId = randomUUID();
  await db.query(`INSERT INTO organizations.organization (id, name, community_id, category, status, version) VALUES ($1, $2, $3, 'MEDIATION', $4, 1)`, [
    organizationId,
    `培育中组织${uniqueSuffix()}`,
    places.communityId,
    status,
  ]);
  await db.query(
    `INSERT INTO cultivation.cultivation (id, workflow_id, organization_id, institution_id, community_id, street_id, district_id, category, stage, status, stage_deadline, started_at, stage_started_at, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'MEDIATION', $8, 'ACTIVE', now(), now(), now(), 1)`,
    [cultivationId, `cultivation-${cultivationId}`, organizationId, institutionId, places.communityId, places.streetId, places.districtId, stage],
  );
  return { organizationId, cultivationId };
}
