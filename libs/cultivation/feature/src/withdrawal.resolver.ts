import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { HANDOVER_ITEMS, type Identity, type WithdrawalState } from '@peiyu/contracts';
import { CurrentIdentity, requestLoader } from '@peiyu/platform-nest';
import { CultivationService, actorOf } from './cultivation.service.js';
import { Cultivation } from './cultivation.types.js';
import { ConfirmHandoverInput, RecordFinalEvaluationInput, RecordFollowUpInput, Withdrawal, WithdrawalRefInput } from './withdrawal.types.js';

function toGraphQL(state: WithdrawalState): Withdrawal {
  return {
    phase: state.phase,
    handovers: state.handovers.map((h) => ({ item: h.item, takenOverBy: h.takenOverBy, confirmedById: h.confirmedBy.userId, confirmedByRole: h.confirmedBy.role, confirmedAt: new Date(h.confirmedAt) })),
    pendingHandovers: HANDOVER_ITEMS.filter((item) => !state.handovers.some((h) => h.item === item)),
    finalEvaluation: state.finalEvaluation ? { ...state.finalEvaluation, recordedAt: new Date(state.finalEvaluation.recordedAt) } : null,
    followUps: state.followUps.map((f) => ({ ...f, dueAt: new Date(f.dueAt), windowEndsAt: new Date(f.windowEndsAt), recordedAt: f.recordedAt ? new Date(f.recordedAt) : null })),
    reengagements: state.reengagements,
  };
}

/** The withdrawal stage: read from the read model, changed through the withdrawal workflow's updates. */
@Resolver(() => Cultivation)
export class WithdrawalResolver {
  constructor(private readonly service: CultivationService) {}

  @ResolveField(() => Withdrawal, { nullable: true, description: 'The withdrawal stage, once the cultivation has entered it.' })
  async withdrawal(@Parent() cultivation: Cultivation, @Context() ctx: object): Promise<Withdrawal | null> {
    const row = await requestLoader(ctx, 'withdrawalByCultivation', (ids) => this.service.withdrawalOf(ids), (w) => w.cultivationId).load(cultivation.id);
    return row ? toGraphQL(row.state) : null;
  }

  @Mutation(() => Cultivation, { description: 'Steps the institution back one phase: leading > assisting > observing (institution staff).' })
  advanceWithdrawalPhase(@Args('input') input: WithdrawalRefInput, @CurrentIdentity() caller: Identity): Promise<Cultivation> {
    return this.service.withdrawalCommand(input.cultivationId, 'advancePhase', { actor: actorOf(caller) });
  }

  @Mutation(() => Cultivation, { description: 'Confirms a right handed back to the organization, naming who took it over.' })
  confirmHandoverItem(@Args('input') input: ConfirmHandoverInput, @CurrentIdentity() caller: Identity): Promise<Cultivation> {
    return this.service.withdrawalCommand(input.cultivationId, 'confirmHandover', { actor: actorOf(caller), item: input.item, takenOverBy: input.takenOverBy });
  }

  @Mutation(() => Cultivation, {
    description:
      'Records the final evaluation (supervisors), once observing with every right handed over; schedules the follow-ups. Give outcomeEvaluationId (its computed scores are taken) or the three levels; BAD_USER_INPUT naming outcomeEvaluationId when it is unknown or of another cultivation.',
  })
  async recordFinalEvaluation(@Args('input') input: RecordFinalEvaluationInput, @CurrentIdentity() caller: Identity): Promise<Cultivation> {
    return this.service.withdrawalCommand(input.cultivationId, 'recordFinalEvaluation', { actor: actorOf(caller) }, () => this.service.finalEvaluationLevels(input));
  }

  @Mutation(() => Cultivation, {
    description:
      'Records a due follow-up: passed, or failed (support re-engages). All passed: the cultivation completes and the organization is independent. Give followUpCheckId (its result and note are taken) or passed and note; BAD_USER_INPUT naming followUpCheckId when it is unknown, of another cultivation or of another follow-up.',
  })
  async recordFollowUp(@Args('input') input: RecordFollowUpInput, @CurrentIdentity() caller: Identity): Promise<Cultivation> {
    return this.service.withdrawalCommand(input.cultivationId, 'recordFollowUp', { actor: actorOf(caller), index: input.index }, () => this.service.followUpResult(input));
  }
}
