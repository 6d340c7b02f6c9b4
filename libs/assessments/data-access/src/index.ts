import { ASSESSMENTS_SCHEMA, NeedsSurveyEntity, SurveyResponseEntity } from './entities.js';
import { AssessmentsNeedsSurveys1764300000300 } from './migrations/1764300000300-assessments-needs-surveys.js';

export * from './entities.js';

/** What assessments-service owns in PostgreSQL. */
export const assessmentsOwnership = {
  schemas: [ASSESSMENTS_SCHEMA],
  entities: [NeedsSurveyEntity, SurveyResponseEntity],
  migrations: [AssessmentsNeedsSurveys1764300000300],
};
export * from './demand-analysis.js';
export * from './readers.js';
