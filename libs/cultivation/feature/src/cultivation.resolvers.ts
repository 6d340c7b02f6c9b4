import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Roles, requestGroupLoader, requestLoader } from '@peiyu/platform-nest';
import { CultivationService } from './cultivation.service.js';
import { CommunityRef, Cultivation, Escalation, InstitutionRef, OrganizationRef, StartCultivationInput } from './cultivation.types.js';

@Resolver(() => Cultivation)
export class CultivationResolver {
  constructor(private readonly service: CultivationService) {}

  @Query(() => [Cultivation], { description: 'Cultivations, most recently started first.' })
  cultivations(): Promise<Cultivation[]> {
    return this.service.list();
  }

  @Query(() => Cultivation, { description: 'One cultivation; NOT_FOUND if the id is unknown.' })
  cultivation(@Args('id', { type: () => ID }) id: string): Promise<Cultivation> {
    return this.service.get(id);
  }

  @Roles('PROGRAMME_MANAGER', 'SOCIAL_WORKER', 'SUPERVISOR', 'INSTITUTION_DIRECTOR')
  @Mutation(() => Cultivation, { description: 'Starts cultivating an organization: starts its workflow, in the formation stage.' })
  startCultivation(@Args('input') input: StartCultivationInput): Promise<Cultivation> {
    return this.service.start(input);
  }

  @ResolveField(() => OrganizationRef, { description: 'The organization being cultivated.' })
  organization(@Parent() cultivation: Cultivation): OrganizationRef {
    return { id: cultivation.organizationId };
  }

  @ResolveField(() => InstitutionRef, { description: 'The institution cultivating it.' })
  institution(@Parent() cultivation: Cultivation): InstitutionRef {
    return { id: cultivation.institutionId };
  }

  @ResolveField(() => CommunityRef, { description: 'The community of the organization.' })
  community(@Parent() cultivation: Cultivation): CommunityRef {
    return { id: cultivation.communityId };
  }

  @ResolveField(() => [Escalation], { description: 'Every escalation raised for this cultivation, oldest first.' })
  escalations(@Parent() cultivation: Cultivation, @Context() ctx: object): Promise<Escalation[]> {
    return requestGroupLoader(ctx, 'escalationsByCultivation', (ids) => this.service.escalationsOf(ids), (e) => e.cultivationId).load(cultivation.id);
  }

  @ResolveReference()
  resolveReference(ref: { id: string }, ctx: object): Promise<Cultivation | undefined> {
    return requestLoader(ctx, 'cultivation', (ids) => this.service.findMany(ids), (c) => c.id).load(ref.id);
  }
}

@Resolver(() => Escalation)
export class EscalationResolver {
  constructor(private readonly service: CultivationService) {}

  @Query(() => [Escalation], { description: 'Escalations, newest first; only those of one cultivation when cultivationId is given.' })
  escalations(@Args('cultivationId', { type: () => ID, nullable: true }) cultivationId?: string): Promise<Escalation[]> {
    return this.service.escalations(cultivationId);
  }

  @ResolveField(() => Cultivation, { description: 'The cultivation it concerns.' })
  async cultivation(@Parent() escalation: Escalation, @Context() ctx: object): Promise<Cultivation> {
    const cultivation = await requestLoader(ctx, 'cultivation', (ids) => this.service.findMany(ids), (c) => c.id).load(escalation.cultivationId);
    return cultivation!;
  }
}
