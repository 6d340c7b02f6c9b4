import { Module, type DynamicModule, type OnApplicationShutdown, Inject } from '@nestjs/common';
import { CultivationService } from './cultivation.service.js';
import { CultivationResolver, EscalationResolver, ProcessPolicyResolver } from './cultivation.resolvers.js';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import { createTemporalClient, TEMPORAL_CLIENT } from './temporal-client.js';
import { NotificationResolver } from './notifications.resolver.js';
import { WithdrawalResolver } from './withdrawal.resolver.js';
import { CalendarResolver } from './calendar.resolver.js';
import { AssignmentsService } from './assignments.service.js';
import { CultivationAssignmentsResolver } from './assignments.resolvers.js';

const TEMPORAL_CONNECTION = Symbol('TEMPORAL_CONNECTION');

export interface TemporalSettings {
  address: string;
  namespace: string;
  /** Workflow client interceptors (OpenTelemetry trace propagation into workflows, when tracing is on). */
  interceptors?: WorkflowClientInterceptor[];
}

@Module({})
export class CultivationModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CONNECTION) private readonly connection: ReturnType<typeof createTemporalClient>) {}

  static forTemporal(settings: TemporalSettings): DynamicModule {
    return {
      module: CultivationModule,
      providers: [
        { provide: TEMPORAL_CONNECTION, useFactory: () => createTemporalClient(settings.address, settings.namespace, settings.interceptors) },
        { provide: TEMPORAL_CLIENT, useFactory: (c: ReturnType<typeof createTemporalClient>) => c.client, inject: [TEMPORAL_CONNECTION] },
        CultivationService,
        CultivationResolver,
        EscalationResolver,
        ProcessPolicyResolver,
        NotificationResolver,
        WithdrawalResolver,
        CalendarResolver,
        AssignmentsService,
        CultivationAssignmentsResolver,
      ],
      exports: [CultivationService],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
