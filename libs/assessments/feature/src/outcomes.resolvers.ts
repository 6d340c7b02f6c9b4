import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Identity, OutcomeLevel } from '@peiyu/contracts';
import { ConnectionArgs, CurrentIdentity, OutcomeLevelEnum, Roles, requestGroupLoader } from '@peiyu/platform-nest';
import { OutcomesService } from './outcomes.service.js';
import {
  FollowUpCheck,
  FollowUpCheckConnection,
  OutcomeEvaluation,
  OutcomeEvaluationConnection,
  OutcomeIndicatorSet,
  OutcomeRecordFilter,
  RecordFollowUpCheckInput,
  RecordOutcomeEvaluationInput,
  SetOutcomeIndicatorSetInput,
} from './outcomes.types.js';
import { ASSESSORS } from './rubrics.resolvers.js';
import { OrganizationRef } from './rubrics.types.js';

@Resolver(() => OutcomeIndicatorSet)
export class OutcomeIndicatorSetResolver {
  constructor(private readonly outcomes: OutcomesService) {}

  @Query(() => OutcomeIndicatorSet, { description: "The indicator set in force for a level: the latest version an admin stored, else the built-in version 1. Any signed-in user may read indicator sets." })
  outcomeIndicatorSet(@Args('level', { type: () => OutcomeLevelEnum }) level: OutcomeLevel): Promise<OutcomeIndicatorSet> {
    return this.outcomes.currentSet(level);
  }

  @Query(() => [OutcomeIndicatorSet], { description: "Every version of a level's indicator set, newest first (the built-in version 1 last)." })
  outcomeIndicatorSetVersions(@Args('level', { type: () => OutcomeLevelEnum }) level: OutcomeLevel): Promise<OutcomeIndicatorSet[]> {
    return this.outcomes.setVersions(level);
  }

  @Roles('ADMIN')
  @Mutation(() => OutcomeIndicatorSet, {
    description: "Stores the next version of a level's indicator set (administrators); later evaluations are scored against it, earlier ones keep theirs. BAD_USER_INPUT naming the field of an invalid indicator or target score.",
  })
  setOutcomeIndicatorSet(@Args('input') input: SetOutcomeIndicatorSetInput, @CurrentIdentity() caller: Identity): Promise<OutcomeIndicatorSet> {
    return this.outcomes.storeSet(input, caller);
  }
}

@Resolver(() => OutcomeEvaluation)
export class OutcomeEvaluationResolver {
  constructor(private readonly outcomes: OutcomesService) {}

  @Query(() => OutcomeEvaluation, { description: "One outcome evaluation; NOT_FOUND if the id is unknown, FORBIDDEN if its organization is outside the caller's scopes." })
  outcomeEvaluation(@Args('id', { type: () => ID }) id: string, @CurrentIdentity() caller: Identity): Promise<OutcomeEvaluation> {
    return this.outcomes.evaluation(id, caller);
  }

  @Query(() => OutcomeEvaluationConnection, { description: "Outcome evaluations of the organizations the caller's scopes reach, newest first, a page at a time." })
  outcomeEvaluations(
    @CurrentIdentity() caller: Identity,
    @Args() paging: ConnectionArgs,
    @Args('filter', { type: () => OutcomeRecordFilter, nullable: true, description: 'Which evaluations; all when not given.' }) filter?: OutcomeRecordFilter,
  ): Promise<OutcomeEvaluationConnection> {
    return this.outcomes.evaluationsConnection(caller, filter, paging);
  }

  @ResolveField(() => OrganizationRef, { description: 'The organization evaluated, resolved by organizations-service.' })
  organization(@Parent() evaluation: OutcomeEvaluation): OrganizationRef {
    return { id: evaluation.organizationId };
  }

  @Roles(...ASSESSORS)
  @Mutation(() => OutcomeEvaluation, {
    description:
      "Records the outcome evaluation of an organization under cultivation: every indicator of each level's set in force scored; the level scores and whether each met its target are computed. Its id can then be given to the cultivation's recordFinalEvaluation. BAD_USER_INPUT naming the field (communityScores.N.score, evaluatedOn, organizationId when it is unknown or not under cultivation); FORBIDDEN outside the caller's scopes, or for a social worker when the cultivation is not assigned to them.",
  })
  recordOutcomeEvaluation(@Args('input') input: RecordOutcomeEvaluationInput, @CurrentIdentity() caller: Identity): Promise<OutcomeEvaluation> {
    return this.outcomes.recordEvaluation(input, caller);
  }
}

@Resolver(() => FollowUpCheck)
export class FollowUpCheckResolver {
  constructor(private readonly outcomes: OutcomesService) {}

  @Query(() => FollowUpCheck, { description: "One follow-up check; NOT_FOUND if the id is unknown, FORBIDDEN if its organization is outside the caller's scopes." })
  followUpCheck(@Args('id', { type: () => ID }) id: string, @CurrentIdentity() caller: Identity): Promise<FollowUpCheck> {
    return this.outcomes.followUpCheck(id, caller);
  }

  @Query(() => FollowUpCheckConnection, { description: "Follow-up checks of the organizations the caller's scopes reach, newest first, a page at a time." })
  followUpChecks(
    @CurrentIdentity() caller: Identity,
    @Args() paging: ConnectionArgs,
    @Args('filter', { type: () => OutcomeRecordFilter, nullable: true, description: 'Which checks; all when not given.' }) filter?: OutcomeRecordFilter,
  ): Promise<FollowUpCheckConnection> {
    return this.outcomes.followUpChecksConnection(caller, filter, paging);
  }

  @ResolveField(() => OrganizationRef, { description: 'The organization checked, resolved by organizations-service.' })
  organization(@Parent() check: FollowUpCheck): OrganizationRef {
    return { id: check.organizationId };
  }

  @Roles(...ASSESSORS)
  @Mutation(() => FollowUpCheck, {
    description:
      "Records a follow-up check of an organization in withdrawal: what was found; it passes when every finding holds. Its id can then be given to the cultivation's recordFollowUp. BAD_USER_INPUT naming the field; FORBIDDEN outside the caller's scopes.",
  })
  recordFollowUpCheck(@Args('input') input: RecordFollowUpCheckInput, @CurrentIdentity() caller: Identity): Promise<FollowUpCheck> {
    return this.outcomes.recordFollowUpCheck(input, caller);
  }
}

/** Adds its outcome evaluations and follow-up checks to organizations-service's Organization entity. */
@Resolver(() => OrganizationRef)
export class OrganizationOutcomesResolver {
  constructor(private readonly outcomes: OutcomesService) {}

  @ResolveField(() => [OutcomeEvaluation], { description: 'Its outcome evaluations, newest first.' })
  outcomeEvaluations(@Parent() organization: OrganizationRef, @Context() ctx: object): Promise<OutcomeEvaluation[]> {
    return requestGroupLoader(ctx, 'outcomeEvaluationsByOrganization', (ids) => this.outcomes.evaluationsOf(ids), (e) => e.organizationId).load(organization.id);
  }

  @ResolveField(() => [FollowUpCheck], { description: 'Its follow-up checks after withdrawal, newest first.' })
  followUpChecks(@Parent() organization: OrganizationRef, @Context() ctx: object): Promise<FollowUpCheck[]> {
    return requestGroupLoader(ctx, 'followUpChecksByOrganization', (ids) => this.outcomes.followUpChecksOf(ids), (c) => c.organizationId).load(organization.id);
  }
}
