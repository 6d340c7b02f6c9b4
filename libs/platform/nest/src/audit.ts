import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import type { SchemaOwnership } from '@peiyu/platform-database';

/**
 * The audit log: one row per mutation call in any subgraph, written by the service that served it.
 * Every service includes `auditOwnership` in what it migrates (SubgraphModule does it), so the
 * schema has one migrations table (`audit.migrations`) and the shared advisory lock of
 * `migrateOwnerships` makes the first service to start create it and the others find it done.
 * See docs/security.md.
 */
export const AUDIT_SCHEMA = 'audit';

export class AuditEntries1764300000300 implements MigrationInterface {
  name = 'AuditEntries1764300000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "audit"."entry" (
      "id" BIGSERIAL PRIMARY KEY,
      "occurred_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "service" TEXT NOT NULL,
      "request_id" TEXT,
      "user_id" TEXT,
      "username" TEXT,
      "role" TEXT,
      "client_address" TEXT,
      "operation" TEXT NOT NULL,
      "operation_name" TEXT,
      "arguments" JSONB NOT NULL,
      "outcome" TEXT NOT NULL CHECK ("outcome" IN ('OK', 'ERROR')),
      "error_code" TEXT,
      "entity_type" TEXT,
      "entity_id" TEXT,
      "before" JSONB,
      "after" JSONB
    )`);
    await q.query(`CREATE INDEX "entry_time" ON "audit"."entry" ("occurred_at" DESC, "id" DESC)`);
    await q.query(`CREATE INDEX "entry_user" ON "audit"."entry" ("user_id", "occurred_at" DESC)`);
    await q.query(`CREATE INDEX "entry_operation" ON "audit"."entry" ("operation", "occurred_at" DESC)`);
    // Append-only for the services: a row, once written, is neither changed nor removed by them.
    // Retention is an operator's job (see docs/security.md).
    await q.query(`CREATE FUNCTION "audit"."refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit entries are append-only'; END $$`);
    await q.query(`CREATE TRIGGER "entry_append_only" BEFORE UPDATE OR DELETE ON "audit"."entry" FOR EACH ROW EXECUTE FUNCTION "audit"."refuse_change"()`);
    await q.query(`CREATE TRIGGER "entry_no_truncate" BEFORE TRUNCATE ON "audit"."entry" FOR EACH STATEMENT EXECUTE FUNCTION "audit"."refuse_change"()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "audit"."entry"`);
    await q.query(`DROP FUNCTION "audit"."refuse_change"()`);
  }
}

/** What every subgraph service migrates besides its own schemas. */
export const auditOwnership: SchemaOwnership = {
  schemas: [AUDIT_SCHEMA],
  entities: [],
  migrations: [AuditEntries1764300000300],
};

export const REDACTED = '[REDACTED]';

/** Argument names whose values never reach the audit log. */
const SECRET_KEY = /password|passphrase|secret|token|credential|authorization|api[-_]?key|private[-_]?key/i;
const MAX_STRING = 2000;
const MAX_DEPTH = 8;
const MAX_JSON = 16_000;

/**
 * A copy of a resolver's arguments fit for the audit log: the values of secret-looking keys (and of
 * `extraKeys`) replaced by [REDACTED], long strings cut, deep nesting flattened, dates as ISO text.
 */
export function redactArguments(value: unknown, extraKeys: readonly string[] = [], depth = 0): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'object') return null;
  if (depth >= MAX_DEPTH) return '[…]';
  if (Array.isArray(value)) return value.slice(0, 100).map((item) => redactArguments(item, extraKeys, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, item]) => [
      key,
      SECRET_KEY.test(key) || extraKeys.includes(key) ? (item === null || item === undefined ? null : REDACTED) : redactArguments(item, extraKeys, depth + 1),
    ]),
  );
}

/** The arguments as stored: redacted, and replaced by a marker if still too large. */
export function auditArgumentsJson(args: unknown, extraKeys: readonly string[] = []): string {
  const json = JSON.stringify(redactArguments(args, extraKeys) ?? {});
  return json.length > MAX_JSON ? JSON.stringify({ truncated: true, size: json.length }) : json;
}

export type AuditOutcome = 'OK' | 'ERROR';

/** A change to an entity the mutation made, for entities whose services record it. */
export interface AuditChange {
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface AuditRecord {
  service: string;
  requestId: string | null;
  userId: string | null;
  username: string | null;
  role: string | null;
  clientAddress: string | null;
  operation: string;
  operationName: string | null;
  /** Already redacted JSON (auditArgumentsJson). */
  argumentsJson: string;
  outcome: AuditOutcome;
  errorCode: string | null;
  change: AuditChange | null;
}

type Db = DataSource | EntityManager;

export async function insertAuditEntry(db: Db, r: AuditRecord): Promise<void> {
  await db.query(
    `INSERT INTO "audit"."entry" ("service", "request_id", "user_id", "username", "role", "client_address", "operation", "operation_name",
       "arguments", "outcome", "error_code", "entity_type", "entity_id", "before", "after")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13, $14::jsonb, $15::jsonb)`,
    [
      r.service,
      r.requestId,
      r.userId,
      r.username,
      r.role,
      r.clientAddress,
      r.operation,
      r.operationName,
      r.argumentsJson,
      r.outcome,
      r.errorCode,
      r.change?.entityType ?? null,
      r.change?.entityId ?? null,
      r.change?.before ? JSON.stringify(r.change.before) : null,
      r.change?.after ? JSON.stringify(r.change.after) : null,
    ],
  );
}

export interface AuditFilter {
  userId?: string | null;
  operation?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export interface AuditEntryRow {
  id: string;
  occurredAt: Date;
  service: string;
  requestId: string | null;
  userId: string | null;
  username: string | null;
  role: string | null;
  clientAddress: string | null;
  operation: string;
  operationName: string | null;
  arguments: unknown;
  outcome: AuditOutcome;
  errorCode: string | null;
  entityType: string | null;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/** The newest entries first, filtered; `from` inclusive, `to` exclusive. */
export async function findAuditEntries(db: Db, filter: AuditFilter, first: number): Promise<AuditEntryRow[]> {
  const rows: Record<string, unknown>[] = await db.query(
    `SELECT * FROM "audit"."entry"
     WHERE ($1::text IS NULL OR "user_id" = $1) AND ($2::text IS NULL OR "operation" = $2)
       AND ($3::timestamptz IS NULL OR "occurred_at" >= $3) AND ($4::timestamptz IS NULL OR "occurred_at" < $4)
     ORDER BY "occurred_at" DESC, "id" DESC LIMIT $5`,
    [filter.userId ?? null, filter.operation ?? null, filter.from ?? null, filter.to ?? null, first],
  );
  return rows.map((r) => ({
    id: String(r.id),
    occurredAt: r.occurred_at as Date,
    service: r.service as string,
    requestId: r.request_id as string | null,
    userId: r.user_id as string | null,
    username: r.username as string | null,
    role: r.role as string | null,
    clientAddress: r.client_address as string | null,
    operation: r.operation as string,
    operationName: r.operation_name as string | null,
    arguments: r.arguments,
    outcome: r.outcome as AuditOutcome,
    errorCode: r.error_code as string | null,
    entityType: r.entity_type as string | null,
    entityId: r.entity_id as string | null,
    before: r.before,
    after: r.after,
  }));
}
