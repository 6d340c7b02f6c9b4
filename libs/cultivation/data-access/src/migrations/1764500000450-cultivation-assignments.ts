import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which social workers a cultivation is assigned to: they record its evidence (docs/security.md). */
export class CultivationAssignments1764500000450 implements MigrationInterface {
  name = 'CultivationAssignments1764500000450';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "cultivation"."assignment" (
      "cultivation_id" UUID NOT NULL REFERENCES "cultivation"."cultivation" ("id") ON DELETE CASCADE,
      "user_id" UUID NOT NULL,
      "assigned_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "assigned_by" UUID NOT NULL,
      PRIMARY KEY ("cultivation_id", "user_id")
    )`);
    await q.query(`CREATE INDEX "assignment_user_idx" ON "cultivation"."assignment" ("user_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "cultivation"."assignment"`);
  }
}
