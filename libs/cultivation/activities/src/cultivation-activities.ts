import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import type { DataSource, EntityManager } from 'typeorm';
import {
  cultivationMessages,
  domainEvent,
  type DeadlinesChanged,
  type DirectionWatchPolicy,
  type OrganizationCategory,
  type EvaluateGateCommand,
  type GateCriterionResult,
  type LatestStageAssessmentCommand,
  type ProcessEvent,
  type ProcessPolicy,
  type RecordProcessEventCommand,
  type StageAssessment,
} from '@peiyu/contracts';
import { findCommunityDemand, findLatestAssessments } from '@peiyu/assessments-data-access';
import { CULTIVATION_SCHEMA, chinaDate, currentPolicy, workingDayDeadline } from '@peiyu/cultivation-data-access';
import { findOrganizationEvidence, findRecentActivities } from '@peiyu/organizations-data-access';
import { appendOutboxEvent } from '@peiyu/platform-database';
import { directionWindowStart, judgeDirection, type DirectionJudgement } from './direction.js';
import { judgeGate } from './gate.js';
import { loggingMailer, notifyRole, type Mailer, type NotificationRequest } from './notifications.js';
import type { Recipient } from '@peiyu/platform-identity-data-access';

export interface CheckDirectionCommand {
  organizationId: string;
  communityId: string;
  category: OrganizationCategory;
  watch: DirectionWatchPolicy;
}

export interface SignalDeadlinesChangedCommand {
  change: DeadlinesChanged;
  /** Keyset position: only cultivations with a greater id are told. */
  afterId: string | null;
  limit: number;
}

/** Signals sent at once while telling a page of cultivations. */
const SIGNAL_CONCURRENCY = 25;

/**
 * The cultivation workflow's activities, over an injected DataSource (the worker builds one; tests
 * build their own). Reads of other domains go through their libs' readers; every write is
 * idempotent on workflow id + event sequence, so a retried activity changes nothing twice. The
 * Temporal client (for the fan-out of deadline changes) is the activity's own unless one is given.
 */
export function createCultivationActivities(db: DataSource, mailer: Mailer = loggingMailer, temporal?: Client) {
  return {
    /**
     * Tells one page of the open cultivations a change concerns (in id order after `afterId`) that
     * their deadlines may have moved. The district's for its own policy; for the city-wide policy
     * those of districts without their own; every open one for the calendar. A signal only makes the
     * workflow recompute, so a retried page is harmless.
     */
    async signalDeadlinesChanged({ change, afterId, limit }: SignalDeadlinesChangedCommand): Promise<{ lastId: string | null; signalled: number }> {
      const scope =
        change.cause === 'POLICY' && change.districtId !== null
          ? { sql: `AND "district_id" = $3`, params: [change.districtId] }
          : change.cause === 'POLICY'
            ? { sql: `AND "district_id" NOT IN (SELECT "district_id" FROM "cultivation"."process_policy" WHERE "district_id" IS NOT NULL)`, params: [] }
            : { sql: '', params: [] };
      const rows: { id: string; workflow_id: string }[] = await db.query(
        `SELECT "id", "workflow_id" FROM "cultivation"."cultivation"
         WHERE "status" <> 'TERMINATED' AND "stage" <> 'COMPLETED' AND "id" > $1 ${scope.sql}
         ORDER BY "id" LIMIT $2`,
        [afterId ?? '00000000-0000-0000-0000-000000000000', limit, ...scope.params],
      );
      const client = temporal ?? Context.current().client;
      for (let i = 0; i < rows.length; i += SIGNAL_CONCURRENCY) {
        await Promise.all(
          rows.slice(i, i + SIGNAL_CONCURRENCY).map(async (row) => {
            try {
              await client.workflow.getHandle(row.workflow_id).signal(cultivationMessages.deadlinesChanged, change);
            } catch (error) {
              // A workflow that has just ended has no deadline left to move.
              if ((error as { name?: string }).name !== 'WorkflowNotFoundError') throw error;
            }
          }),
        );
      }
      return { lastId: rows.at(-1)?.id ?? null, signalled: rows.length };
    },

    /** Compares the organization's recent activities with the direction its community's demand analysis decided. */
    async checkDirection({ organizationId, communityId, category, watch }: CheckDirectionCommand): Promise<DirectionJudgement> {
      const today = chinaDate(new Date());
      const [activities, survey] = await Promise.all([
        findRecentActivities(db, organizationId, { sinceDay: directionWindowStart(watch, today), untilDay: today, limit: watch.lastActivities, excludeKinds: watch.ignoredKinds }),
        findCommunityDemand(db, communityId),
      ]);
      return judgeDirection(watch, { category, recommendedCategory: survey.recommendedCategory, responseCount: survey.responseCount, activities, today });
    },

    /** The policy in force for the district now; the workflow keeps it for the stage it enters. */
    loadPolicy({ districtId }: { districtId: string }): Promise<ProcessPolicy> {
      return currentPolicy(db, districtId);
    },

    /** The deadline `workingDays` working days from `from`, by the stored calendar (ISO 8601). */
    async computeWorkingDeadline({ from, workingDays }: { from: string; workingDays: number }): Promise<string> {
      return (await workingDayDeadline(db, new Date(from), workingDays)).toISOString();
    },

    /** When the organization last held a recorded activity: the end of that day, China time (ISO 8601); null if never. */
    async lastRecordedActivity({ organizationId }: { organizationId: string }): Promise<string | null> {
      const { lastActivityOn } = await findOrganizationEvidence(db, organizationId);
      return lastActivityOn ? new Date(Date.parse(`${lastActivityOn}T00:00:00+08:00`) + 24 * 60 * 60 * 1000).toISOString() : null;
    },

    /** Reads the evidence from its owners and judges the stage's gate criteria. */
    async evaluateGate(command: EvaluateGateCommand): Promise<GateCriterionResult[]> {
      if (command.criteria.length === 0) return [];
      const [organization, survey, assessments] = await Promise.all([
        findOrganizationEvidence(db, command.organizationId),
        findCommunityDemand(db, command.communityId),
        findLatestAssessments(db, command.organizationId),
      ]);
      return judgeGate(command.criteria, {
        category: command.category,
        survey,
        assessments,
        stageEnteredOn: command.stageStartedAt ? chinaDate(new Date(command.stageStartedAt)) : null,
        organization: {
          activeMembers: organization.activeMembers,
          activeLeaders: organization.activeLeaders,
          interestActivities: organization.activitiesByKind.INTEREST_ACTIVITY,
          leaderTrainingHours: organization.leaderTrainingHours,
          activityMonths: organization.activityMonths,
          charterAdoptedOn: organization.charterAdoptedOn,
          filing: organization.filing,
        },
      });
    },

    /**
     * The latest assessment of a kind of the organization, if it was assessed on or after the day
     * (China date) the stage began; null otherwise. The workflow raises a PERFORMANCE escalation
     * for a failed one and resolves it when a later one passes.
     */
    async latestStageAssessment({ organizationId, kind, since }: LatestStageAssessmentCommand): Promise<StageAssessment | null> {
      const latest = (await findLatestAssessments(db, organizationId)).find((a) => a.kind === kind);
      if (!latest || latest.assessedOn < chinaDate(new Date(since))) return null;
      return { assessmentId: latest.assessmentId, kind, score: latest.score, passScore: latest.passScore, passed: latest.passed, assessedOn: latest.assessedOn };
    },

    /**
     * Projects one process event into the read model, in one transaction with its timeline row and
     * outbox event. The timeline row (cultivation, sequence) is the idempotency key: a retry finds
     * it and writes nothing.
     */
    async recordProcessEvent(command: RecordProcessEventCommand): Promise<{ recorded: boolean }> {
      const mails: { recipients: Recipient[]; subject: string }[] = [];
      const recorded = await db.transaction(async (m) => {
        const actor = 'by' in command.event ? command.event.by : null;
        const stream = command.stream ?? 'process';
        const inserted: unknown[] = await m.query(
          `INSERT INTO "cultivation"."timeline_event" ("cultivation_id", "stream", "sequence", "kind", "at", "actor_id", "actor_role", "details")
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING "sequence"`,
          [command.cultivationId, stream, command.sequence, command.event.kind, command.at, actor?.userId ?? null, actor?.role ?? null, JSON.stringify(command.event)],
        );
        if (inserted.length === 0) return false;
        const eventKey = `${command.workflowId}:${command.sequence}`;
        // Judged on the read model as it was before the event (a gate that was not met yet).
        const notification = await notificationFor(m, command.cultivationId, command.event);
        await project(m, command.cultivationId, command.at, command.event, eventKey);
        if (notification) {
          const { escalationKey, ...request } = notification;
          const escalationId = escalationKey ? await escalationIdOf(m, command.cultivationId, escalationKey) : null;
          const recipients = await notifyRole(m, { ...request, escalationId, cultivationId: command.cultivationId, sourceKey: eventKey, at: command.at });
          mails.push({ recipients, subject: notification.summary });
        }
        return true;
      });
      // After commit; a retry finds the timeline row and neither notifies nor mails again. Mail is
      // best effort: the inbox row is the durable notice, and a mail server outage must not stall
      // the process, so a failure is logged and the event stays recorded.
      for (const mail of mails) {
        try {
          await mailer.send(mail.recipients, mail.subject, mail.subject);
        } catch (error) {
          console.error(`mail for ${command.workflowId}:${command.sequence} not sent: ${(error as Error).message}`);
        }
      }
      return { recorded };
    },
  };
}

export type CultivationActivities = ReturnType<typeof createCultivationActivities>;

/** Who must hear of an event: the level's role for escalations, supervisors when a gate becomes met. */
async function notificationFor(
  m: EntityManager,
  cultivationId: string,
  event: ProcessEvent,
): Promise<(Omit<NotificationRequest, 'cultivationId' | 'sourceKey' | 'at' | 'escalationId'> & { escalationKey: string | null }) | null> {
  switch (event.kind) {
    case 'ESCALATION_RAISED':
      return {
        kind: 'ESCALATION',
        role: event.role,
        escalationKey: event.key,
        summary: `${event.type} escalation of a cultivation in ${event.stage} awaits your acknowledgement (level 1) by ${event.levelDueAt}`,
        details: { key: event.key, type: event.type, stage: event.stage, level: 1, dueAt: event.levelDueAt },
      };
    case 'ESCALATION_CLIMBED': {
      const [escalation]: { type: string; stage: string }[] = await m.query(
        `SELECT "type", "stage" FROM "cultivation"."escalation" WHERE "cultivation_id" = $1 AND "key" = $2`,
        [cultivationId, event.key],
      );
      return {
        kind: 'ESCALATION',
        role: event.role,
        escalationKey: event.key,
        summary: `${escalation.type} escalation of a cultivation in ${escalation.stage} climbed to you (level ${event.level}); acknowledge by ${event.levelDueAt}`,
        details: { key: event.key, type: escalation.type, stage: escalation.stage, level: event.level, dueAt: event.levelDueAt },
      };
    }
    case 'GATE_EVALUATED': {
      if (!event.gate.met) return null;
      const [before]: { gate: { met: boolean }; stage: string }[] = await m.query(`SELECT "gate", "stage" FROM "cultivation"."cultivation" WHERE "id" = $1`, [cultivationId]);
      if (before?.gate.met && before.stage === event.stage) return null; // already met: asked before
      return {
        kind: 'APPROVAL_REQUEST',
        role: 'SUPERVISOR',
        escalationKey: null,
        summary: `The ${event.stage} gate of a cultivation is met and awaits your approval`,
        details: { stage: event.stage },
      };
    }
    case 'STAGE_ENTERED':
    case 'GATE_APPROVED':
    case 'DEADLINE_EXTENDED':
    case 'DEADLINE_RECOMPUTED':
    case 'PAUSED':
    case 'RESUMED':
    case 'ESCALATION_ACKNOWLEDGED':
    case 'ESCALATION_RESOLVED':
    case 'DEVIATION_FLAGGED':
    case 'CORRECTION_PLAN_SUBMITTED':
    case 'TERMINATED':
    case 'COMPLETED':
    case 'WITHDRAWAL_STARTED':
    case 'WITHDRAWAL_PHASE_ADVANCED':
    case 'HANDOVER_CONFIRMED':
    case 'FINAL_EVALUATION_RECORDED':
    case 'FOLLOW_UP_RECORDED':
    case 'FOLLOW_UP_MISSED':
    case 'WITHDRAWAL_REENGAGED':
      return null;
    case 'FOLLOW_UP_DUE': {
      const followUp = event.withdrawal.followUps[event.index];
      return {
        kind: 'FOLLOW_UP_DUE',
        role: 'SOCIAL_WORKER',
        escalationKey: null,
        summary: `Follow-up ${event.index + 1} (+${followUp.monthsAfter} months) of a withdrawn organization is due; record it by ${followUp.windowEndsAt}`,
        details: { index: event.index, monthsAfter: followUp.monthsAfter, dueAt: followUp.dueAt, windowEndsAt: followUp.windowEndsAt },
      };
    }
  }
}

async function refreshEscalationLevel(m: EntityManager, cultivationId: string): Promise<void> {
  await m.query(
    `UPDATE "cultivation"."cultivation" SET "escalation_level" =
       COALESCE((SELECT max("level") FROM "cultivation"."escalation" WHERE "cultivation_id" = $1 AND "status" <> 'RESOLVED'), 0)
     WHERE "id" = $1`,
    [cultivationId],
  );
}

async function escalationIdOf(m: EntityManager, cultivationId: string, key: string): Promise<string> {
  const [row]: { id: string }[] = await m.query(`SELECT "id" FROM "cultivation"."escalation" WHERE "cultivation_id" = $1 AND "key" = $2`, [cultivationId, key]);
  if (!row) throw new Error(`Escalation ${key} of cultivation ${cultivationId} was never recorded`);
  return row.id;
}

/** What each event changes in the read model. */
async function project(m: EntityManager, cultivationId: string, at: string, event: ProcessEvent, eventKey: string): Promise<void> {
  const outbox = (e: Parameters<typeof appendOutboxEvent>[3]) => appendOutboxEvent(m, CULTIVATION_SCHEMA, eventKey, e);
  switch (event.kind) {
    case 'STAGE_ENTERED': {
      const [previous]: { stage: string }[] = await m.query(`SELECT "stage" FROM "cultivation"."cultivation" WHERE "id" = $1`, [cultivationId]);
      await m.query(
        `UPDATE "cultivation"."cultivation" SET "stage" = $2, "stage_started_at" = $3, "stage_deadline" = $4, "policy_version" = $5,
           "gate" = '{"criteria": [], "met": false, "evaluatedAt": null}' WHERE "id" = $1`,
        [cultivationId, event.stage, at, event.deadline, event.policyVersion],
      );
      await m.query(`UPDATE "cultivation"."stage_history" SET "left_at" = $2 WHERE "cultivation_id" = $1 AND "left_at" IS NULL`, [cultivationId, at]);
      await m.query(
        `INSERT INTO "cultivation"."stage_history" ("cultivation_id", "stage", "entered_at", "planned_deadline", "deadline", "policy_version")
         VALUES ($1, $2, $3, $4, $4, $5)`,
        [cultivationId, event.stage, at, event.deadline, event.policyVersion],
      );
      if (previous && previous.stage !== event.stage) {
        await outbox(domainEvent('cultivation.stage-changed', { cultivationId, from: previous.stage as never, to: event.stage, at, deadline: event.deadline }));
      }
      return;
    }
    case 'COMPLETED':
      await m.query(`UPDATE "cultivation"."cultivation" SET "stage" = 'COMPLETED', "stage_started_at" = $2 WHERE "id" = $1`, [cultivationId, at]);
      await m.query(`UPDATE "cultivation"."stage_history" SET "left_at" = $2 WHERE "cultivation_id" = $1 AND "left_at" IS NULL`, [cultivationId, at]);
      await outbox(domainEvent('cultivation.stage-changed', { cultivationId, from: 'WITHDRAWAL', to: 'COMPLETED', at, deadline: null }));
      return;
    case 'GATE_EVALUATED':
      await m.query(`UPDATE "cultivation"."cultivation" SET "gate" = $2 WHERE "id" = $1`, [cultivationId, JSON.stringify(event.gate)]);
      return;
    case 'GATE_APPROVED':
      await m.query(`UPDATE "cultivation"."stage_history" SET "approved_by" = $3 WHERE "cultivation_id" = $1 AND "stage" = $2`, [cultivationId, event.stage, event.by.userId]);
      return;
    case 'DEADLINE_EXTENDED':
    case 'DEADLINE_RECOMPUTED':
      await m.query(`UPDATE "cultivation"."cultivation" SET "stage_deadline" = $2 WHERE "id" = $1`, [cultivationId, event.to]);
      await m.query(`UPDATE "cultivation"."stage_history" SET "deadline" = $3 WHERE "cultivation_id" = $1 AND "stage" = $2`, [cultivationId, event.stage, event.to]);
      await outbox(domainEvent('cultivation.deadline-extended', { cultivationId, stage: event.stage, deadline: event.to, at }));
      return;
    case 'PAUSED':
      await m.query(`UPDATE "cultivation"."cultivation" SET "status" = 'PAUSED', "paused_at" = $2 WHERE "id" = $1`, [cultivationId, at]);
      await outbox(domainEvent('cultivation.status-changed', { cultivationId, status: 'PAUSED', at }));
      return;
    case 'RESUMED':
      await m.query(`UPDATE "cultivation"."cultivation" SET "status" = 'ACTIVE', "paused_at" = NULL WHERE "id" = $1`, [cultivationId]);
      await m.query(
        `UPDATE "cultivation"."stage_history" SET "paused_seconds" = "paused_seconds" + $2 WHERE "cultivation_id" = $1 AND "left_at" IS NULL`,
        [cultivationId, event.pausedSeconds],
      );
      await outbox(domainEvent('cultivation.status-changed', { cultivationId, status: 'ACTIVE', at }));
      return;
    case 'TERMINATED':
      await m.query(`UPDATE "cultivation"."cultivation" SET "status" = 'TERMINATED', "paused_at" = NULL WHERE "id" = $1`, [cultivationId]);
      await m.query(`UPDATE "cultivation"."stage_history" SET "left_at" = $2 WHERE "cultivation_id" = $1 AND "left_at" IS NULL`, [cultivationId, at]);
      await outbox(domainEvent('cultivation.status-changed', { cultivationId, status: 'TERMINATED', at }));
      return;
    case 'DEVIATION_FLAGGED':
      await m.query(`UPDATE "cultivation"."cultivation" SET "deviation" = $2 WHERE "id" = $1`, [
        cultivationId,
        JSON.stringify({ note: event.note, flaggedAt: at, correctionDueAt: event.correctionDueAt, planSubmittedAt: null }),
      ]);
      return;
    case 'CORRECTION_PLAN_SUBMITTED':
      await m.query(`UPDATE "cultivation"."cultivation" SET "deviation" = NULL WHERE "id" = $1`, [cultivationId]);
      return;
    case 'ESCALATION_RAISED': {
      const id = randomUUID();
      await m.query(
        `INSERT INTO "cultivation"."escalation" ("id", "cultivation_id", "key", "type", "level", "stage", "status", "raised_at", "level_due_at")
         VALUES ($1, $2, $3, $4, 1, $5, 'OPEN', $6, $7)`,
        [id, cultivationId, event.key, event.type, event.stage, at, event.levelDueAt],
      );
      await m.query(`INSERT INTO "cultivation"."escalation_step" ("escalation_id", "level", "raised_at", "due_at") VALUES ($1, 1, $2, $3)`, [id, at, event.levelDueAt]);
      await refreshEscalationLevel(m, cultivationId);
      await outbox(domainEvent('cultivation.escalation-raised', { cultivationId, escalationId: id, type: event.type, level: 1, stage: event.stage, raisedAt: at }));
      return;
    }
    case 'ESCALATION_CLIMBED': {
      const id = await escalationIdOf(m, cultivationId, event.key);
      const [row]: { type: never; stage: never }[] = await m.query(
        `UPDATE "cultivation"."escalation" SET "level" = $2, "level_due_at" = $3 WHERE "id" = $1 RETURNING "type", "stage"`,
        [id, event.level, event.levelDueAt],
      );
      await m.query(`INSERT INTO "cultivation"."escalation_step" ("escalation_id", "level", "raised_at", "due_at") VALUES ($1, $2, $3, $4)`, [id, event.level, at, event.levelDueAt]);
      await refreshEscalationLevel(m, cultivationId);
      await outbox(domainEvent('cultivation.escalation-raised', { cultivationId, escalationId: id, type: row.type, level: event.level, stage: row.stage, raisedAt: at }));
      return;
    }
    case 'ESCALATION_ACKNOWLEDGED': {
      const id = await escalationIdOf(m, cultivationId, event.key);
      await m.query(
        `UPDATE "cultivation"."escalation" SET "status" = 'ACKNOWLEDGED', "acknowledged_at" = $2, "acknowledged_by" = $3, "acknowledgement_plan" = $4 WHERE "id" = $1`,
        [id, at, event.by.userId, event.plan],
      );
      await m.query(
        `UPDATE "cultivation"."escalation_step" SET "acknowledged_at" = $3, "acknowledged_by" = $4, "plan" = $5 WHERE "escalation_id" = $1 AND "level" = $2`,
        [id, event.level, at, event.by.userId, event.plan],
      );
      await outbox(domainEvent('cultivation.escalation-acknowledged', { cultivationId, escalationId: id, level: event.level, at }));
      return;
    }
    case 'WITHDRAWAL_STARTED':
    case 'WITHDRAWAL_PHASE_ADVANCED':
    case 'HANDOVER_CONFIRMED':
    case 'FINAL_EVALUATION_RECORDED':
    case 'FOLLOW_UP_DUE':
    case 'FOLLOW_UP_RECORDED':
    case 'FOLLOW_UP_MISSED':
    case 'WITHDRAWAL_REENGAGED':
      if (event.kind === 'FOLLOW_UP_RECORDED' || event.kind === 'FOLLOW_UP_MISSED') {
        // For analytics; the schedule in the event's withdrawal state says how many months after.
        const result = event.kind === 'FOLLOW_UP_MISSED' ? 'MISSED' : event.passed ? 'PASSED' : 'FAILED';
        const followUp = event.withdrawal.followUps[event.index];
        if (followUp) await outbox(domainEvent('cultivation.follow-up-recorded', { cultivationId, index: event.index, monthsAfter: followUp.monthsAfter, result, at }));
      }
      await m.query(
        `INSERT INTO "cultivation"."withdrawal" ("cultivation_id", "state", "updated_at") VALUES ($1, $2, $3)
         ON CONFLICT ("cultivation_id") DO UPDATE SET "state" = EXCLUDED."state", "updated_at" = EXCLUDED."updated_at"
         WHERE ("cultivation"."withdrawal"."state"->>'sequence')::int < (EXCLUDED."state"->>'sequence')::int`,
        [cultivationId, JSON.stringify(event.withdrawal), at],
      );
      return;
    case 'ESCALATION_RESOLVED': {
      const id = await escalationIdOf(m, cultivationId, event.key);
      await m.query(`UPDATE "cultivation"."escalation" SET "status" = 'RESOLVED', "resolved_at" = $2, "resolution" = $3 WHERE "id" = $1`, [id, at, event.resolution]);
      await refreshEscalationLevel(m, cultivationId);
      await outbox(domainEvent('cultivation.escalation-resolved', { cultivationId, escalationId: id, resolution: event.resolution, at }));
      return;
    }
  }
}
