import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import type { Identity } from '@peiyu/contracts';
import { Audit, AuditRedact, CurrentIdentity, Public, requestClientAddress, type AuditTrail } from '@peiyu/platform-nest';
import type { UserAccountEntity } from '@peiyu/platform-identity-data-access';
import { IdentityService, type Session } from './identity.service.js';
import { OidcSignInService } from './oidc.service.js';
import { AuthPayload, ChangePasswordInput, CompleteOidcSignInInput, OidcAuthorization, RefreshTokenInput, SignInInput, SignOutInput, User } from './identity.types.js';

/** Names the signed-in user as the actor of a public mutation's audit row. */
function actAs(trail: AuditTrail, user: UserAccountEntity): void {
  trail.actor = { userId: user.id, username: user.username, role: user.role };
}

function payload(session: Session, trail: AuditTrail): AuthPayload {
  actAs(trail, session.user);
  return session;
}

/** Signing in and out, sessions, and the signed-in user. */
@Resolver(() => User)
export class IdentityResolver {
  constructor(
    private readonly identity: IdentityService,
    private readonly oidc: OidcSignInService,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, {
    description: 'Signs in with a username and password; UNAUTHENTICATED if they do not match, RATE_LIMITED after too many failures for the account or the address.',
  })
  async signIn(@Args('input') input: SignInInput, @Context('req') req: Request, @Audit() trail: AuditTrail): Promise<AuthPayload> {
    return payload(await this.identity.signIn(input.username, input.password, requestClientAddress(req)), trail);
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description: 'Exchanges a refresh token for a new access token and refresh token; the one given is used up. Send it without an Authorization header.',
  })
  async refreshToken(@Args('input') input: RefreshTokenInput, @Audit() trail: AuditTrail): Promise<AuthPayload> {
    return payload(await this.identity.refresh(input.refreshToken), trail);
  }

  @Public()
  @Mutation(() => Boolean, { description: "Ends the refresh token's session. Always true, whether the token was known or not." })
  async signOut(@Args('input') input: SignOutInput, @Audit() trail: AuditTrail): Promise<boolean> {
    const user = await this.identity.signOut(input.refreshToken);
    if (user) actAs(trail, user);
    return true;
  }

  @Mutation(() => Boolean, { description: "Changes the signed-in user's password (the current one is required) and ends their other sessions." })
  async changePassword(
    @Args('input') input: ChangePasswordInput,
    @CurrentIdentity() caller: Identity,
    @Context('req') req: Request,
    @Audit() trail: AuditTrail,
  ): Promise<boolean> {
    await this.identity.changeOwnPassword(caller, input.currentPassword, input.newPassword, requestClientAddress(req), trail);
    return true;
  }

  @Query(() => User, { description: 'The signed-in user.' })
  me(@CurrentIdentity() caller: Identity): Promise<User> {
    return this.identity.getUser(caller.userId);
  }

  @Public()
  @Query(() => Boolean, { description: 'Whether signing in through the OpenID provider is configured.' })
  oidcSignInEnabled(): boolean {
    return this.oidc.enabled;
  }

  @Public()
  @Mutation(() => OidcAuthorization, { description: 'Starts a sign-in through the OpenID provider; UNAVAILABLE when none is configured.' })
  beginOidcSignIn(): Promise<OidcAuthorization> {
    return this.oidc.begin();
  }

  @Public()
  @AuditRedact('code', 'state')
  @Mutation(() => AuthPayload, { description: 'Completes a sign-in through the OpenID provider with what it sent back to the redirect URI.' })
  async completeOidcSignIn(@Args('input') input: CompleteOidcSignInInput, @Audit() trail: AuditTrail): Promise<AuthPayload> {
    return payload(await this.oidc.complete(input.code, input.state), trail);
  }
}
