import { Module, type DynamicModule } from '@nestjs/common';
import type { Scope } from '@peiyu/contracts';
import { communitiesOwnership } from '@peiyu/communities-data-access';
import { CommunitiesModule } from '@peiyu/communities-feature';
import { unknownScopeTargets } from '@peiyu/platform-reach';
import { DataSource } from 'typeorm';
import { IdentityModule, type IdentityModuleOptions, type ScopeDirectory } from '@peiyu/platform-identity';
import { identityOwnership } from '@peiyu/platform-identity-data-access';
import { SubgraphModule } from '@peiyu/platform-nest';

/**
 * Identity asks whether a scope's district, street, community or institution exists: a reader shared
 * with the other services answers from the owners' tables (identity itself owns none of them).
 */
export function scopeDirectoryOver(db: DataSource): ScopeDirectory {
  return { missing: (scopes: readonly Scope[]) => unknownScopeTargets(db, scopes) };
}

/** communities-service: the district > street > community hierarchy, and the users who sign in (docs/decisions). */
@Module({})
export class CommunitiesServiceModule {
  static forDatabase(databaseUrl: string, identity: Partial<Pick<IdentityModuleOptions, 'settings' | 'providers'>> = {}): DynamicModule {
    return {
      module: CommunitiesServiceModule,
      imports: [
        SubgraphModule.forService({
          databaseUrl,
          ownerships: [communitiesOwnership, identityOwnership],
          imports: [
            CommunitiesModule,
            IdentityModule.forRoot({
              ...identity,
              scopeDirectory: { useFactory: scopeDirectoryOver, inject: [DataSource] },
            }),
          ],
        }),
      ],
    };
  }
}
