import { Module } from '@nestjs/common';
import { AssessmentsService } from './assessments.service.js';
import { CommunityNeedsSurveysResolver, NeedsSurveyResolver, SurveyResponseResolver } from './assessments.resolvers.js';
import { RubricsService } from './rubrics.service.js';
import { ResponseImportController } from './response-import.controller.js';
import { ResponseImportService } from './response-import.service.js';
import { AssessmentResolver, OrganizationAssessmentsResolver, RubricResolver } from './rubrics.resolvers.js';

@Module({
  controllers: [ResponseImportController],
  providers: [ResponseImportService, AssessmentsService, NeedsSurveyResolver, SurveyResponseResolver, CommunityNeedsSurveysResolver, RubricsService, RubricResolver, AssessmentResolver, OrganizationAssessmentsResolver],
  exports: [AssessmentsService, RubricsService],
})
export class AssessmentsModule {}
