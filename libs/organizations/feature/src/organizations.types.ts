import { Directive, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsIn, IsNotEmpty, IsUUID, MaxLength } from 'class-validator';
import { ORGANIZATION_CATEGORIES, type OrganizationCategory, type OrganizationStatus } from '@peiyu/contracts';
import { OrganizationCategoryEnum, OrganizationStatusEnum } from '@peiyu/platform-nest';



@ObjectType('Community', { description: 'A community, owned by communities-service; organizations are listed on it from here.' })
@Directive('@key(fields: "id")')
export class CommunityRef {
  @Field(() => ID) id: string;
}

@ObjectType('Institution', { description: 'A social work institution (社工机构) that cultivates organizations under service contracts.' })
@Directive('@key(fields: "id")')
export class Institution {
  @Field(() => ID) id: string;
  @Field({ description: 'Registered name, unique.' }) name: string;
  @Field(() => GraphQLISODateTime, { description: 'When the institution was recorded.' }) createdAt: Date;
  @Field(() => Int, { description: 'The version of this record, raised by each change; pass it to updateInstitution.' }) version: number;
}

@ObjectType('Organization', { description: 'A community social organization (社区社会组织), resident-run, in one community.' })
@Directive('@key(fields: "id")')
export class Organization {
  @Field(() => ID) id: string;
  @Field({ description: 'Name, unique within its community.' }) name: string;
  @Field(() => OrganizationCategoryEnum, { description: 'Category; decides the growth and maturity criteria.' }) category: OrganizationCategory;
  @Field(() => OrganizationStatusEnum, { description: 'Current status.' }) status: OrganizationStatus;
  @Field(() => ID, { description: 'The community it belongs to.' }) communityId: string;
  @Field(() => GraphQLISODateTime, { description: 'When the organization was recorded.' }) createdAt: Date;
  @Field(() => Int, { description: 'The version of this record, raised by each change; pass it to updateOrganization.' }) version: number;
}

@ObjectType('District', { description: 'A district, owned by communities-service; its organization count is added from here.' })
@Directive('@key(fields: "id")')
export class DistrictRef {
  @Field(() => ID, { description: 'The district id, as communities-service issues it.' }) id: string;
}

@InputType({ description: 'A new social work institution.' })
export class CreateInstitutionInput {
  @Field() @IsNotEmpty({ message: 'name must not be empty' }) @MaxLength(200) name: string;
}

@InputType({ description: 'A new community social organization, forming.' })
export class CreateOrganizationInput {
  @Field() @IsNotEmpty({ message: 'name must not be empty' }) @MaxLength(200) name: string;
  @Field(() => ID) @IsUUID('all', { message: 'communityId must be a UUID' }) communityId: string;
  @Field(() => OrganizationCategoryEnum)
  @IsIn(ORGANIZATION_CATEGORIES, { message: `category must be one of ${ORGANIZATION_CATEGORIES.join(', ')}` })
  category: OrganizationCategory;
}
