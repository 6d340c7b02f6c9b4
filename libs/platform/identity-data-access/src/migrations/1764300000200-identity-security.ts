import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Refresh tokens, sign-in attempts (rate limiting), OpenID Connect links and pending sign-ins. */
export class IdentitySecurity1764300000200 implements MigrationInterface {
  name = 'IdentitySecurity1764300000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "identity"."user_account" ADD COLUMN "external_issuer" TEXT, ADD COLUMN "external_subject" TEXT`);
    await q.query(
      `CREATE UNIQUE INDEX "user_account_external_subject" ON "identity"."user_account" ("external_issuer", "external_subject") WHERE "external_subject" IS NOT NULL`,
    );
    await q.query(`CREATE TABLE "identity"."refresh_token" (
      "id" UUID PRIMARY KEY,
      "family_id" UUID NOT NULL,
      "user_id" UUID NOT NULL REFERENCES "identity"."user_account" ("id") ON DELETE CASCADE,
      "token_hash" TEXT NOT NULL UNIQUE,
      "issued_at" TIMESTAMPTZ NOT NULL,
      "session_started_at" TIMESTAMPTZ NOT NULL,
      "expires_at" TIMESTAMPTZ NOT NULL,
      "revoked_at" TIMESTAMPTZ,
      "revoked_reason" TEXT,
      "replaced_by" UUID
    )`);
    await q.query(`CREATE INDEX "refresh_token_family" ON "identity"."refresh_token" ("family_id")`);
    await q.query(`CREATE INDEX "refresh_token_user" ON "identity"."refresh_token" ("user_id")`);
    await q.query(`CREATE TABLE "identity"."sign_in_attempt" (
      "id" BIGSERIAL PRIMARY KEY,
      "kind" TEXT NOT NULL CHECK ("kind" IN ('ACCOUNT', 'ADDRESS')),
      "key" TEXT NOT NULL,
      "attempted_at" TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX "sign_in_attempt_key" ON "identity"."sign_in_attempt" ("kind", "key", "attempted_at")`);
    await q.query(`CREATE INDEX "sign_in_attempt_time" ON "identity"."sign_in_attempt" ("attempted_at")`);
    await q.query(`CREATE TABLE "identity"."oidc_pending_sign_in" (
      "state_hash" TEXT PRIMARY KEY,
      "nonce" TEXT NOT NULL,
      "code_verifier" TEXT NOT NULL,
      "expires_at" TIMESTAMPTZ NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "identity"."oidc_pending_sign_in"`);
    await q.query(`DROP TABLE "identity"."sign_in_attempt"`);
    await q.query(`DROP TABLE "identity"."refresh_token"`);
    await q.query(`DROP INDEX "identity"."user_account_external_subject"`);
    await q.query(`ALTER TABLE "identity"."user_account" DROP COLUMN "external_subject", DROP COLUMN "external_issuer"`);
  }
}
