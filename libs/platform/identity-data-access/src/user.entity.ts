import { Column, CreateDateColumn, Entity, PrimaryColumn, VersionColumn } from 'typeorm';
import type { Role, Scope } from '@peiyu/contracts';

export const IDENTITY_SCHEMA = 'identity';

@Entity({ schema: IDENTITY_SCHEMA, name: 'user_account' })
export class UserAccountEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { unique: true }) username: string;
  @Column('text', { name: 'display_name' }) displayName: string;
  /** Argon2id hash; the password itself is never stored. */
  @Column('text', { name: 'password_hash' }) passwordHash: string;
  @Column('text') role: Role;
  @Column('jsonb') scopes: Scope[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @VersionColumn() version: number;
}
