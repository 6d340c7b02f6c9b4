import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import type { Identity, OrganizationCategory, RubricKind } from '@peiyu/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { findOrganizationSummaries } from '@peiyu/organizations-data-access';
import { CurrentIdentity, DomainException, OrganizationCategoryEnum, Roles, RubricKindEnum, callerOf, requestGroupLoader } from '@peiyu/platform-nest';
import { reachOf, seesOrganization } from '@peiyu/platform-reach';
import { RubricsService } from './rubrics.service.js';
import { Assessment, OrganizationRef, RecordAssessmentInput, Rubric, SetRubricInput } from './rubrics.types.js';

/** Who records assessments (ADMIN always may): the institution's supervisors and social workers, and programme managers. */
export const ASSESSORS = ['SUPERVISOR', 'SOCIAL_WORKER', 'PROGRAMME_MANAGER'] as const;

@Resolver(() => Rubric)
export class RubricResolver {
  constructor(private readonly rubrics: RubricsService) {}

  @Query(() => Rubric, { description: 'The rubric in force for a category and kind: the latest version an admin stored, else the built-in version 1. Any signed-in user may read rubrics.' })
  rubric(
    @Args('category', { type: () => OrganizationCategoryEnum }) category: OrganizationCategory,
    @Args('kind', { type: () => RubricKindEnum }) kind: RubricKind,
  ): Promise<Rubric> {
    return this.rubrics.current(category, kind);
  }

  @Query(() => [Rubric], { description: "Every version of a category and kind's rubric, newest first (the built-in version 1 last)." })
  rubricVersions(
    @Args('category', { type: () => OrganizationCategoryEnum }) category: OrganizationCategory,
    @Args('kind', { type: () => RubricKindEnum }) kind: RubricKind,
  ): Promise<Rubric[]> {
    return this.rubrics.versions(category, kind);
  }

  @Roles('ADMIN')
  @Mutation(() => Rubric, {
    description: 'Stores the next version of a rubric (administrators); later assessments are scored against it, earlier ones keep theirs. BAD_USER_INPUT naming the field of an invalid criterion or pass score.',
  })
  setRubric(@Args('input') input: SetRubricInput, @CurrentIdentity() caller: Identity): Promise<Rubric> {
    return this.rubrics.set(input, caller);
  }
}

@Resolver(() => Assessment)
export class AssessmentResolver {
  constructor(private readonly rubrics: RubricsService) {}

  @Query(() => [Assessment], { description: "One organization's capacity and maturity assessments, newest first (only one kind when given); NOT_FOUND for an unknown organization, FORBIDDEN outside the caller's scopes." })
  assessments(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @CurrentIdentity() caller: Identity,
    @Args('kind', { type: () => RubricKindEnum, nullable: true }) kind?: RubricKind | null,
  ): Promise<Assessment[]> {
    return this.rubrics.assessmentsOfOrganization(organizationId, caller, kind);
  }

  @ResolveField(() => OrganizationRef, { description: 'The organization assessed, resolved by organizations-service.' })
  organization(@Parent() assessment: Assessment): OrganizationRef {
    return { id: assessment.organizationId };
  }

  @Roles(...ASSESSORS)
  @Mutation(() => Assessment, {
    description:
      "Records a capacity or maturity assessment of an organization, every criterion of its category's rubric in force scored; the total and the verdict are computed. BAD_USER_INPUT naming the field (scores.N.score, scores, assessedOn, organizationId); FORBIDDEN outside the caller's scopes, or for a social worker when the organization's cultivation is not assigned to them.",
  })
  recordAssessment(@Args('input') input: RecordAssessmentInput, @CurrentIdentity() caller: Identity): Promise<Assessment> {
    return this.rubrics.record(input, caller);
  }
}

/** Adds its assessments to organizations-service's Organization entity. */
@Resolver(() => OrganizationRef)
export class OrganizationAssessmentsResolver {
  constructor(
    private readonly rubrics: RubricsService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @ResolveField(() => [Assessment], { description: 'Its capacity and maturity assessments, newest first.' })
  assessments(@Parent() organization: OrganizationRef, @Context() ctx: object): Promise<Assessment[]> {
    return requestGroupLoader(ctx, 'assessmentsByOrganization', (ids) => this.rubrics.assessmentsOf(ids), (a) => a.organizationId).load(organization.id);
  }

  /** An organization referenced from another service: FORBIDDEN when the caller's scopes do not reach it. */
  @ResolveReference()
  async resolveReference(ref: { id: string }, ctx: object): Promise<OrganizationRef> {
    const [organization] = await findOrganizationSummaries(this.db, [ref.id]);
    if (organization && !seesOrganization(await reachOf(this.db, callerOf(ctx)), organization)) {
      throw new DomainException('FORBIDDEN', `Organization ${ref.id} is outside your scope.`);
    }
    return { id: ref.id };
  }
}
