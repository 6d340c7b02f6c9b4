import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import type { Identity } from '@peiyu/contracts';
import { CurrentIdentity } from '@peiyu/platform-nest';
import { AnalyticsService } from './analytics.service.js';
import { StageCount } from './analytics.types.js';

const IN_SCOPE =
  "Only the cultivations within the caller's scopes count (CITY: all; DISTRICT, STREET, COMMUNITY, INSTITUTION: the cultivations with " +
  'that district, street, community or institution); a districtId outside them counts nothing. ';

/** The dashboard counts; any signed-in user may read them, over what their scopes cover. */
@Resolver()
export class AnalyticsResolver {
  constructor(private readonly analytics: AnalyticsService) {}

  @Query(() => [StageCount], {
    description:
      'The stage funnel: one entry per stage, FORMATION, GROWTH, MATURITY, WITHDRAWAL, COMPLETED in that order, each with the ' +
      'number of cultivations currently in it (zero when none), of one district when districtId is given, else of every district. ' +
      'Computed from the analytics read model (cultivation.started and cultivation.stage-changed events); a paused cultivation counts ' +
      'in its stage, a terminated one (cultivation.status-changed to TERMINATED) in none. For entries and passes by period and group, ' +
      'see stageFunnelIndicator. ' +
      IN_SCOPE,
  })
  stageFunnel(
    @CurrentIdentity() caller: Identity,
    @Args('districtId', { type: () => ID, nullable: true, description: 'Only this district; all when omitted.' }) districtId?: string | null,
  ): Promise<StageCount[]> {
    return this.analytics.stageFunnel(caller.scopes, districtId);
  }

  @Query(() => Int, {
    description:
      'The number of open escalations of the cultivations of one district (every district when districtId is omitted): the number of ' +
      'distinct escalation ids seen in cultivation.escalation-raised events for cultivations whose cultivation.started event has been ' +
      'seen (an escalation climbing to a higher level counts once), less those a cultivation.escalation-resolved event has resolved; ' +
      'acknowledged ones are still open. Eventually consistent: projected about every 500 ms. ' +
      IN_SCOPE,
  })
  openEscalationCount(
    @CurrentIdentity() caller: Identity,
    @Args('districtId', { type: () => ID, nullable: true, description: 'Only this district; all when omitted.' }) districtId?: string | null,
  ): Promise<number> {
    return this.analytics.openEscalationCount(caller.scopes, districtId);
  }

  @Query(() => Int, {
    description:
      'The number of cultivations of one district (every district when districtId is omitted) overdue now: in a working stage ' +
      '(FORMATION to WITHDRAWAL), not paused, and past the deadline in force: the one set by the last cultivation.deadline-extended ' +
      'event for the stage, or without one the deadline set on entry plus the pauses of the stage since. The same rule ' +
      'as overdueIndicator; eventually consistent: projected about every 500 ms. ' +
      IN_SCOPE,
  })
  overdueCount(
    @CurrentIdentity() caller: Identity,
    @Args('districtId', { type: () => ID, nullable: true, description: 'Only this district; all when omitted.' }) districtId?: string | null,
  ): Promise<number> {
    return this.analytics.overdueCount(caller.scopes, districtId);
  }
}
