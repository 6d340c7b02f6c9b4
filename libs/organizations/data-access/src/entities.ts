import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique, VersionColumn } from 'typeorm';
import type { OrganizationCategory, OrganizationStatus } from '@peiyu/contracts';

export const ORGANIZATIONS_SCHEMA = 'organizations';

@Entity({ schema: ORGANIZATIONS_SCHEMA, name: 'institution' })
export class InstitutionEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { unique: true }) name: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @VersionColumn() version: number;
}

/**
 * A district's contract buying an institution's services for a period: over the whole district when
 * `streetIds` is empty, else over those streets of it.
 */
@Entity({ schema: ORGANIZATIONS_SCHEMA, name: 'service_contract' })
export class ServiceContractEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'institution_id' }) institutionId: string;
  @Column('uuid', { name: 'district_id' }) districtId: string;
  @Column('uuid', { name: 'street_ids', array: true }) streetIds: string[];
  /** The contract's number or title, unique within its district. */
  @Column('text') reference: string;
  @Column('date', { name: 'starts_on' }) startsOn: string;
  @Column('date', { name: 'ends_on' }) endsOn: string;
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

/** The kinds of activity a community social organization holds; what each gate counts. */
export const ACTIVITY_KINDS = ['INTEREST_ACTIVITY', 'RECRUITMENT', 'TRAINING', 'MEETING', 'SERVICE'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** The evidence of an organization that cultivation gates are judged on; named in `organization.evidence-changed`. */
export const EVIDENCE_KINDS = ['MEMBERS', 'ACTIVITIES', 'CHARTER', 'FILING'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** PostgreSQL NUMERIC arrives as a string; a few hours with two decimals fit a JS number exactly enough. */
const numericAsNumber = {
  to: (value: number): number => value,
  from: (value: string | null): number | null => (value === null ? null : Number(value)),
};

/** A member (成员) of an organization. Dates are calendar dates ('YYYY-MM-DD'); a member who left stays, as history. */
@Entity({ schema: ORGANIZATIONS_SCHEMA, name: 'member' })
export class MemberEntity {
  @PrimaryColumn('uuid') id: string;
  @Index()
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;
  @Column('text') name: string;
  /** Contact only; never copied into events. */
  @Column('text', { nullable: true }) phone: string | null;
  @Column('date', { name: 'joined_on' }) joinedOn: string;
  /** Null while the member is in the organization; never before joinedOn (the table checks it). */
  @Column('date', { name: 'left_on', nullable: true }) leftOn: string | null;
  /** A core member, leader (骨干). */
  @Column('boolean', { name: 'is_leader', default: false }) isLeader: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @VersionColumn() version: number;
}

/** An activity (活动) an organization held. Who of its members attended is in `activity_attendee`. */
@Entity({ schema: ORGANIZATIONS_SCHEMA, name: 'activity' })
@Index(['organizationId', 'heldOn'])
export class ActivityEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;
  @Column('text') kind: ActivityKind;
  @Column('text') title: string;
  @Column('date', { name: 'held_on' }) heldOn: string;
  /** Duration, more than 0 and at most 24, two decimals. */
  @Column('numeric', { precision: 4, scale: 2, transformer: numericAsNumber }) hours: number;
  /** Everyone who took part, residents who are not members included. */
  @Column('integer') participants: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @VersionColumn() version: number;
}

/** A member of the organization who attended one of its activities. */
@Entity({ schema: ORGANIZATIONS_SCHEMA, name: 'activity_attendee' })
export class ActivityAttendeeEntity {
  @PrimaryColumn('uuid', { name: 'activity_id' }) activityId: string;
  @Index()
  @PrimaryColumn('uuid', { name: 'member_id' }) memberId: string;
  @ManyToOne(() => ActivityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id' })
  activity?: ActivityEntity;
  @ManyToOne(() => MemberEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'member_id' })
  member?: MemberEntity;
}

/**
 * A charter (章程) an organization adopted. At most one is current (supersededAt null); adopting
 * another supersedes it, and the old row stays as history.
 */
@Entity({ schema: ORGANIZATIONS_SCHEMA, name: 'charter' })
@Index(['organizationId', 'adoptedOn'])
export class CharterEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;
  @Column('date', { name: 'adopted_on' }) adoptedOn: string;
  /** The charter's text; it or fileReference is present (the table checks it). */
  @Column('text', { nullable: true }) text: string | null;
  /** Where the signed document is kept (a document id or archive reference). */
  @Column('text', { name: 'file_reference', nullable: true }) fileReference: string | null;
  @Column('timestamptz', { name: 'superseded_at', nullable: true }) supersededAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @VersionColumn() version: number;
}

/** The filing record (备案) of an organization with its street office: one per organization. */
@Entity({ schema: ORGANIZATIONS_SCHEMA, name: 'filing' })
@Unique('filing_one_per_organization', ['organizationId'])
@Unique('filing_number_per_authority', ['authority', 'number'])
export class FilingEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;
  /** The filing number the authority issued; unique per authority. */
  @Column('text') number: string;
  @Column('date', { name: 'filed_on' }) filedOn: string;
  /** Who filed it, usually a street office (街道办事处). */
  @Column('text') authority: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @VersionColumn() version: number;
}
