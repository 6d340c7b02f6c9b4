import { Module, type DynamicModule } from '@nestjs/common';
import { organizationsOwnership } from '@peiyu/organizations-data-access';
import { OrganizationsModule } from '@peiyu/organizations-feature';
import { SubgraphModule } from '@peiyu/platform-nest';

/** organizations-service: institutions and the community social organizations they cultivate. */
@Module({})
export class OrganizationsServiceModule {
  static forDatabase(databaseUrl: string): DynamicModule {
    return {
      module: OrganizationsServiceModule,
      imports: [SubgraphModule.forService({ databaseUrl, ownerships: [organizationsOwnership], imports: [OrganizationsModule] })],
    };
  }
}
