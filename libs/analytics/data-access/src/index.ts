import {
  ANALYTICS_SCHEMA,
  AssessmentFactEntity,
  CultivationFactEntity,
  DeadlineExtensionEntity,
  EscalationFactEntity,
  FollowUpFactEntity,
  OrganizationFactEntity,
  OutcomeFactEntity,
  PauseIntervalEntity,
  ProjectionPositionEntity,
  StagePeriodEntity,
} from './entities.js';
import { AnalyticsCultivationFacts1764300000500 } from './migrations/1764300000500-analytics-cultivation-facts.js';
import { AnalyticsIndicatorFacts1764300000600 } from './migrations/1764300000600-analytics-indicator-facts.js';
import { AnalyticsScopesDeadlinesOutcomes1764300000700 } from './migrations/1764300000700-analytics-scopes-deadlines-outcomes.js';
import { AnalyticsAssessmentFacts1764800000100 } from './migrations/1764800000100-analytics-assessment-facts.js';
import { AnalyticsStayExitFigures1765000000100 } from './migrations/1765000000100-analytics-stay-exit-figures.js';
import { AnalyticsOutcomeFacts1765000000500 } from './migrations/1765000000500-analytics-outcome-facts.js';

export * from './entities.js';

/** What analytics-service owns in PostgreSQL: its read model, fed only from the other services' outboxes (cultivation, organizations and assessments). */
export const analyticsOwnership = {
  schemas: [ANALYTICS_SCHEMA],
  entities: [
    ProjectionPositionEntity,
    CultivationFactEntity,
    EscalationFactEntity,
    StagePeriodEntity,
    PauseIntervalEntity,
    DeadlineExtensionEntity,
    FollowUpFactEntity,
    OrganizationFactEntity,
    AssessmentFactEntity,
    OutcomeFactEntity,
  ],
  migrations: [AnalyticsCultivationFacts1764300000500, AnalyticsIndicatorFacts1764300000600, AnalyticsScopesDeadlinesOutcomes1764300000700, AnalyticsAssessmentFacts1764800000100, AnalyticsStayExitFigures1765000000100, AnalyticsOutcomeFacts1765000000500],
};
