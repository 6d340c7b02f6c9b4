import { Module } from '@nestjs/common';
import { AssessmentsService } from './assessments.service.js';
import { CommunityNeedsSurveysResolver, NeedsSurveyResolver, SurveyResponseResolver } from './assessments.resolvers.js';

@Module({
  providers: [AssessmentsService, NeedsSurveyResolver, SurveyResponseResolver, CommunityNeedsSurveysResolver],
  exports: [AssessmentsService],
})
export class AssessmentsModule {}
