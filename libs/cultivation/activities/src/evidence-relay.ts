import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { DataSource, EntityManager } from 'typeorm';
import {
  CULTIVATION_TASK_QUEUE,
  DEADLINE_RECOMPUTE_WORKFLOW_TYPE,
  cultivationMessages,
  deadlineRecomputeWorkflowId,
  type DeadlineRecomputeInput,
  type DeadlinesChanged,
} from '@peiyu/contracts';

/** Which outbox events are evidence, and which open cultivations each concerns. */
const SOURCES = [
  { schema: 'organizations', type: 'organization.evidence-changed', column: 'organization_id', key: 'organizationId' },
  { schema: 'organizations', type: 'organization.created', column: 'organization_id', key: 'organizationId' },
  { schema: 'assessments', type: 'assessment.survey-response-recorded', column: 'community_id', key: 'communityId' },
  // A capacity or maturity assessment: gate evidence, and a failed one a PERFORMANCE escalation.
  { schema: 'assessments', type: 'assessment.recorded', column: 'organization_id', key: 'organizationId' },
] as const;
/** A policy or calendar change, written by cultivation-service with the change itself: starts the fan-out to open cultivations. */
const DEADLINES_CHANGED = { schema: 'cultivation', type: 'cultivation.deadlines-changed' } as const;
const SCHEMAS = [...new Set([...SOURCES.map((s) => s.schema), DEADLINES_CHANGED.schema])];

// An outbox id can become visible after a higher one (transactions commit out of order); a gap is
// waited for this long before it is taken for a rolled-back insert and passed.
const GAP_GRACE_MS = 5000;
const RELAY_LOCK = 7_203_512;

interface OutboxRow {
  id: string;
  type: string;
  /** Null for the types the relay does not read. */
  payload: Record<string, unknown> | null;
  occurred_at: Date;
}

/**
 * Flow 2 of docs/architecture.md: turns "evidence changed" events of organizations-service and
 * assessments-service into an `evidenceChanged` signal to the open cultivations they concern, whose
 * workflows then re-evaluate their gates. Reads each outbox in id order from its stored position.
 * Signals are idempotent (a re-evaluation), so reading an event twice after a crash is harmless.
 * It also reads cultivation-service's own outbox for `cultivation.deadlines-changed` (a policy or
 * calendar change) and starts the workflow that tells the open cultivations concerned.
 */
export class EvidenceRelay {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly temporal: Client,
    private readonly intervalMs = 500,
  ) {}

  start(): void {
    const tick = () => {
      this.running = this.pollOnce()
        .then(() => undefined)
        .catch((error: unknown) => console.error(`evidence relay: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => {
          if (this.timer !== null) this.timer = setTimeout(tick, this.intervalMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Relays what is new in every source; returns how many signals were sent. */
  async pollOnce(): Promise<number> {
    // One relay at a time across worker replicas: the others skip the round.
    return this.db.transaction(async (m) => {
      const [{ locked }]: { locked: boolean }[] = await m.query(`SELECT pg_try_advisory_xact_lock($1) AS "locked"`, [RELAY_LOCK]);
      if (!locked) return 0;
      let signals = 0;
      for (const schema of SCHEMAS) signals += await this.relaySchema(m, schema);
      return signals;
    });
  }

  private async relaySchema(m: EntityManager, schema: string): Promise<number> {
    const exists: { t: string | null }[] = await m.query(`SELECT to_regclass($1) AS t`, [`"${schema}"."outbox"`]);
    if (!exists[0]?.t) return 0; // that service has not migrated yet
    const [position]: { last_id: string }[] = await m.query(`SELECT "last_id" FROM "cultivation"."relay_position" WHERE "source" = $1`, [schema]);
    let last = BigInt(position?.last_id ?? 0);
    // Payloads only of the types relayed: the cultivation outbox is busy with events of no interest here.
    const types = [...SOURCES.filter((source) => source.schema === schema).map((source) => source.type), ...(schema === DEADLINES_CHANGED.schema ? [DEADLINES_CHANGED.type] : [])];
    const rows: OutboxRow[] = await m.query(
      `SELECT "id", "type", CASE WHEN "type" = ANY($2::text[]) THEN "payload" END AS "payload", "occurred_at"
       FROM "${schema}"."outbox" WHERE "id" > $1 ORDER BY "id" LIMIT 500`,
      [last.toString(), types],
    );
    let signals = 0;
    for (const row of rows) {
      const id = BigInt(row.id);
      if (id !== last + 1n && Date.now() - row.occurred_at.getTime() < GAP_GRACE_MS) break;
      const source = SOURCES.find((s) => s.schema === schema && s.type === row.type);
      const subject = source ? row.payload?.[source.key] : undefined;
      if (source && typeof subject === 'string') signals += await this.signalOpenCultivations(m, source.column, subject);
      if (schema === DEADLINES_CHANGED.schema && row.type === DEADLINES_CHANGED.type) await this.startDeadlineRecompute(row);
      last = id;
    }
    if (rows.length > 0) {
      await m.query(
        `INSERT INTO "cultivation"."relay_position" ("source", "last_id") VALUES ($1, $2)
         ON CONFLICT ("source") DO UPDATE SET "last_id" = EXCLUDED."last_id"`,
        [schema, last.toString()],
      );
    }
    return signals;
  }

  /**
   * One fan-out workflow per change, named by its outbox row: reading the row again after a crash
   * finds it started and starts nothing more.
   */
  private async startDeadlineRecompute(row: OutboxRow): Promise<void> {
    const payload = row.payload ?? {};
    const change: DeadlinesChanged = {
      cause: payload.cause === 'POLICY' ? 'POLICY' : 'CALENDAR',
      districtId: typeof payload.districtId === 'string' ? payload.districtId : null,
      policyVersion: typeof payload.policyVersion === 'number' ? payload.policyVersion : null,
    };
    const input: DeadlineRecomputeInput = { change };
    try {
      await this.temporal.workflow.start(DEADLINE_RECOMPUTE_WORKFLOW_TYPE, { workflowId: deadlineRecomputeWorkflowId(change, row.id), taskQueue: CULTIVATION_TASK_QUEUE, args: [input] });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }

  private async signalOpenCultivations(m: EntityManager, column: string, value: string): Promise<number> {
    const open: { workflow_id: string }[] = await m.query(
      `SELECT "workflow_id" FROM "cultivation"."cultivation" WHERE "${column}" = $1 AND "status" <> 'TERMINATED' AND "stage" <> 'COMPLETED'`,
      [value],
    );
    for (const { workflow_id } of open) {
      try {
        await this.temporal.workflow.getHandle(workflow_id).signal(cultivationMessages.evidenceChanged);
      } catch (error) {
        // A workflow that has just ended no longer needs the news.
        if ((error as { name?: string }).name !== 'WorkflowNotFoundError') throw error;
      }
    }
    return open.length;
  }
}
