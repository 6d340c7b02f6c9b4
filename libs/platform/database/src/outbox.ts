import type { EntityManager } from 'typeorm';
import type { DomainEvent } from '@peiyu/contracts';

/** The outbox table of a schema: events appended in the same transaction as the change they describe. */
export function createOutboxTableSql(schema: string): string {
  return `CREATE TABLE "${schema}"."outbox" (
    "id" BIGSERIAL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "payload" JSONB NOT NULL,
    "idempotency_key" TEXT NOT NULL UNIQUE,
    "occurred_at" TIMESTAMPTZ NOT NULL DEFAULT now()
  )`;
}

/**
 * Appends an event inside the caller's transaction. The idempotency key makes a retried write a
 * no-op, so a replayed activity or request never emits an event twice.
 */
export async function appendOutboxEvent(
  manager: EntityManager,
  schema: string,
  idempotencyKey: string,
  event: DomainEvent,
): Promise<void> {
  await manager.query(
    `INSERT INTO "${schema}"."outbox" ("type", "version", "payload", "idempotency_key") VALUES ($1, $2, $3, $4)
     ON CONFLICT ("idempotency_key") DO NOTHING`,
    [event.type, event.version, JSON.stringify(event.payload), idempotencyKey],
  );
}

/** Appends many events in one statement, in order, as `appendOutboxEvent` would one by one (a bulk import's). */
export async function appendOutboxEvents(manager: EntityManager, schema: string, events: readonly { idempotencyKey: string; event: DomainEvent }[]): Promise<void> {
  if (events.length === 0) return;
  await manager.query(
    `INSERT INTO "${schema}"."outbox" ("type", "version", "payload", "idempotency_key")
     SELECT e."type", e."version", e."payload", e."key"
       FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS ("type" text, "version" int, "payload" jsonb, "key" text)) WITH ORDINALITY AS e("type", "version", "payload", "key", "n")
      ORDER BY e."n"
     ON CONFLICT ("idempotency_key") DO NOTHING`,
    [JSON.stringify(events.map(({ idempotencyKey, event }) => ({ type: event.type, version: event.version, payload: event.payload, key: idempotencyKey })))],
  );
}
