/**
 * What assessments-service records of one organization as it grows: capacity assessments during
 * growth and maturity assessments during maturity (scored by the built-in rubrics, as the service
 * scores them), and for a cultivation that reached withdrawal its outcome evaluation at the three
 * levels and the follow-up checks at +1/+3/+6 months, each with the outbox events the services write.
 */
import {
  DEFAULT_PROCESS_POLICY,
  FOLLOW_UP_FINDINGS,
  OUTCOME_LEVELS,
  defaultIndicatorSet,
  defaultRubric,
  domainEvent,
  followUpCheckPassed,
  scoreAssessment,
  type CriterionScore,
  type DomainEvent,
  type FollowUpFindings,
  type LevelOutcome,
  type OrganizationCategory,
  type RubricDocument,
  type RubricKind,
} from '@peiyu/contracts';
import type { Random } from './random.js';
import type { Row } from './tables.js';

const DAY = 86_400_000;
const CHINA_OFFSET = 8 * 3_600_000;
const iso = (ms: number) => new Date(Math.round(ms / 1000) * 1000).toISOString();
const chinaDate = (ms: number) => new Date(ms + CHINA_OFFSET).toISOString().slice(0, 10);
const ASSESSMENT_NOTES = ['骨干分工明确，活动记录齐全', '制度已建立，执行还需加强', '居民反馈良好', '财务台账需规范', '成员参与度有提升'];

export interface EvaluationPlan {
  organizationId: string;
  communityId: string;
  category: OrganizationCategory;
  /** When it entered growth, maturity and withdrawal (ms), where it did. */
  growthAt: number | null;
  maturityAt: number | null;
  withdrawalAt: number | null;
  /** Until when it was active (ms): the reference instant, or when it dissolved or its cultivation ended. */
  activeUntil: number;
  reference: number;
  /** Who assesses: the cultivating institution's social worker and supervisor, or anyone for an organization not cultivated. */
  assessorId: string;
  supervisorId: string;
  /** Its cultivation, which outcome evaluations and follow-up checks belong to. */
  cultivation: { id: string; terminatedAt: number | null } | null;
  random: Random;
}

export interface EvaluationRows {
  assessment: Row[];
  outcomeEvaluation: Row[];
  followUpCheck: Row[];
  assessmentsOutbox: Row[];
  cultivationOutbox: Row[];
}

const outboxRow = (key: string, at: number, event: DomainEvent): Row => [event.type, event.version, JSON.stringify(event.payload), key, iso(at)];

/**
 * Scores every criterion around a quality (0..1) and returns them with the computed total; `pass`
 * decides which side of the pass score it lands on (re-drawn until it does, then pushed).
 */
export function scoresAround(document: RubricDocument, pass: boolean, random: Random): { scores: CriterionScore[]; total: number; passed: boolean } {
  for (let attempt = 0; attempt < 8; attempt++) {
    const quality = pass ? 0.72 + random.next() * 0.25 : 0.3 + random.next() * 0.3;
    const scores = document.criteria.map((c) => ({ key: c.key, score: Math.min(c.maxScore, Math.max(0, Math.round(quality * c.maxScore + (random.next() - 0.5) * 1.5))) }));
    const scored = scoreAssessment(document, scores);
    if ('field' in scored) throw new Error(`generated scores do not fit the rubric: ${scored.message}`);
    if (scored.passed === pass) return { scores, ...scored };
  }
  const scores = document.criteria.map((c) => ({ key: c.key, score: pass ? c.maxScore : 0 }));
  const scored = scoreAssessment(document, scores) as { total: number; passed: boolean };
  return { scores, ...scored };
}

export function evaluationRows(plan: EvaluationPlan, rows: EvaluationRows): void {
  const { random } = plan;
  const assess = (kind: RubricKind, from: number, until: number, lastPasses: boolean) => {
    const rubric = defaultRubric(plan.category, kind);
    // Sometimes a first try that fails, re-assessed later in the stage.
    const tries = random.chance(lastPasses ? 0.3 : 0.2) ? 2 : 1;
    for (let t = 0; t < tries; t++) {
      const last = t === tries - 1;
      const at = from + (until - from) * (last ? 0.55 + random.next() * 0.4 : 0.1 + random.next() * 0.3);
      const pass = last ? lastPasses : false;
      const { scores, total, passed } = scoresAround(rubric, pass, random);
      const id = random.uuid();
      const assessedOn = chinaDate(at);
      rows.assessment.push([id, plan.organizationId, plan.category, kind, 1, JSON.stringify(scores), total, rubric.passScore, passed, assessedOn, plan.assessorId, random.chance(0.4) ? random.pick(ASSESSMENT_NOTES) : null, iso(at), 1]);
      rows.assessmentsOutbox.push(
        outboxRow(`assessment.recorded:${id}`, at, domainEvent('assessment.recorded', { assessmentId: id, organizationId: plan.organizationId, kind, score: total, passScore: rubric.passScore, passed, assessedOn, at: iso(at) })),
      );
    }
  };
  // Growth is left with a passed capacity assessment (its gate asks for one); one still growing may not have passed yet.
  if (plan.growthAt !== null) {
    const until = plan.maturityAt ?? plan.activeUntil;
    if (until - plan.growthAt > 7 * DAY) assess('CAPACITY', plan.growthAt, until, plan.maturityAt !== null || random.chance(0.5));
  }
  if (plan.maturityAt !== null) {
    const until = plan.withdrawalAt ?? plan.activeUntil;
    if (until - plan.maturityAt > 7 * DAY) assess('MATURITY', plan.maturityAt, until, plan.withdrawalAt !== null || random.chance(0.5));
  }

  const cultivation = plan.cultivation;
  if (!cultivation || plan.withdrawalAt === null) return;
  const end = Math.min(plan.reference, cultivation.terminatedAt ?? Number.POSITIVE_INFINITY);
  const evaluatedAt = plan.withdrawalAt + (20 + random.next() * 40) * DAY;
  if (evaluatedAt > end) return;
  const levels: LevelOutcome[] = OUTCOME_LEVELS.map((level) => {
    const set = defaultIndicatorSet(level);
    const { scores, total, passed } = scoresAround(set, random.chance(0.8), random);
    return { level, indicatorSetVersion: 1, scores, score: total, targetScore: set.passScore, metTarget: passed };
  });
  const evaluationId = random.uuid();
  const evaluatedOn = chinaDate(evaluatedAt);
  const scoreOf = (level: LevelOutcome['level']) => levels.find((l) => l.level === level)!.score;
  rows.outcomeEvaluation.push([
    evaluationId, plan.organizationId, plan.communityId, cultivation.id, JSON.stringify(levels), scoreOf('COMMUNITY'), scoreOf('ORGANIZATION'), scoreOf('INSTITUTION'),
    evaluatedOn, plan.supervisorId, null, iso(evaluatedAt),
  ]);
  rows.assessmentsOutbox.push(
    outboxRow(
      `assessment.outcome-evaluated:${evaluationId}`,
      evaluatedAt,
      domainEvent('assessment.outcome-evaluated', {
        evaluationId,
        organizationId: plan.organizationId,
        cultivationId: cultivation.id,
        levels: levels.map(({ level, score, targetScore, metTarget }) => ({ level, score, targetScore, metTarget })),
        evaluatedOn,
        at: iso(evaluatedAt),
      }),
    ),
  );

  // Follow-ups fall due months after the final evaluation; each is checked within its window, or missed.
  const { followUpMonths, followUpWindowSeconds } = DEFAULT_PROCESS_POLICY.withdrawal;
  followUpMonths.forEach((monthsAfter, index) => {
    const due = new Date(evaluatedAt);
    due.setUTCMonth(due.getUTCMonth() + monthsAfter);
    const dueAt = due.getTime();
    const windowEnd = dueAt + followUpWindowSeconds * 1000;
    if (random.chance(0.93)) {
      const checkedAt = dueAt + random.next() * (windowEnd - dueAt) * 0.8;
      if (checkedAt > end) return;
      const findings = Object.fromEntries(FOLLOW_UP_FINDINGS.map((f) => [f, random.chance(0.97)])) as FollowUpFindings;
      const passed = followUpCheckPassed(findings);
      const checkId = random.uuid();
      const checkedOn = chinaDate(checkedAt);
      rows.followUpCheck.push([checkId, plan.organizationId, plan.communityId, cultivation.id, index, JSON.stringify(findings), passed, checkedOn, plan.assessorId, null, iso(checkedAt)]);
      rows.assessmentsOutbox.push(
        outboxRow(
          `assessment.follow-up-checked:${checkId}`,
          checkedAt,
          domainEvent('assessment.follow-up-checked', { checkId, organizationId: plan.organizationId, cultivationId: cultivation.id, followUpIndex: index, passed, checkedOn, at: iso(checkedAt) }),
        ),
      );
      rows.cultivationOutbox.push(
        outboxRow(
          `cultivation.follow-up-recorded:${cultivation.id}:${index}:RECORDED`,
          checkedAt,
          domainEvent('cultivation.follow-up-recorded', { cultivationId: cultivation.id, index, monthsAfter, result: passed ? 'PASSED' : 'FAILED', at: iso(checkedAt) }),
        ),
      );
    } else if (windowEnd <= end) {
      rows.cultivationOutbox.push(
        outboxRow(
          `cultivation.follow-up-recorded:${cultivation.id}:${index}:MISSED`,
          windowEnd,
          domainEvent('cultivation.follow-up-recorded', { cultivationId: cultivation.id, index, monthsAfter, result: 'MISSED', at: iso(windowEnd) }),
        ),
      );
    }
  });
}
