import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The relay starts reading cultivation-service's own outbox (for `cultivation.deadlines-changed`)
 * at its end: nothing written before this version asks for a recompute, so there is no need to
 * walk the whole history once.
 */
export class CultivationRelayOwnOutbox1764700000400 implements MigrationInterface {
  name = 'CultivationRelayOwnOutbox1764700000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO "cultivation"."relay_position" ("source", "last_id")
       SELECT 'cultivation', COALESCE(max("id"), 0) FROM "cultivation"."outbox"
       ON CONFLICT ("source") DO NOTHING`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "cultivation"."relay_position" WHERE "source" = 'cultivation'`);
  }
}
