import { Module } from '@nestjs/common';
import { AnalyticsResolver } from './analytics.resolver.js';
import { AnalyticsService } from './analytics.service.js';
import { CultivationProjector } from './cultivation.projector.js';

@Module({
  providers: [AnalyticsService, AnalyticsResolver, CultivationProjector],
  exports: [AnalyticsService],
})
export class AnalyticsModule {}
