import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In, QueryFailedError } from 'typeorm';
import { domainEvent } from '@peiyu/contracts';
import { findCommunityPlacements } from '@peiyu/communities-data-access';
import { InstitutionEntity, ORGANIZATIONS_SCHEMA, OrganizationEntity } from '@peiyu/organizations-data-access';
import { appendOutboxEvent } from '@peiyu/platform-database';
import { DomainException } from '@peiyu/platform-nest';
import type { CreateInstitutionInput, CreateOrganizationInput } from './organizations.types.js';

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
    const institution = await this.db.getRepository(InstitutionEntity).findOneBy({ id });
    if (!institution) throw DomainException.notFound('Institution', id);
    return institution;
  }

  findInstitutions(ids: readonly string[]): Promise<InstitutionEntity[]> {
    return this.db.getRepository(InstitutionEntity).findBy({ id: In([...ids]) });
  }

  async createInstitution(input: CreateInstitutionInput): Promise<InstitutionEntity> {
    try {
      return await this.db.getRepository(InstitutionEntity).save({ id: randomUUID(), name: input.name.trim() });
    } catch (error) {
      if (isUniqueViolation(error)) throw DomainException.badInput('name', `An institution named ${input.name} already exists.`);
      throw error;
    }
  }

  listOrganizations(communityId?: string): Promise<OrganizationEntity[]> {
    return this.db.getRepository(OrganizationEntity).find({ where: communityId ? { communityId } : {}, order: { name: 'ASC' } });
  }

  organizationsOfCommunities(communityIds: readonly string[]): Promise<OrganizationEntity[]> {
    return this.db.getRepository(OrganizationEntity).find({ where: { communityId: In([...communityIds]) }, order: { name: 'ASC' } });
  }

  async getOrganization(id: string): Promise<OrganizationEntity> {
    const organization = await this.db.getRepository(OrganizationEntity).findOneBy({ id });
    if (!organization) throw DomainException.notFound('Organization', id);
    return organization;
  }

  findOrganizations(ids: readonly string[]): Promise<OrganizationEntity[]> {
    return this.db.getRepository(OrganizationEntity).findBy({ id: In([...ids]) });
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
