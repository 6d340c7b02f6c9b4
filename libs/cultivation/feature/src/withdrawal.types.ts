import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { FOLLOW_UP_RESULTS, HANDOVER_ITEMS, WITHDRAWAL_PHASES, type FollowUpResult, type HandoverItem, type WithdrawalPhase } from '@peiyu/contracts';
import { RoleEnum, graphqlEnum } from '@peiyu/platform-nest';
import type { Role } from '@peiyu/contracts';

export const WithdrawalPhaseEnum = graphqlEnum(WITHDRAWAL_PHASES, 'WithdrawalPhase', 'How far the institution has stepped back.', {
  LEADING: 'The institution still leads the organization.',
  ASSISTING: 'The organization leads; the institution assists.',
  OBSERVING: 'The institution only observes.',
});
export const HandoverItemEnum = graphqlEnum(HANDOVER_ITEMS, 'HandoverItem', 'A right handed back to the organization.', {
  LEADERSHIP: 'Leadership of the organization.',
  FINANCES: 'Its money.',
  VENUE: 'Its venue.',
  MEMBER_ROSTER: 'Its member roster.',
  ACTIVITY_PLANNING: 'Planning its activities.',
});
export const FollowUpResultEnum = graphqlEnum(FOLLOW_UP_RESULTS, 'FollowUpResult', 'The result of a follow-up check after withdrawal.', {
  PENDING: 'Not due or not recorded yet.',
  PASSED: 'The organization runs on its own.',
  FAILED: 'It does not: support re-engages.',
  MISSED: 'Its window passed unrecorded (it may still be recorded late).',
});

@ObjectType('Handover', { description: 'A right handed back, confirmed by someone named.' })
export class Handover {
  @Field(() => HandoverItemEnum) item: HandoverItem;
  @Field({ description: "The organization's person who took it over." }) takenOverBy: string;
  @Field(() => ID, { description: 'The user who confirmed it.' }) confirmedById: string;
  @Field(() => RoleEnum) confirmedByRole: Role;
  @Field(() => GraphQLISODateTime) confirmedAt: Date;
}

@ObjectType('LevelEvaluation', { description: 'An evaluation at one outcome level.' })
export class LevelEvaluation {
  @Field(() => Float, { description: '0 to 100.' }) score: number;
  @Field() note: string;
}

@ObjectType('FinalEvaluation', { description: 'The final evaluation of a withdrawal at the three outcome levels.' })
export class FinalEvaluation {
  @Field(() => LevelEvaluation, { description: 'Community: participation, residents able to take part, self-governance (自治).' }) community: LevelEvaluation;
  @Field(() => LevelEvaluation, { description: 'Organization: scope clarified, vitality, continuity.' }) organization: LevelEvaluation;
  @Field(() => LevelEvaluation, { description: "Institution: its social workers' competence and practice." }) institution: LevelEvaluation;
  @Field(() => GraphQLISODateTime) recordedAt: Date;
}

@ObjectType('FollowUp', { description: 'A check after withdrawal that the organization runs on its own.' })
export class FollowUp {
  @Field(() => Int, { description: '0 for the first.' }) index: number;
  @Field(() => Int, { description: 'Months after the final evaluation.' }) monthsAfter: number;
  @Field(() => GraphQLISODateTime) dueAt: Date;
  @Field(() => GraphQLISODateTime, { description: 'After this it counts as missed (a DELAY escalation).' }) windowEndsAt: Date;
  @Field(() => FollowUpResultEnum) result: FollowUpResult;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) recordedAt: Date | null;
}

@ObjectType('Withdrawal', { description: 'The withdrawal stage (退出期) as its workflow last reported it.' })
export class Withdrawal {
  @Field(() => WithdrawalPhaseEnum) phase: WithdrawalPhase;
  @Field(() => [Handover]) handovers: Handover[];
  @Field(() => [HandoverItemEnum], { description: 'Items not handed over yet.' }) pendingHandovers: HandoverItem[];
  @Field(() => FinalEvaluation, { nullable: true }) finalEvaluation: FinalEvaluation | null;
  @Field(() => [FollowUp]) followUps: FollowUp[];
  @Field(() => Int, { description: 'How often a failed follow-up sent the institution back to assisting.' }) reengagements: number;
}

@InputType({ description: 'A cultivation in withdrawal, by id.' })
export class WithdrawalRefInput {
  @Field(() => ID) @IsUUID('all', { message: 'cultivationId must be a UUID' }) cultivationId: string;
}

@InputType({ description: 'Confirms that a right was handed back, and to whom.' })
export class ConfirmHandoverInput {
  @Field(() => ID) @IsUUID('all', { message: 'cultivationId must be a UUID' }) cultivationId: string;
  @Field(() => HandoverItemEnum) @IsIn(HANDOVER_ITEMS, { message: `item must be one of ${HANDOVER_ITEMS.join(', ')}` }) item: HandoverItem;
  @Field() @IsNotEmpty({ message: 'takenOverBy must not be empty' }) @MaxLength(200) takenOverBy: string;
}

@InputType('LevelEvaluationInput', { description: 'An evaluation at one level.' })
export class LevelEvaluationInput {
  @Field(() => Float) @Min(0, { message: 'score must be between 0 and 100' }) @Max(100, { message: 'score must be between 0 and 100' }) score: number;
  @Field() @IsNotEmpty({ message: 'note must not be empty' }) @MaxLength(4000) note: string;
}

@InputType({
  description:
    "The final evaluation at the three levels; then follow-ups are scheduled. Either the id of the organization's outcome evaluation (assessments-service's recordOutcomeEvaluation), whose computed level scores are taken, or the three levels typed in.",
})
export class RecordFinalEvaluationInput {
  @Field(() => ID) @IsUUID('all', { message: 'cultivationId must be a UUID' }) cultivationId: string;
  @Field(() => ID, { nullable: true, description: "An outcome evaluation of this cultivation: its community, organization and institution scores are taken." })
  @IsOptional() @IsUUID('all', { message: 'outcomeEvaluationId must be a UUID' }) outcomeEvaluationId?: string | null;
  @Field(() => LevelEvaluationInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => LevelEvaluationInput) community?: LevelEvaluationInput | null;
  @Field(() => LevelEvaluationInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => LevelEvaluationInput) organization?: LevelEvaluationInput | null;
  @Field(() => LevelEvaluationInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => LevelEvaluationInput) institution?: LevelEvaluationInput | null;
}

@InputType({ description: 'The result of a due follow-up: from a follow-up check, or typed in.' })
export class RecordFollowUpInput {
  @Field(() => ID) @IsUUID('all', { message: 'cultivationId must be a UUID' }) cultivationId: string;
  @Field(() => Int) @IsInt() @Min(0) index: number;
  @Field(() => ID, { nullable: true, description: "A follow-up check of this cultivation for this follow-up (assessments-service's recordFollowUpCheck): whether it passed, and its note, are taken." })
  @IsOptional() @IsUUID('all', { message: 'followUpCheckId must be a UUID' }) followUpCheckId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Typed in when no followUpCheckId is given.' }) @IsOptional() @IsBoolean() passed?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Typed in when no followUpCheckId is given.' }) @IsOptional() @IsNotEmpty({ message: 'note must not be empty' }) @MaxLength(4000) note?: string | null;
}
