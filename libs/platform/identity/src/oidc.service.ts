import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, LessThan } from 'typeorm';
import { OidcClient, OidcError } from '@peiyu/platform-auth';
import { DomainException } from '@peiyu/platform-nest';
import { OidcPendingSignInEntity } from '@peiyu/platform-identity-data-access';
import { IDENTITY_SETTINGS, type IdentitySettings } from './identity-settings.js';
import { IdentityService, type Session } from './identity.service.js';

/** Overrides the OpenID Connect client (tests: a fake provider, no network). */
export const OIDC_CLIENT = Symbol('OIDC_CLIENT');

/** How long a user has to come back from the provider. */
const PENDING_TTL_MS = 10 * 60 * 1000;

function stateHash(state: string): string {
  return createHash('sha256').update(state).digest('base64url');
}

/**
 * Sign-in through the configured OpenID provider (authorization-code flow with PKCE, state and
 * nonce). The pending sign-in is kept in PostgreSQL, so the user may come back to any replica, and
 * each one is used once. An ID token's subject signs in the user linked to it; there is no
 * matching by e-mail (see docs/security.md).
 */
@Injectable()
export class OidcSignInService {
  private readonly logger = new Logger('OIDC');
  private readonly client: OidcClient | null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(IDENTITY_SETTINGS) settings: IdentitySettings,
    private readonly identity: IdentityService,
    @Optional() @Inject(OIDC_CLIENT) client?: OidcClient,
  ) {
    this.client = client ?? (settings.oidc ? new OidcClient(settings.oidc) : null);
  }

  get enabled(): boolean {
    return this.client !== null;
  }

  /** The issuer users are linked under; FORBIDDEN-free: says plainly that the feature is off. */
  requireIssuer(): string {
    return this.requireClient().settings.issuer;
  }

  private requireClient(): OidcClient {
    if (!this.client) throw new DomainException('UNAVAILABLE', 'OpenID Connect sign-in is not configured on this server (set PEIYU_OIDC_ISSUER and the rest).');
    return this.client;
  }

  async begin(): Promise<{ authorizationUrl: string; state: string }> {
    const client = this.requireClient();
    const { url, pending } = await this.guard(() => client.begin());
    const repo = this.db.getRepository(OidcPendingSignInEntity);
    await repo.delete({ expiresAt: LessThan(new Date()) });
    await repo.insert({ stateHash: stateHash(pending.state), nonce: pending.nonce, codeVerifier: pending.codeVerifier, expiresAt: new Date(Date.now() + PENDING_TTL_MS) });
    return { authorizationUrl: url, state: pending.state };
  }

  async complete(code: string, state: string): Promise<Session> {
    const client = this.requireClient();
    // Taken and removed in one statement: a state is good for one sign-in.
    const [rows]: [{ nonce: string; code_verifier: string }[], number] = await this.db.query(
      `DELETE FROM "identity"."oidc_pending_sign_in" WHERE "state_hash" = $1 AND "expires_at" > now() RETURNING "nonce", "code_verifier"`,
      [stateHash(state)],
    );
    const pending = rows[0];
    if (!pending) throw new DomainException('UNAUTHENTICATED', 'This sign-in has expired or was already used; start again.');
    const verified = await this.guard(() => client.complete(code, { nonce: pending.nonce, codeVerifier: pending.code_verifier }));
    const user = await this.identity.findByExternalSubject(verified.issuer, verified.subject);
    if (!user) {
      this.logger.warn(`No user is linked to subject ${verified.subject} of ${verified.issuer}.`);
      throw new DomainException('UNAUTHENTICATED', 'No Peiyu user is linked to this account; ask an administrator to link it.');
    }
    return this.identity.startSession(user);
  }

  private async guard<T>(step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof OidcError)) throw error;
      if (error.reason === 'refused') throw new DomainException('UNAUTHENTICATED', error.message);
      this.logger.error(error.message);
      throw new DomainException('UNAVAILABLE', 'The OpenID provider is unavailable; try again later.');
    }
  }
}
