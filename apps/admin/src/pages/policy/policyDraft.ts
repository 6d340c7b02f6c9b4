// The process policy document (as `processPolicy.document` carries it, the shape of ProcessPolicy in
// @peiyu/contracts) and the editor's draft of its next version: numbers kept as typed, durations in
// days, checked before sending as the server checks them (policy-document.ts), errors named by the
// server's paths (`stages.GROWTH.durationSeconds`, `ladder[0].role` ...).
import type { OrganizationCategory, Role } from '../../graphql/operations';
import { CATEGORIES } from '../directory/common';

export const WORKING_STAGES = ['FORMATION', 'GROWTH', 'MATURITY', 'WITHDRAWAL'] as const;
export type WorkingStage = (typeof WORKING_STAGES)[number];

/** The kinds of gate criterion the gate evaluation knows (CRITERION_KINDS of @peiyu/contracts). */
export const CRITERION_KINDS = [
  'NEEDS_SURVEY_RESPONSES',
  'DEMAND_MATCHES_CATEGORY',
  'INTEREST_ACTIVITIES',
  'ACTIVE_MEMBERS',
  'LEADERS',
  'LEADER_TRAINING_HOURS',
  'CHARTER_ADOPTED',
  'REGULAR_ACTIVITY_MONTHS',
  'FILING_RECORDED',
  'CAPACITY_ASSESSMENT_PASSED',
  'MATURITY_ASSESSMENT_PASSED',
] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

/** Yes/no kinds: their threshold is ignored by the gate (1 by convention). */
export const YES_NO_KINDS: readonly CriterionKind[] = ['DEMAND_MATCHES_CATEGORY', 'CHARTER_ADOPTED', 'FILING_RECORDED', 'CAPACITY_ASSESSMENT_PASSED', 'MATURITY_ASSESSMENT_PASSED'];

/** The roles an escalation may climb to. */
export const LADDER_ROLES: readonly Role[] = ['SOCIAL_WORKER', 'SUPERVISOR', 'INSTITUTION_DIRECTOR', 'STREET_OFFICER', 'PROGRAMME_MANAGER', 'ADMIN'];

export const DAY_SECONDS = 24 * 60 * 60;

export interface CriterionPolicy {
  kind: CriterionKind;
  threshold: number;
}

export interface StagePolicy {
  durationSeconds: number;
  workingDays?: number;
  maxExtensionSeconds: number;
  warningRatio: number;
  criteria: Record<OrganizationCategory, CriterionPolicy[]>;
}

export interface PolicyDocument {
  version?: number;
  stages: Record<WorkingStage, StagePolicy>;
  ladder: { role: Role; acknowledgeWithinSeconds: number }[];
  maxPauseSeconds: number;
  maxInactivitySeconds?: number;
  correctionPlanDueSeconds: number;
  withdrawal: { followUpMonths: number[]; followUpWindowSeconds: number; followUpOffsetsSeconds?: number[] };
  /** Other parts (the direction watch) are kept as they are. */
  [other: string]: unknown;
}

export interface StageDraft {
  durationDays: string;
  /** Blank: the deadline counts calendar days (durationDays). */
  workingDays: string;
  maxExtensionDays: string;
  warningRatio: string;
  criteria: Record<OrganizationCategory, { kind: CriterionKind; threshold: string }[]>;
}

export interface PolicyDraft {
  stages: Record<WorkingStage, StageDraft>;
  ladder: { role: Role; acknowledgeWithinDays: string }[];
  maxPauseDays: string;
  /** Blank: inactivity is not watched. */
  maxInactivityDays: string;
  followUpMonths: string;
}

export function parsePolicy(document: string): PolicyDocument {
  return JSON.parse(document) as PolicyDocument;
}

/** Seconds as days, with up to 4 decimals (tests compress months into minutes). */
export function secondsToDays(seconds: number): string {
  return String(Math.round((seconds / DAY_SECONDS) * 10_000) / 10_000);
}

export function draftOf(policy: PolicyDocument): PolicyDraft {
  const stage = (s: StagePolicy): StageDraft => ({
    durationDays: secondsToDays(s.durationSeconds),
    workingDays: s.workingDays === undefined ? '' : String(s.workingDays),
    maxExtensionDays: secondsToDays(s.maxExtensionSeconds),
    warningRatio: String(s.warningRatio),
    criteria: Object.fromEntries(CATEGORIES.map((c) => [c, (s.criteria[c] ?? []).map((k) => ({ kind: k.kind, threshold: String(k.threshold) }))])) as StageDraft['criteria'],
  });
  return {
    stages: Object.fromEntries(WORKING_STAGES.map((s) => [s, stage(policy.stages[s])])) as PolicyDraft['stages'],
    ladder: policy.ladder.map((l) => ({ role: l.role, acknowledgeWithinDays: secondsToDays(l.acknowledgeWithinSeconds) })),
    maxPauseDays: secondsToDays(policy.maxPauseSeconds),
    maxInactivityDays: policy.maxInactivitySeconds === undefined ? '' : secondsToDays(policy.maxInactivitySeconds),
    followUpMonths: policy.withdrawal.followUpMonths.join(', '),
  };
}

export type DraftProblem = 'positive' | 'wholePositive' | 'ratio' | 'threshold' | 'ladderEmpty' | 'months' | 'duplicateKind';

export type CheckedDraft = { errors: Record<string, DraftProblem>; document?: undefined } | { errors?: undefined; document: PolicyDocument };

const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

/**
 * Checks the draft and builds the document to send: the policy it started from with the edited
 * parts replaced (its version left out: the server assigns the next one).
 */
export function checkDraft(draft: PolicyDraft, from: PolicyDocument): CheckedDraft {
  const errors: Record<string, DraftProblem> = {};
  const days = (text: string, path: string): number => {
    const value = numberOf(text);
    if (!(value > 0)) errors[path] = 'positive';
    return Math.round(value * DAY_SECONDS);
  };
  const stages = {} as PolicyDocument['stages'];
  for (const stage of WORKING_STAGES) {
    const s = draft.stages[stage];
    const path = `stages.${stage}`;
    const durationSeconds = days(s.durationDays, `${path}.durationSeconds`);
    let workingDays: number | undefined;
    if (s.workingDays.trim() !== '') {
      workingDays = numberOf(s.workingDays);
      if (!(Number.isInteger(workingDays) && workingDays > 0)) errors[`${path}.workingDays`] = 'wholePositive';
    }
    const maxExtensionSeconds = days(s.maxExtensionDays, `${path}.maxExtensionSeconds`);
    const warningRatio = numberOf(s.warningRatio);
    if (!(warningRatio > 0 && warningRatio < 1)) errors[`${path}.warningRatio`] = 'ratio';
    const criteria = Object.fromEntries(
      CATEGORIES.map((category) => {
        const seen = new Set<CriterionKind>();
        return [
          category,
          s.criteria[category].map((c, i) => {
            const threshold = numberOf(c.threshold);
            if (!(threshold >= 0)) errors[`${path}.criteria.${category}[${i}].threshold`] = 'threshold';
            if (seen.has(c.kind)) errors[`${path}.criteria.${category}[${i}].kind`] = 'duplicateKind';
            seen.add(c.kind);
            return { kind: c.kind, threshold };
          }),
        ];
      }),
    ) as StagePolicy['criteria'];
    stages[stage] = {
      durationSeconds,
      ...(workingDays === undefined ? {} : { workingDays }),
      maxExtensionSeconds,
      warningRatio,
      criteria,
    };
  }
  if (draft.ladder.length === 0) errors['ladder'] = 'ladderEmpty';
  const ladder = draft.ladder.map((l, i) => ({ role: l.role, acknowledgeWithinSeconds: days(l.acknowledgeWithinDays, `ladder[${i}].acknowledgeWithinSeconds`) }));
  const maxPauseSeconds = days(draft.maxPauseDays, 'maxPauseSeconds');
  const maxInactivitySeconds = draft.maxInactivityDays.trim() === '' ? undefined : days(draft.maxInactivityDays, 'maxInactivitySeconds');
  const months = draft.followUpMonths
    .split(/[,，\s]+/)
    .filter((m) => m !== '')
    .map(Number);
  if (months.length === 0 || !months.every((m, i) => Number.isInteger(m) && m > 0 && (i === 0 || m > months[i - 1]))) errors['withdrawal.followUpMonths'] = 'months';
  if (Object.keys(errors).length > 0) return { errors };

  const { version: _version, maxInactivitySeconds: _inactivity, ...kept } = from;
  return {
    document: {
      ...kept,
      stages,
      ladder,
      maxPauseSeconds,
      ...(maxInactivitySeconds === undefined ? {} : { maxInactivitySeconds }),
      withdrawal: { ...from.withdrawal, followUpMonths: months },
    },
  };
}

/** The path a server error names in its message (`document.<path> must ...`), if any. */
export function serverPath(message: string): string | null {
  const match = /^document\.(\S+) /.exec(message);
  return match ? match[1] : null;
}

/** The paths of the fields the editor shows for a draft, where errors named by those paths are placed. */
export function fieldPaths(draft: PolicyDraft): Set<string> {
  const paths = new Set<string>(['ladder', 'maxPauseSeconds', 'maxInactivitySeconds', 'withdrawal.followUpMonths']);
  for (const stage of WORKING_STAGES) {
    for (const field of ['durationSeconds', 'workingDays', 'maxExtensionSeconds', 'warningRatio']) paths.add(`stages.${stage}.${field}`);
    for (const category of CATEGORIES) {
      draft.stages[stage].criteria[category].forEach((_, i) => {
        paths.add(`stages.${stage}.criteria.${category}[${i}].kind`);
        paths.add(`stages.${stage}.criteria.${category}[${i}].threshold`);
      });
    }
  }
  draft.ladder.forEach((_, i) => {
    paths.add(`ladder[${i}].role`);
    paths.add(`ladder[${i}].acknowledgeWithinSeconds`);
  });
  return paths;
}
