import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import pg from 'pg';
import { insertCultivatedOrganization, insertPlaces, requireDatabaseUrl, uniqueSuffix, type TestPlaces } from '@peiyu/platform-testing';
import { resolveReach, seesInstitution, seesOrganization, type Reach } from './reach.js';

/**
 * Two districts, each with a second street; an institution contracted over one street of district A
 * and cultivating one organization in district B.
 */
describe('resolveReach', () => {
  let db: DataSource;
  let a: TestPlaces;
  let b: TestPlaces;
  const streetA2 = randomUUID();
  const communityA2 = randomUUID();
  const institution = randomUUID();
  const otherInstitution = randomUUID();
  let organizationInB: string;
  let otherOrganizationInB: string;
  const today = '2026-06-01';

  const ids = (set: ReadonlySet<string>) => [...set].sort();

  beforeAll(async () => {
    db = new DataSource({ type: 'postgres', url: requireDatabaseUrl(), driver: pg });
    await db.initialize();
    a = await insertPlaces(db, '范围甲');
    b = await insertPlaces(db, '范围乙');
    await db.query(`INSERT INTO communities.street (id, district_id, name, version) VALUES ($1, $2, '第二街道', 1)`, [streetA2, a.districtId]);
    await db.query(`INSERT INTO communities.community (id, street_id, district_id, name, version) VALUES ($1, $2, $3, '第二社区', 1)`, [communityA2, streetA2, a.districtId]);
    for (const id of [institution, otherInstitution]) {
      await db.query(`INSERT INTO organizations.institution (id, name, version) VALUES ($1, $2, 1)`, [id, `范围机构${uniqueSuffix()}`]);
    }
    // In force today over street A2 only; an expired one over the whole of district B.
    await db.query(
      `INSERT INTO organizations.service_contract (id, institution_id, district_id, street_ids, reference, starts_on, ends_on, version)
       VALUES ($1, $2, $3, ARRAY[$4]::uuid[], $5, '2026-01-01', '2026-12-31', 1), ($6, $2, $7, '{}', $8, '2025-01-01', '2025-12-31', 1)`,
      [randomUUID(), institution, a.districtId, streetA2, `C-${uniqueSuffix()}`, randomUUID(), b.districtId, `C-${uniqueSuffix()}`],
    );
    ({ organizationId: organizationInB } = await insertCultivatedOrganization(db, b, { institutionId: institution }));
    ({ organizationId: otherOrganizationInB } = await insertCultivatedOrganization(db, b, { institutionId: otherInstitution }));
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('gives a CITY scope everything', async () => {
    const reach = await resolveReach(db, [{ kind: 'CITY', id: null }], today);
    expect(reach.all).toBe(true);
    expect(seesOrganization(reach, { id: organizationInB, communityId: b.communityId })).toBe(true);
  });

  it('covers a whole district with a DISTRICT scope, and lets it see every institution', async () => {
    const reach = await resolveReach(db, [{ kind: 'DISTRICT', id: a.districtId }], today);
    expect(ids(reach.coveredDistrictIds)).toEqual([a.districtId]);
    expect(ids(reach.coveredStreetIds)).toEqual([a.streetId, streetA2].sort());
    expect(ids(reach.coveredCommunityIds)).toEqual([a.communityId, communityA2].sort());
    expect(ids(reach.visibleDistrictIds)).toEqual([a.districtId]);
    expect(reach.institutionIds).toBeNull();
    expect(seesOrganization(reach, { id: organizationInB, communityId: b.communityId })).toBe(false);
  });

  it('covers one street with a STREET scope, sees its district above, and the institutions working in it', async () => {
    const reach = await resolveReach(db, [{ kind: 'STREET', id: b.streetId }], today);
    expect(ids(reach.coveredDistrictIds)).toEqual([]);
    expect(ids(reach.coveredStreetIds)).toEqual([b.streetId]);
    expect(ids(reach.coveredCommunityIds)).toEqual([b.communityId]);
    expect(ids(reach.visibleDistrictIds)).toEqual([b.districtId]);
    expect(ids(reach.institutionIds!)).toEqual([institution, otherInstitution].sort());
    expect(seesOrganization(reach, { id: otherOrganizationInB, communityId: b.communityId })).toBe(true);
  });

  it('gives an INSTITUTION scope the area of its contracts in force and the organizations it cultivates, nothing else', async () => {
    const reach: Reach = await resolveReach(db, [{ kind: 'INSTITUTION', id: institution }], today);
    // The contract in force covers street A2; the expired one over district B covers nothing.
    expect(ids(reach.coveredDistrictIds)).toEqual([]);
    expect(ids(reach.coveredStreetIds)).toEqual([streetA2]);
    expect(ids(reach.coveredCommunityIds)).toEqual([communityA2]);
    expect(ids(reach.cultivatedOrganizationIds)).toEqual([organizationInB]);
    // It sees the places of what it reaches: street A2 and its district, and community B with its street and district.
    expect(ids(reach.visibleCommunityIds)).toEqual([communityA2, b.communityId].sort());
    expect(ids(reach.visibleStreetIds)).toEqual([streetA2, b.streetId].sort());
    expect(ids(reach.visibleDistrictIds)).toEqual([a.districtId, b.districtId].sort());
    expect(seesOrganization(reach, { id: organizationInB, communityId: b.communityId })).toBe(true);
    // Another institution's organization in the same community stays out: the community is seen, not covered.
    expect(seesOrganization(reach, { id: otherOrganizationInB, communityId: b.communityId })).toBe(false);
    expect(seesInstitution(reach, institution)).toBe(true);
    expect(seesInstitution(reach, otherInstitution)).toBe(false);
  });

  it('drops a contract once it has ended', async () => {
    const reach = await resolveReach(db, [{ kind: 'INSTITUTION', id: institution }], '2027-01-01');
    expect(ids(reach.coveredCommunityIds)).toEqual([]);
    expect(ids(reach.cultivatedOrganizationIds)).toEqual([organizationInB]);
  });
});
