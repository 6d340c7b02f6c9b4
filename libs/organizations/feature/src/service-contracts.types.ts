import { Directive, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsInt, IsOptional, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import type { Role } from '@peiyu/contracts';
import { RoleEnum } from '@peiyu/platform-nest';
import { IsCalendarDate } from './calendar-date.js';

@ObjectType('Street', { description: 'A street, owned by communities-service.' })
@Directive('@key(fields: "id")')
export class StreetRef {
  @Field(() => ID, { description: 'The street id, as communities-service issues it.' }) id: string;
}

@ObjectType({
  description:
    "A district's contract buying an institution's services (政府购买服务) for a period, over the whole district or some of its streets. While in force, the institution's staff work in that area: they see its communities, organizations and surveys and may record new ones there.",
})
export class ServiceContract {
  @Field(() => ID) id: string;
  @Field({ description: "The contract's number or title, unique within its district." }) reference: string;
  @Field(() => ID, { description: 'The institution whose services are bought.' }) institutionId: string;
  @Field(() => ID, { description: 'The district that buys them.' }) districtId: string;
  @Field(() => [ID], { description: 'The streets of the district it covers; empty when it covers the whole district.' }) streetIds: string[];
  @Field({ description: 'The first day it is in force, YYYY-MM-DD.' }) startsOn: string;
  @Field({ description: 'The last day it is in force, YYYY-MM-DD.' }) endsOn: string;
  @Field(() => GraphQLISODateTime, { description: 'When it was recorded.' }) createdAt: Date;
  @Field(() => Int, { description: 'The version of this record, raised by each change; pass it to setServiceContractEnd.' }) version: number;
}

@InputType({ description: 'A new service contract between a district and an institution.' })
export class RecordServiceContractInput {
  @Field(() => ID) @IsUUID('all', { message: 'institutionId must be a UUID' }) institutionId: string;
  @Field(() => ID) @IsUUID('all', { message: 'districtId must be a UUID' }) districtId: string;
  @Field(() => [ID], { nullable: true, description: 'The streets of the district it covers; the whole district when empty or not given.' })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'streetIds must be UUIDs' })
  streetIds?: string[] | null;
  @Field({ description: "The contract's number or title, unique within the district." })
  @Matches(/\S/, { message: 'reference must not be blank' })
  @MaxLength(100)
  reference: string;
  @Field({ description: 'The first day in force, YYYY-MM-DD.' }) @IsCalendarDate() startsOn: string;
  @Field({ description: 'The last day in force, YYYY-MM-DD; not before startsOn.' }) @IsCalendarDate() endsOn: string;
}

@InputType({ description: "Moves a contract's last day: ends it early, or extends it." })
export class SetServiceContractEndInput {
  @Field(() => ID) @IsUUID('all', { message: 'id must be a UUID' }) id: string;
  @Field(() => Int, { description: 'The version read; CONFLICT when it has changed since.' }) @IsInt() @Min(1) version: number;
  @Field({ description: 'The new last day in force, YYYY-MM-DD; not before the first day.' }) @IsCalendarDate() endsOn: string;
}

@ObjectType({ description: "A member of an institution's staff: a user whose scopes name the institution." })
export class InstitutionStaffMember {
  @Field(() => ID, { description: 'The user.' }) userId: string;
  @Field({ description: 'Their display name.' }) displayName: string;
  @Field(() => RoleEnum, { description: 'INSTITUTION_DIRECTOR, SUPERVISOR or SOCIAL_WORKER.' }) role: Role;
}
