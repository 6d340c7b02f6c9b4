import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import type { Role, Scope } from '@peiyu/contracts';

export const IDENTITY_SCHEMA = 'identity';

@Entity({ schema: IDENTITY_SCHEMA, name: 'user_account' })
@Index(['externalIssuer', 'externalSubject'], { unique: true, where: '"external_subject" IS NOT NULL' })
export class UserAccountEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { unique: true }) username: string;
  @Column('text', { name: 'display_name' }) displayName: string;
  /** Where notifications are mailed; null: the in-app inbox only. */
  @Column('text', { nullable: true }) email: string | null;
  /** Argon2id hash; the password itself is never stored. */
  @Column('text', { name: 'password_hash' }) passwordHash: string;
  @Column('text') role: Role;
  @Column('jsonb') scopes: Scope[];
  /** The OpenID Connect issuer and subject (`sub`) this user signs in as, when linked. */
  @Column('text', { name: 'external_issuer', nullable: true }) externalIssuer: string | null;
  @Column('text', { name: 'external_subject', nullable: true }) externalSubject: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @VersionColumn() version: number;
}
