import { Module, type DynamicModule } from '@nestjs/common';
import { cultivationOwnership } from '@peiyu/cultivation-data-access';
import { CultivationModule, type TemporalSettings } from '@peiyu/cultivation-feature';
import { SubgraphModule } from '@peiyu/platform-nest';

/** cultivation-service: the read model of cultivations, and the commands that drive their workflows. */
@Module({})
export class CultivationServiceModule {
  static forEnvironment(databaseUrl: string, temporal: TemporalSettings): DynamicModule {
    return {
      module: CultivationServiceModule,
      imports: [SubgraphModule.forService({ databaseUrl, ownerships: [cultivationOwnership], imports: [CultivationModule.forTemporal(temporal)] })],
    };
  }
}
