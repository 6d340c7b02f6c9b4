import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import type { CultivationStatus, EscalationStatus, EscalationType, OrganizationCategory, Stage } from '@peiyu/contracts';

export const CULTIVATION_SCHEMA = 'cultivation';

/**
 * The read model of one cultivation: a projection of its workflow, which is the source of truth.
 * Placement (community, district, category) is copied at start so lists filter without joins.
 */
@Entity({ schema: CULTIVATION_SCHEMA, name: 'cultivation' })
export class CultivationEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'workflow_id', unique: true }) workflowId: string;
  @Index()
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Index()
  @Column('uuid', { name: 'institution_id' }) institutionId: string;
  @Column('uuid', { name: 'community_id' }) communityId: string;
  @Index()
  @Column('uuid', { name: 'district_id' }) districtId: string;
  @Column('text') category: OrganizationCategory;
  @Column('text') stage: Stage;
  @Column('text') status: CultivationStatus;
  @Column('timestamptz', { name: 'stage_deadline' }) stageDeadline: Date;
  @Column('timestamptz', { name: 'started_at' }) startedAt: Date;
  /** Highest level among open escalations; 0 when none is open. */
  @Column('integer', { name: 'escalation_level', default: 0 }) escalationLevel: number;
  @VersionColumn() version: number;
}

@Entity({ schema: CULTIVATION_SCHEMA, name: 'escalation' })
export class EscalationEntity {
  @PrimaryColumn('uuid') id: string;
  @Index()
  @Column('uuid', { name: 'cultivation_id' }) cultivationId: string;
  @Column('text') type: EscalationType;
  @Column('integer') level: number;
  @Column('text') stage: Stage;
  @Column('text') status: EscalationStatus;
  @Column('timestamptz', { name: 'raised_at' }) raisedAt: Date;
  /** workflow id + cause + level: a retried activity finds its row instead of adding one. */
  @Column('text', { name: 'idempotency_key', unique: true }) idempotencyKey: string;
}
