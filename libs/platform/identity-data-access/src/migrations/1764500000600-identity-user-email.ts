import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A user's mail address, where notifications are mailed besides the in-app inbox; optional. */
export class IdentityUserEmail1764500000600 implements MigrationInterface {
  name = 'IdentityUserEmail1764500000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "identity"."user_account" ADD COLUMN "email" TEXT CHECK ("email" IS NULL OR "email" ~ '^[^@[:space:]]+@[^@[:space:]]+$')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "identity"."user_account" DROP COLUMN "email"`);
  }
}
