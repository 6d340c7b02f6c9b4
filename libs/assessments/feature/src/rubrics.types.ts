import { Directive, Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { MAX_RUBRIC_CRITERIA, ORGANIZATION_CATEGORIES, RUBRIC_KINDS, type OrganizationCategory, type RubricKind } from '@peiyu/contracts';
import { OrganizationCategoryEnum, RubricKindEnum } from '@peiyu/platform-nest';


@ObjectType({ description: 'One criterion of a rubric.' })
export class RubricCriterionType {
  @Field({ description: 'Stable identifier, lower_snake_case; scores name it.' }) key: string;
  @Field({ description: 'What assessors read, e.g. 骨干队伍.' }) label: string;
  @Field(() => Float, { description: 'Relative weight (> 0): its share of the total is weight / Σ weights.' }) weight: number;
  @Field(() => Int, { description: 'The highest score; scores run from 0 to it in whole numbers.' }) maxScore: number;
}

@ObjectType('Rubric', { description: 'The criteria, weights and pass score an assessment of a category and kind is scored against. Version 1 is built in; an admin stores later ones.' })
export class Rubric {
  @Field(() => OrganizationCategoryEnum) category: OrganizationCategory;
  @Field(() => RubricKindEnum) kind: RubricKind;
  @Field(() => Int, { description: 'The version; 1 is the built-in rubric.' }) version: number;
  @Field(() => [RubricCriterionType]) criteria: RubricCriterionType[];
  @Field(() => Float, { description: 'The total (0..100) at or above which an assessment passes.' }) passScore: number;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was stored; null for the built-in version.' }) createdAt: Date | null;
}

@ObjectType({ description: 'The score given to one criterion.' })
export class CriterionScoreType {
  @Field({ description: 'The criterion key.' }) key: string;
  @Field(() => Int, { description: 'The score, 0..the criterion\'s maxScore.' }) score: number;
}

@ObjectType('Assessment', { description: "A capacity or maturity assessment of an organization, scored against the rubric of its category in force that day. The total is computed: Σ weight × score / maxScore over Σ weight, × 100, rounded to 2 decimals." })
export class Assessment {
  @Field(() => ID) id: string;
  @Field(() => ID, { description: 'The organization assessed.' }) organizationId: string;
  @Field(() => OrganizationCategoryEnum, { description: "The organization's category when assessed: whose rubric applied." }) category: OrganizationCategory;
  @Field(() => RubricKindEnum) kind: RubricKind;
  @Field(() => Int, { description: 'The rubric version scored against.' }) rubricVersion: number;
  @Field(() => [CriterionScoreType]) scores: CriterionScoreType[];
  @Field(() => Float, { description: 'The computed total, 0..100.' }) total: number;
  @Field(() => Float, { description: "The rubric's pass score." }) passScore: number;
  @Field({ description: 'Whether total ≥ passScore.' }) passed: boolean;
  @Field({ description: 'The day assessed, YYYY-MM-DD.' }) assessedOn: string;
  @Field(() => ID, { description: 'Who recorded it.' }) assessedBy: string;
  @Field(() => String, { nullable: true, description: "The assessor's note." }) note: string | null;
  @Field(() => GraphQLISODateTime, { description: 'When it was recorded.' }) createdAt: Date;
}

@ObjectType('Organization', { description: 'A community social organization, owned by organizations-service; its assessments are added here.' })
@Directive('@key(fields: "id")')
export class OrganizationRef {
  @Field(() => ID, { description: 'The organization id, as organizations-service issues it.' }) id: string;
}

@InputType({ description: 'One criterion of a new rubric version.' })
export class RubricCriterionInput {
  @Field() @Matches(/^[a-z][a-z0-9_]{1,39}$/, { message: 'key must be 2 to 40 lower-case letters, digits or underscores, starting with a letter' }) key: string;
  @Field() @IsNotEmpty({ message: 'label must not be empty' }) @MaxLength(100) label: string;
  @Field(() => Float) @IsNumber() @Min(0.01) @Max(100) weight: number;
  @Field(() => Int) @IsInt() @Min(1) @Max(100) maxScore: number;
}

@InputType({ description: 'A new version of the rubric of a category and kind (administrators).' })
export class SetRubricInput {
  @Field(() => OrganizationCategoryEnum) @IsIn(ORGANIZATION_CATEGORIES) category: OrganizationCategory;
  @Field(() => RubricKindEnum) @IsIn(RUBRIC_KINDS) kind: RubricKind;
  @Field(() => [RubricCriterionInput]) @ArrayMaxSize(MAX_RUBRIC_CRITERIA) @ValidateNested({ each: true }) @Type(() => RubricCriterionInput) criteria: RubricCriterionInput[];
  @Field(() => Float) @IsNumber() @Min(0) @Max(100) passScore: number;
}

@InputType({ description: 'The score of one criterion.' })
export class CriterionScoreInput {
  @Field() @IsNotEmpty({ message: 'key must not be empty' }) @MaxLength(40) key: string;
  @Field(() => Int) @IsInt({ message: 'score must be a whole number' }) @Min(0) score: number;
}

@InputType({ description: "An assessment of an organization: every criterion of its category's rubric scored." })
export class RecordAssessmentInput {
  @Field(() => ID) @IsUUID('all', { message: 'organizationId must be a UUID' }) organizationId: string;
  @Field(() => RubricKindEnum) @IsIn(RUBRIC_KINDS) kind: RubricKind;
  @Field({ description: 'The day assessed, YYYY-MM-DD; not in the future.' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'assessedOn must be a date written YYYY-MM-DD' }) assessedOn: string;
  @Field(() => [CriterionScoreInput]) @ArrayMaxSize(MAX_RUBRIC_CRITERIA) @ValidateNested({ each: true }) @Type(() => CriterionScoreInput) scores: CriterionScoreInput[];
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) note?: string | null;
}
