import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { isUUID } from 'class-validator';
import { DataSource, In, QueryFailedError } from 'typeorm';
import { domainEvent, type Identity } from '@peiyu/contracts';
import { findCommunityPlacements, findCommunityPlacementsOfDistricts, type CommunityPlacement } from '@peiyu/communities-data-access';
import { ActivityEntity, InstitutionEntity, MemberEntity, ORGANIZATIONS_SCHEMA, OrganizationEntity } from '@peiyu/organizations-data-access';
import { appendOutboxEvent } from '@peiyu/platform-database';
import { coversCommunity, openCultivationOf, reachOf, requireReach, seesInstitution, seesOrganization, whereIdIn, whereOrganizationReached, type Reach } from '@peiyu/platform-reach';
import { DomainException, containsPattern, createdAtSortKey, paginate, textSortKey, type ConnectionArgs, type ConnectionPage, type SortKey } from '@peiyu/platform-nest';
import type { CreateInstitutionInput, CreateOrganizationInput } from './organizations.types.js';
import type {
  ActivityFilter,
  ActivitySort,
  InstitutionFilter,
  InstitutionSort,
  MemberFilter,
  MemberSort,
  OrganizationFilter,
  OrganizationSort,
  DissolveOrganizationInput,
  UpdateInstitutionInput,
  UpdateOrganizationInput,
} from './connections.types.js';

const containing = containsPattern;
const createdAtKey = createdAtSortKey;
const textKey = textSortKey;

/** Ids that cannot name a row are left out of lookups, which then find nothing, rather than failing in PostgreSQL. */
const uuidsOnly = (ids: readonly string[]): string[] => ids.filter((id) => isUUID(id));

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';
}

/**
 * Institutions and the community social organizations they cultivate. Every read and write takes the
 * caller: lists and counts keep what their scopes reach, one record outside them is FORBIDDEN
 * (`@peiyu/platform-reach`, docs/security.md).
 */
@Injectable()
export class OrganizationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** What the caller's scopes reach (resolved once per request). */
  reach(caller: Identity): Promise<Reach> {
    return reachOf(this.db, caller);
  }

  async listInstitutions(caller: Identity): Promise<InstitutionEntity[]> {
    const reach = await this.reach(caller);
    const query = this.db.getRepository(InstitutionEntity).createQueryBuilder('i').orderBy('i."name"', 'ASC');
    if (reach.institutionIds) whereIdIn(query, reach, 'i."id"', reach.institutionIds, 'reachInstitutions');
    return query.getMany();
  }

  async getInstitution(id: string, caller?: Identity): Promise<InstitutionEntity> {
    const institution = isUUID(id) ? await this.db.getRepository(InstitutionEntity).findOneBy({ id }) : null;
    if (!institution) throw DomainException.notFound('Institution', id);
    if (caller) requireReach(seesInstitution(await this.reach(caller), id), 'Institution', id);
    return institution;
  }

  /** Institutions by id for entity references; FORBIDDEN for one the caller may not see. */
  async findInstitutions(ids: readonly string[], caller: Identity): Promise<InstitutionEntity[]> {
    const reach = await this.reach(caller);
    const found = await this.db.getRepository(InstitutionEntity).findBy({ id: In(uuidsOnly(ids)) });
    for (const institution of found) requireReach(seesInstitution(reach, institution.id), 'Institution', institution.id);
    return found;
  }

  async createInstitution(input: CreateInstitutionInput): Promise<InstitutionEntity> {
    try {
      return await this.db.getRepository(InstitutionEntity).save({ id: randomUUID(), name: input.name.trim() });
    } catch (error) {
      if (isUniqueViolation(error)) throw DomainException.badInput('name', `An institution named ${input.name} already exists.`);
      throw error;
    }
  }

  async listOrganizations(caller: Identity, communityId?: string | null): Promise<OrganizationEntity[]> {
    if (communityId != null && !isUUID(communityId)) throw DomainException.badInput('communityId', 'communityId must be a UUID');
    const query = this.db.getRepository(OrganizationEntity).createQueryBuilder('o').orderBy('o."name"', 'ASC');
    if (communityId != null) query.andWhere(`o."community_id" = :communityId`, { communityId });
    return whereOrganizationReached(query, await this.reach(caller), 'o').getMany();
  }

  async organizationsOfCommunities(communityIds: readonly string[], caller: Identity): Promise<OrganizationEntity[]> {
    const query = this.db
      .getRepository(OrganizationEntity)
      .createQueryBuilder('o')
      .where(`o."community_id" = ANY(:communityIds::uuid[])`, { communityIds: uuidsOnly(communityIds) })
      .orderBy('o."name"', 'ASC');
    return whereOrganizationReached(query, await this.reach(caller), 'o').getMany();
  }

  /** One organization; NOT_FOUND when unknown, FORBIDDEN when the caller's scopes do not reach it. */
  async getOrganization(id: string, caller?: Identity): Promise<OrganizationEntity> {
    const organization = isUUID(id) ? await this.db.getRepository(OrganizationEntity).findOneBy({ id }) : null;
    if (!organization) throw DomainException.notFound('Organization', id);
    if (caller) requireReach(seesOrganization(await this.reach(caller), organization), 'Organization', id);
    return organization;
  }

  /** Organizations by id for entity references; FORBIDDEN for one the caller does not reach. */
  async findOrganizations(ids: readonly string[], caller: Identity): Promise<OrganizationEntity[]> {
    const reach = await this.reach(caller);
    const found = await this.db.getRepository(OrganizationEntity).findBy({ id: In(uuidsOnly(ids)) });
    for (const organization of found) requireReach(seesOrganization(reach, organization), 'Organization', organization.id);
    return found;
  }

  async institutionsConnection(
    caller: Identity,
    filter: InstitutionFilter | null | undefined,
    sort: InstitutionSort | null | undefined,
    args: ConnectionArgs,
  ): Promise<ConnectionPage<InstitutionEntity>> {
    const reach = await this.reach(caller);
    const query = this.db.getRepository(InstitutionEntity).createQueryBuilder('i');
    if (reach.institutionIds) whereIdIn(query, reach, 'i."id"', reach.institutionIds, 'reachInstitutions');
    if (filter?.nameContains != null) query.andWhere(`i."name" ILIKE :name`, { name: containing(filter.nameContains) });
    const direction = sort?.direction ?? 'ASC';
    const key: SortKey<InstitutionEntity> = sort?.field === 'CREATED_AT' ? createdAtKey('i', direction) : textKey('NAME', 'i', 'name', (r) => r.name, direction);
    return paginate(query, 'i."id"', key, args);
  }

  async organizationsConnection(
    caller: Identity,
    filter: OrganizationFilter | null | undefined,
    sort: OrganizationSort | null | undefined,
    args: ConnectionArgs,
  ): Promise<ConnectionPage<OrganizationEntity>> {
    const query = whereOrganizationReached(this.db.getRepository(OrganizationEntity).createQueryBuilder('o'), await this.reach(caller), 'o');
    if (filter?.communityId != null) query.andWhere(`o."community_id" = :communityId`, { communityId: filter.communityId });
    if (filter?.category != null) query.andWhere(`o."category" = :category`, { category: filter.category });
    if (filter?.status != null) query.andWhere(`o."status" = :status`, { status: filter.status });
    if (filter?.nameContains != null) query.andWhere(`o."name" ILIKE :name`, { name: containing(filter.nameContains) });
    const direction = sort?.direction ?? 'ASC';
    const key: SortKey<OrganizationEntity> = sort?.field === 'CREATED_AT' ? createdAtKey('o', direction) : textKey('NAME', 'o', 'name', (r) => r.name, direction);
    return paginate(query, 'o."id"', key, args);
  }

  async membersConnection(
    caller: Identity,
    organizationId: string,
    filter: MemberFilter | null | undefined,
    sort: MemberSort | null | undefined,
    args: ConnectionArgs,
  ): Promise<ConnectionPage<MemberEntity>> {
    await this.getOrganization(organizationId, caller);
    const query = this.db.getRepository(MemberEntity).createQueryBuilder('m').where(`m."organization_id" = :organizationId`, { organizationId });
    if (filter?.includeFormer !== true) query.andWhere(`m."left_on" IS NULL`);
    if (filter?.isLeader != null) query.andWhere(`m."is_leader" = :isLeader`, { isLeader: filter.isLeader });
    if (filter?.nameContains != null) query.andWhere(`m."name" ILIKE :name`, { name: containing(filter.nameContains) });
    const direction = sort?.direction ?? 'ASC';
    const key: SortKey<MemberEntity> =
      sort?.field === 'NAME'
        ? textKey('NAME', 'm', 'name', (r) => r.name, direction)
        : { name: 'JOINED_ON', expression: `m."joined_on"`, valueOf: (r) => r.joinedOn, direction };
    return paginate(query, 'm."id"', key, args);
  }

  async activitiesConnection(
    caller: Identity,
    organizationId: string,
    filter: ActivityFilter | null | undefined,
    sort: ActivitySort | null | undefined,
    args: ConnectionArgs,
  ): Promise<ConnectionPage<ActivityEntity>> {
    await this.getOrganization(organizationId, caller);
    const query = this.db.getRepository(ActivityEntity).createQueryBuilder('a').where(`a."organization_id" = :organizationId`, { organizationId });
    if (filter?.kind != null) query.andWhere(`a."kind" = :kind`, { kind: filter.kind });
    if (filter?.heldFrom != null) query.andWhere(`a."held_on" >= :heldFrom::date`, { heldFrom: filter.heldFrom });
    if (filter?.heldTo != null) query.andWhere(`a."held_on" <= :heldTo::date`, { heldTo: filter.heldTo });
    const direction = sort?.direction ?? (sort?.field === 'TITLE' ? 'ASC' : 'DESC');
    const key: SortKey<ActivityEntity> =
      sort?.field === 'TITLE'
        ? textKey('TITLE', 'a', 'title', (r) => r.title, direction)
        : { name: 'HELD_ON', expression: `a."held_on"`, valueOf: (r) => r.heldOn, direction };
    return paginate(query, 'a."id"', key, args);
  }

  /** Where the given communities sit (communities-service's reader). */
  communityPlacements(communityIds: readonly string[]): Promise<CommunityPlacement[]> {
    return findCommunityPlacements(this.db, uuidsOnly(communityIds));
  }

  /** The number of organizations the caller reaches in each given community, zero included. */
  async organizationCountsOfCommunities(communityIds: readonly string[], caller: Identity): Promise<{ id: string; count: number }[]> {
    const ids = uuidsOnly(communityIds);
    const reach = await this.reach(caller);
    const rows: { community_id: string; n: number }[] = ids.length
      ? await whereOrganizationReached(
          this.db.getRepository(OrganizationEntity).createQueryBuilder('o').select('o."community_id"', 'community_id').addSelect('count(*)::int', 'n')
            .where(`o."community_id" = ANY(:ids::uuid[])`, { ids }),
          reach,
          'o',
        ).groupBy('o."community_id"').getRawMany()
      : [];
    const byId = new Map(rows.map((r) => [r.community_id, r.n]));
    return communityIds.map((id) => ({ id, count: byId.get(id) ?? 0 }));
  }

  /** The number of organizations the caller reaches in the communities of each given district (a bounded number of queries, whatever the number of districts). */
  async organizationCountsOfDistricts(districtIds: readonly string[], caller: Identity): Promise<{ id: string; count: number }[]> {
    const placements = await findCommunityPlacementsOfDistricts(this.db, uuidsOnly(districtIds));
    const perCommunity = await this.organizationCountsOfCommunities(placements.map((p) => p.id), caller);
    const countOf = new Map(perCommunity.map((c) => [c.id, c.count]));
    const totals = new Map<string, number>();
    for (const p of placements) totals.set(p.districtId, (totals.get(p.districtId) ?? 0) + (countOf.get(p.id) ?? 0));
    return districtIds.map((id) => ({ id, count: totals.get(id) ?? 0 }));
  }

  /** Renames an institution at the version read: CONFLICT, changing nothing, when it has changed since. */
  async updateInstitution(input: UpdateInstitutionInput): Promise<InstitutionEntity> {
    const repository = this.db.getRepository(InstitutionEntity);
    try {
      const result = await repository.update({ id: input.id, version: input.version }, { name: input.name.trim() });
      if (result.affected !== 1) await this.staleOrMissing(repository.existsBy({ id: input.id }), 'Institution', input.id);
    } catch (error) {
      if (isUniqueViolation(error)) throw DomainException.badInput('name', `An institution named ${input.name} already exists.`);
      throw error;
    }
    return this.getInstitution(input.id);
  }

  /** Changes an organization at the version read (its category only while FORMING); CONFLICT, changing nothing, when it has changed since. */
  async updateOrganization(input: UpdateOrganizationInput, caller: Identity): Promise<OrganizationEntity> {
    const current = await this.getOrganization(input.id, caller);
    if (current.version !== input.version) throw this.conflict('Organization', input.id);
    if (input.category != null && input.category !== current.category && current.status !== 'FORMING') {
      throw DomainException.badInput('category', `The category can change only while the organization is FORMING; it is ${current.status}.`);
    }
    const changes: Partial<Pick<OrganizationEntity, 'name' | 'category'>> = {};
    if (input.name != null) changes.name = input.name.trim();
    if (input.category != null) changes.category = input.category;
    if (Object.keys(changes).length === 0) return current;
    try {
      // The version and status are checked again in the UPDATE, so a change in between is refused too.
      const where = input.category != null && input.category !== current.category ? { id: input.id, version: input.version, status: 'FORMING' as const } : { id: input.id, version: input.version };
      await this.db.transaction(async (m) => {
        const result = await m.getRepository(OrganizationEntity).update(where, changes);
        if (result.affected !== 1) throw this.conflict('Organization', input.id);
        const updated = await m.getRepository(OrganizationEntity).findOneByOrFail({ id: input.id });
        await appendOutboxEvent(
          m,
          ORGANIZATIONS_SCHEMA,
          `organization.updated:${updated.id}:${updated.version}`,
          domainEvent('organization.updated', { organizationId: updated.id, name: updated.name, category: updated.category, at: new Date().toISOString() }),
        );
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw DomainException.badInput('name', `The community already has an organization named ${input.name}.`);
      throw error;
    }
    return this.getOrganization(input.id);
  }

  /**
   * Records that an organization dissolved, at the version read, with its `organization.status-changed`
   * event. Refused (BAD_USER_INPUT naming id) while a cultivation of it is open: terminate that first.
   */
  async dissolveOrganization(input: DissolveOrganizationInput, caller: Identity): Promise<OrganizationEntity> {
    const current = await this.getOrganization(input.id, caller);
    if (current.version !== input.version) throw this.conflict('Organization', input.id);
    if (current.status === 'DISSOLVED') throw DomainException.badInput('id', `Organization ${input.id} is dissolved already.`);
    const open = await openCultivationOf(this.db, input.id);
    if (open) throw DomainException.badInput('id', `Organization ${input.id} is under cultivation ${open.cultivationId}: terminate it first.`);
    await this.db.transaction(async (m) => {
      const result = await m.getRepository(OrganizationEntity).update({ id: input.id, version: input.version }, { status: 'DISSOLVED' });
      if (result.affected !== 1) throw this.conflict('Organization', input.id);
      await appendOutboxEvent(
        m,
        ORGANIZATIONS_SCHEMA,
        `organization.status-changed:${input.id}:DISSOLVED`,
        domainEvent('organization.status-changed', { organizationId: input.id, status: 'DISSOLVED', at: new Date().toISOString() }),
      );
    });
    return this.getOrganization(input.id);
  }

  private conflict(entity: string, id: string): DomainException {
    return new DomainException('CONFLICT', `${entity} ${id} was changed by someone else; read it again and retry.`);
  }

  private async staleOrMissing(exists: Promise<boolean>, entity: string, id: string): Promise<never> {
    if (await exists) throw this.conflict(entity, id);
    throw DomainException.notFound(entity, id);
  }

  /** Records a forming organization and its `organization.created` event in one transaction. */
  async createOrganization(input: CreateOrganizationInput, caller: Identity): Promise<OrganizationEntity> {
    const [community] = await findCommunityPlacements(this.db, [input.communityId]);
    if (!community) throw DomainException.badInput('communityId', `Community ${input.communityId} does not exist.`);
    // A new organization goes where the caller's scopes cover the whole community, not merely see it.
    requireReach(coversCommunity(await this.reach(caller), community.id), 'Community', community.id);
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
