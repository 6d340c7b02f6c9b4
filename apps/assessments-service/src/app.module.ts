import { Module, type DynamicModule } from '@nestjs/common';
import { assessmentsOwnership } from '@peiyu/assessments-data-access';
import { AssessmentsModule } from '@peiyu/assessments-feature';
import { SubgraphModule } from '@peiyu/platform-nest';

/** assessments-service: needs investigations (需求调查) of communities and their demand analysis (需求分析). */
@Module({})
export class AssessmentsServiceModule {
  static forDatabase(databaseUrl: string): DynamicModule {
    return {
      module: AssessmentsServiceModule,
      imports: [
        SubgraphModule.forService({
          databaseUrl,
          ownerships: [assessmentsOwnership],
          imports: [AssessmentsModule],
        }),
      ],
    };
  }
}
