import { Module, type DynamicModule } from '@nestjs/common';
import { analyticsOwnership } from '@peiyu/analytics-data-access';
import { AnalyticsModule } from '@peiyu/analytics-feature';
import { SubgraphModule } from '@peiyu/platform-nest';

/**
 * analytics-service: indicators across districts from its own read model, which a projector feeds
 * from the other services' outbox tables; a user's request never reads another service's tables.
 */
@Module({})
export class AnalyticsServiceModule {
  static forDatabase(databaseUrl: string): DynamicModule {
    return {
      module: AnalyticsServiceModule,
      imports: [
        SubgraphModule.forService({
          databaseUrl,
          ownerships: [analyticsOwnership],
          imports: [AnalyticsModule],
        }),
      ],
    };
  }
}
