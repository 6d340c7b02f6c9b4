import { InstitutionEntity, OrganizationEntity, ORGANIZATIONS_SCHEMA } from './entities.js';
import { OrganizationsCore1764300000200 } from './migrations/1764300000200-organizations-core.js';

export * from './entities.js';
export * from './readers.js';

/** What organizations-service owns in PostgreSQL. */
export const organizationsOwnership = {
  schemas: [ORGANIZATIONS_SCHEMA],
  entities: [InstitutionEntity, OrganizationEntity],
  migrations: [OrganizationsCore1764300000200],
};
