import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, VersionColumn } from 'typeorm';
import type { CriterionScore, FollowUpFindings, LevelOutcome, OrganizationCategory, OutcomeIndicatorSet, OutcomeLevel, RubricDocument, RubricKind } from '@peiyu/contracts';

export const ASSESSMENTS_SCHEMA = 'assessments';

/** A needs investigation (需求调查) of one community: the residents' answers feed the demand analysis. */
@Entity({ schema: ASSESSMENTS_SCHEMA, name: 'needs_survey' })
export class NeedsSurveyEntity {
  @PrimaryColumn('uuid') id: string;
  /** A community of communities-service; not checked here (another service owns it). */
  @Index()
  @Column('uuid', { name: 'community_id' }) communityId: string;
  @Column('text') title: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @VersionColumn() version: number;
}

/** One resident's answer to a needs survey: the kinds of organization they want in their community. */
@Entity({ schema: ASSESSMENTS_SCHEMA, name: 'survey_response' })
export class SurveyResponseEntity {
  @PrimaryColumn('uuid') id: string;
  @Index()
  @Column('uuid', { name: 'survey_id' }) surveyId: string;
  @ManyToOne(() => NeedsSurveyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'survey_id' })
  survey?: NeedsSurveyEntity;
  /** Free text such as "3号楼 王阿姨"; optional, and never copied into events. */
  @Column('text', { name: 'respondent_label', nullable: true }) respondentLabel: string | null;
  /** At least one known category (the table checks both); distinct (the input checks that). */
  @Column('text', { name: 'demand_categories', array: true }) demandCategories: OrganizationCategory[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** A rubric version an admin stored; version 1 of each category and kind is built in (contracts). */
@Entity({ schema: ASSESSMENTS_SCHEMA, name: 'rubric' })
export class RubricEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') category: OrganizationCategory;
  @Column('text') kind: RubricKind;
  @Column('integer') version: number;
  @Column('jsonb') document: RubricDocument;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('uuid', { name: 'created_by' }) createdBy: string;
}

/** A capacity (growth) or maturity assessment of an organization, scored against a rubric version. */
@Entity({ schema: ASSESSMENTS_SCHEMA, name: 'assessment' })
export class AssessmentEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  /** The organization's category when assessed: which rubric applied. */
  @Column('text') category: OrganizationCategory;
  @Column('text') kind: RubricKind;
  @Column('integer', { name: 'rubric_version' }) rubricVersion: number;
  @Column('jsonb') scores: CriterionScore[];
  @Column('numeric', { precision: 5, scale: 2, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) total: number;
  @Column('numeric', { name: 'pass_score', precision: 5, scale: 2, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) passScore: number;
  @Column('boolean') passed: boolean;
  @Column('date', { name: 'assessed_on' }) assessedOn: string;
  @Column('uuid', { name: 'assessed_by' }) assessedBy: string;
  @Column('text', { nullable: true }) note: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @VersionColumn({ name: 'version' }) rowVersion: number;
}

const numeric = { to: (v: number) => v, from: (v: string) => Number(v) };

/** An outcome indicator set version an admin stored; version 1 of each level is built in (contracts). */
@Entity({ schema: ASSESSMENTS_SCHEMA, name: 'outcome_indicator_set' })
export class OutcomeIndicatorSetEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') level: OutcomeLevel;
  @Column('integer') version: number;
  @Column('jsonb') document: OutcomeIndicatorSet;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('uuid', { name: 'created_by' }) createdBy: string;
}

/**
 * The outcome evaluation (成效评估) of a cultivation's organization at the three levels, each scored
 * against the indicator set in force. The organization's community is kept so lists can apply the
 * caller's scopes without asking organizations-service.
 */
@Entity({ schema: ASSESSMENTS_SCHEMA, name: 'outcome_evaluation' })
export class OutcomeEvaluationEntity {
  @PrimaryColumn('uuid') id: string;
  @Index()
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('uuid', { name: 'community_id' }) communityId: string;
  /** The cultivation it concludes: the organization's open one when recorded. */
  @Index()
  @Column('uuid', { name: 'cultivation_id' }) cultivationId: string;
  @Column('jsonb') levels: LevelOutcome[];
  @Column('numeric', { name: 'community_score', precision: 5, scale: 2, transformer: numeric }) communityScore: number;
  @Column('numeric', { name: 'organization_score', precision: 5, scale: 2, transformer: numeric }) organizationScore: number;
  @Column('numeric', { name: 'institution_score', precision: 5, scale: 2, transformer: numeric }) institutionScore: number;
  @Column('date', { name: 'evaluated_on' }) evaluatedOn: string;
  @Column('uuid', { name: 'evaluated_by' }) evaluatedBy: string;
  @Column('text', { nullable: true }) note: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** A follow-up check (回访) of an organization after withdrawal: what was found, and whether it passed. */
@Entity({ schema: ASSESSMENTS_SCHEMA, name: 'follow_up_check' })
export class FollowUpCheckEntity {
  @PrimaryColumn('uuid') id: string;
  @Index()
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('uuid', { name: 'community_id' }) communityId: string;
  @Index()
  @Column('uuid', { name: 'cultivation_id' }) cultivationId: string;
  /** Which follow-up of the withdrawal it is for, 0-based. */
  @Column('integer', { name: 'follow_up_index' }) followUpIndex: number;
  @Column('jsonb') findings: FollowUpFindings;
  @Column('boolean') passed: boolean;
  @Column('date', { name: 'checked_on' }) checkedOn: string;
  @Column('uuid', { name: 'checked_by' }) checkedBy: string;
  @Column('text', { nullable: true }) note: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
