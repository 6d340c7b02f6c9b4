import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { Stage } from '@peiyu/contracts';
import { StageEnum } from '@peiyu/platform-nest';

@ObjectType('StageCount', { description: 'One bar of the stage funnel: how many cultivations are in a stage now.' })
export class StageCount {
  @Field(() => StageEnum, { description: 'The stage.' }) stage: Stage;
  @Field(() => Int, {
    description:
      'The number of cultivations whose current stage is this one in the analytics read model: each cultivation.started event ' +
      'adds one in its stage, each cultivation.stage-changed event moves it to its `to` stage, a cultivation.status-changed to ' +
      'TERMINATED takes it out. Eventually consistent: events ' +
      'are projected from the cultivation outbox about every 500 ms.',
  })
  count: number;
}
