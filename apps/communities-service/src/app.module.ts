import { Module, type DynamicModule } from '@nestjs/common';
import type { Scope } from '@peiyu/contracts';
import { communitiesOwnership } from '@peiyu/communities-data-access';
import { CommunitiesModule, CommunitiesService } from '@peiyu/communities-feature';
import { IdentityModule, type IdentityModuleOptions, type ScopeDirectory } from '@peiyu/platform-identity';
import { identityOwnership } from '@peiyu/platform-identity-data-access';
import { SubgraphModule } from '@peiyu/platform-nest';

/** Identity asks the hierarchy this service owns whether a scope's district, street or community exists. */
export function communitiesScopeDirectory(communities: CommunitiesService): ScopeDirectory {
  return {
    async missing(scopes: readonly Scope[]): Promise<Scope[]> {
      const kinds = ['DISTRICT', 'STREET', 'COMMUNITY'] as const;
      const found = await Promise.all(kinds.map((kind) => communities.existingIds(kind, scopes.filter((s) => s.kind === kind && s.id).map((s) => s.id as string))));
      const exists = new Map(kinds.map((kind, i) => [kind, found[i]]));
      return scopes.filter((s) => (s.kind === 'DISTRICT' || s.kind === 'STREET' || s.kind === 'COMMUNITY') && !exists.get(s.kind)!.has(s.id ?? ''));
    },
  };
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
              imports: [CommunitiesModule],
              scopeDirectory: { useFactory: communitiesScopeDirectory, inject: [CommunitiesService] },
            }),
          ],
        }),
      ],
    };
  }
}
