import {
  ActivityAttendeeEntity,
  ActivityEntity,
  CharterEntity,
  FilingEntity,
  InstitutionEntity,
  MemberEntity,
  OrganizationEntity,
  ORGANIZATIONS_SCHEMA,
  ServiceContractEntity,
} from './entities.js';
import { OrganizationsCore1764300000200 } from './migrations/1764300000200-organizations-core.js';
import { OrganizationsEvidence1764300000210 } from './migrations/1764300000210-organizations-evidence.js';
import { OrganizationsServiceContracts1764500000200 } from './migrations/1764500000200-organizations-service-contracts.js';

export * from './entities.js';
export * from './readers.js';

/** What organizations-service owns in PostgreSQL. */
export const organizationsOwnership = {
  schemas: [ORGANIZATIONS_SCHEMA],
  entities: [InstitutionEntity, OrganizationEntity, MemberEntity, ActivityEntity, ActivityAttendeeEntity, CharterEntity, FilingEntity, ServiceContractEntity],
  migrations: [OrganizationsCore1764300000200, OrganizationsEvidence1764300000210, OrganizationsServiceContracts1764500000200],
};
