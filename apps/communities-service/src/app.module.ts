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
      const idsOf = (kind: Scope['kind']) => scopes.filter((s) => s.kind === kind && s.id).map((s) => s.id as string);
      const find = async <T>(ids: string[], lookup: (ids: string[]) => Promise<T[]>): Promise<T[]> => (ids.length > 0 ? lookup(ids) : []);
      const [districts, streets, communities_] = await Promise.all([
        find(idsOf('DISTRICT'), (ids) => communities.findDistricts(ids)),
        find(idsOf('STREET'), (ids) => communities.findStreets(ids)),
        find(idsOf('COMMUNITY'), (ids) => communities.findCommunities(ids)),
      ]);
      const found = new Set([...districts.map((d) => `DISTRICT:${d.id}`), ...streets.map((s) => `STREET:${s.id}`), ...communities_.map((c) => `COMMUNITY:${c.id}`)]);
      return scopes.filter((s) => (s.kind === 'DISTRICT' || s.kind === 'STREET' || s.kind === 'COMMUNITY') && !found.has(`${s.kind}:${s.id}`));
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
