import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In, QueryFailedError } from 'typeorm';
import { CommunityEntity, DistrictEntity, StreetEntity, countDistrictHierarchy, findDistrictProgrammeManagers, type DistrictProgrammeManager } from '@peiyu/communities-data-access';
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

/** The administrative hierarchy: district > street > community. */
@Injectable()
export class CommunitiesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  listDistricts(): Promise<DistrictEntity[]> {
    return this.db.getRepository(DistrictEntity).find({ order: { name: 'ASC' } });
  }

  async getDistrict(id: string): Promise<DistrictEntity> {
    const district = await this.db.getRepository(DistrictEntity).findOneBy({ id });
    if (!district) throw DomainException.notFound('District', id);
    return district;
  }

  async createDistrict(input: CreateDistrictInput): Promise<DistrictEntity> {
    try {
      return await this.db.getRepository(DistrictEntity).save({ id: randomUUID(), name: input.name.trim(), code: input.code });
    } catch (error) {
      if (isUniqueViolation(error)) throw DomainException.badInput('code', `A district with code ${input.code} already exists.`);
      throw error;
    }
  }

  streetsOf(districtIds: readonly string[]): Promise<StreetEntity[]> {
    return this.db.getRepository(StreetEntity).find({ where: { districtId: In([...districtIds]) }, order: { name: 'ASC' } });
  }

  async createStreet(input: CreateStreetInput): Promise<StreetEntity> {
    const district = await this.db.getRepository(DistrictEntity).existsBy({ id: input.districtId });
    if (!district) throw DomainException.badInput('districtId', `District ${input.districtId} does not exist.`);
    try {
      return await this.db.getRepository(StreetEntity).save({ id: randomUUID(), districtId: input.districtId, name: input.name.trim() });
    } catch (error) {
      if (isUniqueViolation(error)) throw DomainException.badInput('name', `The district already has a street named ${input.name}.`);
      throw error;
    }
  }

  communitiesOfStreets(streetIds: readonly string[]): Promise<CommunityEntity[]> {
    return this.db.getRepository(CommunityEntity).find({ where: { streetId: In([...streetIds]) }, order: { name: 'ASC' } });
  }

  listCommunities(districtId?: string): Promise<CommunityEntity[]> {
    return this.db.getRepository(CommunityEntity).find({ where: districtId ? { districtId } : {}, order: { name: 'ASC' } });
  }

  async getCommunity(id: string): Promise<CommunityEntity> {
    const community = await this.db.getRepository(CommunityEntity).findOneBy({ id });
    if (!community) throw DomainException.notFound('Community', id);
    return community;
  }

  findCommunities(ids: readonly string[]): Promise<CommunityEntity[]> {
    return this.db.getRepository(CommunityEntity).findBy({ id: In([...ids]) });
  }

  findStreets(ids: readonly string[]): Promise<StreetEntity[]> {
    return this.db.getRepository(StreetEntity).findBy({ id: In([...ids]) });
  }

  findDistricts(ids: readonly string[]): Promise<DistrictEntity[]> {
    return this.db.getRepository(DistrictEntity).findBy({ id: In([...ids]) });
  }

  async createCommunity(input: CreateCommunityInput): Promise<CommunityEntity> {
    const street = await this.db.getRepository(StreetEntity).findOneBy({ id: input.streetId });
    if (!street) throw DomainException.badInput('streetId', `Street ${input.streetId} does not exist.`);
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

  districtsConnection(filter: DistrictFilter | null | undefined, sort: DistrictSort | null | undefined, args: ConnectionArgs): Promise<ConnectionPage<DistrictEntity>> {
    const query = this.db.getRepository(DistrictEntity).createQueryBuilder('d');
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

  communitiesConnection(filter: CommunityFilter | null | undefined, sort: CommunitySort | null | undefined, args: ConnectionArgs): Promise<ConnectionPage<CommunityEntity>> {
    const query = this.db.getRepository(CommunityEntity).createQueryBuilder('c');
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

  /** The street and community counts of each given district, in one query. */
  hierarchyCountsOf(districtIds: readonly string[]): Promise<{ districtId: string; streetCount: number; communityCount: number }[]> {
    return countDistrictHierarchy(this.db, districtIds);
  }

  /** Renames a district at the version read: CONFLICT, changing nothing, when it has changed since. */
  async updateDistrict(input: UpdateDistrictInput): Promise<DistrictEntity> {
    const repository = this.db.getRepository(DistrictEntity);
    const result = await repository.update({ id: input.id, version: input.version }, { name: input.name.trim() });
    if (result.affected !== 1) await this.staleOrMissing(repository.existsBy({ id: input.id }), 'District', input.id);
    return this.getDistrict(input.id);
  }

  /** Renames a street at the version read: CONFLICT, changing nothing, when it has changed since. */
  async updateStreet(input: UpdateStreetInput): Promise<StreetEntity> {
    const repository = this.db.getRepository(StreetEntity);
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
  async updateCommunity(input: UpdateCommunityInput): Promise<CommunityEntity> {
    const repository = this.db.getRepository(CommunityEntity);
    const current = await this.getCommunity(input.id);
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
