import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { STAGES, type Stage } from '@peiyu/contracts';

export const StageEnum = Object.fromEntries(STAGES.map((s) => [s, s])) as { [S in Stage]: S };
registerEnumType(StageEnum, {
  name: 'Stage',
  description: 'The stage of a cultivation (培育).',
  valuesMap: {
    FORMATION: { description: '组建期: needs investigation, demand analysis, recruitment.' },
    GROWTH: { description: '成长期: building the capacity of leaders, members and the organization.' },
    MATURITY: { description: '成熟期: measured against its category rubric; filing (备案).' },
    WITHDRAWAL: { description: '退出期: the institution steps back and hands over.' },
    COMPLETED: { description: 'The cultivation has ended with the organization running on its own.' },
  },
});

@ObjectType('StageCount', { description: 'One bar of the stage funnel: how many cultivations are in a stage now.' })
export class StageCount {
  @Field(() => StageEnum, { description: 'The stage.' }) stage: Stage;
  @Field(() => Int, {
    description:
      'The number of cultivations whose current stage is this one in the analytics read model: each cultivation.started event ' +
      'adds one in its stage, each cultivation.stage-changed event moves it to its `to` stage. Eventually consistent: events ' +
      'are projected from the cultivation outbox about every 500 ms.',
  })
  count: number;
}
