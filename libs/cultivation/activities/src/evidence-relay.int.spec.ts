import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Connection } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CULTIVATION_WORKFLOW_TYPE, cultivationMessages } from '@peiyu/contracts';
import { cultivationOwnership } from '@peiyu/cultivation-data-access';
import { typeormOptions } from '@peiyu/platform-database';
import { requireDatabaseUrl } from '@peiyu/platform-testing';
import { EvidenceRelay } from './evidence-relay.js';

/**
 * A recorded capacity or maturity assessment reaches the organization's open cultivation: the relay
 * reads assessments-service's outbox and signals `evidenceChanged` (real PostgreSQL and Temporal dev
 * server; no worker runs the workflows, their histories show the signals).
 */
describe('evidence relay of assessments', () => {
  let db: DataSource;
  let temporal: Client;
  let connection: Connection;
  const temporalAddress = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7234';

  beforeAll(async () => {
    db = await new DataSource(typeormOptions(requireDatabaseUrl(), cultivationOwnership)).initialize();
    connection = await Connection.connect({ address: temporalAddress });
    temporal = new Client({ connection });
  });
  afterAll(async () => {
    await connection?.close();
    await db?.destroy();
  });

  /** A cultivation row and its workflow, started on a task queue no worker polls. */
  async function cultivation(organizationId: string, status: 'ACTIVE' | 'TERMINATED'): Promise<string> {
    const id = randomUUID();
    const workflowId = `cultivation-relay-${id}`;
    await db.query(
      `INSERT INTO cultivation.cultivation (id, workflow_id, organization_id, institution_id, community_id, district_id, category, stage, status, stage_started_at, stage_deadline, started_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, 'LIFE_SERVICE', 'GROWTH', $7, now(), now(), now(), 1)`,
      [id, workflowId, organizationId, randomUUID(), randomUUID(), randomUUID(), status],
    );
    await temporal.workflow.start(CULTIVATION_WORKFLOW_TYPE, { workflowId, taskQueue: `relay-test-${id}`, args: [] });
    return workflowId;
  }

  const evidenceSignals = async (workflowId: string) =>
    ((await temporal.workflow.getHandle(workflowId).fetchHistory()).events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes?.signalName === cultivationMessages.evidenceChanged).length;

  it('signals the open cultivation of the assessed organization once per assessment.recorded event, and no ended one', async () => {
    const organizationId = randomUUID();
    const open = await cultivation(organizationId, 'ACTIVE');
    const ended = await cultivation(organizationId, 'TERMINATED');
    const other = await cultivation(randomUUID(), 'ACTIVE');
    await db.query(`INSERT INTO assessments.outbox (type, version, payload, idempotency_key) VALUES ('assessment.recorded', 1, $1, $2)`, [
      JSON.stringify({ assessmentId: randomUUID(), organizationId, kind: 'CAPACITY', score: 45, passScore: 60, passed: false, assessedOn: '2026-05-01', at: new Date().toISOString() }),
      `test-assessment:${randomUUID()}`,
    ]);

    // Other tests' events may sit before this one in the outboxes.
    const relay = new EvidenceRelay(db, temporal);
    let signals = 0;
    for (let i = 0; i < 100 && signals === 0; i++) {
      await relay.pollOnce();
      signals = await evidenceSignals(open);
      if (signals === 0) await new Promise((r) => setTimeout(r, 200));
    }
    expect(signals).toBe(1);
    await relay.pollOnce();
    expect(await evidenceSignals(open)).toBe(1);
    expect(await evidenceSignals(ended)).toBe(0);
    expect(await evidenceSignals(other)).toBe(0);
    for (const workflowId of [open, ended, other]) await temporal.workflow.getHandle(workflowId).terminate('test finished');
  });
});
