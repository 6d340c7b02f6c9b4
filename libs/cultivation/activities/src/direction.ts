import type { DirectionWatchPolicy, OrganizationCategory } from '@peiyu/contracts';

/** One recorded activity of the organization, as its owner's reader gives it. */
export interface DirectionActivity {
  kind: string;
  title: string;
  /** 'YYYY-MM-DD', China date. */
  heldOn: string;
}

export interface DirectionEvidence {
  /** The organization's own category. */
  category: OrganizationCategory;
  /** What the community's demand analysis recommends, and from how many responses; null before any response. */
  recommendedCategory: OrganizationCategory | null;
  responseCount: number;
  /** The organization's activities, newest first (at least the policy's `lastActivities` of them when there are that many). */
  activities: DirectionActivity[];
  /** Today's China date ('YYYY-MM-DD'): the window ends here. */
  today: string;
}

/** The outcome of the direction watch; `reason` names the evidence in words. */
export interface DirectionJudgement {
  drifted: boolean;
  /** The category the activities are compared with. */
  target: OrganizationCategory;
  /** Activities counted (within the window, not of an ignored kind, at most the policy's number). */
  counted: number;
  matching: number;
  reason: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The first China date of the watch's window ending `today` ('YYYY-MM-DD'). */
export function directionWindowStart(watch: DirectionWatchPolicy, today: string): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - Math.floor((watch.withinSeconds * 1000) / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

/** Whether an activity is in the direction of a category: by its kind, or by a keyword of its title. */
export function matchesDirection(activity: DirectionActivity, match: DirectionWatchPolicy['matching'][OrganizationCategory]): boolean {
  return match.kinds.includes(activity.kind) || match.keywords.some((word) => word.length > 0 && activity.title.includes(word));
}

/**
 * Judges whether the organization's recent activities drift from the direction its needs analysis
 * decided (the rule of DirectionWatchPolicy); pure, so every case is unit-tested.
 */
export function judgeDirection(watch: DirectionWatchPolicy, evidence: DirectionEvidence): DirectionJudgement {
  const target = evidence.recommendedCategory ?? evidence.category;
  const windowStart = directionWindowStart(watch, evidence.today);
  const counted = [...evidence.activities]
    .sort((a, b) => (a.heldOn < b.heldOn ? 1 : a.heldOn > b.heldOn ? -1 : 0))
    .filter((a) => a.heldOn >= windowStart && a.heldOn <= evidence.today && !watch.ignoredKinds.includes(a.kind))
    .slice(0, watch.lastActivities);
  const matching = counted.filter((a) => matchesDirection(a, watch.matching[target]));
  const share = counted.length === 0 ? 1 : matching.length / counted.length;
  const drifted = counted.length >= watch.minActivities && share < watch.minMatchingShare;
  const basis = evidence.recommendedCategory
    ? `the demand analysis recommends ${target} (${evidence.responseCount} responses)`
    : `no demand analysis yet; compared with the organization's category ${target}`;
  const others = counted.filter((a) => !matching.includes(a)).slice(0, 5).map((a) => `${a.title} (${a.kind}, ${a.heldOn})`);
  const reason =
    `${matching.length} of the last ${counted.length} activities since ${windowStart} match ${target}; ` +
    `policy asks at least ${Math.round(watch.minMatchingShare * 100)}% of at least ${watch.minActivities}; ${basis}` +
    (drifted && others.length ? `. Not matching: ${others.join('; ')}` : '');
  return { drifted, target, counted: counted.length, matching: matching.length, reason };
}
