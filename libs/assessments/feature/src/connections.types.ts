import { Field, GraphQLISODateTime, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsDate, IsIn, IsNotEmpty, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Connection, SORT_DIRECTIONS, SortDirectionEnum, type SortDirection } from '@peiyu/platform-nest';
import { NeedsSurvey } from './assessments.types.js';

export const NeedsSurveySortFieldEnum = { CREATED_AT: 'CREATED_AT', TITLE: 'TITLE' } as const;
export type NeedsSurveySortField = keyof typeof NeedsSurveySortFieldEnum;
registerEnumType(NeedsSurveySortFieldEnum, { name: 'NeedsSurveySortField', description: 'What needs surveys can be sorted by.' });

@ObjectType('NeedsSurveyConnection', { description: 'A page of needs surveys, with the total matching the filter.' })
export class NeedsSurveyConnection extends Connection(NeedsSurvey, 'NeedsSurvey') {}

@InputType({ description: 'Which needs surveys to list; every given condition must hold.' })
export class NeedsSurveyFilter {
  @Field(() => ID, { nullable: true, description: 'Only those of this community.' })
  @IsOptional() @IsUUID('all', { message: 'communityId must be a UUID' }) communityId?: string | null;
  @Field(() => String, { nullable: true, description: 'Only those whose title contains this text (case-insensitive).' })
  @IsOptional() @IsNotEmpty({ message: 'titleContains must not be empty' }) @MaxLength(200) titleContains?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Only those recorded at or after this instant.' })
  @IsOptional() @IsDate({ message: 'createdFrom must be a date-time' }) createdFrom?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Only those recorded before this instant.' })
  @IsOptional() @IsDate({ message: 'createdBefore must be a date-time' }) createdBefore?: Date | null;
}

@InputType({ description: 'The order of a needs survey connection.' })
export class NeedsSurveySort {
  @Field(() => NeedsSurveySortFieldEnum, { description: 'The field sorted on; ties go by id.' })
  @IsOptional() @IsIn(Object.keys(NeedsSurveySortFieldEnum), { message: 'field must be CREATED_AT or TITLE' }) field: NeedsSurveySortField;
  @Field(() => SortDirectionEnum, { defaultValue: 'ASC', description: 'Ascending or descending; ASC when not given.' })
  @IsOptional() @IsIn(SORT_DIRECTIONS, { message: 'direction must be ASC or DESC' }) direction: SortDirection;
}
