import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Connection } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DEADLINE_RECOMPUTE_WORKFLOW_TYPE, DEFAULT_PROCESS_POLICY, cultivationMessages, deadlineRecomputeWorkflowId, type DeadlinesChanged } from '@peiyu/contracts';
import { EvidenceRelay, createCultivationActivities } from '@peiyu/cultivation-activities';
import { cultivationOwnership } from '@peiyu/cultivation-data-access';
import { typeormOptions } from '@peiyu/platform-database';
import { dataOf, graphql, requireDatabaseUrl, startTestApp, tokenFor, uniqueSuffix, type TestApp } from '@peiyu/platform-testing';
import { CultivationServiceModule } from './app.module.js';

/**
 * A new policy version reaches the open cultivations of its district: the mutation stores it with a
 * `cultivation.deadlines-changed` event, the relay starts the fan-out workflow, and its activity
 * signals each open cultivation's workflow (on the real PostgreSQL and Temporal dev server; no
 * worker runs the cultivations, their histories show the signal).
 */
describe('deadline recompute after a policy change', () => {
  let service: TestApp;
  let db: DataSource;
  let temporal: Client;
  let connection: Connection;
  const temporalAddress = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7234';

  beforeAll(async () => {
    service = await startTestApp(CultivationServiceModule.forEnvironment(requireDatabaseUrl(), { address: temporalAddress, namespace: 'default' }));
    db = await new DataSource(typeormOptions(requireDatabaseUrl(), cultivationOwnership)).initialize();
    connection = await Connection.connect({ address: temporalAddress });
    temporal = new Client({ connection });
  });
  afterAll(async () => {
    await connection?.close();
    await db?.destroy();
    await service?.close();
  });

  /** A district with one organization per name, as their owning services would have written them. */
  async function district(names: string[]): Promise<{ districtId: string; institutionId: string; organizationIds: string[] }> {
    const [districtId, streetId, communityId, institutionId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await db.query(`INSERT INTO communities.district (id, name, code, version) VALUES ($1, '重算测试区', $2, 1)`, [districtId, `REC-${uniqueSuffix()}`]);
    await db.query(`INSERT INTO communities.street (id, district_id, name, version) VALUES ($1, $2, '街道', 1)`, [streetId, districtId]);
    await db.query(`INSERT INTO communities.community (id, street_id, district_id, name, version) VALUES ($1, $2, $3, '社区', 1)`, [communityId, streetId, districtId]);
    await db.query(`INSERT INTO organizations.institution (id, name, version) VALUES ($1, $2, 1)`, [institutionId, `机构${uniqueSuffix()}`]);
    const organizationIds = [];
    for (const name of names) {
      const id = randomUUID();
      await db.query(`INSERT INTO organizations.organization (id, name, community_id, category, status, version) VALUES ($1, $2, $3, 'LIFE_SERVICE', 'FORMING', 1)`, [id, name, communityId]);
      organizationIds.push(id);
    }
    return { districtId, institutionId, organizationIds };
  }

  async function startCultivation(organizationId: string, institutionId: string, token: string): Promise<{ id: string; workflowId: string }> {
    const { startCultivation } = dataOf(
      await graphql<{ startCultivation: { id: string; workflowId: string } }>(
        service.url,
        `mutation ($input: StartCultivationInput!) { startCultivation(input: $input) { id workflowId } }`,
        { input: { organizationId, institutionId, formationDeadline: new Date(Date.now() + 30 * 86400000).toISOString() } },
        token,
      ),
    );
    return startCultivation;
  }

  async function signalsOf(workflowId: string, name: string = cultivationMessages.deadlinesChanged): Promise<unknown[]> {
    const history = await temporal.workflow.getHandle(workflowId).fetchHistory();
    return (history.events ?? [])
      .filter((e) => e.workflowExecutionSignaledEventAttributes?.signalName === name)
      .map((e) => {
        const payload = e.workflowExecutionSignaledEventAttributes!.input?.payloads?.[0]?.data;
        return payload ? JSON.parse(Buffer.from(payload).toString('utf8')) : null;
      });
  }

  it('signals every open cultivation of the district, and no other', async () => {
    const manager = await tokenFor('PROGRAMME_MANAGER');
    const here = await district(['助餐队', '理发队', '已终止队']);
    const elsewhere = await district(['别区队']);
    const [open, other, ended] = await Promise.all(here.organizationIds.map((id) => startCultivation(id, here.institutionId, manager)));
    const outside = await startCultivation(elsewhere.organizationIds[0], elsewhere.institutionId, manager);
    await db.query(`UPDATE cultivation.cultivation SET status = 'TERMINATED' WHERE id = $1`, [ended.id]);

    const document = JSON.stringify({ ...DEFAULT_PROCESS_POLICY, stages: { ...DEFAULT_PROCESS_POLICY.stages, GROWTH: { ...DEFAULT_PROCESS_POLICY.stages.GROWTH, workingDays: 120 } } });
    const stored = dataOf(
      await graphql<{ setProcessPolicy: { version: number } }>(
        service.url,
        `mutation ($input: SetProcessPolicyInput!) { setProcessPolicy(input: $input) { version } }`,
        { input: { districtId: here.districtId, document } },
        await tokenFor('ADMIN'),
      ),
    );
    const change: DeadlinesChanged = { cause: 'POLICY', districtId: here.districtId, policyVersion: stored.setProcessPolicy.version };
    const [event] = await db.query(`SELECT id, payload FROM cultivation.outbox WHERE type = 'cultivation.deadlines-changed' AND payload->>'districtId' = $1`, [here.districtId]);
    expect(event.payload).toEqual({ ...change, at: expect.any(String) });

    // Evidence of the organizations' owner still reaches its cultivation through the same relay.
    await db.query(`INSERT INTO organizations.outbox (type, version, payload, idempotency_key) VALUES ('organization.evidence-changed', 1, $1, $2)`, [
      JSON.stringify({ organizationId: here.organizationIds[0], evidence: 'ACTIVITIES', at: new Date().toISOString() }),
      `test-evidence:${randomUUID()}`,
    ]);

    // The relay (other tests' events may sit before this one) starts one fan-out per change.
    const fanOut = temporal.workflow.getHandle(deadlineRecomputeWorkflowId(change, event.id));
    const relay = new EvidenceRelay(db, temporal);
    let description = null;
    let evidence: unknown[] = [];
    for (let i = 0; i < 100 && (!description || evidence.length === 0); i++) {
      await relay.pollOnce();
      description = await fanOut.describe().catch(() => null);
      evidence = await signalsOf(open.workflowId, cultivationMessages.evidenceChanged);
      if (!description || evidence.length === 0) await new Promise((r) => setTimeout(r, 200));
    }
    expect(description?.type).toBe(DEADLINE_RECOMPUTE_WORKFLOW_TYPE);
    expect(evidence).toHaveLength(1);
    await relay.pollOnce();
    expect((await fanOut.describe()).runId).toBe(description!.runId);

    // What the fan-out's activity does with its page: signal the open cultivation of the district only.
    const activities = createCultivationActivities(db, undefined, temporal);
    const page = await activities.signalDeadlinesChanged({ change, afterId: null, limit: 500 });
    expect(page.signalled).toBe(2);
    expect(await signalsOf(open.workflowId)).toEqual([change]);
    expect(await signalsOf(other.workflowId)).toEqual([change]);
    expect(await signalsOf(ended.workflowId)).toEqual([]);
    expect(await signalsOf(outside.workflowId)).toEqual([]);
    const next = await activities.signalDeadlinesChanged({ change, afterId: page.lastId, limit: 500 });
    expect(next).toEqual({ lastId: null, signalled: 0 });

    await fanOut.terminate('test finished');
    for (const c of [open, other, ended, outside]) await temporal.workflow.getHandle(c.workflowId).terminate('test finished');
  });

  it('stores calendar days with a change every open cultivation hears of', async () => {
    const day = `2099-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}-1${Math.floor(Math.random() * 9)}`;
    const result = await graphql<{ setCalendarDays: { day: string }[] }>(
      service.url,
      `mutation ($input: SetCalendarDaysInput!) { setCalendarDays(input: $input) { day } }`,
      { input: { days: [{ day, working: false, note: '测试假日' }] } },
      await tokenFor('ADMIN'),
    );
    expect(dataOf(result).setCalendarDays).toEqual([{ day }]);
    const events = await db.query(`SELECT payload FROM cultivation.outbox WHERE type = 'cultivation.deadlines-changed' AND payload->>'cause' = 'CALENDAR' ORDER BY id DESC LIMIT 1`);
    expect(events[0].payload).toEqual({ cause: 'CALENDAR', districtId: null, policyVersion: null, at: expect.any(String) });
    await db.query(`DELETE FROM cultivation.calendar_day WHERE day = $1`, [day]);
  });
});
