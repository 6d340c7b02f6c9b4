import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { CultivationStatus, EscalationType, OrganizationCategory, OrganizationStatus, OutcomeLevel, RubricKind, Stage } from '@peiyu/contracts';

export const ANALYTICS_SCHEMA = 'analytics';

/**
 * The calendar indicators are reported in: cohorts (start months) and the MONTH / QUARTER / YEAR
 * periods are those of China Standard Time, where the districts are. China has no daylight saving
 * time, so this is UTC+8 all year.
 */
export const REPORTING_TIME_ZONE = 'Asia/Shanghai';

/**
 * How far the read model has read another service's outbox: the id of the last event applied. It is
 * updated in the same transaction as the facts that event changed, so each event is applied once.
 */
@Entity({ schema: ANALYTICS_SCHEMA, name: 'projection_position' })
export class ProjectionPositionEntity {
  /** The source outbox, by schema name: `cultivation`, `organizations` or `assessments`. */
  @PrimaryColumn('text') source: string;
  /** BIGINT: TypeORM reads it as a string. */
  @Column('bigint', { name: 'last_id' }) lastId: string;
}

/** One cultivation as the analytics read model knows it, projected from cultivation-service's events. */
@Entity({ schema: ANALYTICS_SCHEMA, name: 'cultivation_fact' })
@Index(['districtId', 'stage'])
export class CultivationFactEntity {
  @PrimaryColumn('uuid', { name: 'cultivation_id' }) cultivationId: string;
  @Column('uuid', { name: 'district_id' }) districtId: string;
  /** The street of the organization's community; null when it lies directly under its district, or the event did not say (written before it carried streetId). */
  @Index()
  @Column('uuid', { name: 'street_id', nullable: true }) streetId: string | null;
  @Index()
  @Column('uuid', { name: 'institution_id' }) institutionId: string;
  /** The organization cultivated; null when the event did not say. */
  @Index()
  @Column('uuid', { name: 'organization_id', nullable: true }) organizationId: string | null;
  @Index()
  @Column('uuid', { name: 'community_id' }) communityId: string;
  @Column('text') category: OrganizationCategory;
  /** The stage it is currently in (COMPLETED once done; a terminated one keeps its last stage). */
  @Column('text') stage: Stage;
  @Column('text') status: CultivationStatus;
  /** When the `cultivation.started` event was written. */
  @Column('timestamptz', { name: 'started_at' }) startedAt: Date;
  /** The first day of the month it started in, in REPORTING_TIME_ZONE. */
  @Column('date') cohort: string;
  /** When it entered its current stage. */
  @Column('timestamptz', { name: 'stage_entered_at' }) stageEnteredAt: Date;
  /** When it was completed or terminated; null while it runs. */
  @Column('timestamptz', { name: 'ended_at', nullable: true }) endedAt: Date | null;
}

/** How a stage period ended: moved on to a later stage, back to an earlier one, or the cultivation was terminated. */
export type StagePeriodExit = 'ADVANCED' | 'RETURNED' | 'TERMINATED';

/**
 * One stay of a cultivation in one stage: from the event that entered it (`cultivation.started` or
 * `cultivation.stage-changed`) to the one that left it (the next `cultivation.stage-changed`, or
 * `cultivation.status-changed` to TERMINATED). COMPLETED is entered and never left.
 */
@Entity({ schema: ANALYTICS_SCHEMA, name: 'stage_period' })
export class StagePeriodEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('uuid', { name: 'cultivation_id' }) cultivationId: string;
  @Column('text') stage: Stage;
  @Column('timestamptz', { name: 'entered_at' }) enteredAt: Date;
  /** The stage deadline set on entry (the planned one), when an event carried it; later changes are in deadline_extension. */
  @Column('timestamptz', { nullable: true }) deadline: Date | null;
  @Column('timestamptz', { name: 'left_at', nullable: true }) leftAt: Date | null;
  @Column('text', { nullable: true }) exit: StagePeriodExit | null;
  /** Once it ended: the seconds the cultivation was paused during it. */
  @Column('float8', { name: 'paused_seconds', nullable: true }) pausedSeconds: number | null;
  /** Once it ended: the deadline in force as it ended (after extensions and pauses); null when none was known. */
  @Column('timestamptz', { name: 'deadline_at_exit', nullable: true }) deadlineAtExit: Date | null;
}

/** One pause of a cultivation: from `status-changed` to PAUSED until the next change to ACTIVE or TERMINATED. */
@Entity({ schema: ANALYTICS_SCHEMA, name: 'pause_interval' })
export class PauseIntervalEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('uuid', { name: 'cultivation_id' }) cultivationId: string;
  @Column('timestamptz', { name: 'paused_at' }) pausedAt: Date;
  /** Null while it is still paused. */
  @Column('timestamptz', { name: 'resumed_at', nullable: true }) resumedAt: Date | null;
}

/**
 * Each escalation the read model has seen, once, at the highest level raised: the same escalation
 * climbing the ladder is raised again with the same id and must not be counted twice.
 */
@Entity({ schema: ANALYTICS_SCHEMA, name: 'escalation_fact' })
export class EscalationFactEntity {
  @PrimaryColumn('uuid', { name: 'escalation_id' }) escalationId: string;
  @Index()
  @Column('uuid', { name: 'cultivation_id' }) cultivationId: string;
  @Column('text') type: EscalationType;
  /** The highest level it reached. */
  @Column('int') level: number;
  @Column('text') stage: Stage;
  /** When it was first raised (at level 1). */
  @Index()
  @Column('timestamptz', { name: 'raised_at' }) raisedAt: Date;
  /** When it was first acknowledged, and at which level. */
  @Column('timestamptz', { name: 'acknowledged_at', nullable: true }) acknowledgedAt: Date | null;
  @Column('int', { name: 'acknowledged_level', nullable: true }) acknowledgedLevel: number | null;
  @Column('timestamptz', { name: 'resolved_at', nullable: true }) resolvedAt: Date | null;
  @Column('text', { nullable: true }) resolution: string | null;
}

/** One `cultivation.deadline-extended` event, on the stage period it changed: the deadline history of the stay. */
@Entity({ schema: ANALYTICS_SCHEMA, name: 'deadline_extension' })
@Index(['stagePeriodId', 'at'])
export class DeadlineExtensionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('bigint', { name: 'stage_period_id' }) stagePeriodId: string;
  /** When the extension was recorded. */
  @Column('timestamptz') at: Date;
  /** The deadline from then on. */
  @Column('timestamptz') deadline: Date;
}

/** How a withdrawal follow-up went: recorded as passed or failed, or its window passed without a record. */
export type FollowUpOutcome = 'PASSED' | 'FAILED' | 'MISSED';

/**
 * One outcome of one withdrawal follow-up (`cultivation.follow-up-recorded`). A follow-up missed and
 * then recorded late has two rows, MISSED then its result; a re-engagement starts new follow-ups.
 */
@Entity({ schema: ANALYTICS_SCHEMA, name: 'follow_up_fact' })
export class FollowUpFactEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Index()
  @Column('uuid', { name: 'cultivation_id' }) cultivationId: string;
  /** Its position in the cultivation's current list of follow-ups, from 0. */
  @Column('int') index: number;
  /** How many months after the final evaluation it fell due (1, 3, 6 by default). */
  @Column('int', { name: 'months_after' }) monthsAfter: number;
  @Column('text') result: FollowUpOutcome;
  @Index()
  @Column('timestamptz') at: Date;
}

/** One organization as analytics knows it from organizations-service's outbox. */
@Entity({ schema: ANALYTICS_SCHEMA, name: 'organization_fact' })
export class OrganizationFactEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' }) organizationId: string;
  /** The status of the latest `organization.status-changed` event; null when none was seen. */
  @Column('text', { nullable: true }) status: OrganizationStatus | null;
  @Column('timestamptz', { name: 'status_at', nullable: true }) statusAt: Date | null;
  /** When its filing was recorded (`organization.evidence-changed` with FILING); null while not filed. */
  @Column('timestamptz', { name: 'filed_at', nullable: true }) filedAt: Date | null;
  /** The latest `organization.evidence-changed` with ACTIVITIES: when an activity of it was last recorded or changed. */
  @Column('timestamptz', { name: 'last_activity_at', nullable: true }) lastActivityAt: Date | null;
}

/**
 * One capacity or maturity assessment (`assessment.recorded` in assessments-service's outbox), once
 * per assessment id. It names the organization only: its district, institution and so on come from
 * the organization's cultivation at query time, so the order in which the two outboxes are projected
 * does not matter.
 */
@Entity({ schema: ANALYTICS_SCHEMA, name: 'assessment_fact' })
@Index(['assessedOn', 'kind'])
export class AssessmentFactEntity {
  @PrimaryColumn('uuid', { name: 'assessment_id' }) assessmentId: string;
  @Index()
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('text') kind: RubricKind;
  /** The total score, 0..100, as the event gave it (NUMERIC: TypeORM reads it as a string). */
  @Column('numeric') score: string;
  /** The pass score of the rubric version it was scored against. */
  @Column('numeric', { name: 'pass_score' }) passScore: string;
  /** The verdict as assessments-service recorded it (score >= passScore). */
  @Column('boolean') passed: boolean;
  /** The day assessed, a local date. */
  @Column('date', { name: 'assessed_on' }) assessedOn: string;
  /** When assessments-service recorded it. */
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt: Date;
}

/**
 * One level of an outcome evaluation (`assessment.outcome-evaluated` in assessments-service's outbox),
 * once per evaluation and level. It names its cultivation, whose placement groups, filters and scopes it.
 */
@Entity({ schema: ANALYTICS_SCHEMA, name: 'outcome_fact' })
export class OutcomeFactEntity {
  @PrimaryColumn('uuid', { name: 'evaluation_id' }) evaluationId: string;
  @PrimaryColumn('text') level: OutcomeLevel;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Index()
  @Column('uuid', { name: 'cultivation_id' }) cultivationId: string;
  /** The level score, 0..100 (NUMERIC: TypeORM reads it as a string). */
  @Column('numeric') score: string;
  /** Whether it met the target of the indicator set it was scored against. */
  @Column('boolean', { name: 'met_target' }) metTarget: boolean;
  @Index()
  @Column('date', { name: 'evaluated_on' }) evaluatedOn: string;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt: Date;
}
