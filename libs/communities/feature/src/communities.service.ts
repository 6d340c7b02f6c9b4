import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In, QueryFailedError } from 'typeorm';
import { CommunityEntity, DistrictEntity, StreetEntity } from '@peiyu/communities-data-access';
import { DomainException } from '@peiyu/platform-nest';
import type { CreateCommunityInput, CreateDistrictInput, CreateStreetInput } from './communities.types.js';

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
}
