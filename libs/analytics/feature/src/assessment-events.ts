import { isUUID } from 'class-validator';
import { EVENT_VERSIONS, OUTCOME_LEVELS, RUBRIC_KINDS, type OutcomeLevel, type RubricKind } from '@peiyu/contracts';
import { isLocalDate } from './indicator-periods.js';

/** The assessments-service event the analytics read model consumes (from `"assessments"."outbox"`), checked before it touches it. */
export interface AssessmentFactEvent {
  assessmentId: string;
  organizationId: string;
  kind: RubricKind;
  score: number;
  passScore: number;
  passed: boolean;
  /** The day assessed, YYYY-MM-DD. */
  assessedOn: string;
  /** When it was recorded. */
  at: Date;
}

export type AssessmentParseResult = { ok: true; value: AssessmentFactEvent } | { ok: false; reason: string } | { ok: 'ignored' };

const instant = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));
const percent = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100;

/** Reads one outbox row of assessments-service: `assessment.recorded`; other types (survey responses) are `ignored`. */
export function parseAssessmentEvent(type: string, version: number, payload: unknown): AssessmentParseResult {
  if (type !== 'assessment.recorded') return { ok: 'ignored' };
  if (version !== EVENT_VERSIONS[type]) return { ok: false, reason: `version ${version} of ${type} is not understood (expected ${EVENT_VERSIONS[type]})` };
  if (typeof payload !== 'object' || payload === null) return { ok: false, reason: 'the payload is not an object' };
  const p = payload as Record<string, unknown>;
  const bad: string[] = [];
  if (typeof p.assessmentId !== 'string' || !isUUID(p.assessmentId)) bad.push('assessmentId');
  if (typeof p.organizationId !== 'string' || !isUUID(p.organizationId)) bad.push('organizationId');
  if (!(RUBRIC_KINDS as readonly unknown[]).includes(p.kind)) bad.push('kind');
  if (!percent(p.score)) bad.push('score');
  if (!percent(p.passScore)) bad.push('passScore');
  if (typeof p.passed !== 'boolean') bad.push('passed');
  if (!isLocalDate(p.assessedOn)) bad.push('assessedOn');
  if (!instant(p.at)) bad.push('at');
  if (bad.length > 0) return { ok: false, reason: `invalid or missing ${bad.join(', ')}` };
  return {
    ok: true,
    value: {
      assessmentId: p.assessmentId as string,
      organizationId: p.organizationId as string,
      kind: p.kind as RubricKind,
      score: p.score as number,
      passScore: p.passScore as number,
      passed: p.passed as boolean,
      assessedOn: p.assessedOn as string,
      at: new Date(p.at as string),
    },
  };
}

/** An outcome evaluation (assessment.outcome-evaluated), checked: the three level scores of one cultivation. */
export interface OutcomeFactEvent {
  evaluationId: string;
  organizationId: string;
  cultivationId: string;
  levels: { level: OutcomeLevel; score: number; metTarget: boolean }[];
  evaluatedOn: string;
  at: Date;
}

/** What the assessments outbox feeds: capacity and maturity assessments, and outcome evaluations. */
export type AssessmentsOutboxFact = { fact: 'assessment'; event: AssessmentFactEvent } | { fact: 'outcome'; event: OutcomeFactEvent };

export type AssessmentsOutboxParseResult = { ok: true; value: AssessmentsOutboxFact } | { ok: false; reason: string } | { ok: 'ignored' };

/** Reads one outbox row of assessments-service; the types analytics does not count (survey responses, follow-up checks) are `ignored`. */
export function parseAssessmentsOutboxEvent(type: string, version: number, payload: unknown): AssessmentsOutboxParseResult {
  if (type === 'assessment.outcome-evaluated') {
    const parsed = parseOutcomeEvent(version, payload);
    return parsed.ok === true ? { ok: true, value: { fact: 'outcome', event: parsed.value } } : parsed;
  }
  const parsed = parseAssessmentEvent(type, version, payload);
  return parsed.ok === true ? { ok: true, value: { fact: 'assessment', event: parsed.value } } : parsed;
}

function parseOutcomeEvent(version: number, payload: unknown): { ok: true; value: OutcomeFactEvent } | { ok: false; reason: string } {
  const type = 'assessment.outcome-evaluated';
  if (version !== EVENT_VERSIONS[type]) return { ok: false, reason: `version ${version} of ${type} is not understood (expected ${EVENT_VERSIONS[type]})` };
  if (typeof payload !== 'object' || payload === null) return { ok: false, reason: 'the payload is not an object' };
  const p = payload as Record<string, unknown>;
  const bad: string[] = [];
  for (const key of ['evaluationId', 'organizationId', 'cultivationId'] as const) if (typeof p[key] !== 'string' || !isUUID(p[key])) bad.push(key);
  const levels = Array.isArray(p.levels) ? (p.levels as Record<string, unknown>[]) : [];
  const complete =
    levels.length === OUTCOME_LEVELS.length &&
    OUTCOME_LEVELS.every((level) => levels.some((l) => l.level === level)) &&
    levels.every((l) => percent(l.score) && typeof l.metTarget === 'boolean');
  if (!complete) bad.push('levels');
  if (!isLocalDate(p.evaluatedOn)) bad.push('evaluatedOn');
  if (!instant(p.at)) bad.push('at');
  if (bad.length > 0) return { ok: false, reason: `invalid or missing ${bad.join(', ')}` };
  return {
    ok: true,
    value: {
      evaluationId: p.evaluationId as string,
      organizationId: p.organizationId as string,
      cultivationId: p.cultivationId as string,
      levels: levels.map((l) => ({ level: l.level as OutcomeLevel, score: l.score as number, metTarget: l.metTarget as boolean })),
      evaluatedOn: p.evaluatedOn as string,
      at: new Date(p.at as string),
    },
  };
}
