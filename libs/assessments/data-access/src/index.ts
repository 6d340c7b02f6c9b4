import { ASSESSMENTS_SCHEMA, AssessmentEntity, NeedsSurveyEntity, RubricEntity, SurveyResponseEntity } from './entities.js';
import { AssessmentsNeedsSurveys1764300000300 } from './migrations/1764300000300-assessments-needs-surveys.js';
import { AssessmentsRubrics1764500000300 } from './migrations/1764500000300-assessments-rubrics.js';

export * from './entities.js';

/** What assessments-service owns in PostgreSQL. */
export const assessmentsOwnership = {
  schemas: [ASSESSMENTS_SCHEMA],
  entities: [NeedsSurveyEntity, SurveyResponseEntity, RubricEntity, AssessmentEntity],
  migrations: [AssessmentsNeedsSurveys1764300000300, AssessmentsRubrics1764500000300],
};
export * from './demand-analysis.js';
export * from './readers.js';
