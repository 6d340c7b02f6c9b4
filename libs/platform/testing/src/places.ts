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
