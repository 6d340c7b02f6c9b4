import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, VersionColumn } from 'typeorm';
import type { OrganizationCategory } from '@peiyu/contracts';

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
