import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createOutboxTableSql } from '@peiyu/platform-database';

export class OrganizationsCore1764300000200 implements MigrationInterface {
  name = 'OrganizationsCore1764300000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "organizations"."institution" (
      "id" UUID PRIMARY KEY,
      "name" TEXT NOT NULL UNIQUE,
      "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "version" INTEGER NOT NULL
    )`);
    await q.query(`CREATE TABLE "organizations"."organization" (
      "id" UUID PRIMARY KEY,
      "name" TEXT NOT NULL,
      "community_id" UUID NOT NULL,
      "category" TEXT NOT NULL CHECK ("category" IN ('LIFE_SERVICE', 'PUBLIC_WELFARE', 'CULTURE_SPORTS', 'MEDIATION')),
      "status" TEXT NOT NULL CHECK ("status" IN ('FORMING', 'GROWING', 'MATURE', 'FILED', 'INDEPENDENT', 'DISSOLVED')),
      "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "version" INTEGER NOT NULL,
      UNIQUE ("community_id", "name")
    )`);
    await q.query(`CREATE INDEX "organization_community_idx" ON "organizations"."organization" ("community_id")`);
    await q.query(createOutboxTableSql('organizations'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "organizations"."outbox"`);
    await q.query(`DROP TABLE "organizations"."organization"`);
    await q.query(`DROP TABLE "organizations"."institution"`);
  }
}
