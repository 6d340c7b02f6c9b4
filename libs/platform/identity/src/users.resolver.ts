import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ROLES, type Role } from '@peiyu/contracts';
import { Audit, DomainException, Roles, findAuditEntries, type AuditTrail } from '@peiyu/platform-nest';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IdentityService } from './identity.service.js';
import { OidcSignInService } from './oidc.service.js';
import { AuditEntry, AuditLogFilter, CreateUserInput, LinkExternalSubjectInput, SetUserEmailInput, SetUserPasswordInput, UpdateUserAccessInput, User } from './identity.types.js';

const MAX_AUDIT_PAGE = 500;

function json(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

/** What administrators do with users, and the audit log they read. */
@Resolver(() => User)
export class UsersResolver {
  constructor(
    private readonly identity: IdentityService,
    private readonly oidc: OidcSignInService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Roles('ADMIN')
  @Query(() => [User], { description: 'Every user, by username (administrators only).' })
  users(): Promise<User[]> {
    return this.identity.listUsers();
  }

  @Roles('ADMIN')
  @Mutation(() => User, { description: 'Creates a user with a role and scopes that fit it (administrators only).' })
  createUser(@Args('input') input: CreateUserInput, @Audit() trail: AuditTrail): Promise<User> {
    return this.identity.createUser({ ...input, scopes: input.scopes.map((s) => ({ kind: s.kind, id: s.id ?? null })) }, trail);
  }

  @Roles('ADMIN')
  @Mutation(() => User, { description: "Changes a user's role and scopes; CONFLICT if the user changed since `version` (administrators only)." })
  updateUserAccess(@Args('input') input: UpdateUserAccessInput, @Audit() trail: AuditTrail): Promise<User> {
    return this.identity.updateUserAccess({ ...input, scopes: input.scopes.map((s) => ({ kind: s.kind, id: s.id ?? null })) }, trail);
  }

  @Roles('ADMIN')
  @Mutation(() => User, { description: "Sets or clears the address a user's notifications are mailed to (administrators only)." })
  setUserEmail(@Args('input') input: SetUserEmailInput, @Audit() trail: AuditTrail): Promise<User> {
    return this.identity.setUserEmail(input.userId, input.email ?? null, trail);
  }

  @Roles('ADMIN')
  @Mutation(() => User, { description: "Sets a user's password and ends their sessions (administrators only)." })
  setUserPassword(@Args('input') input: SetUserPasswordInput, @Audit() trail: AuditTrail): Promise<User> {
    return this.identity.setUserPassword(input.userId, input.password, trail);
  }

  @Roles('ADMIN')
  @Mutation(() => User, { description: 'Links a user to their OpenID Connect subject, or unlinks them (administrators only).' })
  linkExternalSubject(@Args('input') input: LinkExternalSubjectInput, @Audit() trail: AuditTrail): Promise<User> {
    return this.identity.linkExternalSubject(input.userId, this.oidc.requireIssuer(), input.subject ?? null, trail);
  }

  @Roles('ADMIN')
  @Query(() => [AuditEntry], { description: 'Recorded mutation calls of every service, newest first (administrators only).' })
  async auditLog(
    // Typed without `| null` so its design type (and validation) is the class; it may still be null.
    @Args('filter', { type: () => AuditLogFilter, nullable: true }) filter: AuditLogFilter,
    @Args('first', { type: () => Int, defaultValue: 50, description: `At most ${MAX_AUDIT_PAGE}.` }) first: number,
  ): Promise<AuditEntry[]> {
    if (first < 1 || first > MAX_AUDIT_PAGE) throw DomainException.badInput('first', `first must be between 1 and ${MAX_AUDIT_PAGE}`);
    const rows = await findAuditEntries(this.db, filter ?? {}, first);
    return rows.map((r) => ({
      ...r,
      role: (ROLES as readonly string[]).includes(r.role ?? '') ? (r.role as Role) : null,
      arguments: json(r.arguments) ?? '{}',
      before: json(r.before),
      after: json(r.after),
    }));
  }
}
