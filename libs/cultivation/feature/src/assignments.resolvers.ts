import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Identity } from '@peiyu/contracts';
import { CurrentIdentity, Roles, requestGroupLoader } from '@peiyu/platform-nest';
import { AssignmentsService } from './assignments.service.js';
import { AssignedSocialWorker, AssignSocialWorkersInput } from './assignments.types.js';
import { Cultivation } from './cultivation.types.js';

@Resolver(() => Cultivation)
export class CultivationAssignmentsResolver {
  constructor(private readonly assignments: AssignmentsService) {}

  @ResolveField(() => [AssignedSocialWorker], { description: 'The social workers assigned to it, by name: they record its evidence.' })
  assignedSocialWorkers(@Parent() cultivation: Cultivation, @Context() ctx: object): Promise<AssignedSocialWorker[]> {
    return requestGroupLoader(ctx, 'assignmentsByCultivation', (ids) => this.assignments.assignedTo(ids), (a) => a.cultivationId).load(cultivation.id);
  }

  @Roles('SUPERVISOR', 'INSTITUTION_DIRECTOR', 'PROGRAMME_MANAGER')
  @Mutation(() => Cultivation, {
    description:
      "Assigns the social workers who record a cultivation's evidence, replacing those assigned before. FORBIDDEN outside the caller's scopes; BAD_USER_INPUT naming userIds when one is not a social worker of the cultivation's institution.",
  })
  assignSocialWorkers(@Args('input') input: AssignSocialWorkersInput, @CurrentIdentity() caller: Identity): Promise<Cultivation> {
    return this.assignments.assign(input.cultivationId, input.userIds, caller) as Promise<Cultivation>;
  }
}
