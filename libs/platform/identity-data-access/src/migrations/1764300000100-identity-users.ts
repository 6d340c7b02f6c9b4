import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentityUsers1764300000100 implements MigrationInterface {
  name = 'IdentityUsers1764300000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "identity"."user_account" (
      "id" UUID PRIMARY KEY,
      "username" TEXT NOT NULL UNIQUE,
      "display_name" TEXT NOT NULL,
      "password_hash" TEXT NOT NULL,
      "role" TEXT NOT NULL,
      "scopes" JSONB NOT NULL DEFAULT '[]',
      "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "version" INTEGER NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "identity"."user_account"`);
  }
}
