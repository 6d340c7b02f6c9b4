import { Module } from '@nestjs/common';
import { AnalyticsResolver } from './analytics.resolver.js';
import { AnalyticsService } from './analytics.service.js';
import { AssessmentProjector, CultivationProjector, OrganizationProjector } from './cultivation.projector.js';
import { IndicatorResolver } from './indicator.resolver.js';
import { IndicatorService } from './indicator.service.js';

@Module({
  providers: [AnalyticsService, AnalyticsResolver, IndicatorService, IndicatorResolver, CultivationProjector, OrganizationProjector, AssessmentProjector],
  exports: [AnalyticsService, IndicatorService],
})
export class AnalyticsModule {}
