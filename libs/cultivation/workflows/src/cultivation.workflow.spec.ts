import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { CULTIVATION_WORKFLOW_TYPE, cultivationWorkflowId, type CultivationWorkflowInput, type RaiseEscalationCommand } from '@peiyu/contracts';
import type { CultivationActivities } from '@peiyu/cultivation-activities';
import { createTimeSkippingEnvironment } from '@peiyu/platform-testing';
import { stateQuery } from './cultivation.workflow.js';

const require = createRequire(import.meta.url);
const DAY = 24 * 60 * 60 * 1000;

/** Workflow logic under the time-skipping test server, with the activities stubbed. */
describe('cultivationWorkflow', () => {
  let env: TestWorkflowEnvironment;
  const raised: RaiseEscalationCommand[] = [];
  const activities: CultivationActivities = {
    async recordEscalation(command) {
      raised.push(command);
      return { escalationId: randomUUID(), created: true };
    },
  };

  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
  }, 60000);
  afterAll(() => env?.teardown());

  function input(formationDeadline: Date): CultivationWorkflowInput {
    return {
      cultivationId: randomUUID(),
      organizationId: randomUUID(),
      institutionId: randomUUID(),
      communityId: randomUUID(),
      districtId: randomUUID(),
      category: 'LIFE_SERVICE',
      formationDeadline: formationDeadline.toISOString(),
    };
  }

  it('raises one level-1 DELAY escalation when the formation deadline passes, and not before', async () => {
    raised.length = 0;
    const taskQueue = `test-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('./cultivation.workflow.ts'),
      activities,
    });
    await worker.runUntil(async () => {
      const start = new Date(await env.currentTimeMs());
      const args = input(new Date(start.getTime() + 30 * DAY));
      const handle = await env.client.workflow.start(CULTIVATION_WORKFLOW_TYPE, {
        workflowId: cultivationWorkflowId(args.cultivationId),
        taskQueue,
        args: [args],
      });

      await env.sleep(29 * DAY);
      expect((await handle.query(stateQuery)).escalations).toEqual([]);
      expect(raised).toEqual([]);

      await env.sleep(2 * DAY);
      const state = await handle.query(stateQuery);
      expect(state).toMatchObject({ stage: 'FORMATION', status: 'ACTIVE', escalations: [{ type: 'DELAY', level: 1, stage: 'FORMATION' }] });
      expect(raised).toHaveLength(1);
      expect(raised[0]).toMatchObject({
        cultivationId: args.cultivationId,
        type: 'DELAY',
        level: 1,
        stage: 'FORMATION',
        idempotencyKey: `${handle.workflowId}:DELAY:FORMATION:1`,
      });
      // Raised at the deadline in workflow time, not when the test looked.
      expect(Math.abs(Date.parse(raised[0].raisedAt) - Date.parse(args.formationDeadline))).toBeLessThan(60_000);
      await handle.terminate('test finished');
    });
  }, 60000);
});
