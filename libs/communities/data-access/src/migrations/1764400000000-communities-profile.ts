import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A community's population, households and address, each optional. */
export class CommunitiesProfile1764400000000 implements MigrationInterface {
  name = 'CommunitiesProfile1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "communities"."community"
      ADD COLUMN "population" INTEGER CHECK ("population" >= 0),
      ADD COLUMN "households" INTEGER CHECK ("households" >= 0),
      ADD COLUMN "address" TEXT`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "communities"."community" DROP COLUMN "address", DROP COLUMN "households", DROP COLUMN "population"`);
  }
}
