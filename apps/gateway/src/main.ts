import { IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';
import { resolveJwtSecret } from '@peiyu/platform-auth';
import { loadEnv } from '@peiyu/platform-nest';
import { SUBGRAPH_NAMES, type SubgraphName } from '@peiyu/platform-schema';
import { startGateway, subgraphUrlsFromEnv } from './gateway.js';

class GatewayEnv {
  @IsString() @IsNotEmpty() HOST: string = '127.0.0.1';
  @IsInt() @Min(1) @Max(65535) PORT: number = 4000;
}

const DEFAULT_PORTS: Record<SubgraphName, number> = { communities: 4001, organizations: 4002, assessments: 4003, cultivation: 4004, analytics: 4005 };

const env = loadEnv(GatewayEnv);
const subgraphUrls = subgraphUrlsFromEnv(
  process.env,
  Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, `http://127.0.0.1:${DEFAULT_PORTS[name]}/graphql`])) as Record<SubgraphName, string>,
);
const gateway = await startGateway({ port: env.PORT, host: env.HOST, jwtSecret: resolveJwtSecret(), subgraphUrls });
console.log(`gateway listening on http://${env.HOST}:${env.PORT}/graphql`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void gateway.stop().then(() => process.exit(0));
  });
}
