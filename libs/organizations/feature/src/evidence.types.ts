import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ACTIVITY_KINDS, type ActivityKind } from '@peiyu/organizations-data-access';
import { IsCalendarDate, NotInFuture } from './calendar-date.js';

export const ActivityKindEnum = Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, k])) as { [K in ActivityKind]: K };
registerEnumType(ActivityKindEnum, {
  name: 'ActivityKind',
  description: 'What an activity of a community social organization was for; the stage gates count them by kind.',
  valuesMap: {
    INTEREST_ACTIVITY: { description: '兴趣活动: a community activity built on residents’ interests.' },
    RECRUITMENT: { description: '招募: recruiting members.' },
    TRAINING: { description: '培训: building the capacity of leaders and members.' },
    MEETING: { description: '会议: a meeting of the members, planning or electing.' },
    SERVICE: { description: '服务: the organization serving residents.' },
  },
});

@ObjectType('Member', { description: 'A member (成员) of a community social organization; one who left stays listed as a former member.' })
export class Member {
  @Field(() => ID, { description: 'The member id.' }) id: string;
  @Field(() => ID, { description: 'The organization the member belongs to.' }) organizationId: string;
  @Field({ description: 'Full name.' }) name: string;
  @Field(() => String, { nullable: true, description: 'A contact phone number; null when not given.' }) phone: string | null;
  @Field({ description: 'The day the member joined, YYYY-MM-DD.' }) joinedOn: string;
  @Field(() => String, { nullable: true, description: 'The day the member left, YYYY-MM-DD; null while a member.' }) leftOn: string | null;
  @Field({ description: 'Whether the member is a leader, a core member (骨干).' }) isLeader: boolean;
}

@ObjectType('Activity', { description: 'An activity (活动) a community social organization held.' })
export class Activity {
  @Field(() => ID, { description: 'The activity id.' }) id: string;
  @Field(() => ID, { description: 'The organization that held it.' }) organizationId: string;
  @Field(() => ActivityKindEnum, { description: 'What it was for.' }) kind: ActivityKind;
  @Field({ description: 'What it was called, e.g. 重阳节敬老茶话会.' }) title: string;
  @Field({ description: 'The day it was held, YYYY-MM-DD.' }) heldOn: string;
  @Field(() => Float, { description: 'How long it lasted, in hours: more than 0, at most 24, two decimals.' }) hours: number;
  @Field(() => Int, { description: 'How many people took part, residents who are not members included.' }) participants: number;
}

@ObjectType('Charter', { description: 'The charter (章程) an organization adopted and has in force.' })
export class Charter {
  @Field(() => ID, { description: 'The charter id; a new one each time a charter is adopted.' }) id: string;
  @Field(() => ID, { description: 'The organization that adopted it.' }) organizationId: string;
  @Field({ description: 'The day it was adopted, YYYY-MM-DD.' }) adoptedOn: string;
  @Field(() => String, { nullable: true, description: 'Its text; null when only a file reference was recorded.' }) text: string | null;
  @Field(() => String, { nullable: true, description: 'Where the signed document is kept; null when not given.' }) fileReference: string | null;
  @Field(() => GraphQLISODateTime, { description: 'When it was recorded.' }) createdAt: Date;
}

@ObjectType('Filing', { description: 'The filing record (备案) of an organization with its street office.' })
export class Filing {
  @Field(() => ID, { description: 'The filing record id.' }) id: string;
  @Field(() => ID, { description: 'The organization filed.' }) organizationId: string;
  @Field({ description: 'The filing number the authority issued; unique per authority.' }) number: string;
  @Field({ description: 'The day it was filed, YYYY-MM-DD.' }) filedOn: string;
  @Field({ description: 'Who filed it, usually a street office (街道办事处).' }) authority: string;
  @Field(() => GraphQLISODateTime, { description: 'When it was recorded.' }) createdAt: Date;
}

const NOT_BLANK = /\S/;

@InputType({ description: 'A new member of an organization.' })
export class AddMemberInput {
  @Field(() => ID, { description: 'The organization joined.' })
  @IsUUID('all', { message: 'organizationId must be a UUID' })
  organizationId: string;
  @Field({ description: 'Full name; 1 to 100 characters, not blank.' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  @MaxLength(100, { message: 'name must be at most 100 characters' })
  name: string;
  @Field(() => String, { nullable: true, description: 'A contact phone number: digits, spaces and dashes, an optional leading +; optional.' })
  @IsOptional()
  @IsString()
  @Matches(/^\+?\d[\d -]{2,19}$/, { message: 'phone must be 3 to 20 digits, spaces or dashes' })
  phone?: string | null;
  @Field({ description: 'The day the member joined, YYYY-MM-DD; not in the future.' })
  @IsCalendarDate()
  @NotInFuture()
  joinedOn: string;
  @Field(() => Boolean, { nullable: true, description: 'Whether the member is a leader (骨干); false when not given.' })
  @IsOptional()
  @IsBoolean({ message: 'isLeader must be true or false' })
  isLeader?: boolean | null;
}

@InputType({ description: 'A member leaving an organization.' })
export class MemberLeftInput {
  @Field(() => ID, { description: 'The member who left; must still be a member.' })
  @IsUUID('all', { message: 'memberId must be a UUID' })
  memberId: string;
  @Field({ description: 'The day the member left, YYYY-MM-DD: not in the future, not before joining, after every activity they attended.' })
  @IsCalendarDate()
  @NotInFuture()
  leftOn: string;
}

@InputType({ description: 'Makes a member a leader (骨干), or no longer one.' })
export class SetMemberLeaderInput {
  @Field(() => ID, { description: 'The member; must still be a member to become a leader.' })
  @IsUUID('all', { message: 'memberId must be a UUID' })
  memberId: string;
  @Field({ description: 'Whether the member is a leader.' })
  @IsBoolean({ message: 'isLeader must be true or false' })
  isLeader: boolean;
}

@InputType({ description: 'An activity an organization held.' })
export class RecordActivityInput {
  @Field(() => ID, { description: 'The organization that held it.' })
  @IsUUID('all', { message: 'organizationId must be a UUID' })
  organizationId: string;
  @Field(() => ActivityKindEnum, { description: 'What it was for.' })
  @IsIn(ACTIVITY_KINDS, { message: `kind must be one of ${ACTIVITY_KINDS.join(', ')}` })
  kind: ActivityKind;
  @Field({ description: 'What it was called; 1 to 200 characters, not blank.' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title: string;
  @Field({ description: 'The day it was held, YYYY-MM-DD; not in the future.' })
  @IsCalendarDate()
  @NotInFuture()
  heldOn: string;
  @Field(() => Float, { description: 'How long it lasted, in hours: more than 0, at most 24, at most two decimals.' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, { message: 'hours must be a number with at most two decimals' })
  @IsPositive({ message: 'hours must be more than 0' })
  @Max(24, { message: 'hours must be at most 24' })
  hours: number;
  @Field(() => Int, { description: 'How many people took part, residents who are not members included; at least the number of attendees.' })
  @IsInt({ message: 'participants must be a whole number' })
  @Min(0, { message: 'participants must not be negative' })
  @Max(100000, { message: 'participants must be at most 100000' })
  participants: number;
  @Field(() => [ID], {
    defaultValue: [],
    description: 'The members of the organization who attended, each once; each must have been a member on the day. None when not given.',
  })
  @IsArray({ message: 'attendeeIds must be a list' })
  @ArrayMaxSize(1000, { message: 'attendeeIds must name at most 1000 members' })
  @ArrayUnique({ message: 'attendeeIds must not name a member twice' })
  @IsUUID('all', { each: true, message: 'attendeeIds must be UUIDs' })
  attendeeIds: string[];
}

@InputType({ description: 'A charter an organization adopted; it replaces the charter in force, which is kept as history.' })
export class AdoptCharterInput {
  @Field(() => ID, { description: 'The organization that adopted it.' })
  @IsUUID('all', { message: 'organizationId must be a UUID' })
  organizationId: string;
  @Field({ description: 'The day it was adopted, YYYY-MM-DD: not in the future, not before the charter it replaces.' })
  @IsCalendarDate()
  @NotInFuture()
  adoptedOn: string;
  @Field(() => String, { nullable: true, description: 'Its text, up to 50000 characters; it or fileReference must be given.' })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: 'text must not be blank' })
  @MaxLength(50000, { message: 'text must be at most 50000 characters' })
  text?: string | null;
  @Field(() => String, { nullable: true, description: 'Where the signed document is kept, up to 500 characters; it or text must be given.' })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: 'fileReference must not be blank' })
  @MaxLength(500, { message: 'fileReference must be at most 500 characters' })
  fileReference?: string | null;
}

@InputType({ description: 'The filing record (备案) of an organization; once per organization. The organization becomes FILED.' })
export class RecordFilingInput {
  @Field(() => ID, { description: 'The organization filed; must not be filed already, nor dissolved.' })
  @IsUUID('all', { message: 'organizationId must be a UUID' })
  organizationId: string;
  @Field({ description: 'The filing number the authority issued; 1 to 100 characters, unique per authority.' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'number must not be blank' })
  @MaxLength(100, { message: 'number must be at most 100 characters' })
  number: string;
  @Field({ description: 'The day it was filed, YYYY-MM-DD; not in the future.' })
  @IsCalendarDate()
  @NotInFuture()
  filedOn: string;
  @Field({ description: 'Who filed it, usually a street office (街道办事处); 1 to 200 characters.' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'authority must not be blank' })
  @MaxLength(200, { message: 'authority must be at most 200 characters' })
  authority: string;
}
