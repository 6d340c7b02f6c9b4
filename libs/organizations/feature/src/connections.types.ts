import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { ORGANIZATION_CATEGORIES, ORGANIZATION_STATUSES, type OrganizationCategory, type OrganizationStatus } from '@peiyu/contracts';
import { ACTIVITY_KINDS, type ActivityKind } from '@peiyu/organizations-data-access';
import { Connection, OrganizationCategoryEnum, OrganizationStatusEnum, SORT_DIRECTIONS, SortDirectionEnum, type SortDirection } from '@peiyu/platform-nest';
import { Activity, ActivityKindEnum, Member } from './evidence.types.js';
import { Institution, Organization } from './organizations.types.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const InstitutionSortFieldEnum = { NAME: 'NAME', CREATED_AT: 'CREATED_AT' } as const;
export type InstitutionSortField = keyof typeof InstitutionSortFieldEnum;
registerEnumType(InstitutionSortFieldEnum, { name: 'InstitutionSortField', description: 'What institutions can be sorted by.' });

export const OrganizationSortFieldEnum = { NAME: 'NAME', CREATED_AT: 'CREATED_AT' } as const;
export type OrganizationSortField = keyof typeof OrganizationSortFieldEnum;
registerEnumType(OrganizationSortFieldEnum, { name: 'OrganizationSortField', description: 'What organizations can be sorted by.' });

export const MemberSortFieldEnum = { NAME: 'NAME', JOINED_ON: 'JOINED_ON' } as const;
export type MemberSortField = keyof typeof MemberSortFieldEnum;
registerEnumType(MemberSortFieldEnum, { name: 'MemberSortField', description: 'What members can be sorted by.' });

export const ActivitySortFieldEnum = { HELD_ON: 'HELD_ON', TITLE: 'TITLE' } as const;
export type ActivitySortField = keyof typeof ActivitySortFieldEnum;
registerEnumType(ActivitySortFieldEnum, { name: 'ActivitySortField', description: 'What activities can be sorted by.' });

@ObjectType('InstitutionConnection', { description: 'A page of institutions, with the total matching the filter.' })
export class InstitutionConnection extends Connection(Institution, 'Institution') {}

@ObjectType('OrganizationConnection', { description: 'A page of organizations, with the total matching the filter.' })
export class OrganizationConnection extends Connection(Organization, 'Organization') {}

@ObjectType('MemberConnection', { description: 'A page of the members of one organization, with the total matching the filter.' })
export class MemberConnection extends Connection(Member, 'Member') {}

@ObjectType('ActivityConnection', { description: 'A page of the activities of one organization, with the total matching the filter.' })
export class ActivityConnection extends Connection(Activity, 'Activity') {}

@InputType({ description: 'Which institutions to list; every given condition must hold.' })
export class InstitutionFilter {
  @Field(() => String, { nullable: true, description: 'Only those whose name contains this text (case-insensitive).' })
  @IsOptional() @IsNotEmpty({ message: 'nameContains must not be empty' }) @MaxLength(200) nameContains?: string | null;
}

@InputType({ description: 'The order of an institution connection.' })
export class InstitutionSort {
  @Field(() => InstitutionSortFieldEnum, { description: 'The field sorted on; ties go by id.' })
  @IsOptional() @IsIn(Object.keys(InstitutionSortFieldEnum), { message: 'field must be NAME or CREATED_AT' }) field: InstitutionSortField;
  @Field(() => SortDirectionEnum, { defaultValue: 'ASC', description: 'Ascending or descending; ASC when not given.' })
  @IsOptional() @IsIn(SORT_DIRECTIONS, { message: 'direction must be ASC or DESC' }) direction: SortDirection;
}

@InputType({ description: 'Which organizations to list; every given condition must hold.' })
export class OrganizationFilter {
  @Field(() => ID, { nullable: true, description: 'Only those of this community.' })
  @IsOptional() @IsUUID('all', { message: 'communityId must be a UUID' }) communityId?: string | null;
  @Field(() => OrganizationCategoryEnum, { nullable: true, description: 'Only those of this category.' })
  @IsOptional() @IsIn(ORGANIZATION_CATEGORIES, { message: 'category is not a known category' }) category?: OrganizationCategory | null;
  @Field(() => OrganizationStatusEnum, { nullable: true, description: 'Only those in this status.' })
  @IsOptional() @IsIn(ORGANIZATION_STATUSES, { message: 'status is not a known status' }) status?: OrganizationStatus | null;
  @Field(() => String, { nullable: true, description: 'Only those whose name contains this text (case-insensitive).' })
  @IsOptional() @IsNotEmpty({ message: 'nameContains must not be empty' }) @MaxLength(200) nameContains?: string | null;
}

@InputType({ description: 'The order of an organization connection.' })
export class OrganizationSort {
  @Field(() => OrganizationSortFieldEnum, { description: 'The field sorted on; ties go by id.' })
  @IsOptional() @IsIn(Object.keys(OrganizationSortFieldEnum), { message: 'field must be NAME or CREATED_AT' }) field: OrganizationSortField;
  @Field(() => SortDirectionEnum, { defaultValue: 'ASC', description: 'Ascending or descending; ASC when not given.' })
  @IsOptional() @IsIn(SORT_DIRECTIONS, { message: 'direction must be ASC or DESC' }) direction: SortDirection;
}

@InputType({ description: 'Which members of the organization to list; every given condition must hold.' })
export class MemberFilter {
  @Field(() => Boolean, { nullable: true, description: 'Whether members who left are listed too; false when not given.' })
  @IsOptional() @IsBoolean({ message: 'includeFormer must be true or false' }) includeFormer?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Only leaders (true) or only other members (false).' })
  @IsOptional() @IsBoolean({ message: 'isLeader must be true or false' }) isLeader?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Only those whose name contains this text (case-insensitive).' })
  @IsOptional() @IsNotEmpty({ message: 'nameContains must not be empty' }) @MaxLength(100) nameContains?: string | null;
}

@InputType({ description: 'The order of a member connection.' })
export class MemberSort {
  @Field(() => MemberSortFieldEnum, { description: 'The field sorted on; ties go by id.' })
  @IsOptional() @IsIn(Object.keys(MemberSortFieldEnum), { message: 'field must be NAME or JOINED_ON' }) field: MemberSortField;
  @Field(() => SortDirectionEnum, { defaultValue: 'ASC', description: 'Ascending or descending; ASC when not given.' })
  @IsOptional() @IsIn(SORT_DIRECTIONS, { message: 'direction must be ASC or DESC' }) direction: SortDirection;
}

@InputType({ description: 'Which activities of the organization to list; every given condition must hold.' })
export class ActivityFilter {
  @Field(() => ActivityKindEnum, { nullable: true, description: 'Only those of this kind.' })
  @IsOptional() @IsIn(ACTIVITY_KINDS, { message: 'kind is not a known activity kind' }) kind?: ActivityKind | null;
  @Field(() => String, { nullable: true, description: 'Only those held on or after this day, YYYY-MM-DD.' })
  @IsOptional() @Matches(DATE, { message: 'heldFrom must be a date YYYY-MM-DD' }) heldFrom?: string | null;
  @Field(() => String, { nullable: true, description: 'Only those held on or before this day, YYYY-MM-DD.' })
  @IsOptional() @Matches(DATE, { message: 'heldTo must be a date YYYY-MM-DD' }) heldTo?: string | null;
}

@InputType({ description: 'The order of an activity connection.' })
export class ActivitySort {
  @Field(() => ActivitySortFieldEnum, { description: 'The field sorted on; ties go by id.' })
  @IsOptional() @IsIn(Object.keys(ActivitySortFieldEnum), { message: 'field must be HELD_ON or TITLE' }) field: ActivitySortField;
  @Field(() => SortDirectionEnum, { defaultValue: 'ASC', description: 'Ascending or descending; ASC when not given.' })
  @IsOptional() @IsIn(SORT_DIRECTIONS, { message: 'direction must be ASC or DESC' }) direction: SortDirection;
}

@InputType({ description: 'A change of name of an institution, at the version read.' })
export class UpdateInstitutionInput {
  @Field(() => ID, { description: 'The institution.' }) @IsUUID('all', { message: 'id must be a UUID' }) id: string;
  @Field(() => Int, { description: 'The version read; CONFLICT when it has changed since, and nothing is written.' })
  @IsInt({ message: 'version must be an integer' }) @Min(1, { message: 'version must be at least 1' }) version: number;
  @Field({ description: 'The new name; unique, 1 to 200 characters, not blank.' })
  @Matches(/\S/, { message: 'name must not be blank' }) @MaxLength(200, { message: 'name must be at most 200 characters' }) name: string;
}

@InputType({ description: 'A change of an organization, at the version read; fields not given stay as they are.' })
export class UpdateOrganizationInput {
  @Field(() => ID, { description: 'The organization.' }) @IsUUID('all', { message: 'id must be a UUID' }) id: string;
  @Field(() => Int, { description: 'The version read; CONFLICT when it has changed since, and nothing is written.' })
  @IsInt({ message: 'version must be an integer' }) @Min(1, { message: 'version must be at least 1' }) version: number;
  @Field(() => String, { nullable: true, description: 'The new name; unique within its community, 1 to 200 characters, not blank.' })
  @IsOptional() @Matches(/\S/, { message: 'name must not be blank' }) @MaxLength(200, { message: 'name must be at most 200 characters' }) name?: string | null;
  @Field(() => OrganizationCategoryEnum, { nullable: true, description: 'The new category; only while the organization is FORMING.' })
  @IsOptional() @IsIn(ORGANIZATION_CATEGORIES, { message: 'category is not a known category' }) category?: OrganizationCategory | null;
}

@InputType({ description: 'Records that an organization dissolved (解散): its status becomes DISSOLVED, for good.' })
export class DissolveOrganizationInput {
  @Field(() => ID, { description: 'The organization.' }) @IsUUID('all', { message: 'id must be a UUID' }) id: string;
  @Field(() => Int, { description: 'The version read; CONFLICT when it has changed since, and nothing is written.' })
  @IsInt({ message: 'version must be an integer' }) @Min(1, { message: 'version must be at least 1' }) version: number;
  @Field({ description: 'Why it dissolved; kept on the record.' })
  @Matches(/\S/, { message: 'reason must not be blank' }) @MaxLength(500, { message: 'reason must be at most 500 characters' }) reason: string;
}
