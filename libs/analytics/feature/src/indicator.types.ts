import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsOptional, IsUUID, ValidateBy, ValidateNested } from 'class-validator';
import { ORGANIZATION_CATEGORIES, RUBRIC_KINDS, type EscalationType, type OrganizationCategory, type OutcomeLevel, type RubricKind, type Stage } from '@peiyu/contracts';
import { EscalationTypeEnum, OrganizationCategoryEnum, OutcomeLevelEnum, RubricKindEnum, StageEnum, graphqlEnum } from '@peiyu/platform-nest';
import { REPORTING_TIME_ZONE } from '@peiyu/analytics-data-access';
import { PERIOD_BUCKETS, RELATIVE_PERIODS, isLocalDate, type PeriodBucket, type RelativePeriod } from './indicator-periods.js';

export const INDICATOR_GROUP_BYS = ['DISTRICT', 'STREET', 'INSTITUTION', 'COMMUNITY', 'CATEGORY', 'COHORT'] as const;
export type IndicatorGroupBy = (typeof INDICATOR_GROUP_BYS)[number];

export const ESCALATION_SPLITS = ['TYPE', 'HIGHEST_LEVEL'] as const;
export type EscalationSplit = (typeof ESCALATION_SPLITS)[number];

/** At most this many values in each filter list. */
export const MAX_FILTER_VALUES = 100;

export const IndicatorGroupByEnum = graphqlEnum(INDICATOR_GROUP_BYS, 'IndicatorGroupBy', 'What the rows of an indicator table are grouped by; one group per value.', {
  DISTRICT: "The cultivation's district (`group` is the district id).",
  STREET:
    "The street of the organization's community (`group` is the street id; null for cultivations whose community lies directly under " +
    'its district, or whose cultivation.started event was written before it carried streetId).',
  INSTITUTION: 'The institution that cultivates (`group` is the institution id).',
  COMMUNITY: "The organization's community (`group` is the community id).",
  CATEGORY: "The organization's category as when the cultivation started (`group` is the category, e.g. MEDIATION).",
  COHORT: `The month the cultivation started in, ${REPORTING_TIME_ZONE} time (\`group\` is YYYY-MM).`,
});

export const PeriodBucketEnum = graphqlEnum(PERIOD_BUCKETS, 'PeriodBucket', `How an indicator table splits its date range into periods, by the calendar of ${REPORTING_TIME_ZONE} (UTC+8).`, {
  MONTH: 'Calendar months (`period` is YYYY-MM).',
  QUARTER: 'Calendar quarters (`period` is YYYY-Qn).',
  YEAR: 'Calendar years (`period` is YYYY).',
});

export const RelativePeriodEnum = graphqlEnum(RELATIVE_PERIODS, 'RelativePeriod', `A date range relative to today in ${REPORTING_TIME_ZONE}, inclusive.`, {
  THIS_MONTH: 'From the first day of the current month to today.',
  THIS_QUARTER: 'From the first day of the current quarter to today.',
  THIS_YEAR: 'From 1 January of the current year to today.',
  LAST_YEAR: 'The whole previous calendar year.',
  LAST_12_MONTHS: 'The current month and the 11 before it: from the first day of the month 11 months ago to today.',
});

export const EscalationSplitEnum = graphqlEnum(ESCALATION_SPLITS, 'EscalationSplit', 'A breakdown of the escalation table beyond group and period.', {
  TYPE: 'One row per cause (DELAY, INTERRUPTION, DEVIATION, PERFORMANCE), zeros included; `type` is set.',
  HIGHEST_LEVEL: 'One row per highest ladder level reached among the escalations counted; `highestLevel` is set.',
});


const LocalDate = (field: string) =>
  ValidateBy({ name: 'isLocalDate', validator: { validate: (value) => isLocalDate(value), defaultMessage: () => `${field} must be a calendar date written YYYY-MM-DD` } });

@InputType('IndicatorFilter', {
  description:
    `Which cultivations an indicator covers, within the caller's scopes (what lies outside them is never counted: a list naming only ` +
    `places outside them keeps nothing). Each list, when given and not empty, keeps the cultivations whose value is in it; lists ` +
    `combine with AND. At most ${MAX_FILTER_VALUES} values per list.`,
})
export class IndicatorFilter {
  @Field(() => [ID], { nullable: true, description: 'Only cultivations in these districts.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES, { message: `filter.districtIds may hold at most ${MAX_FILTER_VALUES} ids` })
  @IsUUID('all', { each: true, message: 'filter.districtIds must hold UUIDs' })
  districtIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Only cultivations of organizations whose community is in these streets (a cultivation whose street is unknown is kept by no street)." })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES, { message: `filter.streetIds may hold at most ${MAX_FILTER_VALUES} ids` })
  @IsUUID('all', { each: true, message: 'filter.streetIds must hold UUIDs' })
  streetIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Only cultivations by these institutions.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES, { message: `filter.institutionIds may hold at most ${MAX_FILTER_VALUES} ids` })
  @IsUUID('all', { each: true, message: 'filter.institutionIds must hold UUIDs' })
  institutionIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Only cultivations of organizations in these communities.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES, { message: `filter.communityIds may hold at most ${MAX_FILTER_VALUES} ids` })
  @IsUUID('all', { each: true, message: 'filter.communityIds must hold UUIDs' })
  communityIds?: string[] | null;

  @Field(() => [OrganizationCategoryEnum], { nullable: true, description: 'Only cultivations of organizations of these categories.' })
  @IsOptional()
  @IsIn(ORGANIZATION_CATEGORIES, { each: true, message: 'filter.categories must hold organization categories' })
  categories?: OrganizationCategory[] | null;
}

@InputType('IndicatorPeriodInput', {
  description:
    `The date range an indicator covers, and how it is split into periods, by the calendar of ${REPORTING_TIME_ZONE}. Give \`relative\`, ` +
    `or \`from\` and \`to\`; with neither, LAST_12_MONTHS. An explicit range may span at most 120 calendar months.`,
})
export class IndicatorPeriodInput {
  @Field(() => RelativePeriodEnum, { nullable: true, description: 'A range relative to today.' })
  @IsOptional()
  @IsIn(RELATIVE_PERIODS)
  relative?: RelativePeriod | null;

  @Field(() => String, { nullable: true, description: 'The first day of the range, YYYY-MM-DD, inclusive.' })
  @IsOptional()
  @LocalDate('period.from')
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'The last day of the range, YYYY-MM-DD, inclusive.' })
  @IsOptional()
  @LocalDate('period.to')
  to?: string | null;

  @Field(() => PeriodBucketEnum, { nullable: true, description: 'Split the range into calendar months, quarters or years; one period for the whole range when omitted.' })
  @IsOptional()
  @IsIn(PERIOD_BUCKETS)
  bucket?: PeriodBucket | null;
}

@InputType('IndicatorInput', { description: 'What an indicator table covers and how its rows are cut. Every field is optional: `{}` is every cultivation, ungrouped, over the last 12 months.' })
export class IndicatorInput {
  @Field(() => IndicatorGroupByEnum, { nullable: true, description: 'One group of rows per value of this; one group (`group` null) when omitted.' })
  @IsOptional()
  @IsIn(INDICATOR_GROUP_BYS)
  groupBy?: IndicatorGroupBy | null;

  @Field(() => IndicatorFilter, { nullable: true, description: 'Which cultivations count; all when omitted.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => IndicatorFilter)
  filter?: IndicatorFilter | null;

  @Field(() => IndicatorPeriodInput, { nullable: true, description: 'The date range and its periods; LAST_12_MONTHS as one period when omitted.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => IndicatorPeriodInput)
  period?: IndicatorPeriodInput | null;
}

@InputType('EscalationIndicatorInput', { description: 'What the escalation table covers, how its rows are cut, and how they are broken down.' })
export class EscalationIndicatorInput extends IndicatorInput {
  @Field(() => [EscalationSplitEnum], { nullable: true, description: 'Break each group and period down by cause, by highest level reached, or both; totals when omitted or empty.' })
  @IsOptional()
  @IsIn(ESCALATION_SPLITS, { each: true })
  splitBy?: EscalationSplit[] | null;
}

@InputType('ScoreIndicatorInput', {
  description:
    'What the assessment score table covers, how its rows are cut, and which assessments count. The filter and groupBy apply to the ' +
    "cultivation of each assessment's organization (see ScoreRow); the period to the day assessed.",
})
export class ScoreIndicatorInput extends IndicatorInput {
  @Field(() => RubricKindEnum, { nullable: true, description: 'Only assessments of this kind (one row per group and period); both kinds, a row each, when omitted.' })
  @IsOptional()
  @IsIn(RUBRIC_KINDS)
  kind?: RubricKind | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Count only each organization's latest assessment of each kind in each period (the latest assessedOn; on the same day the one " +
      'recorded last; then the highest assessment id), chosen among all its assessments of the kind in the period before the filter and ' +
      "scopes apply, so an organization counts at most once per kind and period, in the group of that assessment's cultivation. Every " +
      'assessment when false or omitted.',
  })
  @IsOptional()
  @IsBoolean()
  latestOnly?: boolean | null;
}

@ObjectType('IndicatorTableHeading', { isAbstract: true })
export abstract class IndicatorTable {
  @Field(() => IndicatorGroupByEnum, { nullable: true, description: 'What the rows are grouped by; null when not grouped.' }) groupBy: IndicatorGroupBy | null;
  @Field(() => PeriodBucketEnum, { nullable: true, description: 'How the range is split; null when it is one period.' }) bucket: PeriodBucket | null;
  @Field({ description: 'The first day of the range covered, YYYY-MM-DD (relative periods resolved).' }) from: string;
  @Field({ description: 'The last day of the range covered, YYYY-MM-DD, inclusive.' }) to: string;
  @Field({ description: 'The time zone whose calendar the range, periods and cohorts follow.' }) timeZone: string;
  @Field({
    description:
      'The rows as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled): a header line ' +
      'with the row field names, then one line per row in the order of `rows`; an empty field for null.',
  })
  csv: string;
}

@ObjectType('IndicatorRowHeading', { isAbstract: true })
export abstract class IndicatorRow {
  @Field(() => String, { nullable: true, description: 'The group (see IndicatorGroupBy for what it holds); null when not grouped.' }) group: string | null;
  @Field({ description: 'The period: YYYY-MM, YYYY-Qn or YYYY when bucketed, else from/to of the whole range.' }) period: string;
  @Field({ description: 'The first day of the period within the range, YYYY-MM-DD.' }) periodStart: string;
  @Field({ description: 'The last day of the period within the range, YYYY-MM-DD, inclusive.' }) periodEnd: string;
}

@ObjectType('StageFunnelRow', { description: 'The cultivations that entered one stage in one period (of one group), and what became of them.' })
export class StageFunnelRow extends IndicatorRow {
  @Field(() => StageEnum) stage: Stage;
  @Field(() => Int, {
    description:
      'Cultivations that entered this stage during the period: by cultivation.started (its first stage, at the instant the event was written) ' +
      'or by cultivation.stage-changed to this stage (at its `at`). Each cultivation counts once per stage and period.',
  })
  entered: number;
  @Field(() => Int, {
    nullable: true,
    description:
      'Of those entered, the cultivations that have since left this stage for a later one (cultivation.stage-changed from it), as of now, ' +
      'whenever that happened. Null for COMPLETED, which is never left.',
  })
  passed: number | null;
  @Field(() => Int, { description: 'Of those entered, the cultivations terminated while in this stage (cultivation.status-changed to TERMINATED), as of now.' })
  terminated: number;
}

@ObjectType('StageFunnelTable', {
  description: 'The stage funnel: a row per group, period and stage (FORMATION, GROWTH, MATURITY, WITHDRAWAL, COMPLETED in that order).',
})
export class StageFunnelTable extends IndicatorTable {
  @Field(() => [StageFunnelRow], { description: 'Ordered by group, period, stage.' }) rows: StageFunnelRow[];
}

@ObjectType('TimeInStageRow', { description: 'The stage periods completed in one period (of one group): how long they took, and whether by their deadline.' })
export class TimeInStageRow extends IndicatorRow {
  @Field(() => StageEnum) stage: Stage;
  @Field(() => Int, {
    description:
      'Completed stays in this stage: entered, then left for a later stage (cultivation.stage-changed) during the period. Stays ended by ' +
      'termination, and stays still going on, are not counted.',
  })
  completed: number;
  @Field(() => Float, {
    nullable: true,
    description:
      'The median duration of the completed stays, in days (86 400 s), rounded to 0.01: from entering to leaving the stage, minus the time ' +
      'the cultivation was paused in between (cultivation.status-changed to PAUSED until the next change). The continuous median ' +
      '(PostgreSQL percentile_cont(0.5)); null when none completed.',
  })
  medianDays: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'The 90th percentile of the same durations, in days rounded to 0.01, interpolated linearly (percentile_cont(0.9)); null when none completed.',
  })
  p90Days: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'The planned duration to compare with medianDays: the median, over the completed stays with a deadline, of the time from entering ' +
      'the stage to its final deadline (as for onTime) minus the time paused in the stay, in days rounded to 0.01 (percentile_cont(0.5)); ' +
      'null when no completed stay has a deadline.',
  })
  medianPlannedDays: number | null;
  @Field(() => Int, {
    description:
      'Of the completed stays, those whose deadline is known to analytics: the deadline carried by the event that entered the stage ' +
      '(cultivation.started stageDeadline, cultivation.stage-changed deadline; older stage-changed events lack it) or set by a ' +
      'cultivation.deadline-extended event.',
  })
  withDeadline: number;
  @Field(() => Int, {
    description:
      'Of those with a deadline, the stays left no later than their final deadline: the one set by the last ' +
      'cultivation.deadline-extended event for the stay (a manager extension, the time of a pause once resumed, a re-engagement after a ' +
      'failed follow-up, a recomputation after a policy or calendar change), or without one the planned deadline set on entry plus the ' +
      'time paused in the stay.',
  })
  onTime: number;
  @Field(() => Float, { nullable: true, description: 'The on-time gate rate: onTime / withDeadline, rounded to 0.0001; null when withDeadline is 0.' })
  onTimeRate: number | null;
  @Field(() => Int, {
    description:
      'Of the completed stays, those left no later than the planned deadline set on entry plus the time paused in the stay, ' +
      'ignoring every cultivation.deadline-extended event: compared with onTime, it shows what extensions changed.',
  })
  onTimeAsPlanned: number;
}

@ObjectType('TimeInStageTable', { description: 'Time in stage and on-time gate rate: a row per group, period and stage (FORMATION to WITHDRAWAL).' })
export class TimeInStageTable extends IndicatorTable {
  @Field(() => [TimeInStageRow], { description: 'Ordered by group, period, stage.' }) rows: TimeInStageRow[];
}

@ObjectType('EscalationRow', { description: 'The escalations raised in one period (of one group, cause or highest level), and what became of them.' })
export class EscalationRow extends IndicatorRow {
  @Field(() => EscalationTypeEnum, { nullable: true, description: 'The cause, when split by TYPE; else null (all causes).' }) type: EscalationType | null;
  @Field(() => Int, { nullable: true, description: 'The highest ladder level reached, when split by HIGHEST_LEVEL; else null (all levels).' })
  highestLevel: number | null;
  @Field(() => Int, {
    description:
      'Escalations first raised during the period (cultivation.escalation-raised; the same escalation raised again at a higher level counts once, ' +
      'when it was first raised).',
  })
  raised: number;
  @Field(() => Int, { description: 'Of those raised, the escalations acknowledged since (cultivation.escalation-acknowledged), as of now.' }) acknowledged: number;
  @Field(() => Int, { description: 'Of those raised, the escalations resolved since (cultivation.escalation-resolved), as of now.' }) resolved: number;
  @Field(() => Int, { description: 'Of those raised, the escalations open now: not resolved (whether acknowledged or not).' }) openNow: number;
  @Field(() => Float, {
    nullable: true,
    description:
      'The median time from first raised to first acknowledged (at whatever level), in days rounded to 0.01, over the acknowledged ones ' +
      '(percentile_cont(0.5)); null when none was acknowledged.',
  })
  medianDaysToAcknowledge: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'The median time from first raised to resolved, in days rounded to 0.01, over the resolved ones (percentile_cont(0.5)); null when none was resolved.',
  })
  medianDaysToResolve: number | null;
}

@ObjectType('EscalationTable', { description: 'Escalations by cause and highest level, with times to acknowledge and resolve: a row per group and period (and split).' })
export class EscalationTable extends IndicatorTable {
  @Field(() => [EscalationRow], { description: 'Ordered by group, period, then cause (in EscalationType order) and level.' }) rows: EscalationRow[];
}

@ObjectType('OverdueRow', { description: 'The cultivations running, and overdue, at one instant: the end of one period (of one group), or now while it runs.' })
export class OverdueRow extends IndicatorRow {
  @Field(() => String, {
    nullable: true,
    description: `The instant counted at (ISO 8601): midnight after the period's last day in ${REPORTING_TIME_ZONE}, or the moment of the request while the period runs; null for a period that has not begun.`,
  })
  asOf: string | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Cultivations in a working stage (FORMATION to WITHDRAWAL) at asOf and not paused then: entered that stage (cultivation.started or ' +
      'cultivation.stage-changed) at or before asOf and not left it (by a stage change or termination) by then, and not within a pause ' +
      '(cultivation.status-changed PAUSED until the next ACTIVE or TERMINATED). Null for a period that has not begun.',
  })
  running: number | null;
  @Field(() => Int, { nullable: true, description: 'Of those running, the ones with a known deadline at asOf (see overdue). Null for a period that has not begun.' })
  withDeadline: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Of those running, the ones past their deadline at asOf: the deadline in force then is the one set by the last ' +
      'cultivation.deadline-extended event for the stay recorded by asOf, or without one the planned deadline set on entry plus the ' +
      'pauses of the stay ended by asOf. With asOf now, the cultivations overdue now. Null for a period that has not begun.',
  })
  overdue: number | null;
  @Field(() => Float, { nullable: true, description: 'overdue / running, rounded to 0.0001; null when nothing was running or the period has not begun.' })
  overdueRate: number | null;
}

@ObjectType('OverdueTable', { description: 'Overdue cultivations over time: a row per group and period, counted at the end of the period (now for the current one).' })
export class OverdueTable extends IndicatorTable {
  @Field(() => [OverdueRow], { description: 'Ordered by group, period.' }) rows: OverdueRow[];
}

@ObjectType('FilingRateRow', { description: 'The cultivations that reached MATURITY in one period (of one group), and how many of their organizations are filed.' })
export class FilingRateRow extends IndicatorRow {
  @Field(() => Int, {
    description:
      'Cultivations that entered MATURITY during the period (cultivation.stage-changed to MATURITY, at its `at`); each counts once per period.',
  })
  reachedMaturity: number;
  @Field(() => Int, {
    description:
      'Of those, the cultivations whose organization is filed (备案) as of now: an organization.evidence-changed event with evidence FILING ' +
      'was seen for it in the organizations outbox (a filing is recorded once and never removed; the organization is FILED, or INDEPENDENT ' +
      'after it), whenever it was recorded.',
  })
  filed: number;
  @Field(() => Float, { nullable: true, description: 'The filing rate: filed / reachedMaturity, rounded to 0.0001; null when none reached MATURITY.' })
  filingRate: number | null;
}

@ObjectType('FilingRateTable', { description: 'Filing rate: a row per group and period.' })
export class FilingRateTable extends IndicatorTable {
  @Field(() => [FilingRateRow], { description: 'Ordered by group, period.' }) rows: FilingRateRow[];
}

@ObjectType('WithdrawalOutcomeRow', { description: 'The cultivations completed (the institution withdrawn) in one period (of one group), and how many organizations are still active since.' })
export class WithdrawalOutcomeRow extends IndicatorRow {
  @Field(() => Int, {
    description:
      'Cultivations completed during the period: cultivation.stage-changed from WITHDRAWAL to COMPLETED (all follow-ups passed), at its `at`.',
  })
  completed: number;
  @Field(() => Int, {
    description:
      'Of those, the organizations still active after the withdrawal, as of now: an activity of theirs was recorded or changed ' +
      '(organization.evidence-changed with evidence ACTIVITIES, at its `at`) after the completion, and their latest ' +
      'organization.status-changed, if any, is not DISSOLVED.',
  })
  stillActive: number;
  @Field(() => Float, { nullable: true, description: 'stillActive / completed, rounded to 0.0001; null when none completed.' })
  stillActiveRate: number | null;
}

@ObjectType('WithdrawalOutcomeTable', { description: 'Organizations still active after withdrawal: a row per group and period of completion.' })
export class WithdrawalOutcomeTable extends IndicatorTable {
  @Field(() => [WithdrawalOutcomeRow], { description: 'Ordered by group, period.' }) rows: WithdrawalOutcomeRow[];
}

@ObjectType('FollowUpRow', { description: 'The withdrawal follow-ups at one offset (+n months) that came out in one period (of one group).' })
export class FollowUpRow extends IndicatorRow {
  @Field(() => Int, {
    description:
      'The follow-up offset: months after the final evaluation it fell due (`monthsAfter` of the event). Every table has a row for each ' +
      'offset of the default policy (1, 3, 6) and for any other offset among the follow-ups counted.',
  })
  monthsAfter: number;
  @Field(() => Int, { description: 'Follow-ups at this offset recorded as passed during the period (cultivation.follow-up-recorded with result PASSED, at its `at`).' })
  passed: number;
  @Field(() => Int, {
    description:
      'Follow-ups at this offset recorded as failed during the period (result FAILED; each failure re-engages support and starts new follow-ups, which count again).',
  })
  failed: number;
  @Field(() => Int, {
    description: 'Follow-ups at this offset whose window ended during the period without a record (result MISSED), whether recorded late afterwards or not.',
  })
  missed: number;
  @Field(() => Float, {
    nullable: true,
    description: 'The follow-up pass rate: passed / (passed + failed), over the follow-ups recorded; rounded to 0.0001; null when none was recorded. Missed ones are not in it.',
  })
  passRate: number | null;
}

@ObjectType('FollowUpTable', { description: 'Withdrawal follow-up pass rate at +1/+3/+6 months: a row per group, period and offset.' })
export class FollowUpTable extends IndicatorTable {
  @Field(() => [FollowUpRow], { description: 'Ordered by group, period, then offset ascending.' }) rows: FollowUpRow[];
}

/** The score bands of ScoreRow, lower bound inclusive; the last one holds 100 too. */
export const SCORE_BANDS = [
  { column: 'band0To20', from: 0, to: 20 },
  { column: 'band20To40', from: 20, to: 40 },
  { column: 'band40To60', from: 40, to: 60 },
  { column: 'band60To80', from: 60, to: 80 },
  { column: 'band80To100', from: 80, to: 100 },
] as const;

@ObjectType('ScoreRow', {
  description:
    'The capacity or maturity assessments (assessment.recorded in the assessments outbox) of one kind whose day assessed (assessedOn, a ' +
    `calendar date of ${REPORTING_TIME_ZONE}) falls in one period, of the organizations of one group. An assessment takes the group, filter ` +
    "values and scope of its organization's cultivation (the cultivation.started event naming the organization): the one started most " +
    `recently on or before the end of the day assessed (${REPORTING_TIME_ZONE}), or, when none had started by then, the first one started ` +
    'after. The assessments of an organization of which analytics knows no cultivation are counted in no row of any table, grouped or ' +
    'not, whatever the scope: they have no district, street, community or institution to group, filter or scope them by (CITY included, ' +
    'so that every table adds up to its grouped form); they count as soon as a cultivation of the organization is projected.',
})
export class ScoreRow extends IndicatorRow {
  @Field(() => RubricKindEnum, { description: 'The kind of assessment the row counts.' }) kind: RubricKind;
  @Field(() => Int, { description: 'Assessments counted (with latestOnly, the organizations assessed, each by its latest assessment).' }) assessed: number;
  @Field(() => Float, {
    nullable: true,
    description: 'The arithmetic mean of their scores (0..100), rounded to 0.01 (halves away from zero); null when none was assessed.',
  })
  meanScore: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'The median of their scores, the continuous one (PostgreSQL percentile_cont(0.5): the middle score, or the mean of the two middle ' +
      'ones), rounded to 0.01 (halves away from zero); null when none was assessed.',
  })
  medianScore: number | null;
  @Field(() => Int, { description: "Of those assessed, the assessments that passed: score ≥ the pass score of the rubric version it was scored against (the event's passScore)." })
  passed: number;
  @Field(() => Float, { nullable: true, description: 'The share passed: passed / assessed, rounded to 0.0001; null when none was assessed.' })
  passRate: number | null;
  @Field(() => Int, { description: 'Of those assessed, the ones scored 0 ≤ score < 20.' }) band0To20: number;
  @Field(() => Int, { description: 'Of those assessed, the ones scored 20 ≤ score < 40.' }) band20To40: number;
  @Field(() => Int, { description: 'Of those assessed, the ones scored 40 ≤ score < 60.' }) band40To60: number;
  @Field(() => Int, { description: 'Of those assessed, the ones scored 60 ≤ score < 80.' }) band60To80: number;
  @Field(() => Int, { description: 'Of those assessed, the ones scored 80 ≤ score ≤ 100 (100 included). The five bands add up to assessed.' }) band80To100: number;
}

@ObjectType('ScoreTable', { description: 'Capacity and maturity assessment scores: a row per group, period and kind.' })
export class ScoreTable extends IndicatorTable {
  @Field(() => [ScoreRow], { description: 'Ordered by group, period, then kind (CAPACITY, MATURITY).' }) rows: ScoreRow[];
}

@ObjectType('OutcomeRow', {
  description:
    'The outcome evaluations (assessment.outcome-evaluated in the assessments outbox) at one level whose day evaluated (evaluatedOn, a ' +
    `calendar date of ${REPORTING_TIME_ZONE}) falls in one period, of the cultivations of one group. An evaluation names its cultivation, ` +
    'whose district, street, community, institution, category and cohort group, filter and scope it; each cultivation counts once per ' +
    'level and period, by its latest evaluation in the period (a cultivation re-engaged after a failed follow-up is evaluated again).',
})
export class OutcomeRow extends IndicatorRow {
  @Field(() => OutcomeLevelEnum, { description: 'The level the row counts.' }) level: OutcomeLevel;
  @Field(() => Int, { description: 'Cultivations evaluated at this level in the period.' }) evaluated: number;
  @Field(() => Float, { nullable: true, description: 'The arithmetic mean of their level scores (0..100), rounded to 0.01; null when none was evaluated.' })
  meanScore: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'The median of their level scores, the continuous one (PostgreSQL percentile_cont(0.5)), rounded to 0.01; null when none was evaluated.',
  })
  medianScore: number | null;
  @Field(() => Int, { description: "Of those evaluated, the ones whose level score met the target of the indicator set it was scored against (the event's metTarget)." })
  metTarget: number;
  @Field(() => Float, { nullable: true, description: 'The share meeting the target: metTarget / evaluated, rounded to 0.0001; null when none was evaluated.' })
  metTargetRate: number | null;
}

@ObjectType('OutcomeTable', { description: 'Outcome evaluations at the community, organization and institution levels: a row per group, period and level.' })
export class OutcomeTable extends IndicatorTable {
  @Field(() => [OutcomeRow], { description: 'Ordered by group, period, then level (COMMUNITY, ORGANIZATION, INSTITUTION).' }) rows: OutcomeRow[];
}
