import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Roles, requestGroupLoader, requestLoader } from '@peiyu/platform-nest';
import { OrganizationsService } from './organizations.service.js';
import { CommunityRef, CreateInstitutionInput, CreateOrganizationInput, Institution, Organization } from './organizations.types.js';

@Resolver(() => Institution)
export class InstitutionResolver {
  constructor(private readonly service: OrganizationsService) {}

  @Query(() => [Institution], { description: 'All institutions, by name.' })
  institutions(): Promise<Institution[]> {
    return this.service.listInstitutions();
  }

  @Query(() => Institution, { description: 'One institution; NOT_FOUND if the id is unknown.' })
  institution(@Args('id', { type: () => ID }) id: string): Promise<Institution> {
    return this.service.getInstitution(id);
  }

  @Roles('PROGRAMME_MANAGER')
  @Mutation(() => Institution, { description: 'Records a social work institution. Names are unique.' })
  createInstitution(@Args('input') input: CreateInstitutionInput): Promise<Institution> {
    return this.service.createInstitution(input);
  }

  @ResolveReference()
  resolveReference(ref: { id: string }, ctx: object): Promise<Institution | undefined> {
    return requestLoader(ctx, 'institution', (ids) => this.service.findInstitutions(ids), (i) => i.id).load(ref.id);
  }
}

@Resolver(() => Organization)
export class OrganizationResolver {
  constructor(private readonly service: OrganizationsService) {}

  @Query(() => [Organization], { description: 'Organizations, by name; only those of one community when communityId is given.' })
  organizations(@Args('communityId', { type: () => ID, nullable: true }) communityId?: string): Promise<Organization[]> {
    return this.service.listOrganizations(communityId);
  }

  @Query(() => Organization, { description: 'One organization; NOT_FOUND if the id is unknown.' })
  organization(@Args('id', { type: () => ID }) id: string): Promise<Organization> {
    return this.service.getOrganization(id);
  }

  @Roles('PROGRAMME_MANAGER', 'SOCIAL_WORKER', 'SUPERVISOR', 'INSTITUTION_DIRECTOR')
  @Mutation(() => Organization, { description: 'Records a forming organization in an existing community.' })
  createOrganization(@Args('input') input: CreateOrganizationInput): Promise<Organization> {
    return this.service.createOrganization(input);
  }

  @ResolveField(() => CommunityRef, { description: 'The community it belongs to.' })
  community(@Parent() organization: Organization): CommunityRef {
    return { id: organization.communityId };
  }

  @ResolveReference()
  resolveReference(ref: { id: string }, ctx: object): Promise<Organization | undefined> {
    return requestLoader(ctx, 'organization', (ids) => this.service.findOrganizations(ids), (o) => o.id).load(ref.id);
  }
}

@Resolver(() => CommunityRef)
export class CommunityOrganizationsResolver {
  constructor(private readonly service: OrganizationsService) {}

  @ResolveField(() => [Organization], { description: 'The community social organizations of this community, by name.' })
  organizations(@Parent() community: CommunityRef, @Context() ctx: object): Promise<Organization[]> {
    return requestGroupLoader(ctx, 'organizationsByCommunity', (ids) => this.service.organizationsOfCommunities(ids), (o) => o.communityId).load(community.id);
  }
}
