// Prints one subgraph's SDL as its code serves it. One subgraph per process: NestJS keeps one
// registry of GraphQL types per process, and subgraphs share type names (entity stubs, enums).
import type { DynamicModule } from '@nestjs/common';
import type { SubgraphName } from '@peiyu/platform-schema';
import { dataOf, graphql, startTestApp } from '@peiyu/platform-testing';

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5433/peiyu';
const temporal = { address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233', namespace: 'default' };

const modules: Record<SubgraphName, () => Promise<DynamicModule>> = {
  communities: async () => (await import('../../apps/communities-service/src/app.module.js')).CommunitiesServiceModule.forDatabase(databaseUrl),
  organizations: async () => (await import('../../apps/organizations-service/src/app.module.js')).OrganizationsServiceModule.forDatabase(databaseUrl),
  assessments: async () => (await import('../../apps/assessments-service/src/app.module.js')).AssessmentsServiceModule.forDatabase(databaseUrl),
  // Temporal is connected lazily, so it need not be running.
  cultivation: async () => (await import('../../apps/cultivation-service/src/app.module.js')).CultivationServiceModule.forEnvironment(databaseUrl, temporal),
  analytics: async () => (await import('../../apps/analytics-service/src/app.module.js')).AnalyticsServiceModule.forDatabase(databaseUrl),
};

const name = process.argv[2] as SubgraphName;
if (!(name in modules)) {
  console.error(`usage: print-subgraph.ts <${Object.keys(modules).join('|')}>`);
  process.exit(2);
}
const service = await startTestApp(await modules[name]());
try {
  process.stdout.write(dataOf(await graphql<{ _service: { sdl: string } }>(service.url, '{ _service { sdl } }'))._service.sdl.trim() + '\n');
} finally {
  await service.close();
}
process.exit(0);
