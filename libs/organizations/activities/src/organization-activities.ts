import type { DataSource } from 'typeorm';
import { domainEvent } from '@peiyu/contracts';
import { ORGANIZATIONS_SCHEMA } from '@peiyu/organizations-data-access';
import { appendOutboxEvent } from '@peiyu/platform-database';

/**
 * Activities that change organizations-service's data on behalf of a workflow; the worker hosts
 * them, but only this lib writes the organizations schema (ownership by code).
 */
export function createOrganizationActivities(db: DataSource) {
  return {
    /** A cultivation completed: the organization runs on its own. Idempotent: a retry changes nothing more. */
    async markOrganizationIndependent({ organizationId, cultivationId }: { organizationId: string; cultivationId: string }): Promise<void> {
      await db.transaction(async (m) => {
        await m.query(
          `UPDATE "organizations"."organization" SET "status" = 'INDEPENDENT', "version" = "version" + 1 WHERE "id" = $1 AND "status" <> 'INDEPENDENT'`,
          [organizationId],
        );
        await appendOutboxEvent(
          m,
          ORGANIZATIONS_SCHEMA,
          `organization.status-changed:${organizationId}:INDEPENDENT:${cultivationId}`,
          domainEvent('organization.status-changed', { organizationId, status: 'INDEPENDENT', at: new Date().toISOString() }),
        );
      });
    },
  };
}

export type OrganizationActivities = ReturnType<typeof createOrganizationActivities>;
