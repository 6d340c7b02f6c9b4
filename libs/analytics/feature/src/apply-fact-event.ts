import type { EntityManager } from 'typeorm';
import { STAGES } from '@peiyu/contracts';
import { REPORTING_TIME_ZONE } from '@peiyu/analytics-data-access';
import type { AssessmentFactEvent, OutcomeFactEvent } from './assessment-events.js';
import type { CultivationFactEvent } from './cultivation-events.js';
import type { OrganizationFactEvent } from './organization-events.js';
import { stayExitFiguresSql } from './overdue-sql.js';

/** Runs an UPDATE and returns how many rows it changed (TypeORM answers `[rows, count]` for UPDATE). */
async function updateCount(manager: EntityManager, sql: string, parameters: unknown[]): Promise<number> {
  const [, count] = (await manager.query(sql, parameters)) as [unknown[], number];
  return count;
}

/**
 * Applies one cultivation event to the read model, inside the projector's transaction. Returns why
 * the event changed nothing when that is worth a log line (it refers to something never seen), else
 * null. Events arrive once each, in outbox order; the statements still tolerate a repeat.
 */
export async function applyFactEvent(manager: EntityManager, fact: CultivationFactEvent, occurredAt: Date): Promise<string | null> {
  switch (fact.kind) {
    case 'started': {
      const e = fact.event;
      // The event has no instant of its own: the outbox row's is when the start was committed.
      const inserted: unknown[] = await manager.query(
        `INSERT INTO "analytics"."cultivation_fact"
           ("cultivation_id", "district_id", "institution_id", "community_id", "category", "stage", "status", "started_at", "cohort", "stage_entered_at",
            "street_id", "organization_id")
         VALUES ($1, $2, $3, $4, $5, $6, 'ACTIVE', $7, date_trunc('month', $7::timestamptz AT TIME ZONE '${REPORTING_TIME_ZONE}')::date, $7, $8, $9)
         ON CONFLICT ("cultivation_id") DO NOTHING RETURNING "cultivation_id"`,
        [e.cultivationId, e.districtId, e.institutionId, e.communityId, e.category, e.stage, occurredAt, e.streetId, e.organizationId],
      );
      if (inserted.length === 0) return 'the cultivation was started before';
      await manager.query(
        `INSERT INTO "analytics"."stage_period" ("cultivation_id", "stage", "entered_at", "deadline") VALUES ($1, $2, $3, $4)`,
        [e.cultivationId, e.stage, occurredAt, e.stageDeadline],
      );
      return null;
    }
    case 'stage-changed': {
      const e = fact.event;
      const exit = STAGES.indexOf(e.to) > STAGES.indexOf(e.from) ? 'ADVANCED' : 'RETURNED';
      const updated = await updateCount(
        manager,
        `UPDATE "analytics"."cultivation_fact" SET "stage" = $2, "stage_entered_at" = $3,
           "ended_at" = CASE WHEN $2 = 'COMPLETED' THEN $3::timestamptz ELSE "ended_at" END
         WHERE "cultivation_id" = $1 AND "status" <> 'TERMINATED'`,
        [e.cultivationId, e.to, e.at],
      );
      if (updated === 0) return 'the cultivation is unknown or terminated';
      await manager.query(
        `UPDATE "analytics"."stage_period" p SET "left_at" = $2, "exit" = $3, ${stayExitFiguresSql('p', '$2::timestamptz')} WHERE p."cultivation_id" = $1 AND p."left_at" IS NULL`,
        [e.cultivationId, e.at, exit],
      );
      await manager.query(
        `INSERT INTO "analytics"."stage_period" ("cultivation_id", "stage", "entered_at", "deadline") VALUES ($1, $2, $3, $4)`,
        [e.cultivationId, e.to, e.at, e.deadline],
      );
      return null;
    }
    case 'status-changed': {
      const e = fact.event;
      // TERMINATED is final: nothing changes the status of a terminated cultivation again.
      const updated = await updateCount(
        manager,
        `UPDATE "analytics"."cultivation_fact" SET "status" = $2,
           "ended_at" = CASE WHEN $2 = 'TERMINATED' THEN $3::timestamptz ELSE "ended_at" END
         WHERE "cultivation_id" = $1 AND "status" <> 'TERMINATED'`,
        [e.cultivationId, e.status, e.at],
      );
      if (updated === 0) return 'the cultivation is unknown or already terminated';
      if (e.status === 'PAUSED') {
        await manager.query(
          `INSERT INTO "analytics"."pause_interval" ("cultivation_id", "paused_at") VALUES ($1, $2)
           ON CONFLICT ("cultivation_id") WHERE "resumed_at" IS NULL DO NOTHING`,
          [e.cultivationId, e.at],
        );
        return null;
      }
      // ACTIVE (resumed) or TERMINATED: a pause in progress ends now.
      await manager.query(`UPDATE "analytics"."pause_interval" SET "resumed_at" = $2 WHERE "cultivation_id" = $1 AND "resumed_at" IS NULL`, [
        e.cultivationId,
        e.at,
      ]);
      if (e.status === 'TERMINATED') {
        await manager.query(
          `UPDATE "analytics"."stage_period" p SET "left_at" = $2, "exit" = 'TERMINATED', ${stayExitFiguresSql('p', '$2::timestamptz')}
           WHERE p."cultivation_id" = $1 AND p."left_at" IS NULL AND p."stage" <> 'COMPLETED'`,
          [e.cultivationId, e.at],
        );
      }
      return null;
    }
    case 'deadline-extended': {
      const e = fact.event;
      // The stay in progress in that stage; its whole deadline history is kept.
      const inserted: unknown[] = await manager.query(
        `INSERT INTO "analytics"."deadline_extension" ("stage_period_id", "at", "deadline")
         SELECT p."id", $3, $4 FROM "analytics"."stage_period" p WHERE p."cultivation_id" = $1 AND p."stage" = $2 AND p."left_at" IS NULL
         RETURNING "id"`,
        [e.cultivationId, e.stage, e.at, e.deadline],
      );
      return inserted.length === 0 ? 'the cultivation is unknown or not in that stage' : null;
    }
    case 'follow-up-recorded': {
      const e = fact.event;
      const [known]: unknown[] = await manager.query(`SELECT 1 FROM "analytics"."cultivation_fact" WHERE "cultivation_id" = $1`, [e.cultivationId]);
      if (!known) return 'the cultivation is unknown';
      await manager.query(
        `INSERT INTO "analytics"."follow_up_fact" ("cultivation_id", "index", "months_after", "result", "at") VALUES ($1, $2, $3, $4, $5)`,
        [e.cultivationId, e.index, e.monthsAfter, e.result, e.at],
      );
      return null;
    }
    case 'escalation-raised': {
      const e = fact.event;
      // The same escalation climbing the ladder: one escalation, at its highest level, raised when first raised.
      await manager.query(
        `INSERT INTO "analytics"."escalation_fact" ("escalation_id", "cultivation_id", "type", "level", "stage", "raised_at")
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT ("escalation_id") DO UPDATE SET
           "level" = GREATEST("escalation_fact"."level", EXCLUDED."level"),
           "raised_at" = LEAST("escalation_fact"."raised_at", EXCLUDED."raised_at")`,
        [e.escalationId, e.cultivationId, e.type, e.level, e.stage, e.raisedAt],
      );
      return null;
    }
    case 'escalation-acknowledged': {
      const e = fact.event;
      const updated = await updateCount(
        manager,
        `UPDATE "analytics"."escalation_fact" SET
           "acknowledged_at" = COALESCE("acknowledged_at", $2),
           "acknowledged_level" = COALESCE("acknowledged_level", $3),
           "level" = GREATEST("level", $3)
         WHERE "escalation_id" = $1`,
        [e.escalationId, e.at, e.level],
      );
      return updated === 0 ? 'the escalation was never raised' : null;
    }
    case 'escalation-resolved': {
      const e = fact.event;
      const updated = await updateCount(
        manager,
        `UPDATE "analytics"."escalation_fact" SET "resolved_at" = COALESCE("resolved_at", $2), "resolution" = COALESCE("resolution", $3)
         WHERE "escalation_id" = $1`,
        [e.escalationId, e.at, e.resolution],
      );
      return updated === 0 ? 'the escalation was never raised' : null;
    }
  }
}

/** Applies one organizations-service event to `organization_fact`, inside the projector's transaction; never worth a log line. */
export async function applyOrganizationEvent(manager: EntityManager, fact: OrganizationFactEvent): Promise<string | null> {
  switch (fact.kind) {
    case 'filed':
      await manager.query(
        `INSERT INTO "analytics"."organization_fact" ("organization_id", "filed_at") VALUES ($1, $2)
         ON CONFLICT ("organization_id") DO UPDATE SET "filed_at" = COALESCE("organization_fact"."filed_at", EXCLUDED."filed_at")`,
        [fact.organizationId, fact.at],
      );
      return null;
    case 'activity-changed':
      await manager.query(
        `INSERT INTO "analytics"."organization_fact" ("organization_id", "last_activity_at") VALUES ($1, $2)
         ON CONFLICT ("organization_id") DO UPDATE SET "last_activity_at" = GREATEST("organization_fact"."last_activity_at", EXCLUDED."last_activity_at")`,
        [fact.organizationId, fact.at],
      );
      return null;
    case 'status-changed':
      await manager.query(
        `INSERT INTO "analytics"."organization_fact" ("organization_id", "status", "status_at") VALUES ($1, $2, $3)
         ON CONFLICT ("organization_id") DO UPDATE SET "status" = EXCLUDED."status", "status_at" = EXCLUDED."status_at"`,
        [fact.organizationId, fact.status, fact.at],
      );
      return null;
  }
}

/**
 * Records one assessment in `assessment_fact`, inside the projector's transaction; an assessment is
 * recorded once and never changed, so a replay of its event changes nothing. Returns why it changed
 * nothing when it was seen before, else null.
 */
export async function applyAssessmentEvent(manager: EntityManager, fact: AssessmentFactEvent): Promise<string | null> {
  const inserted: unknown[] = await manager.query(
    `INSERT INTO "analytics"."assessment_fact" ("assessment_id", "organization_id", "kind", "score", "pass_score", "passed", "assessed_on", "recorded_at")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT ("assessment_id") DO NOTHING RETURNING "assessment_id"`,
    [fact.assessmentId, fact.organizationId, fact.kind, fact.score, fact.passScore, fact.passed, fact.assessedOn, fact.at],
  );
  return inserted.length === 0 ? 'the assessment was recorded before' : null;
}

/**
 * Records one outcome evaluation in `outcome_fact`, a row per level, inside the projector's
 * transaction; recorded once and never changed, so a replay changes nothing.
 */
export async function applyOutcomeEvent(manager: EntityManager, fact: OutcomeFactEvent): Promise<string | null> {
  const inserted: unknown[] = await manager.query(
    `INSERT INTO "analytics"."outcome_fact" ("evaluation_id", "level", "organization_id", "cultivation_id", "score", "met_target", "evaluated_on", "recorded_at")
     SELECT $1, l."level", $2, $3, l."score", l."met_target", $4, $5
     FROM jsonb_to_recordset($6::jsonb) AS l("level" text, "score" numeric, "met_target" boolean)
     ON CONFLICT ("evaluation_id", "level") DO NOTHING RETURNING "evaluation_id"`,
    [fact.evaluationId, fact.organizationId, fact.cultivationId, fact.evaluatedOn, fact.at, JSON.stringify(fact.levels.map((l) => ({ level: l.level, score: l.score, met_target: l.metTarget })))],
  );
  return inserted.length === 0 ? 'the outcome evaluation was recorded before' : null;
}
