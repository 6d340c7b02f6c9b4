import { Directive, Field, GraphQLISODateTime, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsNotEmpty, IsUUID, Matches, MaxLength } from 'class-validator';

@ObjectType('District', { description: 'A district (区): the unit a district government buys cultivation services for.' })
@Directive('@key(fields: "id")')
export class District {
  @Field(() => ID) id: string;
  @Field({ description: 'Display name, e.g. 示范区.' }) name: string;
  @Field({ description: 'Short unique code used in reports and imports.' }) code: string;
  @Field(() => GraphQLISODateTime, { description: 'When the district was recorded.' }) createdAt: Date;
}

@ObjectType('Street', { description: 'A street or subdistrict (街道) of a district; its street office files CSOs.' })
@Directive('@key(fields: "id")')
export class Street {
  @Field(() => ID) id: string;
  @Field({ description: 'Display name.' }) name: string;
  @Field(() => ID, { description: 'The district this street belongs to.' }) districtId: string;
}

@ObjectType('Community', { description: 'A residential community (社区), where community social organizations live.' })
@Directive('@key(fields: "id")')
export class Community {
  @Field(() => ID) id: string;
  @Field({ description: 'Display name.' }) name: string;
  @Field(() => ID, { description: 'The street this community belongs to.' }) streetId: string;
  @Field(() => ID, { description: 'The district this community belongs to.' }) districtId: string;
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
