import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Identity } from '@peiyu/contracts';
import { CurrentIdentity, Public } from '@peiyu/platform-nest';
import { IdentityService } from './identity.service.js';
import { AuthPayload, SignInInput, User } from './identity.types.js';

@Resolver(() => User)
export class IdentityResolver {
  constructor(private readonly identity: IdentityService) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Signs in with a username and password; UNAUTHENTICATED if they do not match.' })
  signIn(@Args('input') input: SignInInput): Promise<AuthPayload> {
    return this.identity.signIn(input.username, input.password);
  }

  @Query(() => User, { description: 'The signed-in user.' })
  me(@CurrentIdentity() caller: Identity): Promise<User> {
    return this.identity.getUser(caller.userId);
  }
}
