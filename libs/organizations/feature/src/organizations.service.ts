import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { isUUID } from 'class-validator';
import { DataSource, In, QueryFailedError } from 'typeorm';
import { domainEvent } from '@peiyu/contracts';
import { findCommunityPlacements } from '@peiyu/communities-data-access';
import { InstitutionEntity, ORGANIZATIONS_SCHEMA, OrganizationEntity } from '@peiyu/organizations-data-access';
import { appendOutboxEvent } from '@peiyu/platform-database';
import { DomainException } from '@peiyu/platform-nest';
import type { CreateInstitutionInput, CreateOrganizationInput } from './organizations.types.js';

/** Ids that cannot name a row are left out of lookups, which then find nothing, rather than failing in PostgreSQL. */
const uuidsOnly = (ids: readonly string[]): string[] => ids.filter((id) => isUUID(id));

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';
}

/** Institutions and the community social organizations they cultivate. */
@Injectable()
export class OrganizationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  listInstitutions(): Promise<InstitutionEntity[]> {
    return this.db.getRepository(InstitutionEntity).find({ order: { name: 'ASC' } });
  }

  async getInstitution(id: string): Promise<InstitutionEntity> {
    const institution = isUUID(id) ? await this.db.getRepository(InstitutionEntity).findOneBy({ id }) : null;
    if (!institution) throw DomainException.notFound('Institution', id);
    return institution;
  }

  findInstitutions(ids: readonly string[]): Promise<InstitutionEntity[]> {
    return this.db.getRepository(InstitutionEntity).findBy({ id: In(uuidsOnly(ids)) });
  }

  async createInstitution(input: CreateInstitutionInput): Promise<InstitutionEntity> {
    try {
      return await this.db.getRepository(InstitutionEntity).save({ id: randomUUID(), name: input.name.trim() });
    } catch (error) {
      if (isUniqueViolation(error)) throw DomainException.badInput('name', `An institution named ${input.name} already exists.`);
      throw error;
    }
  }

  listOrganizations(communityId?: string | null): Promise<OrganizationEntity[]> {
    if (communityId != null && !isUUID(communityId)) throw DomainException.badInput('communityId', 'communityId must be a UUID');
    return this.db.getRepository(OrganizationEntity).find({ where: communityId != null ? { communityId } : {}, order: { name: 'ASC' } });
  }

  organizationsOfCommunities(communityIds: readonly string[]): Promise<OrganizationEntity[]> {
    return this.db.getRepository(OrganizationEntity).find({ where: { communityId: In(uuidsOnly(communityIds)) }, order: { name: 'ASC' } });
  }

  async getOrganization(id: string): Promise<OrganizationEntity> {
    const organization = isUUID(id) ? await this.db.getRepository(OrganizationEntity).findOneBy({ id }) : null;
    if (!organization) throw DomainException.notFound('Organization', id);
    return organization;
  }

  findOrganizations(ids: readonly string[]): Promise<OrganizationEntity[]> {
    return this.db.getRepository(OrganizationEntity).findBy({ id: In(uuidsOnly(ids)) });
  }

  /** Records a forming organization and its `organization.created` event in one transaction. */
  async createOrganization(input: CreateOrganizationInput): Promise<OrganizationEntity> {
    const [community] = await findCommunityPlacements(this.db, [input.communityId]);
    if (!community) throw DomainException.badInput('communityId', `Community ${input.communityId} does not exist.`);
    try {
      return await this.db.transaction(async (manager) => {
        const organization = await manager.getRepository(OrganizationEntity).save({
          id: randomUUID(),
          name: input.name.trim(),
          communityId: input.communityId,
          category: input.category,
          status: 'FORMING' as const,
        });
        await appendOutboxEvent(
          manager,
          ORGANIZATIONS_SCHEMA,
          `organization.created:${organization.id}`,
          domainEvent('organization.created', { organizationId: organization.id, communityId: organization.communityId, category: organization.category }),
        );
        return organization;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw DomainException.badInput('name', `The community already has an organization named ${input.name}.`);
      throw error;
    }
  }
}
