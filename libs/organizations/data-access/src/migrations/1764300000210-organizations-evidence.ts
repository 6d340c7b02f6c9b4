import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The evidence a cultivation's gates are judged on: members, activities and who attended, charters, filings. */
export class OrganizationsEvidence1764300000210 implements MigrationInterface {
  name = 'OrganizationsEvidence1764300000210';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "organizations"."member" (
      "id" UUID PRIMARY KEY,
      "organization_id" UUID NOT NULL REFERENCES "organizations"."organization" ("id") ON DELETE RESTRICT,
      "name" TEXT NOT NULL CHECK (btrim("name") <> ''),
      "phone" TEXT,
      "joined_on" DATE NOT NULL,
      "left_on" DATE,
      "is_leader" BOOLEAN NOT NULL DEFAULT false,
      "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "version" INTEGER NOT NULL,
      CONSTRAINT "member_left_after_joined" CHECK ("left_on" IS NULL OR "left_on" >= "joined_on")
    )`);
    await q.query(`CREATE INDEX "member_organization_idx" ON "organizations"."member" ("organization_id")`);

    await q.query(`CREATE TABLE "organizations"."activity" (
      "id" UUID PRIMARY KEY,
      "organization_id" UUID NOT NULL REFERENCES "organizations"."organization" ("id") ON DELETE RESTRICT,
      "kind" TEXT NOT NULL CHECK ("kind" IN ('INTEREST_ACTIVITY', 'RECRUITMENT', 'TRAINING', 'MEETING', 'SERVICE')),
      "title" TEXT NOT NULL CHECK (btrim("title") <> ''),
      "held_on" DATE NOT NULL,
      "hours" NUMERIC(4, 2) NOT NULL CHECK ("hours" > 0 AND "hours" <= 24),
      "participants" INTEGER NOT NULL CHECK ("participants" >= 0),
      "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "version" INTEGER NOT NULL
    )`);
    await q.query(`CREATE INDEX "activity_organization_held_idx" ON "organizations"."activity" ("organization_id", "held_on")`);

    await q.query(`CREATE TABLE "organizations"."activity_attendee" (
      "activity_id" UUID NOT NULL REFERENCES "organizations"."activity" ("id") ON DELETE CASCADE,
      "member_id" UUID NOT NULL REFERENCES "organizations"."member" ("id") ON DELETE RESTRICT,
      PRIMARY KEY ("activity_id", "member_id")
    )`);
    await q.query(`CREATE INDEX "activity_attendee_member_idx" ON "organizations"."activity_attendee" ("member_id")`);

    await q.query(`CREATE TABLE "organizations"."charter" (
      "id" UUID PRIMARY KEY,
      "organization_id" UUID NOT NULL REFERENCES "organizations"."organization" ("id") ON DELETE RESTRICT,
      "adopted_on" DATE NOT NULL,
      "text" TEXT,
      "file_reference" TEXT,
      "superseded_at" TIMESTAMPTZ,
      "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "version" INTEGER NOT NULL,
      CONSTRAINT "charter_has_content" CHECK ("text" IS NOT NULL OR "file_reference" IS NOT NULL)
    )`);
    // At most one current charter per organization; superseded ones stay as history.
    await q.query(
      `CREATE UNIQUE INDEX "charter_current_per_organization" ON "organizations"."charter" ("organization_id") WHERE "superseded_at" IS NULL`,
    );
    await q.query(`CREATE INDEX "charter_organization_idx" ON "organizations"."charter" ("organization_id", "adopted_on")`);

    await q.query(`CREATE TABLE "organizations"."filing" (
      "id" UUID PRIMARY KEY,
      "organization_id" UUID NOT NULL REFERENCES "organizations"."organization" ("id") ON DELETE RESTRICT,
      "number" TEXT NOT NULL CHECK (btrim("number") <> ''),
      "filed_on" DATE NOT NULL,
      "authority" TEXT NOT NULL CHECK (btrim("authority") <> ''),
      "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "version" INTEGER NOT NULL,
      CONSTRAINT "filing_one_per_organization" UNIQUE ("organization_id"),
      CONSTRAINT "filing_number_per_authority" UNIQUE ("authority", "number")
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "organizations"."filing"`);
    await q.query(`DROP TABLE "organizations"."charter"`);
    await q.query(`DROP TABLE "organizations"."activity_attendee"`);
    await q.query(`DROP TABLE "organizations"."activity"`);
    await q.query(`DROP TABLE "organizations"."member"`);
  }
}
