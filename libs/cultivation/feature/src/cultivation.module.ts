import { Module, type DynamicModule, type OnApplicationShutdown, Inject } from '@nestjs/common';
import { CultivationService } from './cultivation.service.js';
import { CultivationResolver, EscalationResolver, ProcessPolicyResolver } from './cultivation.resolvers.js';
import { createTemporalClient, TEMPORAL_CLIENT } from './temporal-client.js';
import { NotificationResolver } from './notifications.resolver.js';
import { WithdrawalResolver } from './withdrawal.resolver.js';
import { CalendarResolver } from './calendar.resolver.js';

const TEMPORAL_CONNECTION = Symbol('TEMPORAL_CONNECTION');

export interface TemporalSettings {
  address: string;
  namespace: string;
}

@Module({})
export class CultivationModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CONNECTION) private readonly connection: ReturnType<typeof createTemporalClient>) {}

  static forTemporal(settings: TemporalSettings): DynamicModule {
    return {
      module: CultivationModule,
      providers: [
        { provide: TEMPORAL_CONNECTION, useFactory: () => createTemporalClient(settings.address, settings.namespace) },
        { provide: TEMPORAL_CLIENT, useFactory: (c: ReturnType<typeof createTemporalClient>) => c.client, inject: [TEMPORAL_CONNECTION] },
        CultivationService,
        CultivationResolver,
        EscalationResolver,
        ProcessPolicyResolver,
        NotificationResolver,
        WithdrawalResolver,
        CalendarResolver,
      ],
      exports: [CultivationService],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
