import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, VersionColumn } from 'typeorm';

export const COMMUNITIES_SCHEMA = 'communities';

@Entity({ schema: COMMUNITIES_SCHEMA, name: 'district' })
export class DistrictEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Index({ unique: true })
  @Column('text') code: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @VersionColumn() version: number;
}

@Entity({ schema: COMMUNITIES_SCHEMA, name: 'street' })
@Index(['districtId', 'name'], { unique: true })
export class StreetEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'district_id' }) districtId: string;
  @ManyToOne(() => DistrictEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_id' })
  district?: DistrictEntity;
  @Column('text') name: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @VersionColumn() version: number;
}

@Entity({ schema: COMMUNITIES_SCHEMA, name: 'community' })
@Index(['streetId', 'name'], { unique: true })
export class CommunityEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'street_id' }) streetId: string;
  @ManyToOne(() => StreetEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'street_id' })
  street?: StreetEntity;
  /** Denormalised from the street so scope checks and district filters need no join. */
  @Index()
  @Column('uuid', { name: 'district_id' }) districtId: string;
  @Column('text') name: string;
  /** Residents; null when not known. */
  @Column('integer', { nullable: true }) population: number | null;
  /** Households; null when not known. */
  @Column('integer', { nullable: true }) households: number | null;
  /** Postal address of the community (residents' committee); null when not known. */
  @Column('text', { nullable: true }) address: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @VersionColumn() version: number;
}
