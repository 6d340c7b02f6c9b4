import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { applyAssessmentEvent, applyFactEvent, applyOrganizationEvent, applyOutcomeEvent } from './apply-fact-event.js';
import { parseAssessmentsOutboxEvent, type AssessmentsOutboxFact } from './assessment-events.js';
import { parseCultivationEvent, type CultivationFactEvent } from './cultivation-events.js';
import { parseOrganizationEvent, type OrganizationFactEvent } from './organization-events.js';

/** The outboxes the projectors read (by schema name), and their keys in `analytics.projection_position`. */
export const CULTIVATION_SOURCE = 'cultivation';
export const ORGANIZATIONS_SOURCE = 'organizations';
export const ASSESSMENTS_SOURCE = 'assessments';
/** How often the outbox is polled when the projection has caught up. */
export const POLL_INTERVAL_MS = 500;
/** Events read and applied per transaction; a full batch is followed at once by the next. */
export const BATCH_SIZE = 500;
/** After this long waiting on the same gap in the outbox ids, say so in the log. */
const GAP_WAIT_WARNING_MS = 30_000;

const UNDEFINED_TABLE = '42P01';
const INVALID_SCHEMA_NAME = '3F000';

export interface OutboxRow {
  id: string;
  type: string;
  version: number;
  payload: unknown;
  occurred_at: Date;
}

/**
 * Where ids skipped by a gap may be given up on: the gap was seen below `upToId`, and every
 * transaction in progress at `snapshot` (taken after the read) has since ended.
 */
interface GapWatch {
  snapshot: string;
  upToId: bigint;
  since: number;
  warned: boolean;
}

function pgCode(error: unknown): string | undefined {
  const driverError = (error as { driverError?: { code?: string } }).driverError;
  return driverError?.code ?? (error as { code?: string }).code;
}

/**
 * Feeds the analytics read model from another service's outbox (`"<source>"."outbox"`): every
 * 500 ms it reads the events after its stored position for that source, in id order and in batches,
 * and applies each to the read model (see apply-fact-event.ts) in the same transaction that moves the
 * position, so an event is applied exactly once. It never reads the source's own tables, and no user
 * request waits on it. Each source has its own position, lock and gap watch: one source down or
 * behind does not hold the other up.
 *
 * Outbox ids come from a sequence, so they may become visible out of order (a transaction holding a
 * lower id commits after a higher one) and may leave holes for good (rollbacks, `ON CONFLICT DO
 * NOTHING`). The projector never reads past a hole until every transaction that was in progress when
 * it saw the hole has ended; then a still-missing id is known to be a permanent hole and is passed.
 *
 * Several instances may run: a transaction-level advisory lock lets one project while the others skip
 * their turn. The source table may not exist yet (cultivation-service creates
 * it): that is logged once and retried. The timer is cleared and the running batch awaited on
 * shutdown, so nothing keeps the process (or a test) alive.
 */
/** What a projector's parser makes of one outbox row. */
export type ParsedRow<T> = { ok: true; value: T } | { ok: false; reason: string } | { ok: 'ignored' };

export abstract class OutboxProjector<T = unknown> implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
  /** The schema whose outbox is read; also the key of the position. */
  protected abstract readonly source: string;
  /** Who creates that outbox, for the log line while it does not exist. */
  protected abstract readonly owner: string;
  protected abstract readonly logger: Logger;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private waitingForSource = false;
  private failing = false;
  private gapWatch: GapWatch | null = null;

  constructor(protected readonly db: DataSource) {}

  /** Reads one row's event: its value, why it cannot be read, or that this projection ignores it. */
  protected abstract parse(row: OutboxRow): ParsedRow<T>;
  /** Writes one read event into the read model; returns why it changed nothing, if it did not. */
  protected abstract project(manager: EntityManager, value: T, row: OutboxRow): Promise<string | null>;

  /** Applies one row in the projector's transaction; logs and passes what it cannot use. */
  private async apply(manager: EntityManager, row: OutboxRow): Promise<void> {
    const parsed = this.parse(row);
    if (parsed.ok === 'ignored') return;
    if (!parsed.ok) {
      this.logger.warn(`Skipped ${this.source} outbox event ${row.id} (${row.type}): ${parsed.reason}.`);
      return;
    }
    const unused = await this.project(manager, parsed.value, row);
    if (unused) this.logger.warn(`${this.source} outbox event ${row.id} (${row.type}) changed nothing: ${unused}.`);
  }

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  onModuleDestroy(): Promise<void> {
    return this.stop();
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  /** Stops polling and waits for a batch in progress; idempotent. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.pollOnce().then((more) => {
        this.running = null;
        this.schedule(more ? 0 : POLL_INTERVAL_MS);
      });
    }, delayMs);
    this.timer.unref();
  }

  /** One batch; true when there may be more to read at once. Never throws. */
  private async pollOnce(): Promise<boolean> {
    try {
      const more = await this.projectBatch();
      if (this.waitingForSource) this.logger.log(`"${this.source}"."outbox" is there now; projecting.`);
      if (this.failing) this.logger.log('Projecting again.');
      this.waitingForSource = false;
      this.failing = false;
      return more;
    } catch (error) {
      const code = pgCode(error);
      if (code === UNDEFINED_TABLE || code === INVALID_SCHEMA_NAME) {
        if (!this.waitingForSource) {
          this.logger.warn(`"${this.source}"."outbox" does not exist yet (${this.owner} creates it); retrying every ${POLL_INTERVAL_MS} ms.`);
        }
        this.waitingForSource = true;
      } else if (!this.failing) {
        this.failing = true;
        this.logger.error(`Projection failed; retrying every ${POLL_INTERVAL_MS} ms: ${error instanceof Error ? error.message : String(error)}`);
      }
      return false;
    }
  }

  private projectBatch(): Promise<boolean> {
    return this.db.transaction(async (manager) => {
      // One projecting instance at a time; the others skip their turn. An idle turn writes nothing.
      const [{ locked }]: { locked: boolean }[] = await manager.query(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS "locked"`, [
        `peiyu.analytics.projection:${this.source}`,
      ]);
      if (!locked) return false;
      const [position]: { last_id: string }[] = await manager.query(`SELECT "last_id" FROM "analytics"."projection_position" WHERE "source" = $1`, [
        this.source,
      ]);
      let lastId = position ? BigInt(position.last_id) : 0n;
      const skippableUpTo = await this.settledGapLimit(manager);

      const rows: OutboxRow[] = await manager.query(
        // Ordered by the BIGINT column itself, not by its text form selected as "id".
        `SELECT o."id"::text AS "id", o."type", o."version", o."payload", o."occurred_at"
         FROM "${this.source}"."outbox" o WHERE o."id" > $1::bigint ORDER BY o."id" LIMIT $2`,
        [lastId.toString(), BATCH_SIZE],
      );
      let blocked = false;
      for (const row of rows) {
        const id = BigInt(row.id);
        if (id !== lastId + 1n && id > skippableUpTo) {
          await this.watchGap(manager, BigInt(rows[rows.length - 1].id));
          blocked = true;
          break;
        }
        await this.apply(manager, row);
        lastId = id;
      }
      if (rows.length > 0) {
        await manager.query(
          `INSERT INTO "analytics"."projection_position" ("source", "last_id") VALUES ($1, $2)
           ON CONFLICT ("source") DO UPDATE SET "last_id" = EXCLUDED."last_id"`,
          [this.source, lastId.toString()],
        );
      }
      return !blocked && rows.length === BATCH_SIZE;
    });
  }

  /** The highest id below which holes may be passed: those of a watched gap whose transactions have all ended. */
  private async settledGapLimit(manager: EntityManager): Promise<bigint> {
    const watch = this.gapWatch;
    if (!watch) return 0n;
    const [{ settled }]: { settled: boolean }[] = await manager.query(
      `SELECT NOT EXISTS (
         SELECT 1 FROM pg_snapshot_xip($1::pg_snapshot) AS x("xid") WHERE pg_xact_status(x."xid") = 'in progress'
       ) AS "settled"`,
      [watch.snapshot],
    );
    if (settled) {
      this.gapWatch = null;
      return watch.upToId;
    }
    if (!watch.warned && Date.now() - watch.since > GAP_WAIT_WARNING_MS) {
      watch.warned = true;
      this.logger.warn(`Waiting for a transaction that has been open over ${GAP_WAIT_WARNING_MS / 1000} s before projecting outbox ids up to ${watch.upToId}.`);
    }
    return 0n;
  }

  private async watchGap(manager: EntityManager, upToId: bigint): Promise<void> {
    if (this.gapWatch) return;
    const [{ snapshot }]: { snapshot: string }[] = await manager.query(`SELECT pg_current_snapshot()::text AS "snapshot"`);
    this.gapWatch = { snapshot, upToId, since: Date.now(), warned: false };
  }

}

/** Feeds cultivation_fact, stage_period, deadline_extension, pause_interval and escalation_fact from `"cultivation"."outbox"`. */
@Injectable()
export class CultivationProjector extends OutboxProjector<CultivationFactEvent> {
  protected readonly source = CULTIVATION_SOURCE;
  protected readonly owner = 'cultivation-service';
  protected readonly logger = new Logger('CultivationProjector');

  constructor(@InjectDataSource() db: DataSource) {
    super(db);
  }

  protected parse(row: OutboxRow): ParsedRow<CultivationFactEvent> {
    return parseCultivationEvent(row.type, row.version, row.payload);
  }

  protected project(manager: EntityManager, value: CultivationFactEvent, row: OutboxRow): Promise<string | null> {
    return applyFactEvent(manager, value, row.occurred_at);
  }
}

/** Feeds organization_fact (filing, status, last activity change) from `"organizations"."outbox"`. */
@Injectable()
export class OrganizationProjector extends OutboxProjector<OrganizationFactEvent> {
  protected readonly source = ORGANIZATIONS_SOURCE;
  protected readonly owner = 'organizations-service';
  protected readonly logger = new Logger('OrganizationProjector');

  constructor(@InjectDataSource() db: DataSource) {
    super(db);
  }

  protected parse(row: OutboxRow): ParsedRow<OrganizationFactEvent> {
    return parseOrganizationEvent(row.type, row.version, row.payload);
  }

  protected project(manager: EntityManager, value: OrganizationFactEvent): Promise<string | null> {
    return applyOrganizationEvent(manager, value);
  }
}

/** Feeds assessment_fact (capacity and maturity scores) and outcome_fact (outcome evaluations) from `"assessments"."outbox"`. */
@Injectable()
export class AssessmentProjector extends OutboxProjector<AssessmentsOutboxFact> {
  protected readonly source = ASSESSMENTS_SOURCE;
  protected readonly owner = 'assessments-service';
  protected readonly logger = new Logger('AssessmentProjector');

  constructor(@InjectDataSource() db: DataSource) {
    super(db);
  }

  protected parse(row: OutboxRow): ParsedRow<AssessmentsOutboxFact> {
    return parseAssessmentsOutboxEvent(row.type, row.version, row.payload);
  }

  protected project(manager: EntityManager, value: AssessmentsOutboxFact): Promise<string | null> {
    return value.fact === 'outcome' ? applyOutcomeEvent(manager, value.event) : applyAssessmentEvent(manager, value.event);
  }
}
