import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In, QueryFailedError } from 'typeorm';
import type { Identity } from '@peiyu/contracts';
import { CommunityEntity, DistrictEntity, StreetEntity, countDistrictHierarchy, findDistrictProgrammeManagers, type DistrictProgrammeManager } from '@peiyu/communities-data-access';
import { coversCommunity, coversDistrict, coversStreet, reachOf, requireReach, seesCommunity, seesDistrict, seesStreet, whereIdIn, type Reach } from '@peiyu/platform-reach';
import { DomainException, containsPattern, createdAtSortKey, paginate, textSortKey, type ConnectionArgs, type ConnectionPage, type SortKey } from '@peiyu/platform-nest';
import type {
  CommunityFilter,
  CommunitySort,
  CreateCommunityInput,
  CreateDistrictInput,
  CreateStreetInput,
  DistrictFilter,
  DistrictSort,
  UpdateCommunityInput,
  UpdateDistrictInput,
  UpdateStreetInput,
} from './communities.types.js';

const UNIQUE_VIOLATION = '23505';

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION;
}

/**
 * The administrative hierarchy: district > street > community. Every read and write takes the caller:
 * lists and counts keep the places their scopes reach, one place outside them is FORBIDDEN, and a
 * change needs a scope that covers the place (`@peiyu/platform-reach`, docs/security.md).
 */
@Injectable()
export class CommunitiesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private reach(caller: Identity): Promise<Reach> {
    return reachOf(this.db, caller);
  }

  async listDistricts(caller: Identity): Promise<DistrictEntity[]> {
    const reach = await this.reach(caller);
    return whereIdIn(this.db.getRepository(DistrictEntity).createQueryBuilder('d'), reach, 'd."id"', reach.visibleDistrictIds, 'reachDistricts').orderBy('d."name"', 'ASC').getMany();
  }

  async getDistrict(id: string, caller?: Identity): Promise<DistrictEntity> {
    const district = await this.db.getRepository(DistrictEntity).findOneBy({ id });
    if (!district) throw DomainException.notFound('District', id);
    if (caller) requireReach(seesDistrict(await this.reach(caller), id), 'District', id);
    return district;
  }

  /** A new district lies outside every scope but CITY: only a city-wide programme manager records one. */
  async createDistrict(input: CreateDistrictInput, caller: Identity): Promise<DistrictEntity> {
    if (!(await this.reach(caller)).all) throw new DomainException('FORBIDDEN', 'Only a city-wide scope may record a new district.');
    try {
      return await this.db.getRepository(DistrictEntity).save({ id: randomUUID(), name: input.name.trim(), code: input.code });
    } catch (error) {
      if (isUniqueViolation(error)) throw DomainException.badInput('code', `A district with code ${input.code} already exists.`);
      throw error;
    }
  }

  async streetsOf(districtIds: readonly string[], caller: Identity): Promise<StreetEntity[]> {
    const reach = await this.reach(caller);
    const query = this.db.getRepository(StreetEntity).createQueryBuilder('s').where(`s."district_id" = ANY(:districtIds::uuid[])`, { districtIds: [...districtIds] });
    return whereIdIn(query, reach, 's."id"', reach.visibleStreetIds, 'reachStreets').orderBy('s."name"', 'ASC').getMany();
  }

  async createStreet(input: CreateStreetInput, caller: Identity): Promise<StreetEntity> {
    const district = await this.db.getRepository(DistrictEntity).existsBy({ id: input.districtId });
    if (!district) throw DomainException.badInput('districtId', `District ${input.districtId} does not exist.`);
    requireReach(coversDistrict(await this.reach(caller), input.districtId), 'District', input.districtId);
    try {
      return await this.db.getRepository(StreetEntity).save({ id: randomUUID(), districtId: input.districtId, name: input.name.trim() });
    } catch (error) {
      if (isUniqueViolation(error)) throw DomainException.badInput('name', `The district already has a street named ${input.name}.`);
      throw error;
    }
  }

  async communitiesOfStreets(streetIds: readonly string[], caller: Identity): Promise<CommunityEntity[]> {
    const reach = await this.reach(caller);
    const query = this.db.getRepository(CommunityEntity).createQueryBuilder('c').where(`c."street_id" = ANY(:streetIds::uuid[])`, { streetIds: [...streetIds] });
    return whereIdIn(query, reach, 'c."id"', reach.visibleCommunityIds, 'reachCommunities').orderBy('c."name"', 'ASC').getMany();
  }

  async listCommunities(caller: Identity, districtId?: string): Promise<CommunityEntity[]> {
    const reach = await this.reach(caller);
    const query = this.db.getRepository(CommunityEntity).createQueryBuilder('c');
    if (districtId) query.andWhere(`c."district_id" = :districtId`, { districtId });
    return whereIdIn(query, reach, 'c."id"', reach.visibleCommunityIds, 'reachCommunities').orderBy('c."name"', 'ASC').getMany();
  }

  async getCommunity(id: string, caller?: Identity): Promise<CommunityEntity> {
    const community = await this.db.getRepository(CommunityEntity).findOneBy({ id });
    if (!community) throw DomainException.notFound('Community', id);
    if (caller) requireReach(seesCommunity(await this.reach(caller), id), 'Community', id);
    return community;
  }

  /** Communities by id for entity references and parents; FORBIDDEN for one the caller may not see. */
  async findCommunities(ids: readonly string[], caller: Identity): Promise<CommunityEntity[]> {
    const reach = await this.reach(caller);
    const found = await this.db.getRepository(CommunityEntity).findBy({ id: In([...ids]) });
    for (const community of found) requireReach(seesCommunity(reach, community.id), 'Community', community.id);
    return found;
  }

  /** Streets by id; FORBIDDEN for one the caller may not see. */
  async findStreets(ids: readonly string[], caller: Identity): Promise<StreetEntity[]> {
    const reach = await this.reach(caller);
    const found = await this.db.getRepository(StreetEntity).findBy({ id: In([...ids]) });
    for (const street of found) requireReach(seesStreet(reach, street.id), 'Street', street.id);
    return found;
  }

  /** Districts by id; FORBIDDEN for one the caller may not see. */
  async findDistricts(ids: readonly string[], caller: Identity): Promise<DistrictEntity[]> {
    const reach = await this.reach(caller);
    const found = await this.db.getRepository(DistrictEntity).findBy({ id: In([...ids]) });
    for (const district of found) requireReach(seesDistrict(reach, district.id), 'District', district.id);
    return found;
  }

  async createCommunity(input: CreateCommunityInput, caller: Identity): Promise<CommunityEntity> {
    const street = await this.db.getRepository(StreetEntity).findOneBy({ id: input.streetId });
    if (!street) throw DomainException.badInput('streetId', `Street ${input.streetId} does not exist.`);
    requireReach(coversStreet(await this.reach(caller), street.id), 'Street', street.id);
    try {
      return await this.db.getRepository(CommunityEntity).save({
        id: randomUUID(),
        streetId: street.id,
        districtId: street.districtId,
        name: input.name.trim(),
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw DomainException.badInput('name', `The street already has a community named ${input.name}.`);
      throw error;
    }
  }

  async districtsConnection(caller: Identity, filter: DistrictFilter | null | undefined, sort: DistrictSort | null | undefined, args: ConnectionArgs): Promise<ConnectionPage<DistrictEntity>> {
    const reach = await this.reach(caller);
    const query = whereIdIn(this.db.getRepository(DistrictEntity).createQueryBuilder('d'), reach, 'd."id"', reach.visibleDistrictIds, 'reachDistricts');
    if (filter?.search != null) query.andWhere(`(d."name" ILIKE :search OR d."code" ILIKE :search)`, { search: containsPattern(filter.search) });
    const direction = sort?.direction ?? 'ASC';
    const key: SortKey<DistrictEntity> =
      sort?.field === 'CREATED_AT'
        ? createdAtSortKey('d', direction)
        : sort?.field === 'CODE'
          ? textSortKey('CODE', 'd', 'code', (r) => r.code, direction)
          : textSortKey('NAME', 'd', 'name', (r) => r.name, direction);
    return paginate(query, 'd."id"', key, args);
  }

  async communitiesConnection(caller: Identity, filter: CommunityFilter | null | undefined, sort: CommunitySort | null | undefined, args: ConnectionArgs): Promise<ConnectionPage<CommunityEntity>> {
    const reach = await this.reach(caller);
    const query = whereIdIn(this.db.getRepository(CommunityEntity).createQueryBuilder('c'), reach, 'c."id"', reach.visibleCommunityIds, 'reachCommunities');
    if (filter?.districtId != null) query.andWhere(`c."district_id" = :districtId`, { districtId: filter.districtId });
    if (filter?.streetId != null) query.andWhere(`c."street_id" = :streetId`, { streetId: filter.streetId });
    if (filter?.nameContains != null) query.andWhere(`c."name" ILIKE :name`, { name: containsPattern(filter.nameContains) });
    if (filter?.minPopulation != null) query.andWhere(`c."population" >= :minPopulation`, { minPopulation: filter.minPopulation });
    const direction = sort?.direction ?? 'ASC';
    const key: SortKey<CommunityEntity> =
      sort?.field === 'CREATED_AT'
        ? createdAtSortKey('c', direction)
        : sort?.field === 'POPULATION'
          ? { name: 'POPULATION', expression: `COALESCE(c."population", -1)`, valueOf: (r) => r.population ?? -1, direction }
          : textSortKey('NAME', 'c', 'name', (r) => r.name, direction);
    return paginate(query, 'c."id"', key, args);
  }

  /** The programme managers assigned to each given district (identity's users, display name and username only). */
  programmeManagersOf(districtIds: readonly string[]): Promise<DistrictProgrammeManager[]> {
    return findDistrictProgrammeManagers(this.db, districtIds);
  }

  /** The street and community counts of each given district within the caller's reach (one query for a CITY scope, two otherwise). */
  async hierarchyCountsOf(districtIds: readonly string[], caller: Identity): Promise<{ districtId: string; streetCount: number; communityCount: number }[]> {
    const reach = await this.reach(caller);
    if (reach.all) return countDistrictHierarchy(this.db, districtIds);
    const count = async (entity: typeof StreetEntity | typeof CommunityEntity, visible: ReadonlySet<string>) => {
      const rows: { district_id: string; n: number }[] = await this.db
        .getRepository(entity)
        .createQueryBuilder('x')
        .select('x."district_id"', 'district_id')
        .addSelect('count(*)::int', 'n')
        .where(`x."district_id" = ANY(:districtIds::uuid[]) AND x."id" = ANY(:visible::uuid[])`, { districtIds: [...districtIds], visible: [...visible] })
        .groupBy('x."district_id"')
        .getRawMany();
      return new Map(rows.map((r) => [r.district_id, r.n]));
    };
    const [streets, communities] = await Promise.all([count(StreetEntity, reach.visibleStreetIds), count(CommunityEntity, reach.visibleCommunityIds)]);
    return districtIds.map((districtId) => ({ districtId, streetCount: streets.get(districtId) ?? 0, communityCount: communities.get(districtId) ?? 0 }));
  }

  /** Renames a district at the version read: CONFLICT, changing nothing, when it has changed since. */
  async updateDistrict(input: UpdateDistrictInput, caller: Identity): Promise<DistrictEntity> {
    const repository = this.db.getRepository(DistrictEntity);
    requireReach(coversDistrict(await this.reach(caller), input.id), 'District', input.id);
    const result = await repository.update({ id: input.id, version: input.version }, { name: input.name.trim() });
    if (result.affected !== 1) await this.staleOrMissing(repository.existsBy({ id: input.id }), 'District', input.id);
    return this.getDistrict(input.id);
  }

  /** Renames a street at the version read: CONFLICT, changing nothing, when it has changed since. */
  async updateStreet(input: UpdateStreetInput, caller: Identity): Promise<StreetEntity> {
    const repository = this.db.getRepository(StreetEntity);
    requireReach(coversStreet(await this.reach(caller), input.id), 'Street', input.id);
    try {
      const result = await repository.update({ id: input.id, version: input.version }, { name: input.name.trim() });
      if (result.affected !== 1) await this.staleOrMissing(repository.existsBy({ id: input.id }), 'Street', input.id);
    } catch (error) {
      if (isUniqueViolation(error)) throw DomainException.badInput('name', `The district already has a street named ${input.name}.`);
      throw error;
    }
    const street = await repository.findOneBy({ id: input.id });
    return street!;
  }

  /** Changes a community at the version read: CONFLICT, changing nothing, when it has changed since. */
  async updateCommunity(input: UpdateCommunityInput, caller: Identity): Promise<CommunityEntity> {
    const repository = this.db.getRepository(CommunityEntity);
    const current = await this.getCommunity(input.id);
    requireReach(coversCommunity(await this.reach(caller), input.id), 'Community', input.id);
    if (current.version !== input.version) throw this.conflict('Community', input.id);
    const changes: Partial<Pick<CommunityEntity, 'name' | 'population' | 'households' | 'address'>> = {};
    if (input.name != null) changes.name = input.name.trim();
    if (input.population !== undefined) changes.population = input.population;
    if (input.households !== undefined) changes.households = input.households;
    if (input.address !== undefined) changes.address = input.address?.trim() || null;
    const population = changes.population !== undefined ? changes.population : current.population;
    const households = changes.households !== undefined ? changes.households : current.households;
    if (population != null && households != null && households > population) {
      throw DomainException.badInput('households', 'households must not exceed the population.');
    }
    if (Object.keys(changes).length === 0) return current;
    try {
      const result = await repository.update({ id: input.id, version: input.version }, changes);
      if (result.affected !== 1) throw this.conflict('Community', input.id);
    } catch (error) {
      if (isUniqueViolation(error)) throw DomainException.badInput('name', `The street already has a community named ${input.name}.`);
      throw error;
    }
    return this.getCommunity(input.id);
  }

  private conflict(entity: string, id: string): DomainException {
    return new DomainException('CONFLICT', `${entity} ${id} was changed by someone else; read it again and retry.`);
  }

  private async staleOrMissing(exists: Promise<boolean>, entity: string, id: string): Promise<never> {
    if (await exists) throw this.conflict(entity, id);
    throw DomainException.notFound(entity, id);
  }
}
