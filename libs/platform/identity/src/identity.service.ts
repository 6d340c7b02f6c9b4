import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull, QueryFailedError, type EntityManager } from 'typeorm';
import type { Identity, Role, Scope } from '@peiyu/contracts';
import { hashPassword, hashRefreshToken, issueToken, looksLikeRefreshToken, newRefreshToken, verifyPassword, type IssuedToken } from '@peiyu/platform-auth';
import { DomainException, JWT_SECRET, type AuditTrail } from '@peiyu/platform-nest';
import { RefreshTokenEntity, UserAccountEntity } from '@peiyu/platform-identity-data-access';
import { passwordProblem, scopeProblem, userSnapshot, usernameProblem, type InputProblem } from './access-policy.js';
import { IDENTITY_SETTINGS, type IdentitySettings } from './identity-settings.js';
import { SCOPE_DIRECTORY, type ScopeDirectory } from './scope-directory.js';
import { SignInThrottle } from './sign-in-throttle.js';

// Verifying against a fixed hash when the user is unknown keeps the timing of both failures alike.
const UNKNOWN_USER_HASH = hashPassword('unknown-user-placeholder');
const UNIQUE_VIOLATION = '23505';

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION;
}

function badInput(problem: InputProblem): DomainException {
  return DomainException.badInput(problem.field, problem.message);
}

export interface NewUser {
  username: string;
  displayName: string;
  email?: string | null;
  password: string;
  role: Role;
  scopes: Scope[];
}

export interface UserAccess {
  userId: string;
  role: Role;
  scopes: Scope[];
  /** The version the caller read; another change since then is a CONFLICT. */
  version: number;
}

/** A signed-in session: a short-lived access token and the refresh token that renews it. */
export interface Session extends IssuedToken {
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  user: UserAccountEntity;
}

type RefreshOutcome = { kind: 'ok'; session: Session } | { kind: 'refused'; message: string } | { kind: 'conflict' };

@Injectable()
export class IdentityService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(JWT_SECRET) private readonly secret: string,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
    @Inject(SCOPE_DIRECTORY) private readonly scopeDirectory: ScopeDirectory,
    private readonly throttle: SignInThrottle,
  ) {}

  /** Signs in with a password, rate-limited per account and per client address. */
  async signIn(username: string, password: string, clientAddress: string | null): Promise<Session> {
    const attempt = await this.throttle.begin(username, clientAddress);
    const user = await this.db.getRepository(UserAccountEntity).findOneBy({ username });
    const valid = await verifyPassword(user?.passwordHash ?? (await UNKNOWN_USER_HASH), password);
    if (!user || !valid) {
      attempt.failed();
      throw new DomainException('UNAUTHENTICATED', 'The username or password is wrong.');
    }
    await attempt.succeeded();
    return this.startSession(user);
  }

  /** A new session (a new refresh-token family) for a user who has just proved who they are. */
  async startSession(user: UserAccountEntity, now = new Date()): Promise<Session> {
    const issued = await issueToken(identityOf(user), this.secret, this.settings.accessTokenTtlSeconds, now);
    const refresh = await this.storeRefreshToken(this.db.manager, user.id, randomUUID(), now, now);
    return { ...issued, ...refresh, user };
  }

  private async storeRefreshToken(
    m: EntityManager,
    userId: string,
    familyId: string,
    sessionStartedAt: Date,
    now: Date,
  ): Promise<{ id: string; refreshToken: string; refreshTokenExpiresAt: Date }> {
    const { token, hash } = newRefreshToken();
    const expiresAt = new Date(Math.min(now.getTime() + this.settings.refreshTokenTtlSeconds * 1000, sessionStartedAt.getTime() + this.settings.sessionMaxSeconds * 1000));
    const id = randomUUID();
    await m.getRepository(RefreshTokenEntity).insert({
      id,
      familyId,
      userId,
      tokenHash: hash,
      issuedAt: now,
      sessionStartedAt,
      expiresAt,
      revokedAt: null,
      revokedReason: null,
      replacedBy: null,
    });
    return { id, refreshToken: token, refreshTokenExpiresAt: expiresAt };
  }

  /**
   * Rotates a refresh token: a new access token and refresh token, the used one revoked. A revoked
   * token presented again means it was copied: the whole family (that sign-in's session) is revoked,
   * unless it was rotated only moments ago (CONFLICT then, and the session goes on).
   */
  async refresh(refreshToken: string): Promise<Session> {
    const refused = new DomainException('UNAUTHENTICATED', 'The refresh token is not valid; sign in again.');
    if (!looksLikeRefreshToken(refreshToken)) throw refused;
    const outcome = await this.db.transaction(async (m): Promise<RefreshOutcome> => {
      const now = new Date();
      const row = await m.getRepository(RefreshTokenEntity).findOne({ where: { tokenHash: hashRefreshToken(refreshToken) }, lock: { mode: 'pessimistic_write' } });
      if (!row) return { kind: 'refused', message: refused.message };
      if (row.revokedAt) {
        // Just rotated: another tab or a retry of a lost answer, not a copy. Nothing is issued for it.
        if (row.revokedReason === 'ROTATED' && now.getTime() - row.revokedAt.getTime() < this.settings.refreshReuseGraceSeconds * 1000) {
          return { kind: 'conflict' };
        }
        await this.revokeFamily(m, row.familyId, 'REUSED', now);
        return { kind: 'refused', message: 'The refresh token was already used; its session has been ended. Sign in again.' };
      }
      if (row.expiresAt.getTime() <= now.getTime()) return { kind: 'refused', message: 'The refresh token has expired; sign in again.' };
      const user = await m.getRepository(UserAccountEntity).findOneBy({ id: row.userId });
      if (!user) return { kind: 'refused', message: refused.message };
      if (row.sessionStartedAt.getTime() + this.settings.sessionMaxSeconds * 1000 <= now.getTime()) {
        return { kind: 'refused', message: 'The session has reached its maximum length; sign in again.' };
      }
      const next = await this.storeRefreshToken(m, user.id, row.familyId, row.sessionStartedAt, now);
      await m.getRepository(RefreshTokenEntity).update({ id: row.id }, { revokedAt: now, revokedReason: 'ROTATED', replacedBy: next.id });
      const issued = await issueToken(identityOf(user), this.secret, this.settings.accessTokenTtlSeconds, now);
      return { kind: 'ok', session: { ...issued, refreshToken: next.refreshToken, refreshTokenExpiresAt: next.refreshTokenExpiresAt, user } };
    });
    // Thrown after the commit, so a reuse's revocation of the family stays.
    if (outcome.kind === 'refused') throw new DomainException('UNAUTHENTICATED', outcome.message);
    if (outcome.kind === 'conflict') {
      throw new DomainException('CONFLICT', 'The refresh token has just been rotated by another request; use the refresh token that request received.');
    }
    return outcome.session;
  }

  /** Ends the session of a refresh token (its whole family). Unknown tokens are ignored, so the answer tells nothing. */
  async signOut(refreshToken: string): Promise<UserAccountEntity | null> {
    if (!looksLikeRefreshToken(refreshToken)) return null;
    const row = await this.db.getRepository(RefreshTokenEntity).findOneBy({ tokenHash: hashRefreshToken(refreshToken) });
    if (!row) return null;
    await this.revokeFamily(this.db.manager, row.familyId, 'SIGNED_OUT', new Date());
    return this.db.getRepository(UserAccountEntity).findOneBy({ id: row.userId });
  }

  private async revokeFamily(m: EntityManager, familyId: string, reason: string, now: Date): Promise<void> {
    await m.getRepository(RefreshTokenEntity).update({ familyId, revokedAt: IsNull() }, { revokedAt: now, revokedReason: reason });
  }

  private async revokeAllSessions(m: EntityManager, userId: string, reason: string): Promise<void> {
    await m.getRepository(RefreshTokenEntity).update({ userId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: reason });
  }

  async getUser(id: string): Promise<UserAccountEntity> {
    const user = await this.db.getRepository(UserAccountEntity).findOneBy({ id });
    if (!user) throw DomainException.notFound('User', id);
    return user;
  }

  listUsers(): Promise<UserAccountEntity[]> {
    return this.db.getRepository(UserAccountEntity).find({ order: { username: 'ASC' } });
  }

  /** Role and scopes that make sense together, and whose places exist. */
  private async checkAccess(role: Role, scopes: Scope[]): Promise<void> {
    const problem = scopeProblem(role, scopes);
    if (problem) throw badInput(problem);
    const missing = await this.scopeDirectory.missing(scopes);
    if (missing.length > 0) {
      const index = scopes.findIndex((s) => s.kind === missing[0].kind && s.id === missing[0].id);
      throw DomainException.badInput(`scopes.${index}.id`, `${missing[0].kind} ${missing[0].id} does not exist.`);
    }
  }

  /** An administrator creates a user; every check comes before anything is written. */
  async createUser(input: NewUser, trail: AuditTrail): Promise<UserAccountEntity> {
    const problem = usernameProblem(input.username) ?? passwordProblem(input.password);
    if (problem) throw badInput(problem);
    if (!input.displayName.trim()) throw DomainException.badInput('displayName', 'displayName must not be empty');
    await this.checkAccess(input.role, input.scopes);
    const passwordHash = await hashPassword(input.password);
    const repo = this.db.getRepository(UserAccountEntity);
    try {
      await repo.insert({
        id: randomUUID(),
        username: input.username,
        displayName: input.displayName.trim(),
        email: input.email?.trim() || null,
        passwordHash,
        role: input.role,
        scopes: normalizeScopes(input.scopes),
        externalIssuer: null,
        externalSubject: null,
        version: 1,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw DomainException.badInput('username', `The username ${input.username} is taken.`);
      throw error;
    }
    const user = await repo.findOneByOrFail({ username: input.username });
    trail.change = { entityType: 'User', entityId: user.id, before: null, after: userSnapshot(user) };
    return user;
  }

  /**
   * Changes a user's role and scopes if nobody changed the user since the caller read `version`
   * (CONFLICT otherwise). The last administrator cannot lose the role.
   */
  async updateUserAccess(input: UserAccess, trail: AuditTrail): Promise<UserAccountEntity> {
    await this.checkAccess(input.role, input.scopes);
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(UserAccountEntity);
      if (input.role !== 'ADMIN') {
        // Lock the administrators, so two demotions at once cannot leave none.
        const admins: { id: string }[] = await m.query(`SELECT "id" FROM "identity"."user_account" WHERE "role" = 'ADMIN' ORDER BY "id" FOR UPDATE`);
        if (admins.length === 1 && admins[0].id === input.userId) throw DomainException.badInput('role', 'This is the last administrator; make another one first.');
      }
      const before = await repo.findOne({ where: { id: input.userId }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw DomainException.notFound('User', input.userId);
      if (before.version !== input.version) {
        throw new DomainException('CONFLICT', `The user was changed since version ${input.version} (now version ${before.version}); read it again.`);
      }
      await m.query(`UPDATE "identity"."user_account" SET "role" = $1, "scopes" = $2::jsonb, "version" = "version" + 1 WHERE "id" = $3`, [
        input.role,
        JSON.stringify(normalizeScopes(input.scopes)),
        input.userId,
      ]);
      const after = await repo.findOneByOrFail({ id: input.userId });
      trail.change = { entityType: 'User', entityId: after.id, before: userSnapshot(before), after: userSnapshot(after) };
      return after;
    });
  }

  /** Sets or clears a user's mail address (administrators). */
  async setUserEmail(userId: string, email: string | null, trail: AuditTrail): Promise<UserAccountEntity> {
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(UserAccountEntity);
      const before = await repo.findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw DomainException.notFound('User', userId);
      await m.query(`UPDATE "identity"."user_account" SET "email" = $1, "version" = "version" + 1 WHERE "id" = $2`, [email?.trim() || null, userId]);
      const after = await repo.findOneByOrFail({ id: userId });
      trail.change = { entityType: 'User', entityId: after.id, before: userSnapshot(before), after: userSnapshot(after) };
      return after;
    });
  }

  /** Sets a user's password (an administrator's reset) and ends all their sessions. */
  async setUserPassword(userId: string, password: string, trail: AuditTrail, field = 'password'): Promise<UserAccountEntity> {
    const problem = passwordProblem(password, field);
    if (problem) throw badInput(problem);
    const passwordHash = await hashPassword(password);
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(UserAccountEntity);
      const before = await repo.findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw DomainException.notFound('User', userId);
      await m.query(`UPDATE "identity"."user_account" SET "password_hash" = $1, "version" = "version" + 1 WHERE "id" = $2`, [passwordHash, userId]);
      await this.revokeAllSessions(m, userId, 'PASSWORD_CHANGED');
      const after = await repo.findOneByOrFail({ id: userId });
      trail.change = { entityType: 'User', entityId: userId, before: userSnapshot(before), after: { ...userSnapshot(after), password: 'CHANGED' } };
      return after;
    });
  }

  /**
   * A user changes their own password: the current one must be right (wrong ones count as failed
   * sign-ins, so a stolen access token cannot be used to guess it).
   */
  async changeOwnPassword(caller: Identity, currentPassword: string, newPassword: string, clientAddress: string | null, trail: AuditTrail): Promise<void> {
    const problem = passwordProblem(newPassword, 'newPassword');
    if (problem) throw badInput(problem);
    const user = await this.getUser(caller.userId);
    const attempt = await this.throttle.begin(user.username, clientAddress);
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      attempt.failed();
      throw DomainException.badInput('currentPassword', 'The current password is wrong.');
    }
    await attempt.succeeded();
    if (currentPassword === newPassword) throw DomainException.badInput('newPassword', 'The new password must differ from the current one.');
    await this.setUserPassword(user.id, newPassword, trail, 'newPassword');
  }

  /** Links a user to the subject (`sub`) the configured OpenID provider knows them by, or unlinks them (null). */
  async linkExternalSubject(userId: string, issuer: string, subject: string | null, trail: AuditTrail): Promise<UserAccountEntity> {
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(UserAccountEntity);
      const before = await repo.findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw DomainException.notFound('User', userId);
      try {
        await m.query(`UPDATE "identity"."user_account" SET "external_issuer" = $1, "external_subject" = $2, "version" = "version" + 1 WHERE "id" = $3`, [
          subject === null ? null : issuer,
          subject,
          userId,
        ]);
      } catch (error) {
        if (isUniqueViolation(error)) throw DomainException.badInput('subject', 'Another user is linked to this subject.');
        throw error;
      }
      const after = await repo.findOneByOrFail({ id: userId });
      trail.change = { entityType: 'User', entityId: userId, before: userSnapshot(before), after: userSnapshot(after) };
      return after;
    });
  }

  findByExternalSubject(issuer: string, subject: string): Promise<UserAccountEntity | null> {
    return this.db.getRepository(UserAccountEntity).findOneBy({ externalIssuer: issuer, externalSubject: subject });
  }

  /** Creates the user, or updates name, password, role and scopes if the username exists (tools and tests). */
  async upsertUser(input: NewUser): Promise<UserAccountEntity> {
    const repo = this.db.getRepository(UserAccountEntity);
    const existing = await repo.findOneBy({ username: input.username });
    const passwordHash = await hashPassword(input.password);
    return repo.save({
      ...(existing ?? { id: randomUUID(), externalIssuer: null, externalSubject: null }),
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      role: input.role,
      scopes: input.scopes,
    });
  }
}

/** Scopes as stored: `{kind, id}` only, CITY with a null id. */
function normalizeScopes(scopes: Scope[]): Scope[] {
  return scopes.map((s) => ({ kind: s.kind, id: s.kind === 'CITY' ? null : (s.id ?? null) }));
}

export function identityOf(user: UserAccountEntity): Identity {
  return { userId: user.id, username: user.username, role: user.role, scopes: user.scopes };
}
