import { describe, expect, it } from '@jest/globals';
import { DEFAULT_PROCESS_POLICY } from '@peiyu/contracts';
import { parsePolicyDocument } from './policy-document.js';

const withWatch = (watch: unknown) => JSON.stringify({ ...DEFAULT_PROCESS_POLICY, directionWatch: watch });

describe('parsePolicyDocument: the direction watch', () => {
  it('keeps a valid watch, and leaves it out when the document has none', () => {
    expect(parsePolicyDocument(JSON.stringify(DEFAULT_PROCESS_POLICY), 3)).toEqual({ ...DEFAULT_PROCESS_POLICY, version: 3 });
    const { directionWatch: _omitted, ...withoutWatch } = DEFAULT_PROCESS_POLICY;
    expect(parsePolicyDocument(JSON.stringify(withoutWatch), 4).directionWatch).toBeUndefined();
  });

  it('names the part of the watch that is wrong', () => {
    const watch = DEFAULT_PROCESS_POLICY.directionWatch!;
    const cases: [unknown, string][] = [
      [{ ...watch, minMatchingShare: 1.5 }, 'document.directionWatch.minMatchingShare must be more than 0 and at most 1'],
      [{ ...watch, minActivities: 20 }, 'document.directionWatch.minActivities must not exceed lastActivities'],
      [{ ...watch, ignoredKinds: ['PARTY'] }, 'document.directionWatch.ignoredKinds must list activity kinds among INTEREST_ACTIVITY, RECRUITMENT, TRAINING, MEETING, SERVICE'],
      [{ ...watch, matching: { ...watch.matching, MEDIATION: { kinds: [], keywords: [' '] } } }, 'document.directionWatch.matching.MEDIATION.keywords must list non-empty words'],
      [{ ...watch, withinSeconds: 0 }, 'document.directionWatch.withinSeconds must be a positive number of seconds'],
    ];
    for (const [bad, message] of cases) expect(() => parsePolicyDocument(withWatch(bad), 2)).toThrow(message);
  });
});
