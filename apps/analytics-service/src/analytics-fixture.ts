import pg from 'pg';
import { requireDatabaseUrl, startTestApp, tokenFor, type TestApp } from '@peiyu/platform-testing';
import { AnalyticsServiceModule } from './app.module.js';

export interface AnalyticsFixture {
  service: TestApp;
  /** A plain connection, to write events into the cultivation, organizations and assessments outboxes as their services would. */
  db: pg.Client;
  analystToken: string;
  close(): Promise<void>;
}

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
    close: async () => {
      await db.end();
      await service.close();
    },
  };
}
