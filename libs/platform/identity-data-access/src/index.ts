import { IDENTITY_SCHEMA, UserAccountEntity } from './user.entity.js';
import { OidcPendingSignInEntity, RefreshTokenEntity } from './security.entities.js';
import { IdentityUsers1764300000100 } from './migrations/1764300000100-identity-users.js';
import { IdentitySecurity1764300000200 } from './migrations/1764300000200-identity-security.js';
import { IdentityUserEmail1764500000600 } from './migrations/1764500000600-identity-user-email.js';

export * from './user.entity.js';
export * from './security.entities.js';
export * from './sign-in-attempts.js';
export * from './readers.js';

/**
 * The identity schema: users, their roles and scopes, refresh tokens, sign-in attempts and pending
 * OpenID Connect sign-ins. Hosted by communities-service (docs/decisions/0003).
 */
export const identityOwnership = {
  schemas: [IDENTITY_SCHEMA],
  entities: [UserAccountEntity, RefreshTokenEntity, OidcPendingSignInEntity],
  migrations: [IdentityUsers1764300000100, IdentitySecurity1764300000200, IdentityUserEmail1764500000600],
};
