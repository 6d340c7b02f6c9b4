import { ASSESSMENTS_SCHEMA, AssessmentEntity, FollowUpCheckEntity, NeedsSurveyEntity, OutcomeEvaluationEntity, OutcomeIndicatorSetEntity, RubricEntity, SurveyResponseEntity } from './entities.js';
import { AssessmentsNeedsSurveys1764300000300 } from './migrations/1764300000300-assessments-needs-surveys.js';
import { AssessmentsRubrics1764500000300 } from './migrations/1764500000300-assessments-rubrics.js';
import { AssessmentsOutcomes1765000000300 } from './migrations/1765000000300-assessments-outcomes.js';

export * from './entities.js';

/** What assessments-service owns in PostgreSQL. */
export const assessmentsOwnership = {
  schemas: [ASSESSMENTS_SCHEMA],
  entities: [NeedsSurveyEntity, SurveyResponseEntity, RubricEntity, AssessmentEntity, OutcomeIndicatorSetEntity, OutcomeEvaluationEntity, FollowUpCheckEntity],
  migrations: [AssessmentsNeedsSurveys1764300000300, AssessmentsRubrics1764500000300, AssessmentsOutcomes1765000000300],
};
export * from './demand-analysis.js';
export * from './readers.js';
