import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import type { Identity } from '@peiyu/contracts';
import { ConnectionArgs, CurrentIdentity, Roles, callerOf, requestGroupLoader, requestLoader } from '@peiyu/platform-nest';
import { NeedsSurveyConnection, NeedsSurveyFilter, NeedsSurveySort } from './connections.types.js';
import { AssessmentsService } from './assessments.service.js';
import {
  CommunityRef,
  CreateNeedsSurveyInput,
  DemandAnalysis,
  NeedsSurvey,
  RecordSurveyResponseInput,
  SurveyResponse,
} from './assessments.types.js';

/** Who may record surveys and responses (ADMIN always may), where their scopes cover the community. Any signed-in user may read those their scopes reach. */
const SURVEY_WRITERS = ['SOCIAL_WORKER', 'SUPERVISOR', 'PROGRAMME_MANAGER'] as const;

@Resolver(() => NeedsSurvey)
export class NeedsSurveyResolver {
  constructor(private readonly assessments: AssessmentsService) {}

  @Query(() => [NeedsSurvey], { description: "Needs surveys of the communities the caller's scopes reach, newest first; only those of one community when communityId is given." })
  needsSurveys(@CurrentIdentity() caller: Identity, @Args('communityId', { type: () => ID, nullable: true }) communityId?: string | null): Promise<NeedsSurvey[]> {
    return this.assessments.listSurveys(caller, communityId);
  }

  @Query(() => NeedsSurveyConnection, { description: 'Needs surveys a page at a time (cursor connection), filtered and sorted; newest first when no sort is given.' })
  needsSurveysConnection(
    @CurrentIdentity() caller: Identity,
    @Args() paging: ConnectionArgs,
    @Args('filter', { type: () => NeedsSurveyFilter, nullable: true, description: 'Which surveys; all when not given.' }) filter?: NeedsSurveyFilter,
    @Args('sort', { type: () => NeedsSurveySort, nullable: true, description: 'The order; newest first when not given.' }) sort?: NeedsSurveySort,
  ): Promise<NeedsSurveyConnection> {
    return this.assessments.surveysConnection(caller, filter, sort, paging);
  }

  @Query(() => NeedsSurvey, { description: "One needs survey; NOT_FOUND if the id is unknown, FORBIDDEN if its community is outside the caller's scopes." })
  needsSurvey(@Args('id', { type: () => ID }) id: string, @CurrentIdentity() caller: Identity): Promise<NeedsSurvey> {
    return this.assessments.getSurvey(id, caller);
  }

  @Roles(...SURVEY_WRITERS)
  @Mutation(() => NeedsSurvey, { description: "Records a needs survey of a community: BAD_USER_INPUT naming communityId if it does not exist, FORBIDDEN if the caller's scopes do not cover it." })
  createNeedsSurvey(@Args('input') input: CreateNeedsSurveyInput, @CurrentIdentity() caller: Identity): Promise<NeedsSurvey> {
    return this.assessments.createSurvey(input, caller);
  }

  @ResolveField(() => CommunityRef, { description: 'The community surveyed, resolved by communities-service.' })
  community(@Parent() survey: NeedsSurvey): CommunityRef {
    return { id: survey.communityId };
  }

  @ResolveField(() => [SurveyResponse], { description: 'The responses recorded, oldest first.' })
  responses(@Parent() survey: NeedsSurvey, @Context() ctx: object): Promise<SurveyResponse[]> {
    return requestGroupLoader(ctx, 'responsesBySurvey', (ids) => this.assessments.responsesOf(ids), (r) => r.surveyId).load(survey.id);
  }

  @ResolveField(() => DemandAnalysis, { description: 'The demand analysis of the responses recorded so far, computed when asked.' })
  async demandAnalysis(@Parent() survey: NeedsSurvey, @Context() ctx: object): Promise<DemandAnalysis> {
    const analysis = await requestLoader(ctx, 'demandAnalysis', (ids) => this.assessments.demandAnalyses(ids), (a) => a.surveyId).load(survey.id);
    return analysis!;
  }

  @ResolveReference()
  resolveReference(ref: { id: string }, ctx: object): Promise<NeedsSurvey | undefined> {
    return requestLoader(ctx, 'needsSurvey', (ids) => this.assessments.findSurveys(ids, callerOf(ctx)), (s) => s.id).load(ref.id);
  }
}

@Resolver(() => SurveyResponse)
export class SurveyResponseResolver {
  constructor(private readonly assessments: AssessmentsService) {}

  @Roles(...SURVEY_WRITERS)
  @Mutation(() => SurveyResponse, {
    description: "Records one resident's response to a needs survey; BAD_USER_INPUT naming surveyId if the survey does not exist, FORBIDDEN if the caller's scopes do not cover its community.",
  })
  recordSurveyResponse(@Args('input') input: RecordSurveyResponseInput, @CurrentIdentity() caller: Identity): Promise<SurveyResponse> {
    return this.assessments.recordResponse(input, caller);
  }

  @ResolveField(() => NeedsSurvey, { description: 'The survey this response answers.' })
  async survey(@Parent() response: SurveyResponse, @Context() ctx: object): Promise<NeedsSurvey> {
    const survey = await requestLoader(ctx, 'needsSurvey', (ids) => this.assessments.findSurveys(ids, callerOf(ctx)), (s) => s.id).load(response.surveyId);
    return survey!;
  }
}

/** Adds the needs surveys to communities-service's Community entity. */
@Resolver(() => CommunityRef)
export class CommunityNeedsSurveysResolver {
  constructor(private readonly assessments: AssessmentsService) {}

  @ResolveField(() => [NeedsSurvey], { description: 'The needs surveys of this community, newest first.' })
  needsSurveys(@Parent() community: CommunityRef, @Context() ctx: object): Promise<NeedsSurvey[]> {
    return requestGroupLoader(ctx, 'needsSurveysByCommunity', (ids) => this.assessments.surveysOfCommunities(ids, callerOf(ctx)), (s) => s.communityId).load(
      community.id,
    );
  }

  @ResolveReference()
  resolveReference(ref: { id: string }): CommunityRef {
    return { id: ref.id };
  }
}
