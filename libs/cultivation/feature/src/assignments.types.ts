import { Field, GraphQLISODateTime, ID, InputType, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsUUID } from 'class-validator';

@ObjectType({ description: 'A social worker assigned to a cultivation: who records its evidence (members, activities, charter).' })
export class AssignedSocialWorker {
  @Field(() => ID, { description: 'The user.' }) userId: string;
  @Field({ description: 'Their display name.' }) displayName: string;
  @Field({ description: 'Their username.' }) username: string;
  @Field(() => GraphQLISODateTime, { description: 'When they were assigned.' }) assignedAt: Date;
}

@InputType({ description: 'The social workers a cultivation is assigned to, replacing those assigned before.' })
export class AssignSocialWorkersInput {
  @Field(() => ID) @IsUUID('all', { message: 'cultivationId must be a UUID' }) cultivationId: string;
  @Field(() => [ID], { description: "SOCIAL_WORKER users of the cultivation's institution; empty to assign no one." })
  @ArrayMaxSize(20)
  @ArrayUnique({ message: 'userIds must not name anyone twice' })
  @IsUUID('all', { each: true, message: 'userIds must be UUIDs' })
  userIds: string[];
}
