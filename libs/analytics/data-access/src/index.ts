import { ANALYTICS_SCHEMA, CultivationFactEntity, EscalationFactEntity, ProjectionPositionEntity } from './entities.js';
import { AnalyticsCultivationFacts1764300000500 } from './migrations/1764300000500-analytics-cultivation-facts.js';

export * from './entities.js';

/** What analytics-service owns in PostgreSQL: its read model, fed only from the other services' outboxes. */
export const analyticsOwnership = {
  schemas: [ANALYTICS_SCHEMA],
  entities: [ProjectionPositionEntity, CultivationFactEntity, EscalationFactEntity],
  migrations: [AnalyticsCultivationFacts1764300000500],
};
