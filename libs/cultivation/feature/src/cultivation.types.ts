import { Directive, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsDate, IsUUID, MinDate } from 'class-validator';
import { Type } from 'class-transformer';
import {
  CULTIVATION_STATUSES,
  ESCALATION_STATUSES,
  ESCALATION_TYPES,
  STAGES,
  type CultivationStatus,
  type EscalationStatus,
  type EscalationType,
  type Stage,
} from '@peiyu/contracts';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const StageEnum = enumOf(STAGES);
registerEnumType(StageEnum, {
  name: 'Stage',
  description: 'The stages of a cultivation, in order.',
  valuesMap: {
    FORMATION: { description: '组建期: needs investigation, demand analysis, activities, recruitment.' },
    GROWTH: { description: '成长期: capacity building of leaders, members and the organization.' },
    MATURITY: { description: '成熟期: the category standard is met and the organization is filed.' },
    WITHDRAWAL: { description: '退出期: the institution steps back and hands rights over.' },
    COMPLETED: { description: 'The organization runs on its own.' },
  },
});
export const CultivationStatusEnum = enumOf(CULTIVATION_STATUSES);
registerEnumType(CultivationStatusEnum, { name: 'CultivationStatus', description: 'Whether work on a cultivation is going on.' });
export const EscalationTypeEnum = enumOf(ESCALATION_TYPES);
registerEnumType(EscalationTypeEnum, {
  name: 'EscalationType',
  description: 'The cause of an escalation.',
  valuesMap: {
    DELAY: { description: '延误: a stage overran its deadline.' },
    INTERRUPTION: { description: '中断: work paused too long, or nothing recorded for too long.' },
    DEVIATION: { description: '方向偏离: activities drifted from the analysed demand.' },
    PERFORMANCE: { description: 'Assessment scores under target.' },
  },
});
export const EscalationStatusEnum = enumOf(ESCALATION_STATUSES);
registerEnumType(EscalationStatusEnum, { name: 'EscalationStatus', description: 'Where an escalation stands.' });

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

@ObjectType('Escalation', { description: 'A problem with a cultivation raised to someone who must act on it.' })
export class Escalation {
  @Field(() => ID) id: string;
  @Field(() => ID, { description: 'The cultivation it concerns.' }) cultivationId: string;
  @Field(() => EscalationTypeEnum, { description: 'Its cause.' }) type: EscalationType;
  @Field(() => Int, { description: 'Rung of the escalation ladder, from 1 (the supervisor) upwards.' }) level: number;
  @Field(() => StageEnum, { description: 'The stage the cultivation was in when it was raised.' }) stage: Stage;
  @Field(() => EscalationStatusEnum, { description: 'Open, acknowledged or resolved.' }) status: EscalationStatus;
  @Field(() => GraphQLISODateTime, { description: 'When it was raised.' }) raisedAt: Date;
}

@ObjectType('Cultivation', { description: 'One institution cultivating one community social organization through the four stages.' })
@Directive('@key(fields: "id")')
export class Cultivation {
  @Field(() => ID) id: string;
  @Field({ description: 'The Temporal workflow that runs this cultivation.' }) workflowId: string;
  @Field(() => StageEnum, { description: 'The current stage.' }) stage: Stage;
  @Field(() => CultivationStatusEnum, { description: 'Active, paused or terminated.' }) status: CultivationStatus;
  @Field(() => GraphQLISODateTime, { description: 'When the current stage is due.' }) stageDeadline: Date;
  @Field(() => GraphQLISODateTime, { description: 'When the cultivation started.' }) startedAt: Date;
  @Field(() => Int, { description: 'Highest level of its open escalations; 0 when none is open.' }) escalationLevel: number;
  @Field(() => ID, { description: 'The district of its community.' }) districtId: string;
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
