import { CRITERION_KINDS, ORGANIZATION_CATEGORIES, ROLES, type DirectionWatchPolicy, type ProcessPolicy } from '@peiyu/contracts';
import { ACTIVITY_KINDS } from '@peiyu/organizations-data-access';
import { DomainException } from '@peiyu/platform-nest';

const WORKING_STAGES = ['FORMATION', 'GROWTH', 'MATURITY', 'WITHDRAWAL'] as const;

/** Reads a policy document, naming the first part that is wrong (as `document.<path>`). */
export function parsePolicyDocument(text: string, version: number): ProcessPolicy {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw DomainException.badInput('document', 'document must be valid JSON');
  }
  const fail = (path: string, message: string): never => {
    throw DomainException.badInput('document', `document.${path} ${message}`);
  };
  const object = (value: unknown, path: string): Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : fail(path, 'must be an object');
  const seconds = (value: unknown, path: string): number =>
    typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fail(path, 'must be a positive number of seconds');

  const doc = object(raw, '(root)');
  const stages = object(doc.stages, 'stages');
  const policy: ProcessPolicy = {
    version,
    stages: {} as ProcessPolicy['stages'],
    ladder: [],
    maxPauseSeconds: seconds(doc.maxPauseSeconds, 'maxPauseSeconds'),
    correctionPlanDueSeconds: seconds(doc.correctionPlanDueSeconds, 'correctionPlanDueSeconds'),
    withdrawal: { followUpMonths: [], followUpWindowSeconds: 0 },
  };
  const withdrawal = object(doc.withdrawal, 'withdrawal');
  const months = withdrawal.followUpMonths;
  if (!Array.isArray(months) || months.length === 0 || !months.every((m, i) => Number.isInteger(m) && m > 0 && (i === 0 || m > months[i - 1]))) {
    fail('withdrawal.followUpMonths', 'must list increasing whole numbers of months, e.g. [1, 3, 6]');
  }
  policy.withdrawal = { followUpMonths: months as number[], followUpWindowSeconds: seconds(withdrawal.followUpWindowSeconds, 'withdrawal.followUpWindowSeconds') };
  if (withdrawal.followUpOffsetsSeconds !== undefined) {
    const offsets = withdrawal.followUpOffsetsSeconds;
    if (!Array.isArray(offsets) || offsets.length !== (months as number[]).length || !offsets.every((o, i) => typeof o === 'number' && o > 0 && (i === 0 || o > (offsets[i - 1] as number)))) {
      fail('withdrawal.followUpOffsetsSeconds', 'must list increasing positive seconds, one per follow-up month');
    }
    policy.withdrawal.followUpOffsetsSeconds = offsets as number[];
  }
  for (const stage of WORKING_STAGES) {
    const s = object(stages[stage], `stages.${stage}`);
    const ratio = s.warningRatio;
    if (typeof ratio !== 'number' || ratio <= 0 || ratio >= 1) fail(`stages.${stage}.warningRatio`, 'must be between 0 and 1');
    const criteria = object(s.criteria, `stages.${stage}.criteria`);
    policy.stages[stage] = {
      durationSeconds: seconds(s.durationSeconds, `stages.${stage}.durationSeconds`),
      ...(s.workingDays === undefined
        ? {}
        : { workingDays: Number.isInteger(s.workingDays) && (s.workingDays as number) > 0 ? (s.workingDays as number) : fail(`stages.${stage}.workingDays`, 'must be a positive whole number of working days') }),
      maxExtensionSeconds: seconds(s.maxExtensionSeconds, `stages.${stage}.maxExtensionSeconds`),
      warningRatio: ratio as number,
      criteria: Object.fromEntries(
        ORGANIZATION_CATEGORIES.map((category) => {
          const list = criteria[category];
          if (!Array.isArray(list)) fail(`stages.${stage}.criteria.${category}`, 'must be a list');
          return [
            category,
            (list as unknown[]).map((item, i) => {
              const c = object(item, `stages.${stage}.criteria.${category}[${i}]`);
              if (!(CRITERION_KINDS as readonly unknown[]).includes(c.kind)) fail(`stages.${stage}.criteria.${category}[${i}].kind`, `must be one of ${CRITERION_KINDS.join(', ')}`);
              if (typeof c.threshold !== 'number' || c.threshold < 0) fail(`stages.${stage}.criteria.${category}[${i}].threshold`, 'must be a number ≥ 0');
              return { kind: c.kind as (typeof CRITERION_KINDS)[number], threshold: c.threshold as number };
            }),
          ];
        }),
      ) as ProcessPolicy['stages'][typeof stage]['criteria'],
    };
  }
  if (!Array.isArray(doc.ladder) || doc.ladder.length === 0) fail('ladder', 'must list at least one level');
  policy.ladder = (doc.ladder as unknown[]).map((item, i) => {
    const level = object(item, `ladder[${i}]`);
    if (!(ROLES as readonly unknown[]).includes(level.role)) fail(`ladder[${i}].role`, `must be one of ${ROLES.join(', ')}`);
    return { role: level.role as (typeof ROLES)[number], acknowledgeWithinSeconds: seconds(level.acknowledgeWithinSeconds, `ladder[${i}].acknowledgeWithinSeconds`) };
  });
  // Optional: without it, inactivity is not watched.
  if (doc.maxInactivitySeconds !== undefined) policy.maxInactivitySeconds = seconds(doc.maxInactivitySeconds, 'maxInactivitySeconds');
  if (doc.directionWatch !== undefined) policy.directionWatch = parseDirectionWatch(object(doc.directionWatch, 'directionWatch'), fail, seconds);
  return policy;
}

/** The optional direction watch: counts, a share, activity kinds and title keywords per category. */
function parseDirectionWatch(
  watch: Record<string, unknown>,
  fail: (path: string, message: string) => never,
  seconds: (value: unknown, path: string) => number,
): DirectionWatchPolicy {
  const count = (value: unknown, path: string): number => (Number.isInteger(value) && (value as number) > 0 ? (value as number) : fail(path, 'must be a positive whole number'));
  const kinds = (value: unknown, path: string): string[] =>
    Array.isArray(value) && value.every((k) => (ACTIVITY_KINDS as readonly unknown[]).includes(k)) ? (value as string[]) : fail(path, `must list activity kinds among ${ACTIVITY_KINDS.join(', ')}`);
  const share = watch.minMatchingShare;
  if (typeof share !== 'number' || share <= 0 || share > 1) fail('directionWatch.minMatchingShare', 'must be more than 0 and at most 1');
  const lastActivities = count(watch.lastActivities, 'directionWatch.lastActivities');
  const minActivities = count(watch.minActivities, 'directionWatch.minActivities');
  if (minActivities > lastActivities) fail('directionWatch.minActivities', 'must not exceed lastActivities');
  const matching = typeof watch.matching === 'object' && watch.matching !== null ? (watch.matching as Record<string, unknown>) : fail('directionWatch.matching', 'must be an object');
  return {
    lastActivities,
    withinSeconds: seconds(watch.withinSeconds, 'directionWatch.withinSeconds'),
    minActivities,
    minMatchingShare: share as number,
    ignoredKinds: kinds(watch.ignoredKinds, 'directionWatch.ignoredKinds'),
    matching: Object.fromEntries(
      ORGANIZATION_CATEGORIES.map((category) => {
        const path = `directionWatch.matching.${category}`;
        const match = matching[category];
        if (typeof match !== 'object' || match === null) fail(path, 'must be an object with kinds and keywords');
        const { kinds: k, keywords } = match as Record<string, unknown>;
        if (!Array.isArray(keywords) || !keywords.every((w) => typeof w === 'string' && w.trim().length > 0)) fail(`${path}.keywords`, 'must list non-empty words');
        return [category, { kinds: kinds(k, `${path}.kinds`), keywords: keywords as string[] }];
      }),
    ) as DirectionWatchPolicy['matching'],
  };
}
