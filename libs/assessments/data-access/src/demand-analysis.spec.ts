import { describe, expect, it } from '@jest/globals';
import { analyseDemand } from './demand-analysis.js';

describe('analyseDemand', () => {
  it('lists every category by response count, with shares of all responses and the top one recommended', () => {
    // 4 responses: [CULTURE_SPORTS, LIFE_SERVICE], [CULTURE_SPORTS], [MEDIATION, CULTURE_SPORTS], [LIFE_SERVICE]
    const analysis = analyseDemand(4, new Map([['CULTURE_SPORTS', 3], ['LIFE_SERVICE', 2], ['MEDIATION', 1]]));
    expect(analysis).toEqual({
      responseCount: 4,
      categories: [
        { category: 'CULTURE_SPORTS', responseCount: 3, share: 0.75 },
        { category: 'LIFE_SERVICE', responseCount: 2, share: 0.5 },
        { category: 'MEDIATION', responseCount: 1, share: 0.25 },
        { category: 'PUBLIC_WELFARE', responseCount: 0, share: 0 },
      ],
      recommendedCategory: 'CULTURE_SPORTS',
    });
  });

  it('breaks ties in the order of the category vocabulary', () => {
    const analysis = analyseDemand(2, new Map([['MEDIATION', 1], ['PUBLIC_WELFARE', 1]]));
    expect(analysis.categories.map((c) => c.category)).toEqual(['PUBLIC_WELFARE', 'MEDIATION', 'LIFE_SERVICE', 'CULTURE_SPORTS']);
    expect(analysis.recommendedCategory).toBe('PUBLIC_WELFARE');
  });

  it('recommends nothing, with zero shares, when there are no responses', () => {
    const analysis = analyseDemand(0, new Map());
    expect(analysis.recommendedCategory).toBeNull();
    expect(analysis.categories.every((c) => c.responseCount === 0 && c.share === 0)).toBe(true);
    expect(analysis.categories).toHaveLength(4);
  });
});
