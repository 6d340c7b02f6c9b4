import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { requireDatabaseUrl, startTestApp, tokenFor, type TestApp } from '@peiyu/platform-testing';
import { AnalyticsServiceModule } from './app.module.js';

export interface AnalyticsFixture {
  service: TestApp;
  /** A plain connection, to write events into the cultivation, organizations and assessments outboxes as their services would. */
  db: pg.Client;
  analystToken: string;
  /** Writes one event into an outbox; `occurredAt` stands for when the producing transaction ran. */
  emit(schema: OutboxSchema, type: string, payload: Record<string, unknown>, occurredAt?: string): Promise<void>;
  /** Waits (at most 10 s) until the projections of these outboxes have passed every event written so far. */
  projected(sources: readonly OutboxSchema[]): Promise<void>;
  close(): Promise<void>;
}

export type OutboxSchema = 'cultivation' | 'organizations' | 'assessments';

/**
 * analytics-service on the test database, and the cultivation, organizations and assessments
 * outboxes it reads. The service starts first: on a fresh database the outboxes may not exist yet,
 * and the projectors must wait for them.
 */
export async function startAnalyticsFixture(): Promise<AnalyticsFixture> {
  const service = await startTestApp(AnalyticsServiceModule.forDatabase(requireDatabaseUrl()));
  const db = new pg.Client({ connectionString: requireDatabaseUrl() });
  await db.connect();
  // The same tables as createOutboxTableSql(schema), unless the owners' migrations made them already.
  for (const schema of ['cultivation', 'organizations', 'assessments']) {
    await db.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await db.query(`CREATE TABLE IF NOT EXISTS "${schema}"."outbox" (
      "id" BIGSERIAL PRIMARY KEY,
      "type" TEXT NOT NULL,
      "version" INTEGER NOT NULL,
      "payload" JSONB NOT NULL,
      "idempotency_key" TEXT NOT NULL UNIQUE,
      "occurred_at" TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
  }
  return {
    service,
    db,
    analystToken: await tokenFor('ANALYST'),
    emit: async (schema, type, payload, occurredAt) => {
      await db.query(
        `INSERT INTO "${schema}"."outbox" ("type", "version", "payload", "idempotency_key", "occurred_at") VALUES ($1, 1, $2, $3, COALESCE($4::timestamptz, now()))`,
        [type, JSON.stringify(payload), `test:${randomUUID()}`, occurredAt ?? null],
      );
    },
    projected: async (sources) => {
      const deadline = Date.now() + 10_000;
      for (const source of sources) {
        const [{ max }] = (await db.query(`SELECT COALESCE(max("id"), 0)::text AS "max" FROM "${source}"."outbox"`)).rows as { max: string }[];
        for (;;) {
          const { rows } = await db.query(`SELECT "last_id"::text AS "last" FROM "analytics"."projection_position" WHERE "source" = $1`, [source]);
          if (BigInt((rows[0]?.last as string | undefined) ?? '0') >= BigInt(max)) break;
          if (Date.now() > deadline) throw new Error(`The ${source} projection did not reach outbox id ${max} within 10 s`);
          await sleep(100);
        }
      }
    },
    close: async () => {
      await db.end();
      await service.close();
    },
  };
}
