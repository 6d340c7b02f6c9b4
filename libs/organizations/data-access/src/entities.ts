import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import type { OrganizationCategory, OrganizationStatus } from '@peiyu/contracts';

export const ORGANIZATIONS_SCHEMA = 'organizations';

@Entity({ schema: ORGANIZATIONS_SCHEMA, name: 'institution' })
export class InstitutionEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { unique: true }) name: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @VersionColumn() version: number;
}

@Entity({ schema: ORGANIZATIONS_SCHEMA, name: 'organization' })
@Index(['communityId', 'name'], { unique: true })
export class OrganizationEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  /** A community of communities-service; checked through its data-access lib when written. */
  @Index()
  @Column('uuid', { name: 'community_id' }) communityId: string;
  @Column('text') category: OrganizationCategory;
  @Column('text') status: OrganizationStatus;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @VersionColumn() version: number;
}
