import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import type {
  CultivationStatus,
  DeviationState,
  EscalationStatus,
  EscalationType,
  GateState,
  OrganizationCategory,
  ProcessEventKind,
  ProcessPolicy,
  Role,
  Stage,
  WithdrawalState,
} from '@peiyu/contracts';

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
  /** The community's street, for street-office scopes. */
  @Column('uuid', { name: 'street_id', nullable: true }) streetId: string | null;
  @Column('text') category: OrganizationCategory;
  @Column('text') stage: Stage;
  @Column('text') status: CultivationStatus;
  @Column('timestamptz', { name: 'stage_started_at' }) stageStartedAt: Date;
  @Column('timestamptz', { name: 'stage_deadline' }) stageDeadline: Date;
  @Column('timestamptz', { name: 'started_at' }) startedAt: Date;
  @Column('integer', { name: 'policy_version', nullable: true }) policyVersion: number | null;
  /** The current stage's gate as last evaluated by the workflow. */
  @Column('jsonb') gate: GateState;
  @Column('timestamptz', { name: 'paused_at', nullable: true }) pausedAt: Date | null;
  @Column('jsonb', { nullable: true }) deviation: DeviationState | null;
  /** Highest level among open escalations; 0 when none is open. */
  @Column('integer', { name: 'escalation_level', default: 0 }) escalationLevel: number;
  @VersionColumn() version: number;
}

@Entity({ schema: CULTIVATION_SCHEMA, name: 'stage_history' })
export class StageHistoryEntity {
  @PrimaryColumn('uuid', { name: 'cultivation_id' }) cultivationId: string;
  @PrimaryColumn('text') stage: Stage;
  @Column('timestamptz', { name: 'entered_at' }) enteredAt: Date;
  /** The deadline set when the stage was entered. */
  @Column('timestamptz', { name: 'planned_deadline' }) plannedDeadline: Date;
  /** The deadline after extensions and paused time. */
  @Column('timestamptz') deadline: Date;
  @Column('timestamptz', { name: 'left_at', nullable: true }) leftAt: Date | null;
  @Column('integer', { name: 'paused_seconds' }) pausedSeconds: number;
  @Column('integer', { name: 'policy_version' }) policyVersion: number;
  @Column('uuid', { name: 'approved_by', nullable: true }) approvedBy: string | null;
}

@Entity({ schema: CULTIVATION_SCHEMA, name: 'timeline_event' })
export class TimelineEventEntity {
  @PrimaryColumn('uuid', { name: 'cultivation_id' }) cultivationId: string;
  /** 'process' for the cultivation workflow's events, 'withdrawal' for its withdrawal's. */
  @PrimaryColumn('text') stream: 'process' | 'withdrawal';
  @PrimaryColumn('integer') sequence: number;
  @Column('text') kind: ProcessEventKind;
  @Column('timestamptz') at: Date;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId: string | null;
  @Column('text', { name: 'actor_role', nullable: true }) actorRole: Role | null;
  @Column('jsonb') details: Record<string, unknown>;
}

@Entity({ schema: CULTIVATION_SCHEMA, name: 'escalation' })
export class EscalationEntity {
  @PrimaryColumn('uuid') id: string;
  @Index()
  @Column('uuid', { name: 'cultivation_id' }) cultivationId: string;
  /** Stable within the cultivation: cause, stage and occurrence. */
  @Column('text') key: string;
  @Column('text') type: EscalationType;
  @Column('integer') level: number;
  @Column('text') stage: Stage;
  @Column('text') status: EscalationStatus;
  @Column('timestamptz', { name: 'raised_at' }) raisedAt: Date;
  @Column('timestamptz', { name: 'level_due_at' }) levelDueAt: Date;
  @Column('timestamptz', { name: 'acknowledged_at', nullable: true }) acknowledgedAt: Date | null;
  @Column('uuid', { name: 'acknowledged_by', nullable: true }) acknowledgedBy: string | null;
  @Column('text', { name: 'acknowledgement_plan', nullable: true }) acknowledgementPlan: string | null;
  @Column('timestamptz', { name: 'resolved_at', nullable: true }) resolvedAt: Date | null;
  @Column('text', { nullable: true }) resolution: string | null;
}

@Entity({ schema: CULTIVATION_SCHEMA, name: 'escalation_step' })
export class EscalationStepEntity {
  @PrimaryColumn('uuid', { name: 'escalation_id' }) escalationId: string;
  @PrimaryColumn('integer') level: number;
  @Column('timestamptz', { name: 'raised_at' }) raisedAt: Date;
  @Column('timestamptz', { name: 'due_at' }) dueAt: Date;
  @Column('timestamptz', { name: 'acknowledged_at', nullable: true }) acknowledgedAt: Date | null;
  @Column('uuid', { name: 'acknowledged_by', nullable: true }) acknowledgedBy: string | null;
  @Column('text', { nullable: true }) plan: string | null;
}

@Entity({ schema: CULTIVATION_SCHEMA, name: 'process_policy' })
export class ProcessPolicyEntity {
  @PrimaryColumn('uuid') id: string;
  /** Null for the city-wide policy; a district's own policy wins over it. */
  @Column('uuid', { name: 'district_id', nullable: true }) districtId: string | null;
  @Column('integer') version: number;
  @Column('jsonb') document: ProcessPolicy;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
}

/** One notification in one user's in-app inbox. */
@Entity({ schema: CULTIVATION_SCHEMA, name: 'notification' })
export class NotificationEntity {
  @PrimaryColumn('uuid') id: string;
  @Index()
  @Column('uuid', { name: 'user_id' }) userId: string;
  /** ESCALATION (raised or climbed to the recipient's level), APPROVAL_REQUEST (a gate is met) or FOLLOW_UP_DUE. */
  @Column('text') kind: NotificationKind;
  @Column('uuid', { name: 'cultivation_id' }) cultivationId: string;
  @Column('uuid', { name: 'escalation_id', nullable: true }) escalationId: string | null;
  /** One line in English for mail and logs; the app words it from kind and details. */
  @Column('text') summary: string;
  @Column('jsonb') details: Record<string, unknown>;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'read_at', nullable: true }) readAt: Date | null;
  /** The process event that caused it; with the user, unique, so a retry notifies nobody twice. */
  @Column('text', { name: 'source_key' }) sourceKey: string;
}

export const NOTIFICATION_KINDS = ['ESCALATION', 'APPROVAL_REQUEST', 'FOLLOW_UP_DUE'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

@Entity({ schema: CULTIVATION_SCHEMA, name: 'withdrawal' })
export class WithdrawalEntity {
  @PrimaryColumn('uuid', { name: 'cultivation_id' }) cultivationId: string;
  @Column('jsonb') state: WithdrawalState;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
