import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { EscalationType, OrganizationCategory, Stage } from '@peiyu/contracts';

export const ANALYTICS_SCHEMA = 'analytics';

/**
 * How far the read model has read another service's outbox: the id of the last event applied. It is
 * updated in the same transaction as the facts that event changed, so each event is applied once.
 */
@Entity({ schema: ANALYTICS_SCHEMA, name: 'projection_position' })
export class ProjectionPositionEntity {
  /** The source outbox, by schema name, e.g. `cultivation`. */
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
  @Column('uuid', { name: 'institution_id' }) institutionId: string;
  @Column('uuid', { name: 'community_id' }) communityId: string;
  @Column('text') category: OrganizationCategory;
  /** The stage it is currently in, as of the last event applied. */
  @Column('text') stage: Stage;
  /** When the `cultivation.started` event was written. */
  @Column('timestamptz', { name: 'started_at' }) startedAt: Date;
  /** The number of distinct escalations raised for it and not known to be resolved. */
  @Column('int', { name: 'escalations_open' }) escalationsOpen: number;
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
  @Column('int') level: number;
  @Column('text') stage: Stage;
  @Column('timestamptz', { name: 'raised_at' }) raisedAt: Date;
}
