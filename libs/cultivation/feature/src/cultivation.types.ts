import { Directive, Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsIn, IsInt, IsNotEmpty, IsOptional, IsUUID, MaxLength, Min, MinDate } from 'class-validator';
import { Type } from 'class-transformer';
import {
  CULTIVATION_STATUSES,
  ORGANIZATION_CATEGORIES,
  STAGES,
  type CriterionKind,
  type CultivationStatus,
  type EscalationStatus,
  type EscalationType,
  type OrganizationCategory,
  type Role,
  type Stage,
} from '@peiyu/contracts';
import { CriterionKindEnum, CultivationStatusEnum, EscalationStatusEnum, EscalationTypeEnum, OrganizationCategoryEnum, RoleEnum, StageEnum } from '@peiyu/platform-nest';


@ObjectType('Organization', { description: 'A community social organization, owned by organizations-service.' })
@Directive('@key(fields: "id", resolvable: false)')
export class OrganizationRef {
  @Field(() => ID) id: string;
}

@ObjectType('Institution', { description: 'A social work institution, owned by organizations-service.' })
@Directive('@key(fields: "id", resolvable: false)')
export class InstitutionRef {
  @Field(() => ID) id: string;
}

@ObjectType('Community', { description: 'A community, owned by communities-service.' })
@Directive('@key(fields: "id", resolvable: false)')
export class CommunityRef {
  @Field(() => ID) id: string;
}

@ObjectType('EscalationStep', { description: 'One rung of an escalation ladder the escalation reached.' })
export class EscalationStep {
  @Field(() => Int, { description: 'The level, from 1.' }) level: number;
  @Field(() => RoleEnum, { nullable: true, description: 'Who must acknowledge at this level, by the policy of the stage.' }) role: Role | null;
  @Field(() => GraphQLISODateTime, { description: 'When the escalation reached this level.' }) raisedAt: Date;
  @Field(() => GraphQLISODateTime, { description: 'By when this level had to acknowledge before the escalation climbs.' }) dueAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When this level acknowledged, if it did.' }) acknowledgedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'The plan given with the acknowledgement.' }) plan: string | null;
}

@ObjectType('Escalation', { description: 'A problem with a cultivation raised to someone who must act on it; it climbs a ladder until acknowledged, and resolves when its cause does.' })
export class Escalation {
  @Field(() => ID) id: string;
  @Field({ description: 'Stable key within the cultivation: cause, stage and occurrence, e.g. DELAY:FORMATION:1.' }) key: string;
  @Field(() => ID, { description: 'The cultivation it concerns.' }) cultivationId: string;
  @Field(() => EscalationTypeEnum, { description: 'Its cause.' }) type: EscalationType;
  @Field(() => Int, { description: 'Current rung of the ladder, from 1 (by default the supervisor) up to the programme manager.' }) level: number;
  @Field(() => StageEnum, { description: 'The stage the cultivation was in when it was raised.' }) stage: Stage;
  @Field(() => EscalationStatusEnum, { description: 'Open, acknowledged or resolved.' }) status: EscalationStatus;
  @Field(() => GraphQLISODateTime, { description: 'When it was raised.' }) raisedAt: Date;
  @Field(() => GraphQLISODateTime, { description: 'By when the current level must acknowledge, or it climbs.' }) levelDueAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was acknowledged.' }) acknowledgedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'The plan given when acknowledging.' }) acknowledgementPlan: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When its cause went away.' }) resolvedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'What resolved it: gate approved, deadline extended, work resumed, correction plan submitted, cultivation terminated.' }) resolution: string | null;
}

@ObjectType('GateCriterion', { description: 'One criterion of a stage gate, judged from the evidence.' })
export class GateCriterion {
  @Field(() => CriterionKindEnum) kind: CriterionKind;
  @Field(() => Float, { description: 'What must be reached (a count, hours or months; 1 for yes/no criteria).' }) threshold: number;
  @Field(() => Float, { description: 'What the evidence shows, in the same unit.' }) actual: number;
  @Field({ description: 'Whether the criterion is met.' }) met: boolean;
  @Field({ description: 'Which evidence was counted, in words.' }) evidence: string;
  @Field(() => Float, { description: 'How much is still missing: max(threshold - actual, 0).' }) missing: number;
}

@ObjectType('Gate', { description: "The current stage's gate: every criterion of the policy the stage was entered with." })
export class Gate {
  @Field({ description: 'True when every criterion is met; then a supervisor may approve the stage.' }) met: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the evidence was last read.' }) evaluatedAt: Date | null;
  @Field(() => [GateCriterion]) criteria: GateCriterion[];
}

@ObjectType('StageRecord', { description: 'A stage the cultivation has entered: planned against actual.' })
export class StageRecord {
  @Field(() => StageEnum) stage: Stage;
  @Field(() => GraphQLISODateTime) enteredAt: Date;
  @Field(() => GraphQLISODateTime, { description: 'The deadline when the stage was entered.' }) plannedDeadline: Date;
  @Field(() => GraphQLISODateTime, { description: 'The deadline after extensions and paused time.' }) deadline: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the stage ended; null while it is current.' }) leftAt: Date | null;
  @Field(() => Int, { description: 'Seconds the stage spent paused.' }) pausedSeconds: number;
  @Field(() => Int, { description: 'The policy version the stage was entered with.' }) policyVersion: number;
}

@ObjectType('TimelineEvent', { description: 'One recorded event of the process, in order.' })
export class TimelineEvent {
  @Field(() => Int, { description: '1, 2, 3 ... in the order the process decided them.' }) sequence: number;
  @Field({ description: 'STAGE_ENTERED, GATE_EVALUATED, GATE_APPROVED, DEADLINE_EXTENDED, DEADLINE_RECOMPUTED, PAUSED, RESUMED, ESCALATION_RAISED, ESCALATION_CLIMBED, ESCALATION_ACKNOWLEDGED, ESCALATION_RESOLVED, DEVIATION_FLAGGED, CORRECTION_PLAN_SUBMITTED, TERMINATED or COMPLETED.' })
  kind: string;
  @Field(() => GraphQLISODateTime) at: Date;
  @Field(() => ID, { nullable: true, description: 'Who did it, for actions by a person.' }) actorId: string | null;
  @Field(() => RoleEnum, { nullable: true, description: 'In which role.' }) actorRole: Role | null;
  @Field({ description: 'The event as recorded, as JSON.' }) details: string;
}

@ObjectType('Deviation', {
  description: "A direction deviation awaiting a correction plan: flagged by a programme manager, or by the policy's direction watch when the organization's activities drift from its needs analysis (its note then names the evidence).",
})
export class Deviation {
  @Field() note: string;
  @Field(() => GraphQLISODateTime) flaggedAt: Date;
  @Field(() => GraphQLISODateTime, { description: 'By when a correction plan is due, or a DEVIATION escalation is raised.' }) correctionDueAt: Date;
}

@ObjectType('Cultivation', { description: 'One institution cultivating one community social organization through the four stages.' })
@Directive('@key(fields: "id")')
export class Cultivation {
  @Field(() => ID) id: string;
  @Field({ description: 'The Temporal workflow that runs this cultivation.' }) workflowId: string;
  @Field(() => StageEnum, { description: 'The current stage.' }) stage: Stage;
  @Field(() => CultivationStatusEnum, { description: 'Active, paused or terminated.' }) status: CultivationStatus;
  @Field(() => GraphQLISODateTime, { description: 'When the current stage started.' }) stageStartedAt: Date;
  @Field(() => GraphQLISODateTime, { description: 'When the current stage is due.' }) stageDeadline: Date;
  @Field(() => GraphQLISODateTime, { description: 'When the cultivation started.' }) startedAt: Date;
  @Field(() => Int, { description: 'Highest level of its open escalations; 0 when none is open.' }) escalationLevel: number;
  @Field(() => ID, { description: 'The district of its community.' }) districtId: string;
  @Field(() => OrganizationCategoryEnum, { description: 'The category of the organization, as when the cultivation started.' }) category: OrganizationCategory;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Since when it is paused.' }) pausedAt: Date | null;
  @Field(() => Int, { nullable: true, description: 'The policy version the current stage was entered with.' }) policyVersion: number | null;
  organizationId: string;
  institutionId: string;
  communityId: string;
}

@InputType({ description: 'Starts cultivating an organization.' })
export class StartCultivationInput {
  @Field(() => ID, { description: 'The organization to cultivate; it must not be under cultivation already.' })
  @IsUUID('all', { message: 'organizationId must be a UUID' })
  organizationId: string;
  @Field(() => ID, { description: 'The institution that cultivates it.' })
  @IsUUID('all', { message: 'institutionId must be a UUID' })
  institutionId: string;
  @Field(() => GraphQLISODateTime, { description: 'When the formation stage is due; must be in the future.' })
  @Type(() => Date)
  @IsDate({ message: 'formationDeadline must be a date-time' })
  @MinDate(() => new Date(), { message: 'formationDeadline must be in the future' })
  formationDeadline: Date;
}

@InputType({ description: 'Filters for the cultivation list; all optional, combined with AND.' })
export class CultivationFilter {
  @Field(() => ID, { nullable: true, description: 'Only those in this district.' }) @IsOptional() @IsUUID('all', { message: 'districtId must be a UUID' }) districtId?: string;
  @Field(() => ID, { nullable: true, description: 'Only those in this street.' }) @IsOptional() @IsUUID('all', { message: 'streetId must be a UUID' }) streetId?: string;
  @Field(() => ID, { nullable: true, description: 'Only those run by this institution.' }) @IsOptional() @IsUUID('all', { message: 'institutionId must be a UUID' }) institutionId?: string;
  @Field(() => ID, { nullable: true, description: 'Only those in this community.' }) @IsOptional() @IsUUID('all', { message: 'communityId must be a UUID' }) communityId?: string;
  @Field(() => OrganizationCategoryEnum, { nullable: true, description: "Only those of organizations of this category." }) @IsOptional() @IsIn(ORGANIZATION_CATEGORIES) category?: OrganizationCategory;
  @Field(() => StageEnum, { nullable: true, description: 'Only those in this stage.' }) @IsOptional() @IsIn(STAGES) stage?: Stage;
  @Field(() => CultivationStatusEnum, { nullable: true, description: 'Only those of this status.' }) @IsOptional() @IsIn(CULTIVATION_STATUSES) status?: CultivationStatus;
  @Field({ nullable: true, description: 'Only those past their stage deadline (true) or not (false).' }) @IsOptional() @IsBoolean() overdue?: boolean;
  @Field({ nullable: true, description: 'Only those with an open escalation (true) or without (false).' }) @IsOptional() @IsBoolean() escalated?: boolean;
  @Field(() => Int, { nullable: true, description: 'Only those escalated to at least this level.' }) @IsOptional() @IsInt() @Min(1) minEscalationLevel?: number;
}

@InputType({ description: 'Approves the gate of the current stage; the next stage starts.' })
export class ApproveGateInput {
  @Field(() => ID) @IsUUID('all', { message: 'cultivationId must be a UUID' }) cultivationId: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) note?: string | null;
}

@InputType({ description: 'Moves the current stage deadline later, within policy, with a reason on the record.' })
export class ExtendDeadlineInput {
  @Field(() => ID) @IsUUID('all', { message: 'cultivationId must be a UUID' }) cultivationId: string;
  @Field(() => GraphQLISODateTime) @Type(() => Date) @IsDate({ message: 'newDeadline must be a date-time' }) newDeadline: Date;
  @Field() @IsNotEmpty({ message: 'reason must not be empty' }) @MaxLength(2000) reason: string;
}

@InputType({ description: 'Pauses work on a cultivation: the stage clock stops.' })
export class PauseCultivationInput {
  @Field(() => ID) @IsUUID('all', { message: 'cultivationId must be a UUID' }) cultivationId: string;
  @Field() @IsNotEmpty({ message: 'reason must not be empty' }) @MaxLength(2000) reason: string;
}

@InputType({ description: 'A cultivation, by id.' })
export class CultivationRefInput {
  @Field(() => ID) @IsUUID('all', { message: 'cultivationId must be a UUID' }) cultivationId: string;
}

@InputType({ description: 'Acknowledges an escalation at its current level, with a plan.' })
export class AcknowledgeEscalationInput {
  @Field(() => ID) @IsUUID('all', { message: 'escalationId must be a UUID' }) escalationId: string;
  @Field() @IsNotEmpty({ message: 'plan must not be empty' }) @MaxLength(4000) plan: string;
}

@InputType({ description: 'Flags that the activities drift from the demand the needs analysis found.' })
export class FlagDeviationInput {
  @Field(() => ID) @IsUUID('all', { message: 'cultivationId must be a UUID' }) cultivationId: string;
  @Field() @IsNotEmpty({ message: 'note must not be empty' }) @MaxLength(4000) note: string;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the correction plan is due; by default the policy period from now.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'correctionDueAt must be a date-time' })
  correctionDueAt?: Date | null;
}

@InputType({ description: 'The correction plan for a flagged deviation.' })
export class SubmitCorrectionPlanInput {
  @Field(() => ID) @IsUUID('all', { message: 'cultivationId must be a UUID' }) cultivationId: string;
  @Field() @IsNotEmpty({ message: 'plan must not be empty' }) @MaxLength(4000) plan: string;
}

@InputType({ description: 'Ends a cultivation early, with a reason.' })
export class TerminateCultivationInput {
  @Field(() => ID) @IsUUID('all', { message: 'cultivationId must be a UUID' }) cultivationId: string;
  @Field() @IsNotEmpty({ message: 'reason must not be empty' }) @MaxLength(2000) reason: string;
}

@ObjectType('ProcessPolicyVersion', { description: 'A stored version of a process policy.' })
export class ProcessPolicyVersion {
  @Field(() => ID, { nullable: true, description: 'The district it applies to; null for the city-wide policy.' }) districtId: string | null;
  @Field(() => Int, { description: 'Its version number, counted per district (and city-wide); 1 is the built-in default.' }) version: number;
  @Field({ description: 'The policy document as JSON: stage durations and gate criteria per category, the escalation ladder, pause and correction limits, the direction watch that flags deviations by itself (all durations in seconds).' })
  document: string;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was stored; null for the built-in default.' })
  storedAt?: Date | null;
  @Field(() => ID, { nullable: true, description: 'The user who stored it; null for the built-in default.' })
  storedByUserId?: string | null;
  @Field(() => String, { nullable: true, description: 'Their username; null for the built-in default or a user no longer known.' })
  storedByUsername?: string | null;
}

@InputType({ description: 'Stores a new version of a process policy; open cultivations keep the gate criteria and ladder of the version their current stage was entered with, and recompute their deadlines with its durations.' })
export class SetProcessPolicyInput {
  @Field(() => ID, { nullable: true, description: "A district's own policy; omit for the city-wide one." })
  @IsOptional()
  @IsUUID('all', { message: 'districtId must be a UUID' })
  districtId?: string | null;
  @Field({ description: 'The policy document as JSON, in the shape of ProcessPolicyVersion.document (its version is assigned here).' })
  @IsNotEmpty({ message: 'document must not be empty' })
  document: string;
}

@ObjectType('Notification', { description: "An item of the signed-in user's in-app inbox." })
export class Notification {
  @Field(() => ID) id: string;
  @Field({ description: 'ESCALATION (an escalation reached your level) or APPROVAL_REQUEST (a stage gate you may approve is met).' }) kind: string;
  @Field(() => ID, { description: 'The cultivation concerned.' }) cultivationId: string;
  @Field(() => ID, { nullable: true, description: 'The escalation concerned, for ESCALATION.' }) escalationId: string | null;
  @Field({ description: 'One line in English; the app words it from kind and details in the reader\'s language.' }) summary: string;
  @Field({ description: 'Kind-specific facts as JSON: type, stage, level and due time for escalations; the stage for approval requests.' }) details: string;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the user marked it read.' }) readAt: Date | null;
}

@ObjectType('EscalationAsOf', { description: 'An escalation as it stood at a past instant.' })
export class EscalationAsOf {
  @Field() key: string;
  @Field(() => EscalationTypeEnum) type: EscalationType;
  @Field(() => StageEnum) stage: Stage;
  @Field(() => Int) level: number;
  @Field(() => EscalationStatusEnum) status: EscalationStatus;
}

@ObjectType('CultivationAsOf', { description: 'A cultivation as it stood at a past instant, rebuilt from its recorded process events.' })
export class CultivationAsOf {
  @Field(() => ID) cultivationId: string;
  @Field(() => GraphQLISODateTime) asOf: Date;
  @Field(() => StageEnum, { nullable: true, description: 'Null before the cultivation started.' }) stage: Stage | null;
  @Field(() => CultivationStatusEnum) status: CultivationStatus;
  @Field(() => GraphQLISODateTime, { nullable: true }) stageDeadline: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Since when it was paused, if it was.' }) pausedSince: Date | null;
  @Field(() => [EscalationAsOf], { description: 'Every escalation raised by then, with its level and status then.' }) escalations: EscalationAsOf[];
  @Field(() => Int, { description: 'How many recorded events the snapshot is built from.' }) eventCount: number;
}
