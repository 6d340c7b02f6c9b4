import {
  ANALYTICS_SCHEMA,
  CultivationFactEntity,
  EscalationFactEntity,
  PauseIntervalEntity,
  ProjectionPositionEntity,
  StagePeriodEntity,
} from './entities.js';
import { AnalyticsCultivationFacts1764300000500 } from './migrations/1764300000500-analytics-cultivation-facts.js';
import { AnalyticsIndicatorFacts1764300000600 } from './migrations/1764300000600-analytics-indicator-facts.js';

export * from './entities.js';

/** What analytics-service owns in PostgreSQL: its read model, fed only from the other services' outboxes. */
export const analyticsOwnership = {
  schemas: [ANALYTICS_SCHEMA],
  entities: [ProjectionPositionEntity, CultivationFactEntity, EscalationFactEntity, StagePeriodEntity, PauseIntervalEntity],
  migrations: [AnalyticsCultivationFacts1764300000500, AnalyticsIndicatorFacts1764300000600],
};
