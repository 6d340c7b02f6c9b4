import { IsInt, IsNotEmpty, IsString, Matches, Max, Min } from 'class-validator';
import { resolveJwtSecret } from '@peiyu/platform-auth';
import { loadEnv } from '@peiyu/platform-nest';
import { JsonLogger, ServiceMetrics, startTracing } from '@peiyu/platform-observability';
import { SUBGRAPH_NAMES, type SubgraphName } from '@peiyu/platform-schema';
import { DEFAULT_BODY_LIMIT_BYTES, parseTrustProxy, startGateway, subgraphUrlsFromEnv } from './gateway.js';
import { DEFAULT_OPERATION_LIMITS } from './operation-limits.js';

// Decorated properties carry explicit types: swc emits design:type metadata only from annotations.
class GatewayEnv {
  @IsString() @IsNotEmpty() HOST: string = '127.0.0.1';
  @IsInt() @Min(1) @Max(65535) PORT: number = 4000;
  /** The largest request body accepted, in bytes. */
  @IsInt() @Min(1024) @Max(64 * 1024 * 1024) PEIYU_GATEWAY_BODY_LIMIT_BYTES: number = DEFAULT_BODY_LIMIT_BYTES;
  /** The deepest field nesting an operation may have. */
  @IsInt() @Min(1) @Max(100) PEIYU_GATEWAY_MAX_DEPTH: number = DEFAULT_OPERATION_LIMITS.maxDepth;
  /** The highest estimated cost an operation may have (a field costs 1; a list multiplies what it holds). */
  @IsInt() @Min(1) PEIYU_GATEWAY_MAX_COMPLEXITY: number = DEFAULT_OPERATION_LIMITS.maxComplexity;
  /** How long a list without `first`/`last`/`limit` is assumed to be. */
  @IsInt() @Min(1) @Max(10_000) PEIYU_GATEWAY_DEFAULT_LIST_SIZE: number = DEFAULT_OPERATION_LIMITS.defaultListSize;
  /** Proxies in front of the gateway whose X-Forwarded-For it believes: `false`, a hop count, or addresses/subnets. */
  @IsString() @Matches(/^(?!true$).+$/i, { message: 'PEIYU_GATEWAY_TRUST_PROXY=true would believe any client; name the proxies or a hop count' })
  PEIYU_GATEWAY_TRUST_PROXY: string = 'false';
}

const DEFAULT_PORTS: Record<SubgraphName, number> = { communities: 4001, organizations: 4002, assessments: 4003, cultivation: 4004, analytics: 4005 };

startTracing('gateway');
const logger = new JsonLogger('gateway');
const env = loadEnv(GatewayEnv);
const subgraphUrls = subgraphUrlsFromEnv(
  process.env,
  Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, `http://127.0.0.1:${DEFAULT_PORTS[name]}/graphql`])) as Record<SubgraphName, string>,
);
const gateway = await startGateway({
  port: env.PORT,
  host: env.HOST,
  jwtSecret: resolveJwtSecret(),
  subgraphUrls,
  bodyLimitBytes: env.PEIYU_GATEWAY_BODY_LIMIT_BYTES,
  operationLimits: { maxDepth: env.PEIYU_GATEWAY_MAX_DEPTH, maxComplexity: env.PEIYU_GATEWAY_MAX_COMPLEXITY, defaultListSize: env.PEIYU_GATEWAY_DEFAULT_LIST_SIZE },
  trustProxy: parseTrustProxy(env.PEIYU_GATEWAY_TRUST_PROXY),
  metrics: new ServiceMetrics('gateway'),
  logger,
  accessLog: true,
});
logger.info(`gateway listening on http://${env.HOST}:${env.PORT}/graphql`, { port: env.PORT });

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void gateway.stop().then(() => process.exit(0));
  });
}
