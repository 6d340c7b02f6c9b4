import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { domainEvent, type RaiseEscalationCommand } from '@peiyu/contracts';
import { CULTIVATION_SCHEMA, CultivationEntity, EscalationEntity } from '@peiyu/cultivation-data-access';
import { appendOutboxEvent } from '@peiyu/platform-database';

export interface RecordedEscalation {
  escalationId: string;
  /** False when a retry found the row an earlier attempt had written. */
  created: boolean;
}

/**
 * The cultivation workflow's activities, over an injected DataSource (the worker builds one; tests
 * build their own). Each write is idempotent on a key the workflow derives, so a retry is harmless.
 */
export function createCultivationActivities(db: DataSource) {
  return {
    /** Stores the escalation, lifts the cultivation's escalation level and emits the event, in one transaction. */
    async recordEscalation(command: RaiseEscalationCommand): Promise<RecordedEscalation> {
      return db.transaction(async (manager) => {
        const inserted: { id: string }[] = await manager.query(
          `INSERT INTO "cultivation"."escalation" ("id", "cultivation_id", "type", "level", "stage", "status", "raised_at", "idempotency_key")
           VALUES ($1, $2, $3, $4, $5, 'OPEN', $6, $7)
           ON CONFLICT ("idempotency_key") DO NOTHING
           RETURNING "id"`,
          [randomUUID(), command.cultivationId, command.type, command.level, command.stage, command.raisedAt, command.idempotencyKey],
        );
        if (inserted.length === 0) {
          const existing = await manager.getRepository(EscalationEntity).findOneByOrFail({ idempotencyKey: command.idempotencyKey });
          return { escalationId: existing.id, created: false };
        }
        const escalationId = inserted[0].id;
        await manager
          .createQueryBuilder()
          .update(CultivationEntity)
          .set({ escalationLevel: () => `GREATEST("escalation_level", ${Number(command.level)})` })
          .where('id = :id', { id: command.cultivationId })
          .execute();
        await appendOutboxEvent(
          manager,
          CULTIVATION_SCHEMA,
          command.idempotencyKey,
          domainEvent('cultivation.escalation-raised', {
            cultivationId: command.cultivationId,
            escalationId,
            type: command.type,
            level: command.level,
            stage: command.stage,
            raisedAt: command.raisedAt,
          }),
        );
        return { escalationId, created: true };
      });
    },
  };
}

export type CultivationActivities = ReturnType<typeof createCultivationActivities>;
