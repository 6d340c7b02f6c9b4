import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import type { Identity } from '@peiyu/contracts';
import { ConnectionArgs, CurrentIdentity, Roles, callerOf, requestGroupLoader, requestLoader } from '@peiyu/platform-nest';
import { CommunitiesService } from './communities.service.js';
import {
  Community,
  CommunityConnection,
  CommunityFilter,
  CommunitySort,
  CreateCommunityInput,
  CreateDistrictInput,
  CreateStreetInput,
  District,
  DistrictConnection,
  DistrictFilter,
  DistrictProgrammeManager,
  DistrictSort,
  Street,
  UpdateCommunityInput,
  UpdateDistrictInput,
  UpdateStreetInput,
} from './communities.types.js';

const VERSIONED = 'CONFLICT, changing nothing, when it has changed since the version given; BAD_USER_INPUT naming the field of invalid input.';

@Resolver(() => District)
export class DistrictResolver {
  constructor(private readonly service: CommunitiesService) {}

  @Query(() => [District], { description: "The districts the caller's scopes reach (covered, or above what they cover), by name." })
  districts(@CurrentIdentity() caller: Identity): Promise<District[]> {
    return this.service.listDistricts(caller);
  }

  @Query(() => District, { description: "One district; NOT_FOUND if the id is unknown, FORBIDDEN if outside the caller's scopes." })
  district(@Args('id', { type: () => ID }) id: string, @CurrentIdentity() caller: Identity): Promise<District> {
    return this.service.getDistrict(id, caller);
  }

  @Roles('PROGRAMME_MANAGER')
  @Mutation(() => District, { description: 'Records a district. Codes are unique. Needs a city-wide scope (FORBIDDEN otherwise).' })
  createDistrict(@Args('input') input: CreateDistrictInput, @CurrentIdentity() caller: Identity): Promise<District> {
    return this.service.createDistrict(input, caller);
  }

  @Query(() => DistrictConnection, { description: 'Districts a page at a time (cursor connection), filtered and sorted; by name when no sort is given.' })
  districtsConnection(
    @CurrentIdentity() caller: Identity,
    @Args() paging: ConnectionArgs,
    @Args('filter', { type: () => DistrictFilter, nullable: true, description: 'Which districts; all when not given.' }) filter?: DistrictFilter,
    @Args('sort', { type: () => DistrictSort, nullable: true, description: 'The order; by name ascending when not given.' }) sort?: DistrictSort,
  ): Promise<DistrictConnection> {
    return this.service.districtsConnection(caller, filter, sort, paging);
  }

  @Roles('PROGRAMME_MANAGER')
  @Mutation(() => District, { description: `Renames a district. ${VERSIONED}` })
  updateDistrict(@Args('input') input: UpdateDistrictInput, @CurrentIdentity() caller: Identity): Promise<District> {
    return this.service.updateDistrict(input, caller);
  }

  @ResolveField(() => [DistrictProgrammeManager], { description: 'The programme managers assigned to this district (a DISTRICT scope naming it), by display name.' })
  programmeManagers(@Parent() district: District, @Context() ctx: object): Promise<DistrictProgrammeManager[]> {
    return requestGroupLoader(ctx, 'programmeManagersByDistrict', (ids) => this.service.programmeManagersOf(ids), (m) => m.districtId).load(district.id);
  }

  @ResolveField(() => Int, { description: 'How many streets this district has.' })
  async streetCount(@Parent() district: District, @Context() ctx: object): Promise<number> {
    const counts = await requestLoader(ctx, 'hierarchyCountsByDistrict', (ids) => this.service.hierarchyCountsOf(ids, callerOf(ctx)), (c) => c.districtId).load(district.id);
    return counts?.streetCount ?? 0;
  }

  @ResolveField(() => Int, { description: 'How many communities the streets of this district have.' })
  async communityCount(@Parent() district: District, @Context() ctx: object): Promise<number> {
    const counts = await requestLoader(ctx, 'hierarchyCountsByDistrict', (ids) => this.service.hierarchyCountsOf(ids, callerOf(ctx)), (c) => c.districtId).load(district.id);
    return counts?.communityCount ?? 0;
  }

  @ResolveField(() => [Street], { description: 'The streets of this district, by name.' })
  streets(@Parent() district: District, @Context() ctx: object): Promise<Street[]> {
    return requestGroupLoader(ctx, 'streetsByDistrict', (ids) => this.service.streetsOf(ids, callerOf(ctx)), (s) => s.districtId).load(district.id);
  }

  @ResolveReference()
  resolveReference(ref: { id: string }, ctx: object): Promise<District | undefined> {
    return requestLoader(ctx, 'district', (ids) => this.service.findDistricts(ids, callerOf(ctx)), (d) => d.id).load(ref.id);
  }
}

@Resolver(() => Street)
export class StreetResolver {
  constructor(private readonly service: CommunitiesService) {}

  @Roles('PROGRAMME_MANAGER')
  @Mutation(() => Street, { description: 'Records a street in a district. Names are unique within the district.' })
  createStreet(@Args('input') input: CreateStreetInput, @CurrentIdentity() caller: Identity): Promise<Street> {
    return this.service.createStreet(input, caller);
  }

  @Roles('PROGRAMME_MANAGER')
  @Mutation(() => Street, { description: `Renames a street; BAD_USER_INPUT naming name when the district has a street of that name. ${VERSIONED}` })
  updateStreet(@Args('input') input: UpdateStreetInput, @CurrentIdentity() caller: Identity): Promise<Street> {
    return this.service.updateStreet(input, caller);
  }

  @ResolveField(() => District, { description: 'The district of this street.' })
  async district(@Parent() street: Street, @Context() ctx: object): Promise<District> {
    const district = await requestLoader(ctx, 'district', (ids) => this.service.findDistricts(ids, callerOf(ctx)), (d) => d.id).load(street.districtId);
    return district!;
  }

  @ResolveField(() => [Community], { description: 'The communities of this street, by name.' })
  communities(@Parent() street: Street, @Context() ctx: object): Promise<Community[]> {
    return requestGroupLoader(ctx, 'communitiesByStreet', (ids) => this.service.communitiesOfStreets(ids, callerOf(ctx)), (c) => c.streetId).load(street.id);
  }

  @ResolveReference()
  resolveReference(ref: { id: string }, ctx: object): Promise<Street | undefined> {
    return requestLoader(ctx, 'street', (ids) => this.service.findStreets(ids, callerOf(ctx)), (s) => s.id).load(ref.id);
  }
}

@Resolver(() => Community)
export class CommunityResolver {
  constructor(private readonly service: CommunitiesService) {}

  @Query(() => [Community], { description: "The communities the caller's scopes reach, by name; only those of one district when districtId is given." })
  communities(@CurrentIdentity() caller: Identity, @Args('districtId', { type: () => ID, nullable: true }) districtId?: string): Promise<Community[]> {
    return this.service.listCommunities(caller, districtId);
  }

  @Query(() => Community, { description: "One community; NOT_FOUND if the id is unknown, FORBIDDEN if outside the caller's scopes." })
  community(@Args('id', { type: () => ID }) id: string, @CurrentIdentity() caller: Identity): Promise<Community> {
    return this.service.getCommunity(id, caller);
  }

  @Roles('PROGRAMME_MANAGER')
  @Mutation(() => Community, { description: 'Records a community in a street. Names are unique within the street.' })
  createCommunity(@Args('input') input: CreateCommunityInput, @CurrentIdentity() caller: Identity): Promise<Community> {
    return this.service.createCommunity(input, caller);
  }

  @Query(() => CommunityConnection, { description: 'Communities a page at a time (cursor connection), filtered and sorted; by name when no sort is given.' })
  communitiesConnection(
    @CurrentIdentity() caller: Identity,
    @Args() paging: ConnectionArgs,
    @Args('filter', { type: () => CommunityFilter, nullable: true, description: 'Which communities; all when not given.' }) filter?: CommunityFilter,
    @Args('sort', { type: () => CommunitySort, nullable: true, description: 'The order; by name ascending when not given.' }) sort?: CommunitySort,
  ): Promise<CommunityConnection> {
    return this.service.communitiesConnection(caller, filter, sort, paging);
  }

  @Roles('PROGRAMME_MANAGER')
  @Mutation(() => Community, { description: `Changes a community's name, population, households or address. ${VERSIONED}` })
  updateCommunity(@Args('input') input: UpdateCommunityInput, @CurrentIdentity() caller: Identity): Promise<Community> {
    return this.service.updateCommunity(input, caller);
  }

  @ResolveField(() => Street, { description: 'The street of this community.' })
  async street(@Parent() community: Community, @Context() ctx: object): Promise<Street> {
    const street = await requestLoader(ctx, 'street', (ids) => this.service.findStreets(ids, callerOf(ctx)), (s) => s.id).load(community.streetId);
    return street!;
  }

  @ResolveField(() => District, { description: 'The district of this community.' })
  async district(@Parent() community: Community, @Context() ctx: object): Promise<District> {
    const district = await requestLoader(ctx, 'district', (ids) => this.service.findDistricts(ids, callerOf(ctx)), (d) => d.id).load(community.districtId);
    return district!;
  }

  @ResolveReference()
  resolveReference(ref: { id: string }, ctx: object): Promise<Community | undefined> {
    return requestLoader(ctx, 'community', (ids) => this.service.findCommunities(ids, callerOf(ctx)), (c) => c.id).load(ref.id);
  }
}
