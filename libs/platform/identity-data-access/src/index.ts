import { IDENTITY_SCHEMA, UserAccountEntity } from './user.entity.js';
import { IdentityUsers1764300000100 } from './migrations/1764300000100-identity-users.js';

export * from './user.entity.js';
export * from './readers.js';

/** The identity schema: users, their roles and scopes. Hosted by communities-service (docs/decisions/0003). */
export const identityOwnership = {
  schemas: [IDENTITY_SCHEMA],
  entities: [UserAccountEntity],
  migrations: [IdentityUsers1764300000100],
};
