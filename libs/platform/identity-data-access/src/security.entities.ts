import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IDENTITY_SCHEMA } from './user.entity.js';

/**
 * A refresh token, stored as its SHA-256 hash. Each use rotates it: the used one is revoked and
 * replaced in the same family; presenting a revoked one again revokes the whole family.
 */
@Entity({ schema: IDENTITY_SCHEMA, name: 'refresh_token' })
export class RefreshTokenEntity {
  @PrimaryColumn('uuid') id: string;
  /** All the tokens descended from one sign-in share the family of the first. */
  @Index()
  @Column('uuid', { name: 'family_id' }) familyId: string;
  @Index()
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('text', { name: 'token_hash', unique: true }) tokenHash: string;
  @Column('timestamptz', { name: 'issued_at' }) issuedAt: Date;
  /** When the family's first token was issued (the sign-in); a family is not refreshed past the session maximum. */
  @Column('timestamptz', { name: 'session_started_at' }) sessionStartedAt: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
  /** ROTATED, REUSED (the family was revoked because a revoked token came back), SIGNED_OUT, PASSWORD_CHANGED. */
  @Column('text', { name: 'revoked_reason', nullable: true }) revokedReason: string | null;
  @Column('uuid', { name: 'replaced_by', nullable: true }) replacedBy: string | null;
}

/** An OpenID Connect sign-in under way: what must be checked when the provider sends the user back. */
@Entity({ schema: IDENTITY_SCHEMA, name: 'oidc_pending_sign_in' })
export class OidcPendingSignInEntity {
  /** SHA-256 of the `state` parameter; the state itself is only in the user's browser. */
  @PrimaryColumn('text', { name: 'state_hash' }) stateHash: string;
  @Column('text') nonce: string;
  @Column('text', { name: 'code_verifier' }) codeVerifier: string;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
}
