import { Directive, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { Connection, SORT_DIRECTIONS, SortDirectionEnum, type SortDirection } from '@peiyu/platform-nest';

@ObjectType('District', { description: 'A district (区): the unit a district government buys cultivation services for.' })
@Directive('@key(fields: "id")')
export class District {
  @Field(() => ID) id: string;
  @Field({ description: 'Display name, e.g. 示范区.' }) name: string;
  @Field({ description: 'Short unique code used in reports and imports.' }) code: string;
  @Field(() => GraphQLISODateTime, { description: 'When the district was recorded.' }) createdAt: Date;
  @Field(() => Int, { description: 'The version of this record, raised by each change; pass it to updateDistrict.' }) version: number;
}

@ObjectType('DistrictProgrammeManager', { description: 'A programme manager (项目主管) assigned to a district: a user of that role with the district in their scopes.' })
export class DistrictProgrammeManager {
  @Field({ description: 'The name shown for the user.' }) displayName: string;
  @Field({ description: 'The username the user signs in with.' }) username: string;
}

@ObjectType('Street', { description: 'A street or subdistrict (街道) of a district; its street office files CSOs.' })
@Directive('@key(fields: "id")')
export class Street {
  @Field(() => ID) id: string;
  @Field({ description: 'Display name.' }) name: string;
  @Field(() => ID, { description: 'The district this street belongs to.' }) districtId: string;
  @Field(() => Int, { description: 'The version of this record, raised by each change; pass it to updateStreet.' }) version: number;
}

@ObjectType('Community', { description: 'A residential community (社区), where community social organizations live.' })
@Directive('@key(fields: "id")')
export class Community {
  @Field(() => ID) id: string;
  @Field({ description: 'Display name.' }) name: string;
  @Field(() => ID, { description: 'The street this community belongs to.' }) streetId: string;
  @Field(() => ID, { description: 'The district this community belongs to.' }) districtId: string;
  @Field(() => Int, { nullable: true, description: 'Residents; null when not known.' }) population: number | null;
  @Field(() => Int, { nullable: true, description: 'Households; null when not known.' }) households: number | null;
  @Field(() => String, { nullable: true, description: "Postal address of the community (its residents' committee); null when not known." }) address: string | null;
  @Field(() => GraphQLISODateTime, { description: 'When the community was recorded.' }) createdAt: Date;
  @Field(() => Int, { description: 'The version of this record, raised by each change; pass it to updateCommunity.' }) version: number;
}

@InputType({ description: 'A new district.' })
export class CreateDistrictInput {
  @Field() @IsNotEmpty({ message: 'name must not be empty' }) @MaxLength(100) name: string;
  @Field({ description: 'Letters, digits and dashes, 2 to 32 characters.' })
  @Matches(/^[A-Za-z0-9-]{2,32}$/, { message: 'code must be 2 to 32 letters, digits or dashes' })
  code: string;
}

@InputType({ description: 'A new street in an existing district.' })
export class CreateStreetInput {
  @Field(() => ID) @IsUUID('all', { message: 'districtId must be a UUID' }) districtId: string;
  @Field() @IsNotEmpty({ message: 'name must not be empty' }) @MaxLength(100) name: string;
}

@InputType({ description: 'A new community in an existing street.' })
export class CreateCommunityInput {
  @Field(() => ID) @IsUUID('all', { message: 'streetId must be a UUID' }) streetId: string;
  @Field() @IsNotEmpty({ message: 'name must not be empty' }) @MaxLength(100) name: string;
}

const VERSION_DESCRIPTION = 'The version read; CONFLICT when the record has changed since, and nothing is written.';

@InputType({ description: 'A change of name of a district, at the version read.' })
export class UpdateDistrictInput {
  @Field(() => ID, { description: 'The district.' }) @IsUUID('all', { message: 'id must be a UUID' }) id: string;
  @Field(() => Int, { description: VERSION_DESCRIPTION }) @IsInt({ message: 'version must be an integer' }) @Min(1, { message: 'version must be at least 1' }) version: number;
  @Field({ description: 'The new name, 1 to 100 characters, not blank.' })
  @Matches(/\S/, { message: 'name must not be blank' }) @MaxLength(100, { message: 'name must be at most 100 characters' }) name: string;
}

@InputType({ description: 'A change of name of a street, at the version read.' })
export class UpdateStreetInput {
  @Field(() => ID, { description: 'The street.' }) @IsUUID('all', { message: 'id must be a UUID' }) id: string;
  @Field(() => Int, { description: VERSION_DESCRIPTION }) @IsInt({ message: 'version must be an integer' }) @Min(1, { message: 'version must be at least 1' }) version: number;
  @Field({ description: 'The new name, unique within the district, 1 to 100 characters, not blank.' })
  @Matches(/\S/, { message: 'name must not be blank' }) @MaxLength(100, { message: 'name must be at most 100 characters' }) name: string;
}

@InputType({ description: 'A change of a community, at the version read; fields not given stay as they are, null clears population, households or address.' })
export class UpdateCommunityInput {
  @Field(() => ID, { description: 'The community.' }) @IsUUID('all', { message: 'id must be a UUID' }) id: string;
  @Field(() => Int, { description: VERSION_DESCRIPTION }) @IsInt({ message: 'version must be an integer' }) @Min(1, { message: 'version must be at least 1' }) version: number;
  @Field(() => String, { nullable: true, description: 'The new name, unique within the street, 1 to 100 characters, not blank; null keeps it.' })
  @IsOptional() @Matches(/\S/, { message: 'name must not be blank' }) @MaxLength(100, { message: 'name must be at most 100 characters' }) name?: string | null;
  @Field(() => Int, { nullable: true, description: 'Residents, 0 to 10000000.' })
  @IsOptional() @IsInt({ message: 'population must be an integer' }) @Min(0, { message: 'population must not be negative' }) @Max(10_000_000, { message: 'population must be at most 10000000' }) population?: number | null;
  @Field(() => Int, { nullable: true, description: 'Households, 0 to 5000000, at most the population when both are known.' })
  @IsOptional() @IsInt({ message: 'households must be an integer' }) @Min(0, { message: 'households must not be negative' }) @Max(5_000_000, { message: 'households must be at most 5000000' }) households?: number | null;
  @Field(() => String, { nullable: true, description: 'Postal address, up to 300 characters.' })
  @IsOptional() @MaxLength(300, { message: 'address must be at most 300 characters' }) address?: string | null;
}

export const DistrictSortFieldEnum = { NAME: 'NAME', CODE: 'CODE', CREATED_AT: 'CREATED_AT' } as const;
export type DistrictSortField = keyof typeof DistrictSortFieldEnum;
registerEnumType(DistrictSortFieldEnum, { name: 'DistrictSortField', description: 'What districts can be sorted by.' });

export const CommunitySortFieldEnum = { NAME: 'NAME', CREATED_AT: 'CREATED_AT', POPULATION: 'POPULATION' } as const;
export type CommunitySortField = keyof typeof CommunitySortFieldEnum;
registerEnumType(CommunitySortFieldEnum, { name: 'CommunitySortField', description: 'What communities can be sorted by (POPULATION puts unknown ones first ascending, last descending).' });

@ObjectType('DistrictConnection', { description: 'A page of districts, with the total matching the filter.' })
export class DistrictConnection extends Connection(District, 'District') {}

@ObjectType('CommunityConnection', { description: 'A page of communities, with the total matching the filter.' })
export class CommunityConnection extends Connection(Community, 'Community') {}

@InputType({ description: 'Which districts to list; every given condition must hold.' })
export class DistrictFilter {
  @Field(() => String, { nullable: true, description: 'Only those whose name or code contains this text (case-insensitive).' })
  @IsOptional() @IsNotEmpty({ message: 'search must not be empty' }) @MaxLength(100) search?: string | null;
}

@InputType({ description: 'The order of a district connection.' })
export class DistrictSort {
  @Field(() => DistrictSortFieldEnum, { description: 'The field sorted on; ties go by id.' })
  @IsOptional() @IsIn(Object.keys(DistrictSortFieldEnum), { message: 'field must be NAME, CODE or CREATED_AT' }) field: DistrictSortField;
  @Field(() => SortDirectionEnum, { defaultValue: 'ASC', description: 'Ascending or descending; ASC when not given.' })
  @IsOptional() @IsIn(SORT_DIRECTIONS, { message: 'direction must be ASC or DESC' }) direction: SortDirection;
}

@InputType({ description: 'Which communities to list; every given condition must hold.' })
export class CommunityFilter {
  @Field(() => ID, { nullable: true, description: 'Only those of this district.' })
  @IsOptional() @IsUUID('all', { message: 'districtId must be a UUID' }) districtId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only those of this street.' })
  @IsOptional() @IsUUID('all', { message: 'streetId must be a UUID' }) streetId?: string | null;
  @Field(() => String, { nullable: true, description: 'Only those whose name contains this text (case-insensitive).' })
  @IsOptional() @IsNotEmpty({ message: 'nameContains must not be empty' }) @MaxLength(100) nameContains?: string | null;
  @Field(() => Int, { nullable: true, description: 'Only those with at least this many residents (unknown population excluded).' })
  @IsOptional() @IsInt({ message: 'minPopulation must be an integer' }) @Min(0, { message: 'minPopulation must not be negative' }) minPopulation?: number | null;
}

@InputType({ description: 'The order of a community connection.' })
export class CommunitySort {
  @Field(() => CommunitySortFieldEnum, { description: 'The field sorted on; ties go by id.' })
  @IsOptional() @IsIn(Object.keys(CommunitySortFieldEnum), { message: 'field must be NAME, CREATED_AT or POPULATION' }) field: CommunitySortField;
  @Field(() => SortDirectionEnum, { defaultValue: 'ASC', description: 'Ascending or descending; ASC when not given.' })
  @IsOptional() @IsIn(SORT_DIRECTIONS, { message: 'direction must be ASC or DESC' }) direction: SortDirection;
}
