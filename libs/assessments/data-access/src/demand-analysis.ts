import { ORGANIZATION_CATEGORIES, type OrganizationCategory } from '@peiyu/contracts';

/** How many of a survey's responses ask for one category, and what share of all its responses that is. */
export interface CategoryDemandValue {
  category: OrganizationCategory;
  responseCount: number;
  share: number;
}

/** The demand analysis (需求分析) of one needs survey. */
export interface DemandAnalysisValue {
  responseCount: number;
  categories: CategoryDemandValue[];
  recommendedCategory: OrganizationCategory | null;
}

/**
 * Works out the demand analysis from a survey's response count and, per category, the number of
 * responses naming it. Every category is listed (zero included), by response count descending; ties
 * keep the order of ORGANIZATION_CATEGORIES, so the result never depends on the database's order.
 * A response may name several categories, so the shares may add up to more than 1.
 */
export function analyseDemand(responseCount: number, countsByCategory: ReadonlyMap<string, number>): DemandAnalysisValue {
  const categories = ORGANIZATION_CATEGORIES.map((category, order) => {
    const count = countsByCategory.get(category) ?? 0;
    return { order, value: { category, responseCount: count, share: responseCount === 0 ? 0 : count / responseCount } };
  })
    .sort((a, b) => b.value.responseCount - a.value.responseCount || a.order - b.order)
    .map((entry) => entry.value);
  const top = categories[0];
  return { responseCount, categories, recommendedCategory: top && top.responseCount > 0 ? top.category : null };
}
