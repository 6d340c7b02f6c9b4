import { Args, Query, Resolver } from '@nestjs/graphql';
import { REPORTING_TIME_ZONE } from '@peiyu/analytics-data-access';
import { IndicatorService, MAX_TABLE_ROWS } from './indicator.service.js';
import { EscalationIndicatorInput, EscalationTable, IndicatorInput, StageFunnelTable, TimeInStageTable } from './indicator.types.js';

const COMMON =
  `Counted over the cultivations the filter keeps; each counted item is placed in the group of its cultivation and in the period ` +
  `(${REPORTING_TIME_ZONE} calendar) holding the instant named above. Groups with nothing in the range are left out (ungrouped, the one ` +
  'group is always there); each group listed has a row for every period. ' +
  `Refused up front with BAD_USER_INPUT naming \`groupBy\` when the table could exceed ${MAX_TABLE_ROWS} rows (the groups of the ` +
  'filtered cultivations running during the range × periods × rows per period), ' +
  'naming the period field when the range is invalid or longer than 120 months. Computed from the analytics read model, which follows the ' +
  'cultivation outbox within about a second.';

/** The indicator tables; any signed-in user may read them, as the other indicators. */
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
  stageFunnelIndicator(@Args('input', { type: () => IndicatorInput }) input: IndicatorInput): Promise<StageFunnelTable> {
    return this.indicators.stageFunnel(input);
  }

  @Query(() => TimeInStageTable, {
    description:
      'Time in stage and on-time gate rate: for each group, period and stage (FORMATION to WITHDRAWAL), the stays in the stage completed ' +
      '(left for a later stage) in the period, at the instant of the cultivation.stage-changed that left it; the median and 90th percentile ' +
      'of their durations in days with paused time excluded; and how many of those with a known deadline left by it. ' +
      COMMON,
  })
  timeInStageIndicator(@Args('input', { type: () => IndicatorInput }) input: IndicatorInput): Promise<TimeInStageTable> {
    return this.indicators.timeInStage(input);
  }

  @Query(() => EscalationTable, {
    description:
      'Escalations: for each group and period (and cause and/or highest level reached, with splitBy), the escalations first raised in the ' +
      'period (at the raisedAt of their first cultivation.escalation-raised), how many of them have been acknowledged and resolved by now and ' +
      'how many are open now, and the median days from raised to acknowledged and to resolved. ' +
      COMMON,
  })
  escalationIndicator(@Args('input', { type: () => EscalationIndicatorInput }) input: EscalationIndicatorInput): Promise<EscalationTable> {
    return this.indicators.escalations(input);
  }
}
