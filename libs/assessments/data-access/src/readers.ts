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
