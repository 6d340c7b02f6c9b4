import { Module, type DynamicModule } from '@nestjs/common';
import { communitiesOwnership } from '@peiyu/communities-data-access';
import { CommunitiesModule } from '@peiyu/communities-feature';
import { IdentityModule } from '@peiyu/platform-identity';
import { identityOwnership } from '@peiyu/platform-identity-data-access';
import { SubgraphModule } from '@peiyu/platform-nest';

/** communities-service: the district > street > community hierarchy, and the users who sign in (docs/decisions). */
@Module({})
export class CommunitiesServiceModule {
  static forDatabase(databaseUrl: string): DynamicModule {
    return {
      module: CommunitiesServiceModule,
      imports: [
        SubgraphModule.forService({
          databaseUrl,
          ownerships: [communitiesOwnership, identityOwnership],
          imports: [CommunitiesModule, IdentityModule],
        }),
      ],
    };
  }
}
