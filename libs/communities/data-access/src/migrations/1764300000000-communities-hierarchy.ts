import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createOutboxTableSql } from '@peiyu/platform-database';

export class CommunitiesHierarchy1764300000000 implements MigrationInterface {
  name = 'CommunitiesHierarchy1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "communities"."district" (
      "id" UUID PRIMARY KEY,
      "name" TEXT NOT NULL,
      "code" TEXT NOT NULL UNIQUE,
      "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "version" INTEGER NOT NULL
    )`);
    await q.query(`CREATE TABLE "communities"."street" (
      "id" UUID PRIMARY KEY,
      "district_id" UUID NOT NULL REFERENCES "communities"."district"("id") ON DELETE RESTRICT,
      "name" TEXT NOT NULL,
      "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "version" INTEGER NOT NULL,
      UNIQUE ("district_id", "name")
    )`);
    await q.query(`CREATE TABLE "communities"."community" (
      "id" UUID PRIMARY KEY,
      "street_id" UUID NOT NULL REFERENCES "communities"."street"("id") ON DELETE RESTRICT,
      "district_id" UUID NOT NULL REFERENCES "communities"."district"("id") ON DELETE RESTRICT,
      "name" TEXT NOT NULL,
      "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "version" INTEGER NOT NULL,
      UNIQUE ("street_id", "name")
    )`);
    await q.query(`CREATE INDEX "community_district_idx" ON "communities"."community" ("district_id")`);
    await q.query(createOutboxTableSql('communities'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "communities"."outbox"`);
    await q.query(`DROP TABLE "communities"."community"`);
    await q.query(`DROP TABLE "communities"."street"`);
    await q.query(`DROP TABLE "communities"."district"`);
  }
}
