import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createOutboxTableSql } from '@peiyu/platform-database';

export class AssessmentsNeedsSurveys1764300000300 implements MigrationInterface {
  name = 'AssessmentsNeedsSurveys1764300000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "assessments"."needs_survey" (
      "id" UUID PRIMARY KEY,
      "community_id" UUID NOT NULL,
      "title" TEXT NOT NULL CHECK (btrim("title") <> ''),
      "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "version" INTEGER NOT NULL
    )`);
    await q.query(`CREATE INDEX "needs_survey_community_idx" ON "assessments"."needs_survey" ("community_id")`);
    await q.query(`CREATE TABLE "assessments"."survey_response" (
      "id" UUID PRIMARY KEY,
      "survey_id" UUID NOT NULL REFERENCES "assessments"."needs_survey"("id") ON DELETE RESTRICT,
      "respondent_label" TEXT,
      "demand_categories" TEXT[] NOT NULL CHECK (
        cardinality("demand_categories") > 0
        AND "demand_categories" <@ ARRAY['LIFE_SERVICE', 'PUBLIC_WELFARE', 'CULTURE_SPORTS', 'MEDIATION']::TEXT[]
      ),
      "created_at" TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX "survey_response_survey_idx" ON "assessments"."survey_response" ("survey_id")`);
    await q.query(createOutboxTableSql('assessments'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "assessments"."outbox"`);
    await q.query(`DROP TABLE "assessments"."survey_response"`);
    await q.query(`DROP TABLE "assessments"."needs_survey"`);
  }
}
