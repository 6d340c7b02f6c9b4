import { describe, expect, it } from '@jest/globals';
import { DEFAULT_DIRECTION_WATCH, type DirectionWatchPolicy } from '@peiyu/contracts';
import { directionWindowStart, judgeDirection, matchesDirection, type DirectionActivity } from './direction.js';

const watch: DirectionWatchPolicy = { ...DEFAULT_DIRECTION_WATCH, lastActivities: 6, minActivities: 4, minMatchingShare: 0.5, withinSeconds: 30 * 24 * 60 * 60 };
const today = '2026-03-31';
const activity = (title: string, heldOn: string, kind = 'SERVICE'): DirectionActivity => ({ kind, title, heldOn });

describe('judgeDirection', () => {
  it('finds no drift while enough activities match the recommended category by title', () => {
    const judgement = judgeDirection(watch, {
      category: 'LIFE_SERVICE',
      recommendedCategory: 'LIFE_SERVICE',
      responseCount: 42,
      activities: [activity('周三助餐', '2026-03-30'), activity('上门送餐', '2026-03-25'), activity('棋牌娱乐', '2026-03-20', 'INTEREST_ACTIVITY'), activity('打牌', '2026-03-15', 'INTEREST_ACTIVITY')],
      today,
    });
    expect(judgement).toMatchObject({ drifted: false, target: 'LIFE_SERVICE', counted: 4, matching: 2 });
  });

  it('flags drift when under the share match, naming the evidence', () => {
    const judgement = judgeDirection(watch, {
      category: 'LIFE_SERVICE',
      recommendedCategory: 'LIFE_SERVICE',
      responseCount: 42,
      activities: [activity('棋牌娱乐', '2026-03-30', 'INTEREST_ACTIVITY'), activity('麻将比赛', '2026-03-25', 'INTEREST_ACTIVITY'), activity('助餐', '2026-03-20'), activity('打牌', '2026-03-15', 'INTEREST_ACTIVITY')],
      today,
    });
    expect(judgement).toMatchObject({ drifted: true, counted: 4, matching: 1 });
    expect(judgement.reason).toBe(
      '1 of the last 4 activities since 2026-03-01 match LIFE_SERVICE; policy asks at least 50% of at least 4; the demand analysis recommends LIFE_SERVICE (42 responses). ' +
        'Not matching: 棋牌娱乐 (INTEREST_ACTIVITY, 2026-03-30); 麻将比赛 (INTEREST_ACTIVITY, 2026-03-25); 打牌 (INTEREST_ACTIVITY, 2026-03-15)',
    );
  });

  it('compares with what the demand analysis recommends, not the organization’s own category', () => {
    const activities = [activity('合唱排练', '2026-03-30', 'INTEREST_ACTIVITY'), activity('广场舞', '2026-03-28', 'INTEREST_ACTIVITY'), activity('书法', '2026-03-26', 'INTEREST_ACTIVITY'), activity('太极', '2026-03-24', 'INTEREST_ACTIVITY')];
    expect(judgeDirection(watch, { category: 'CULTURE_SPORTS', recommendedCategory: 'LIFE_SERVICE', responseCount: 30, activities, today })).toMatchObject({ drifted: true, target: 'LIFE_SERVICE' });
    expect(judgeDirection(watch, { category: 'CULTURE_SPORTS', recommendedCategory: null, responseCount: 0, activities, today })).toMatchObject({
      drifted: false,
      target: 'CULTURE_SPORTS',
      reason: expect.stringContaining("no demand analysis yet; compared with the organization's category CULTURE_SPORTS"),
    });
  });

  it('does not judge on too few activities, and leaves out ignored kinds and activities outside the window', () => {
    const activities = [
      activity('棋牌', '2026-03-30', 'INTEREST_ACTIVITY'),
      activity('麻将', '2026-03-29', 'INTEREST_ACTIVITY'),
      activity('招募新成员', '2026-03-28', 'RECRUITMENT'),
      activity('骨干培训', '2026-03-27', 'TRAINING'),
      activity('扑克', '2026-03-26', 'INTEREST_ACTIVITY'),
      activity('旧活动', '2026-02-01', 'INTEREST_ACTIVITY'),
      activity('明天的活动', '2026-04-01', 'INTEREST_ACTIVITY'),
    ];
    expect(judgeDirection(watch, { category: 'LIFE_SERVICE', recommendedCategory: 'LIFE_SERVICE', responseCount: 5, activities, today })).toMatchObject({ drifted: false, counted: 3, matching: 0 });
  });

  it('counts only the last N activities, newest first', () => {
    const old = Array.from({ length: 6 }, (_, i) => activity('助餐', `2026-03-0${i + 2}`));
    const recent = Array.from({ length: 6 }, (_, i) => activity('棋牌', `2026-03-2${i + 2}`, 'INTEREST_ACTIVITY'));
    expect(judgeDirection(watch, { category: 'LIFE_SERVICE', recommendedCategory: 'LIFE_SERVICE', responseCount: 5, activities: [...old, ...recent], today })).toMatchObject({
      drifted: true,
      counted: 6,
      matching: 0,
    });
  });

  it('matches by kind as well as by keyword', () => {
    expect(matchesDirection(activity('周末活动', today, 'SERVICE'), { kinds: ['SERVICE'], keywords: [] })).toBe(true);
    expect(matchesDirection(activity('周末活动', today, 'MEETING'), { kinds: ['SERVICE'], keywords: ['助餐'] })).toBe(false);
    expect(matchesDirection(activity('社区调解会', today, 'MEETING'), DEFAULT_DIRECTION_WATCH.matching.MEDIATION)).toBe(true);
  });

  it('ends its window the policy’s number of days before today', () => {
    expect(directionWindowStart(DEFAULT_DIRECTION_WATCH, '2026-03-31')).toBe('2025-12-31');
  });
});
