import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Service contracts: a district buys an institution's services for a period, over the whole district
 * or some of its streets. They are what an institution's staff may work on beyond their own
 * cultivations (docs/security.md).
 */
export class OrganizationsServiceContracts1764500000200 implements MigrationInterface {
  name = 'OrganizationsServiceContracts1764500000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "organizations"."service_contract" (
      "id" UUID PRIMARY KEY,
      "institution_id" UUID NOT NULL REFERENCES "organizations"."institution" ("id") ON DELETE RESTRICT,
      "district_id" UUID NOT NULL,
      "street_ids" UUID[] NOT NULL DEFAULT '{}',
      "reference" TEXT NOT NULL CHECK (btrim("reference") <> ''),
      "starts_on" DATE NOT NULL,
      "ends_on" DATE NOT NULL,
      "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "version" INTEGER NOT NULL,
      CONSTRAINT "service_contract_period" CHECK ("ends_on" >= "starts_on"),
      CONSTRAINT "service_contract_reference_unique" UNIQUE ("district_id", "reference")
    )`);
    await q.query(`CREATE INDEX "service_contract_institution_idx" ON "organizations"."service_contract" ("institution_id", "ends_on")`);
    await q.query(`CREATE INDEX "service_contract_district_idx" ON "organizations"."service_contract" ("district_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "organizations"."service_contract"`);
  }
}
