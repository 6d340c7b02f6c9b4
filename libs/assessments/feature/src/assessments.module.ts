import { Module } from '@nestjs/common';
import { AssessmentsService } from './assessments.service.js';
import { CommunityNeedsSurveysResolver, NeedsSurveyResolver, SurveyResponseResolver } from './assessments.resolvers.js';
import { RubricsService } from './rubrics.service.js';
import { ResponseImportController } from './response-import.controller.js';
import { ResponseImportService } from './response-import.service.js';
import { AssessmentResolver, OrganizationAssessmentsResolver, RubricResolver } from './rubrics.resolvers.js';
import { OutcomesService } from './outcomes.service.js';
import { FollowUpCheckResolver, OrganizationOutcomesResolver, OutcomeEvaluationResolver, OutcomeIndicatorSetResolver } from './outcomes.resolvers.js';

@Module({
  controllers: [ResponseImportController],
  providers: [ResponseImportService, AssessmentsService, NeedsSurveyResolver, SurveyResponseResolver, CommunityNeedsSurveysResolver, RubricsService, RubricResolver, AssessmentResolver, OrganizationAssessmentsResolver,
    OutcomesService, OutcomeIndicatorSetResolver, OutcomeEvaluationResolver, FollowUpCheckResolver, OrganizationOutcomesResolver],
  exports: [AssessmentsService, RubricsService, OutcomesService],
})
export class AssessmentsModule {}
