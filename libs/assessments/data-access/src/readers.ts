import type { DataSource } from 'typeorm';
import { analyseDemand, type DemandAnalysisValue } from './demand-analysis.js';

/**
 * Read-only access for other domains: the needs investigation of a community, all its surveys
 * together, as a gate judges it (enough responses; a recommended category). Plain SQL, so the
 * caller's DataSource need not register this domain's entities; two queries whatever the size.
 */
export async function findCommunityDemand(db: DataSource, communityId: string): Promise<DemandAnalysisValue> {
  const [{ responses }]: { responses: number }[] = await db.query(
    `SELECT count(*)::int AS "responses" FROM "assessments"."survey_response" r
     JOIN "assessments"."needs_survey" s ON s."id" = r."survey_id" WHERE s."community_id" = $1`,
    [communityId],
  );
  const counts: { category: string; n: number }[] = await db.query(
    `SELECT c AS "category", count(*)::int AS "n" FROM "assessments"."survey_response" r
     JOIN "assessments"."needs_survey" s ON s."id" = r."survey_id", unnest(r."demand_categories") AS c
     WHERE s."community_id" = $1 GROUP BY c`,
    [communityId],
  );
  return analyseDemand(responses, new Map(counts.map((row) => [row.category, row.n])));
}

/** The latest assessment of an organization of one kind, as a gate or an escalation judges it. */
export interface LatestAssessment {
  assessmentId: string;
  kind: 'CAPACITY' | 'MATURITY';
  score: number;
  passScore: number;
  passed: boolean;
  /** 'YYYY-MM-DD'. */
  assessedOn: string;
}

/** The latest capacity and maturity assessment of an organization (by day assessed, then recorded); one query. */
export async function findLatestAssessments(db: DataSource, organizationId: string): Promise<LatestAssessment[]> {
  const rows: { id: string; kind: 'CAPACITY' | 'MATURITY'; total: string; pass_score: string; passed: boolean; assessed_on: string }[] = await db.query(
    `SELECT DISTINCT ON ("kind") "id", "kind", "total", "pass_score", "passed", to_char("assessed_on", 'YYYY-MM-DD') AS "assessed_on"
       FROM "assessments"."assessment" WHERE "organization_id" = $1
      ORDER BY "kind", "assessed_on" DESC, "created_at" DESC`,
    [organizationId],
  );
  return rows.map((r) => ({ assessmentId: r.id, kind: r.kind, score: Number(r.total), passScore: Number(r.pass_score), passed: r.passed, assessedOn: r.assessed_on }));
}

/** An outcome evaluation as the withdrawal's final evaluation takes it: each level's score. */
export interface OutcomeEvaluationSummary {
  evaluationId: string;
  organizationId: string;
  cultivationId: string;
  levels: { level: 'COMMUNITY' | 'ORGANIZATION' | 'INSTITUTION'; score: number; metTarget: boolean }[];
  note: string | null;
}

export async function findOutcomeEvaluation(db: DataSource, id: string): Promise<OutcomeEvaluationSummary | null> {
  const [row]: { id: string; organization_id: string; cultivation_id: string; levels: { level: 'COMMUNITY' | 'ORGANIZATION' | 'INSTITUTION'; score: number; metTarget: boolean }[]; note: string | null }[] =
    await db.query(`SELECT "id", "organization_id", "cultivation_id", "levels", "note" FROM "assessments"."outcome_evaluation" WHERE "id" = $1`, [id]);
  return row ? { evaluationId: row.id, organizationId: row.organization_id, cultivationId: row.cultivation_id, levels: row.levels, note: row.note } : null;
}

/** A follow-up check as the withdrawal's follow-up takes it. */
export interface FollowUpCheckSummary {
  checkId: string;
  organizationId: string;
  cultivationId: string;
  followUpIndex: number;
  passed: boolean;
  note: string | null;
}

export async function findFollowUpCheck(db: DataSource, id: string): Promise<FollowUpCheckSummary | null> {
  const [row]: { id: string; organization_id: string; cultivation_id: string; follow_up_index: number; passed: boolean; note: string | null }[] = await db.query(
    `SELECT "id", "organization_id", "cultivation_id", "follow_up_index", "passed", "note" FROM "assessments"."follow_up_check" WHERE "id" = $1`,
    [id],
  );
  return row ? { checkId: row.id, organizationId: row.organization_id, cultivationId: row.cultivation_id, followUpIndex: row.follow_up_index, passed: row.passed, note: row.note } : null;
}
