import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { cultivationOwnership } from '@peiyu/cultivation-data-access';
import { typeormOptions } from '@peiyu/platform-database';
import { requireDatabaseUrl } from '@peiyu/platform-testing';
import { createCultivationActivities } from './cultivation-activities.js';

/** The escalation activity on the real PostgreSQL: what it writes, and that a retry writes nothing more. */
describe('recordEscalation', () => {
  let db: DataSource;
  beforeAll(async () => {
    db = await new DataSource(typeormOptions(requireDatabaseUrl(), cultivationOwnership)).initialize();
  });
  afterAll(() => db.destroy());

  async function cultivation(): Promise<string> {
    const id = randomUUID();
    await db.query(
      `INSERT INTO cultivation.cultivation (id, workflow_id, organization_id, institution_id, community_id, district_id, category, stage, status, stage_deadline, started_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, 'MEDIATION', 'FORMATION', 'ACTIVE', now(), now(), 1)`,
      [id, `cultivation-${id}`, randomUUID(), randomUUID(), randomUUID(), randomUUID()],
    );
    return id;
  }

  it('stores the escalation, lifts the level and emits one event, however often it is retried', async () => {
    const cultivationId = await cultivation();
    const { recordEscalation } = createCultivationActivities(db);
    const command = {
      cultivationId,
      type: 'DELAY' as const,
      level: 1,
      stage: 'FORMATION' as const,
      raisedAt: '2026-01-05T00:00:00.000Z',
      idempotencyKey: `cultivation-${cultivationId}:DELAY:FORMATION:1`,
    };
    const first = await recordEscalation(command);
    const retried = await recordEscalation(command);
    expect(first.created).toBe(true);
    expect(retried).toEqual({ escalationId: first.escalationId, created: false });

    const escalations = await db.query(`SELECT type, level, stage, status, raised_at FROM cultivation.escalation WHERE cultivation_id = $1`, [cultivationId]);
    expect(escalations).toEqual([{ type: 'DELAY', level: 1, stage: 'FORMATION', status: 'OPEN', raised_at: new Date(command.raisedAt) }]);
    const [{ escalation_level }] = await db.query(`SELECT escalation_level FROM cultivation.cultivation WHERE id = $1`, [cultivationId]);
    expect(escalation_level).toBe(1);
    const events = await db.query(`SELECT type, payload FROM cultivation.outbox WHERE idempotency_key = $1`, [command.idempotencyKey]);
    expect(events).toEqual([{ type: 'cultivation.escalation-raised', payload: expect.objectContaining({ cultivationId, escalationId: first.escalationId, level: 1 }) }]);
  });
});
