import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import type { Identity } from '@peiyu/contracts';
import { ConnectionArgs, CurrentIdentity, DomainException, Roles, callerOf, requestGroupLoader, requestLoader } from '@peiyu/platform-nest';
import { OrganizationsService } from './organizations.service.js';
import { CommunityRef, CreateInstitutionInput, CreateOrganizationInput, DistrictRef, Institution, Organization } from './organizations.types.js';
import {
  ActivityConnection,
  ActivityFilter,
  ActivitySort,
  InstitutionConnection,
  InstitutionFilter,
  InstitutionSort,
  MemberConnection,
  MemberFilter,
  MemberSort,
  OrganizationConnection,
  OrganizationFilter,
  OrganizationSort,
  DissolveOrganizationInput,
  UpdateInstitutionInput,
  UpdateOrganizationInput,
} from './connections.types.js';

/** Who may change an organization's name or category: as for creating one. */
const ORGANIZATION_EDITORS = ['PROGRAMME_MANAGER', 'SOCIAL_WORKER', 'SUPERVISOR', 'INSTITUTION_DIRECTOR'] as const;

@Resolver(() => Institution)
export class InstitutionResolver {
  constructor(private readonly service: OrganizationsService) {}

  @Query(() => [Institution], { description: 'The institutions the caller may see, by name (all of them for CITY and DISTRICT scopes).' })
  institutions(@CurrentIdentity() caller: Identity): Promise<Institution[]> {
    return this.service.listInstitutions(caller);
  }

  @Query(() => Institution, { description: 'One institution; NOT_FOUND if the id is unknown, FORBIDDEN if outside the caller\'s scopes.' })
  institution(@Args('id', { type: () => ID }) id: string, @CurrentIdentity() caller: Identity): Promise<Institution> {
    return this.service.getInstitution(id, caller);
  }

  @Query(() => InstitutionConnection, { description: 'Institutions a page at a time (cursor connection), filtered and sorted; by name when no sort is given.' })
  institutionsConnection(
    @CurrentIdentity() caller: Identity,
    @Args() paging: ConnectionArgs,
    @Args('filter', { type: () => InstitutionFilter, nullable: true, description: 'Which institutions; all when not given.' }) filter?: InstitutionFilter,
    @Args('sort', { type: () => InstitutionSort, nullable: true, description: 'The order; by name ascending when not given.' }) sort?: InstitutionSort,
  ): Promise<InstitutionConnection> {
    return this.service.institutionsConnection(caller, filter, sort, paging);
  }

  @Roles('PROGRAMME_MANAGER')
  @Mutation(() => Institution, { description: 'Renames an institution at the version read: CONFLICT, changing nothing, when it has changed since; BAD_USER_INPUT naming name when it is taken.' })
  updateInstitution(@Args('input') input: UpdateInstitutionInput): Promise<Institution> {
    return this.service.updateInstitution(input);
  }

  @Roles('PROGRAMME_MANAGER')
  @Mutation(() => Institution, { description: 'Records a social work institution. Names are unique.' })
  createInstitution(@Args('input') input: CreateInstitutionInput): Promise<Institution> {
    return this.service.createInstitution(input);
  }

  @ResolveReference()
  resolveReference(ref: { id: string }, ctx: object): Promise<Institution | undefined> {
    return requestLoader(ctx, 'institution', (ids) => this.service.findInstitutions(ids, callerOf(ctx)), (i) => i.id).load(ref.id);
  }
}

@Resolver(() => Organization)
export class OrganizationResolver {
  constructor(private readonly service: OrganizationsService) {}

  @Query(() => [Organization], { description: 'The organizations the caller\'s scopes reach, by name; only those of one community when communityId is given.' })
  organizations(@CurrentIdentity() caller: Identity, @Args('communityId', { type: () => ID, nullable: true }) communityId?: string): Promise<Organization[]> {
    return this.service.listOrganizations(caller, communityId);
  }

  @Query(() => Organization, { description: 'One organization; NOT_FOUND if the id is unknown, FORBIDDEN if outside the caller\'s scopes.' })
  organization(@Args('id', { type: () => ID }) id: string, @CurrentIdentity() caller: Identity): Promise<Organization> {
    return this.service.getOrganization(id, caller);
  }

  @Query(() => OrganizationConnection, { description: 'Organizations a page at a time (cursor connection), filtered and sorted; by name when no sort is given.' })
  organizationsConnection(
    @CurrentIdentity() caller: Identity,
    @Args() paging: ConnectionArgs,
    @Args('filter', { type: () => OrganizationFilter, nullable: true, description: 'Which organizations; all when not given.' }) filter?: OrganizationFilter,
    @Args('sort', { type: () => OrganizationSort, nullable: true, description: 'The order; by name ascending when not given.' }) sort?: OrganizationSort,
  ): Promise<OrganizationConnection> {
    return this.service.organizationsConnection(caller, filter, sort, paging);
  }

  @Query(() => MemberConnection, { description: 'The members of one organization a page at a time, filtered and sorted; by joining day when no sort is given. NOT_FOUND if the organization is unknown.' })
  membersConnection(
    @CurrentIdentity() caller: Identity,
    @Args('organizationId', { type: () => ID, description: 'The organization.' }) organizationId: string,
    @Args() paging: ConnectionArgs,
    @Args('filter', { type: () => MemberFilter, nullable: true, description: 'Which members; current members when not given.' }) filter?: MemberFilter,
    @Args('sort', { type: () => MemberSort, nullable: true, description: 'The order; by joining day ascending when not given.' }) sort?: MemberSort,
  ): Promise<MemberConnection> {
    return this.service.membersConnection(caller, organizationId, filter, sort, paging);
  }

  @Query(() => ActivityConnection, { description: 'The activities of one organization a page at a time, filtered and sorted; newest first when no sort is given. NOT_FOUND if the organization is unknown.' })
  activitiesConnection(
    @CurrentIdentity() caller: Identity,
    @Args('organizationId', { type: () => ID, description: 'The organization.' }) organizationId: string,
    @Args() paging: ConnectionArgs,
    @Args('filter', { type: () => ActivityFilter, nullable: true, description: 'Which activities; all when not given.' }) filter?: ActivityFilter,
    @Args('sort', { type: () => ActivitySort, nullable: true, description: 'The order; by day held, newest first, when not given.' }) sort?: ActivitySort,
  ): Promise<ActivityConnection> {
    return this.service.activitiesConnection(caller, organizationId, filter, sort, paging);
  }

  @Roles(...ORGANIZATION_EDITORS)
  @Mutation(() => Organization, {
    description: 'Changes the name, or while FORMING the category, of an organization at the version read: CONFLICT, changing nothing, when it has changed since.',
  })
  updateOrganization(@Args('input') input: UpdateOrganizationInput, @CurrentIdentity() caller: Identity): Promise<Organization> {
    return this.service.updateOrganization(input, caller);
  }

  @Roles('PROGRAMME_MANAGER')
  @Mutation(() => Organization, {
    description:
      "Records that an organization dissolved (解散) at the version read: its status becomes DISSOLVED and an organization.status-changed event is written. CONFLICT when it changed since; BAD_USER_INPUT naming id when it is dissolved already or a cultivation of it is open (terminate that first); FORBIDDEN outside the caller's scopes.",
  })
  dissolveOrganization(@Args('input') input: DissolveOrganizationInput, @CurrentIdentity() caller: Identity): Promise<Organization> {
    return this.service.dissolveOrganization(input, caller);
  }

  @Roles(...ORGANIZATION_EDITORS)
  @Mutation(() => Organization, { description: 'Records a forming organization in an existing community that the caller\'s scopes cover (FORBIDDEN otherwise).' })
  createOrganization(@Args('input') input: CreateOrganizationInput, @CurrentIdentity() caller: Identity): Promise<Organization> {
    return this.service.createOrganization(input, caller);
  }

  @ResolveField(() => CommunityRef, { description: 'The community it belongs to.' })
  community(@Parent() organization: Organization): CommunityRef {
    return { id: organization.communityId };
  }

  @ResolveField(() => DistrictRef, { description: 'The district of its community (looked up once per request for all organizations listed).' })
  async district(@Parent() organization: Organization, @Context() ctx: object): Promise<DistrictRef> {
    const placement = await requestLoader(ctx, 'communityPlacement', (ids) => this.service.communityPlacements(ids), (p) => p.id).load(organization.communityId);
    if (!placement) throw DomainException.notFound('Community', organization.communityId);
    return { id: placement.districtId };
  }

  @ResolveReference()
  resolveReference(ref: { id: string }, ctx: object): Promise<Organization | undefined> {
    return requestLoader(ctx, 'organization', (ids) => this.service.findOrganizations(ids, callerOf(ctx)), (o) => o.id).load(ref.id);
  }
}

@Resolver(() => CommunityRef)
export class CommunityOrganizationsResolver {
  constructor(private readonly service: OrganizationsService) {}

  @ResolveField(() => [Organization], { description: 'The community social organizations of this community that the caller\'s scopes reach, by name.' })
  organizations(@Parent() community: CommunityRef, @Context() ctx: object): Promise<Organization[]> {
    return requestGroupLoader(ctx, 'organizationsByCommunity', (ids) => this.service.organizationsOfCommunities(ids, callerOf(ctx)), (o) => o.communityId).load(community.id);
  }

  @ResolveField(() => Int, { description: 'How many community social organizations, in any status, this community has within the caller\'s scopes.' })
  async organizationCount(@Parent() community: CommunityRef, @Context() ctx: object): Promise<number> {
    const count = await requestLoader(ctx, 'organizationCountByCommunity', (ids) => this.service.organizationCountsOfCommunities(ids, callerOf(ctx)), (c) => c.id).load(community.id);
    return count?.count ?? 0;
  }
}

/** Adds the organization count to communities-service's District entity. */
@Resolver(() => DistrictRef)
export class DistrictOrganizationsResolver {
  constructor(private readonly service: OrganizationsService) {}

  @ResolveField(() => Int, { description: 'How many community social organizations, in any status, the communities of this district have within the caller\'s scopes.' })
  async organizationCount(@Parent() district: DistrictRef, @Context() ctx: object): Promise<number> {
    const count = await requestLoader(ctx, 'organizationCountByDistrict', (ids) => this.service.organizationCountsOfDistricts(ids, callerOf(ctx)), (c) => c.id).load(district.id);
    return count?.count ?? 0;
  }

  @ResolveReference()
  resolveReference(ref: { id: string }): DistrictRef {
    return { id: ref.id };
  }
}
