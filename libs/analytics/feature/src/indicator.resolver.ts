import { Args, Query, Resolver } from '@nestjs/graphql';
import type { Identity } from '@peiyu/contracts';
import { REPORTING_TIME_ZONE } from '@peiyu/analytics-data-access';
import { CurrentIdentity } from '@peiyu/platform-nest';
import { IndicatorService, MAX_TABLE_ROWS } from './indicator.service.js';
import {
  EscalationIndicatorInput,
  EscalationTable,
  FilingRateTable,
  FollowUpTable,
  IndicatorInput,
  OverdueTable,
  ScoreIndicatorInput,
  OutcomeTable,
  ScoreTable,
  StageFunnelTable,
  TimeInStageTable,
  WithdrawalOutcomeTable,
} from './indicator.types.js';

const COMMON =
  `Counted over the cultivations within the caller's scopes (CITY: all; DISTRICT, STREET, COMMUNITY, INSTITUTION: the cultivations ` +
  `with that district, street, community or institution; what lies outside is left out silently) that the filter keeps; each counted item is placed in the group of its cultivation and in the period ` +
  `(${REPORTING_TIME_ZONE} calendar) holding the instant named above. Groups with nothing in the range are left out (ungrouped, the one ` +
  'group is always there); each group listed has a row for every period. ' +
  `Refused up front with BAD_USER_INPUT naming \`groupBy\` when the table could exceed ${MAX_TABLE_ROWS} rows (the groups of the ` +
  'filtered cultivations running during the range × periods × rows per period), ' +
  'naming the period field when the range is invalid or longer than 120 months. Computed from the analytics read model, which follows the ' +
  'cultivation and organizations outboxes within about a second.';

/** The indicator tables; any signed-in user may read them, over what their scopes cover. */
@Resolver()
export class IndicatorResolver {
  constructor(private readonly indicators: IndicatorService) {}

  @Query(() => StageFunnelTable, {
    description:
      'The stage funnel: for each group, period and stage, the cultivations that entered the stage in the period (at the instant of the ' +
      'cultivation.started or cultivation.stage-changed that entered it), and of those how many have passed it (left it for a later stage, ' +
      'by now) or were terminated in it. A cohort funnel is groupBy COHORT with a range covering the cohorts. ' +
      COMMON,
  })
  stageFunnelIndicator(@Args('input', { type: () => IndicatorInput }) input: IndicatorInput, @CurrentIdentity() caller: Identity): Promise<StageFunnelTable> {
    return this.indicators.stageFunnel(input, caller.scopes);
  }

  @Query(() => TimeInStageTable, {
    description:
      'Time in stage and on-time gate rate: for each group, period and stage (FORMATION to WITHDRAWAL), the stays in the stage completed ' +
      '(left for a later stage) in the period, at the instant of the cultivation.stage-changed that left it; the median and 90th percentile ' +
      'of their durations in days with paused time excluded; and how many of those with a known deadline left by it. ' +
      COMMON,
  })
  timeInStageIndicator(@Args('input', { type: () => IndicatorInput }) input: IndicatorInput, @CurrentIdentity() caller: Identity): Promise<TimeInStageTable> {
    return this.indicators.timeInStage(input, caller.scopes);
  }

  @Query(() => EscalationTable, {
    description:
      'Escalations: for each group and period (and cause and/or highest level reached, with splitBy), the escalations first raised in the ' +
      'period (at the raisedAt of their first cultivation.escalation-raised), how many of them have been acknowledged and resolved by now and ' +
      'how many are open now, and the median days from raised to acknowledged and to resolved. ' +
      COMMON,
  })
  escalationIndicator(
    @Args('input', { type: () => EscalationIndicatorInput }) input: EscalationIndicatorInput,
    @CurrentIdentity() caller: Identity,
  ): Promise<EscalationTable> {
    return this.indicators.escalations(input, caller.scopes);
  }

  @Query(() => OverdueTable, {
    description:
      'Overdue cultivations now and over time: for each group and period, the cultivations running in a working stage at the end of the ' +
      'period (now, for the period in progress) and how many of them were past their stage deadline then, extensions and pauses ' +
      'taken into account; a cultivation counts in the group of its cultivation. Overdue now is the last row of a range ending today. ' +
      COMMON,
  })
  overdueIndicator(@Args('input', { type: () => IndicatorInput }) input: IndicatorInput, @CurrentIdentity() caller: Identity): Promise<OverdueTable> {
    return this.indicators.overdue(input, caller.scopes);
  }

  @Query(() => FilingRateTable, {
    description:
      'Filing rate: for each group and period, the cultivations that entered MATURITY in the period (at the `at` of the ' +
      'cultivation.stage-changed to MATURITY) and how many of their organizations are filed (备案) by now, from the organizations outbox. ' +
      COMMON,
  })
  filingRateIndicator(@Args('input', { type: () => IndicatorInput }) input: IndicatorInput, @CurrentIdentity() caller: Identity): Promise<FilingRateTable> {
    return this.indicators.filingRate(input, caller.scopes);
  }

  @Query(() => FollowUpTable, {
    description:
      'Withdrawal follow-up pass rate: for each group, period and follow-up offset (+1, +3, +6 months by default), the follow-ups that ' +
      'came out in the period (at the `at` of their cultivation.follow-up-recorded event) as passed, failed or missed, and the pass rate ' +
      'of those recorded. ' +
      COMMON,
  })
  followUpIndicator(@Args('input', { type: () => IndicatorInput }) input: IndicatorInput, @CurrentIdentity() caller: Identity): Promise<FollowUpTable> {
    return this.indicators.followUps(input, caller.scopes);
  }

  @Query(() => WithdrawalOutcomeTable, {
    description:
      'Organizations still active after withdrawal: for each group and period, the cultivations completed in the period (at the `at` of ' +
      'the cultivation.stage-changed to COMPLETED) and how many of their organizations have recorded an activity since and are not ' +
      'dissolved, from the organizations outbox. ' +
      COMMON,
  })
  withdrawalOutcomeIndicator(@Args('input', { type: () => IndicatorInput }) input: IndicatorInput, @CurrentIdentity() caller: Identity): Promise<WithdrawalOutcomeTable> {
    return this.indicators.withdrawalOutcome(input, caller.scopes);
  }

  @Query(() => ScoreTable, {
    description:
      'Capacity and maturity assessment scores: for each group, period and kind, the assessments recorded by assessments-service ' +
      '(assessment.recorded) whose day assessed (assessedOn) falls in the period, or with latestOnly the latest of each organization; ' +
      'how many, their mean and median score, the share that passed (score ≥ the pass score of its rubric version), and how many fall ' +
      'in each 20-point score band. Each assessment is placed in the group, and kept or not by the filter and the caller\'s scopes ' +
      "(CITY: all; DISTRICT, STREET, COMMUNITY, INSTITUTION: the assessments whose organization's cultivation has that district, street, " +
      'community or institution; what lies outside is left out silently), of its organization\'s cultivation as ScoreRow says; the ' +
      'assessments of an organization with no cultivation known to analytics are not counted. Groups with nothing in the range are left ' +
      'out (ungrouped, the one group is always there); each group listed has a row for every period and kind. ' +
      `Refused up front with BAD_USER_INPUT naming \`groupBy\` when the table could exceed ${MAX_TABLE_ROWS} rows (the groups of the ` +
      'assessments counted × periods × kinds), naming the period field when the range is invalid or longer than 120 months. Computed from ' +
      'the analytics read model, which follows the assessments and cultivation outboxes within about a second.',
  })
  scoreIndicator(@Args('input', { type: () => ScoreIndicatorInput }) input: ScoreIndicatorInput, @CurrentIdentity() caller: Identity): Promise<ScoreTable> {
    return this.indicators.scores(input, caller.scopes);
  }

  @Query(() => OutcomeTable, {
    description:
      'The three outcome levels: for each group, period and level (community, organization, institution), the cultivations whose ' +
      'outcome evaluation (assessment.outcome-evaluated, recorded by assessments-service) falls in the period by its day evaluated, each ' +
      "by its latest evaluation there; how many, their mean and median level score, and the share that met the level's target. " +
      COMMON,
  })
  outcomeIndicator(@Args('input', { type: () => IndicatorInput }) input: IndicatorInput, @CurrentIdentity() caller: Identity): Promise<OutcomeTable> {
    return this.indicators.outcomes(input, caller.scopes);
  }
}
