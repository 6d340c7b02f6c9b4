import { Directive, Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { ORGANIZATION_CATEGORIES, type OrganizationCategory } from '@peiyu/contracts';
import { OrganizationCategoryEnum } from '@peiyu/platform-nest';


/**
 * A community as assessments-service knows it: only its key. communities-service owns the entity and
 * resolves its other fields; this subgraph adds `needsSurveys` to it.
 */
@ObjectType('Community', { description: 'A residential community (社区), where community social organizations live.' })
@Directive('@key(fields: "id")')
export class CommunityRef {
  @Field(() => ID, { description: 'The community id, as communities-service issues it.' }) id: string;
}

@ObjectType('NeedsSurvey', { description: 'A needs investigation (需求调查) of one community: residents say which kinds of organization they want.' })
@Directive('@key(fields: "id")')
export class NeedsSurvey {
  @Field(() => ID, { description: 'The survey id.' }) id: string;
  @Field(() => ID, { description: 'The community surveyed (not checked against communities-service when the survey is created).' })
  communityId: string;
  @Field({ description: 'What the survey is called, e.g. 2025年幸福社区居民需求调查.' }) title: string;
  @Field(() => GraphQLISODateTime, { description: 'When the survey was recorded.' }) createdAt: Date;
}

@ObjectType('SurveyResponse', { description: "One resident's answer to a needs survey." })
export class SurveyResponse {
  @Field(() => ID, { description: 'The response id.' }) id: string;
  @Field(() => ID, { description: 'The survey answered.' }) surveyId: string;
  @Field(() => String, { nullable: true, description: 'Free text telling who answered (e.g. 3号楼 王阿姨); null when not given.' })
  respondentLabel: string | null;
  @Field(() => [OrganizationCategoryEnum], { description: 'The kinds of organization the resident wants: at least one, each at most once.' })
  demandCategories: OrganizationCategory[];
  @Field(() => GraphQLISODateTime, { description: 'When the response was recorded.' }) createdAt: Date;
}

@ObjectType('CategoryDemand', { description: 'How much of a survey asks for one organization category.' })
export class CategoryDemand {
  @Field(() => OrganizationCategoryEnum, { description: 'The category.' }) category: OrganizationCategory;
  @Field(() => Int, { description: "The number of the survey's responses that name this category." }) responseCount: number;
  @Field(() => Float, {
    description:
      "responseCount divided by the survey's total responseCount, from 0 to 1 (0 when the survey has no responses). " +
      'A response may name several categories, so the shares of a survey may add up to more than 1.',
  })
  share: number;
}

@ObjectType('DemandAnalysis', { description: 'The demand analysis (需求分析) of a needs survey, computed from its responses when asked.' })
export class DemandAnalysis {
  @Field(() => Int, { description: 'The number of responses recorded for the survey.' }) responseCount: number;
  @Field(() => [CategoryDemand], {
    description:
      'Every organization category, zero included, by responseCount descending; ties in the order ' +
      'LIFE_SERVICE, PUBLIC_WELFARE, CULTURE_SPORTS, MEDIATION.',
  })
  categories: CategoryDemand[];
  @Field(() => OrganizationCategoryEnum, {
    nullable: true,
    description: 'The first entry of categories: the category most responses ask for (ties as there). Null when the survey has no responses.',
  })
  recommendedCategory: OrganizationCategory | null;
}

@InputType({ description: 'A new needs survey of a community.' })
export class CreateNeedsSurveyInput {
  @Field(() => ID, { description: 'The community to survey.' })
  @IsUUID('all', { message: 'communityId must be a UUID' })
  communityId: string;
  @Field({ description: 'What the survey is called; 1 to 200 characters, not blank.' })
  @IsString()
  @Matches(/\S/, { message: 'title must not be blank' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title: string;
}

@InputType({ description: "One resident's answer to a needs survey." })
export class RecordSurveyResponseInput {
  @Field(() => ID, { description: 'The survey answered.' })
  @IsUUID('all', { message: 'surveyId must be a UUID' })
  surveyId: string;
  @Field(() => [OrganizationCategoryEnum], { description: 'The kinds of organization the resident wants: at least one, each at most once.' })
  @IsArray({ message: 'demandCategories must be a list' })
  @ArrayNotEmpty({ message: 'demandCategories must name at least one category' })
  @ArrayUnique({ message: 'demandCategories must not name a category twice' })
  @IsIn(ORGANIZATION_CATEGORIES, { each: true, message: 'demandCategories must be organization categories' })
  demandCategories: OrganizationCategory[];
  @Field(() => String, { nullable: true, description: 'Free text telling who answered, up to 100 characters; optional.' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'respondentLabel must be at most 100 characters' })
  respondentLabel?: string | null;
}
