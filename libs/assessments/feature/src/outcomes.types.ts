import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { MAX_RUBRIC_CRITERIA, OUTCOME_LEVELS, type OutcomeLevel } from '@peiyu/contracts';
import { Connection, OutcomeLevelEnum } from '@peiyu/platform-nest';
import { CriterionScoreInput, CriterionScoreType, RubricCriterionInput, RubricCriterionType } from './rubrics.types.js';

@ObjectType('OutcomeIndicatorSet', {
  description: 'The weighted indicators an outcome evaluation scores at one level, and the target score the level is expected to reach. Version 1 of each level is built in; an admin stores later ones.',
})
export class OutcomeIndicatorSet {
  @Field(() => OutcomeLevelEnum) level: OutcomeLevel;
  @Field(() => Int, { description: 'The version; 1 is the built-in set.' }) version: number;
  @Field(() => [RubricCriterionType], { description: 'The indicators, each scored 0..maxScore in whole numbers.' }) indicators: RubricCriterionType[];
  @Field(() => Float, { description: 'The level score (0..100) at or above which the level meets its target.' }) targetScore: number;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was stored; null for the built-in version.' }) createdAt: Date | null;
}

@ObjectType('LevelOutcome', { description: "One level's result in an outcome evaluation." })
export class LevelOutcome {
  @Field(() => OutcomeLevelEnum) level: OutcomeLevel;
  @Field(() => Int, { description: 'The indicator set version scored against.' }) indicatorSetVersion: number;
  @Field(() => [CriterionScoreType], { description: 'The score of each indicator.' }) scores: CriterionScoreType[];
  @Field(() => Float, { description: 'The computed level score: Σ weight × score / maxScore over Σ weight, × 100, rounded to 2 decimals.' }) score: number;
  @Field(() => Float, { description: "The indicator set's target score." }) targetScore: number;
  @Field({ description: 'Whether score ≥ targetScore.' }) metTarget: boolean;
}

@ObjectType('OutcomeEvaluation', {
  description: "The outcome evaluation (成效评估) of a cultivation at the three levels (community, organization, institution), recorded near its end; each level's score is computed from its indicators.",
})
export class OutcomeEvaluation {
  @Field(() => ID) id: string;
  @Field(() => ID, { description: 'The organization evaluated.' }) organizationId: string;
  @Field(() => ID, { description: 'The cultivation it concludes: the organization’s open cultivation when recorded.' }) cultivationId: string;
  @Field(() => [LevelOutcome], { description: 'Community, organization and institution, in that order.' }) levels: LevelOutcome[];
  @Field(() => Float, { description: 'The community level score, 0..100.' }) communityScore: number;
  @Field(() => Float, { description: 'The organization level score, 0..100.' }) organizationScore: number;
  @Field(() => Float, { description: 'The institution level score, 0..100.' }) institutionScore: number;
  @Field({ description: 'The day evaluated, YYYY-MM-DD.' }) evaluatedOn: string;
  @Field(() => ID, { description: 'Who recorded it.' }) evaluatedBy: string;
  @Field(() => String, { nullable: true, description: "The evaluator's note." }) note: string | null;
  @Field(() => GraphQLISODateTime, { description: 'When it was recorded.' }) createdAt: Date;
}

@ObjectType('FollowUpFindings', { description: 'What a follow-up check found; the check passes when every finding holds.' })
export class FollowUpFindingsType {
  @Field({ description: '组织仍在运作: the organization still runs.' }) stillActive: boolean;
  @Field({ description: '骨干队伍稳定: its leaders stayed.' }) leadershipStable: boolean;
  @Field({ description: '按计划开展活动: it holds the activities it planned.' }) holdingActivities: boolean;
  @Field({ description: '财务规范: its finances are kept in order.' }) financesInOrder: boolean;
  @Field({ description: '成员保持稳定: its members stayed.' }) membersRetained: boolean;
}

@ObjectType('FollowUpCheck', { description: 'A follow-up check (回访) of an organization after withdrawal: what was found at one follow-up, and whether it passed.' })
export class FollowUpCheck {
  @Field(() => ID) id: string;
  @Field(() => ID, { description: 'The organization checked.' }) organizationId: string;
  @Field(() => ID, { description: 'The cultivation whose withdrawal it follows up: the organization’s open cultivation when recorded.' }) cultivationId: string;
  @Field(() => Int, { description: 'Which follow-up of the withdrawal it is for, 0-based (0 is the first).' }) followUpIndex: number;
  @Field(() => FollowUpFindingsType) findings: FollowUpFindingsType;
  @Field({ description: 'Whether every finding holds (computed).' }) passed: boolean;
  @Field({ description: 'The day checked, YYYY-MM-DD.' }) checkedOn: string;
  @Field(() => ID, { description: 'Who recorded it.' }) checkedBy: string;
  @Field(() => String, { nullable: true, description: "The checker's note." }) note: string | null;
  @Field(() => GraphQLISODateTime, { description: 'When it was recorded.' }) createdAt: Date;
}

@ObjectType('OutcomeEvaluationConnection', { description: 'A page of outcome evaluations, with the total matching the filter.' })
export class OutcomeEvaluationConnection extends Connection(OutcomeEvaluation, 'OutcomeEvaluation') {}

@ObjectType('FollowUpCheckConnection', { description: 'A page of follow-up checks, with the total matching the filter.' })
export class FollowUpCheckConnection extends Connection(FollowUpCheck, 'FollowUpCheck') {}

@InputType({ description: 'Which outcome evaluations or follow-up checks to list (newest first); every given condition must hold.' })
export class OutcomeRecordFilter {
  @Field(() => ID, { nullable: true, description: 'Only those of this organization.' })
  @IsOptional() @IsUUID('all', { message: 'organizationId must be a UUID' }) organizationId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only those of this cultivation.' })
  @IsOptional() @IsUUID('all', { message: 'cultivationId must be a UUID' }) cultivationId?: string | null;
  @Field(() => String, { nullable: true, description: 'Only those of this day or later, YYYY-MM-DD.' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a date written YYYY-MM-DD' }) from?: string | null;
  @Field(() => String, { nullable: true, description: 'Only those of this day or earlier, YYYY-MM-DD.' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be a date written YYYY-MM-DD' }) to?: string | null;
}

@InputType({ description: 'A new version of the indicator set of one level (administrators).' })
export class SetOutcomeIndicatorSetInput {
  @Field(() => OutcomeLevelEnum) @IsIn(OUTCOME_LEVELS) level: OutcomeLevel;
  @Field(() => [RubricCriterionInput]) @ArrayMaxSize(MAX_RUBRIC_CRITERIA) @ValidateNested({ each: true }) @Type(() => RubricCriterionInput) indicators: RubricCriterionInput[];
  @Field(() => Float) @IsNumber() @Min(0) @Max(100) targetScore: number;
}

const dayPattern = (field: string) => Matches(/^\d{4}-\d{2}-\d{2}$/, { message: `${field} must be a date written YYYY-MM-DD` });
const scoresOf = () => [ArrayMaxSize(MAX_RUBRIC_CRITERIA), ValidateNested({ each: true }), Type(() => CriterionScoreInput)];
const apply = (decorators: PropertyDecorator[]): PropertyDecorator => (target, key) => decorators.forEach((d) => d(target, key));

@InputType({ description: "An outcome evaluation of an organization under cultivation: every indicator of each level's set in force scored." })
export class RecordOutcomeEvaluationInput {
  @Field(() => ID) @IsUUID('all', { message: 'organizationId must be a UUID' }) organizationId: string;
  @Field({ description: 'The day evaluated, YYYY-MM-DD; not in the future.' }) @dayPattern('evaluatedOn') evaluatedOn: string;
  @Field(() => [CriterionScoreInput], { description: 'The community level indicators.' }) @apply(scoresOf()) communityScores: CriterionScoreInput[];
  @Field(() => [CriterionScoreInput], { description: 'The organization level indicators.' }) @apply(scoresOf()) organizationScores: CriterionScoreInput[];
  @Field(() => [CriterionScoreInput], { description: 'The institution level indicators.' }) @apply(scoresOf()) institutionScores: CriterionScoreInput[];
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) note?: string | null;
}

@InputType({ description: 'What a follow-up check found.' })
export class FollowUpFindingsInput {
  @Field() @IsBoolean() stillActive: boolean;
  @Field() @IsBoolean() leadershipStable: boolean;
  @Field() @IsBoolean() holdingActivities: boolean;
  @Field() @IsBoolean() financesInOrder: boolean;
  @Field() @IsBoolean() membersRetained: boolean;
}

@InputType({ description: 'A follow-up check of an organization in withdrawal.' })
export class RecordFollowUpCheckInput {
  @Field(() => ID) @IsUUID('all', { message: 'organizationId must be a UUID' }) organizationId: string;
  @Field(() => Int, { description: 'Which follow-up it is for, 0-based.' }) @IsInt({ message: 'followUpIndex must be a whole number' }) @Min(0) @Max(11) followUpIndex: number;
  @Field({ description: 'The day checked, YYYY-MM-DD; not in the future.' }) @dayPattern('checkedOn') checkedOn: string;
  @Field(() => FollowUpFindingsInput) @ValidateNested() @Type(() => FollowUpFindingsInput) findings: FollowUpFindingsInput;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) note?: string | null;
}
