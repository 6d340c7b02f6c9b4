// Every schema of the platform with its entities and migrations: what `npm test` migrates once
// before the integration tests, and what the demo seed writes through. Services migrate their own
// schemas at start; this list is only for tools.
import type { SchemaOwnership } from '@peiyu/platform-database';
import { communitiesOwnership } from '@peiyu/communities-data-access';
import { identityOwnership } from '@peiyu/platform-identity-data-access';
import { organizationsOwnership } from '@peiyu/organizations-data-access';
import { cultivationOwnership } from '@peiyu/cultivation-data-access';
import { assessmentsOwnership } from '@peiyu/assessments-data-access';
import { analyticsOwnership } from '@peiyu/analytics-data-access';
import { auditOwnership } from '@peiyu/platform-nest';

export const ALL_OWNERSHIPS: SchemaOwnership[] = [
  communitiesOwnership,
  identityOwnership,
  organizationsOwnership,
  assessmentsOwnership,
  cultivationOwnership,
  analyticsOwnership,
  auditOwnership,
];
