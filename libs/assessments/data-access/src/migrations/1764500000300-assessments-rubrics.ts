import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rubric versions an admin stored (version 1 of each category and kind is built in, in contracts) and
 * the capacity and maturity assessments scored against them.
 */
export class AssessmentsRubrics1764500000300 implements MigrationInterface {
  name = 'AssessmentsRubrics1764500000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "assessments"."rubric" (
      "id" UUID PRIMARY KEY,
      "category" TEXT NOT NULL CHECK ("category" IN ('LIFE_SERVICE', 'PUBLIC_WELFARE', 'CULTURE_SPORTS', 'MEDIATION')),
      "kind" TEXT NOT NULL CHECK ("kind" IN ('CAPACITY', 'MATURITY')),
      "version" INTEGER NOT NULL CHECK ("version" >= 2),
      "document" JSONB NOT NULL,
      "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "created_by" UUID NOT NULL,
      CONSTRAINT "rubric_version_unique" UNIQUE ("category", "kind", "version")
    )`);
    await q.query(`CREATE TABLE "assessments"."assessment" (
      "id" UUID PRIMARY KEY,
      "organization_id" UUID NOT NULL,
      "category" TEXT NOT NULL,
      "kind" TEXT NOT NULL CHECK ("kind" IN ('CAPACITY', 'MATURITY')),
      "rubric_version" INTEGER NOT NULL,
      "scores" JSONB NOT NULL,
      "total" NUMERIC(5, 2) NOT NULL CHECK ("total" >= 0 AND "total" <= 100),
      "pass_score" NUMERIC(5, 2) NOT NULL,
      "passed" BOOLEAN NOT NULL,
      "assessed_on" DATE NOT NULL,
      "assessed_by" UUID NOT NULL,
      "note" TEXT,
      "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "version" INTEGER NOT NULL
    )`);
    await q.query(`CREATE INDEX "assessment_organization_idx" ON "assessments"."assessment" ("organization_id", "kind", "assessed_on" DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "assessments"."assessment"`);
    await q.query(`DROP TABLE "assessments"."rubric"`);
  }
}
