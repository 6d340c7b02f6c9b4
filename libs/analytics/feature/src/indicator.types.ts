import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsUUID, ValidateBy, ValidateNested } from 'class-validator';
import { ORGANIZATION_CATEGORIES, type EscalationType, type OrganizationCategory, type Stage } from '@peiyu/contracts';
import { EscalationTypeEnum, OrganizationCategoryEnum, StageEnum, graphqlEnum } from '@peiyu/platform-nest';
import { REPORTING_TIME_ZONE } from '@peiyu/analytics-data-access';
import { PERIOD_BUCKETS, RELATIVE_PERIODS, isLocalDate, type PeriodBucket, type RelativePeriod } from './indicator-periods.js';

export const INDICATOR_GROUP_BYS = ['DISTRICT', 'INSTITUTION', 'COMMUNITY', 'CATEGORY', 'COHORT'] as const;
export type IndicatorGroupBy = (typeof INDICATOR_GROUP_BYS)[number];

export const ESCALATION_SPLITS = ['TYPE', 'HIGHEST_LEVEL'] as const;
export type EscalationSplit = (typeof ESCALATION_SPLITS)[number];

/** At most this many values in each filter list. */
export const MAX_FILTER_VALUES = 100;

export const IndicatorGroupByEnum = graphqlEnum(INDICATOR_GROUP_BYS, 'IndicatorGroupBy', 'What the rows of an indicator table are grouped by; one group per value.', {
  DISTRICT: "The cultivation's district (`group` is the district id).",
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
  description: `Which cultivations an indicator covers. Each list, when given and not empty, keeps the cultivations whose value is in it; lists combine with AND. At most ${MAX_FILTER_VALUES} values per list.`,
})
export class IndicatorFilter {
  @Field(() => [ID], { nullable: true, description: 'Only cultivations in these districts.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES, { message: `filter.districtIds may hold at most ${MAX_FILTER_VALUES} ids` })
  @IsUUID('all', { each: true, message: 'filter.districtIds must hold UUIDs' })
  districtIds?: string[] | null;

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
  @Field(() => Int, {
    description:
      'Of the completed stays, those whose deadline is known to analytics. Today only FORMATION: cultivation.started carries its ' +
      'stageDeadline; cultivation.stage-changed does not carry the deadline of the stage entered yet.',
  })
  withDeadline: number;
  @Field(() => Int, {
    description:
      'Of those with a deadline, the stays left no later than the deadline set on entry plus the time paused in the stage (a pause moves ' +
      'the deadline by as long as it lasts). Deadline extensions are not in the events, so a stay completed within an extension counts as late.',
  })
  onTime: number;
  @Field(() => Float, { nullable: true, description: 'The on-time gate rate: onTime / withDeadline, rounded to 0.0001; null when withDeadline is 0.' })
  onTimeRate: number | null;
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
