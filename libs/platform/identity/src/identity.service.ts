import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Identity, Role, Scope } from '@peiyu/contracts';
import { hashPassword, issueToken, verifyPassword, type IssuedToken } from '@peiyu/platform-auth';
import { DomainException, JWT_SECRET } from '@peiyu/platform-nest';
import { UserAccountEntity } from '@peiyu/platform-identity-data-access';

export const TOKEN_TTL_SECONDS = Symbol('TOKEN_TTL_SECONDS');

// Verifying against a fixed hash when the user is unknown keeps the timing of both failures alike.
const UNKNOWN_USER_HASH = hashPassword('unknown-user-placeholder');

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  scopes: Scope[];
}

@Injectable()
export class IdentityService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(JWT_SECRET) private readonly secret: string,
    @Inject(TOKEN_TTL_SECONDS) private readonly ttlSeconds: number,
  ) {}

  async signIn(username: string, password: string): Promise<IssuedToken & { user: UserAccountEntity }> {
    const user = await this.db.getRepository(UserAccountEntity).findOneBy({ username });
    const valid = await verifyPassword(user?.passwordHash ?? (await UNKNOWN_USER_HASH), password);
    if (!user || !valid) throw new DomainException('UNAUTHENTICATED', 'The username or password is wrong.');
    const issued = await issueToken(identityOf(user), this.secret, this.ttlSeconds);
    return { ...issued, user };
  }

  async getUser(id: string): Promise<UserAccountEntity> {
    const user = await this.db.getRepository(UserAccountEntity).findOneBy({ id });
    if (!user) throw DomainException.notFound('User', id);
    return user;
  }

  /** Creates the user, or updates name, password, role and scopes if the username exists. */
  async upsertUser(input: NewUser): Promise<UserAccountEntity> {
    const repo = this.db.getRepository(UserAccountEntity);
    const existing = await repo.findOneBy({ username: input.username });
    const passwordHash = await hashPassword(input.password);
    return repo.save({
      ...(existing ?? { id: randomUUID() }),
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      role: input.role,
      scopes: input.scopes,
    });
  }
}

export function identityOf(user: UserAccountEntity): Identity {
  return { userId: user.id, username: user.username, role: user.role, scopes: user.scopes };
}
