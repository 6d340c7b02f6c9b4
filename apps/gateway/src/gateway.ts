import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { API_ERROR_CODES, AUTHORIZATION_HEADER, REQUEST_ID_HEADER, type Identity } from '@peiyu/contracts';
import { bearerToken, verifyToken } from '@peiyu/platform-auth';
import { coercedField } from '@peiyu/platform-nest';
import { composeSupergraph, SUBGRAPH_NAMES, type SubgraphName } from '@peiyu/platform-schema';
import {
  JsonLogger, ServiceMetrics, graphqlMetricsPlugin, httpMetricsMiddleware, metricsHandler, readinessHandler, runWithLogContext,
} from '@peiyu/platform-observability';
import { DEFAULT_OPERATION_LIMITS, operationLimitsPlugin, type OperationLimits } from './operation-limits.js';

/** The header that tells the subgraphs the client's address; the gateway writes it, never passes a client's on. */
export const FORWARDED_FOR_HEADER = 'x-forwarded-for';

export interface GatewayContext {
  authorization?: string;
  requestId: string;
  identity?: Identity;
  /** The client's address as the gateway sees it (the socket, or what trusted proxies say). */
  clientAddress?: string;
}

export interface GatewaySettings {
  port: number;
  host: string;
  jwtSecret: string;
  subgraphUrls: Record<SubgraphName, string>;
  /** The largest request body accepted, in bytes (1 MiB by default). */
  bodyLimitBytes?: number;
  /** Depth and cost limits of an operation. */
  operationLimits?: OperationLimits;
  /**
   * Express's `trust proxy`: which proxies in front of the gateway may say who the client is through
   * X-Forwarded-For. False by default: the socket's address is the client's.
   */
  trustProxy?: boolean | number | string;
  /** Its metrics (a registry of its own by default); served on `/metrics`. */
  metrics?: ServiceMetrics;
  /** Where Apollo's own messages go, as JSON lines. */
  logger?: JsonLogger;
  /** One log line per operation (name, type, outcome, duration, error codes). */
  accessLog?: boolean;
}

export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/** Codes the subgraphs and graphql-js produce on purpose; anything else reaches clients as an internal error. */
const CLIENT_ERROR_CODES = new Set<string>([
  ...API_ERROR_CODES,
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE',
]);

/** A client-chosen request id is kept only if it is short and plain, since it lands in logs and the audit log. */
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,100}$/;

export function requestIdOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID_PATTERN.test(value) ? value : randomUUID();
}

/** `::ffff:10.0.0.1` (an IPv4 client on an IPv6 socket) is `10.0.0.1`. */
function plainAddress(address: string | undefined): string | undefined {
  return address?.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
}

export function formatGatewayError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) {
    // Variables are coerced here, before any subgraph sees them: name the field as they would.
    const field = formatted.extensions?.field ?? (code === 'BAD_USER_INPUT' ? coercedField(formatted.message) : undefined);
    return { message: formatted.message, path: formatted.path, locations: formatted.locations, extensions: { code, ...(typeof field === 'string' ? { field } : {}) } };
  }
  // A subgraph that is down shows up here: say which part is unavailable, not how it failed.
  const service = formatted.extensions?.serviceName;
  return {
    message: typeof service === 'string' ? `The ${service} service is unavailable.` : 'Internal server error',
    path: formatted.path,
    extensions: { code: typeof service === 'string' ? 'UNAVAILABLE' : 'INTERNAL_SERVER_ERROR', ...(typeof service === 'string' ? { service } : {}) },
  };
}

type DidEncounterError = RemoteGraphQLDataSource<GatewayContext>['didEncounterError'];

/**
 * Forwards the caller's token, the request id and the client's address to every subgraph, which
 * check the caller themselves. The subgraph request is built afresh, so no other client header
 * (a forged X-Forwarded-For, say) reaches a subgraph.
 */
class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(private readonly serviceName: string, url: string) {
    super({ url });
  }

  /**
   * A subgraph that cannot be reached (no response at all) is tagged with its name, so the error
   * formatter answers UNAVAILABLE naming it; the query planner passes such errors on untagged.
   */
  override didEncounterError(error: Error, _fetchRequest: Parameters<DidEncounterError>[1], fetchResponse?: Parameters<DidEncounterError>[2]): void {
    if (fetchResponse) throw error;
    throw new GraphQLError(error.message, { extensions: { serviceName: this.serviceName } });
  }

  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]): void {
    if (context.authorization) request.http?.headers.set(AUTHORIZATION_HEADER, context.authorization);
    if (context.requestId) request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
    if (context.clientAddress) request.http?.headers.set(FORWARDED_FOR_HEADER, context.clientAddress);
  }
}

/** A refusal before GraphQL: the same response shape clients get for GraphQL errors. */
function requestError(res: express.Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** Body-parser failures (too large, not JSON) as GraphQL-shaped errors, without a stack or an HTML page. */
function bodyErrorHandler(limitBytes: number): express.ErrorRequestHandler {
  return (error: { type?: string; status?: number }, _req, res, next) => {
    if (res.headersSent) return next(error);
    if (error.type === 'entity.too.large') return requestError(res, 413, 'BAD_REQUEST', `The request body is larger than ${limitBytes} bytes.`);
    if (error.type === 'entity.parse.failed') return requestError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
    if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) return requestError(res, error.status, 'BAD_REQUEST', 'The request could not be read.');
    return requestError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  };
}

/**
 * The one GraphQL endpoint: serves the supergraph composed from the committed subgraph schemas,
 * rejects a bad or expired token up front, and forwards a good one.
 */
export async function startGateway(settings: GatewaySettings): Promise<{ server: Server; metrics: ServiceMetrics; stop(): Promise<void> }> {
  const metrics = settings.metrics ?? new ServiceMetrics('gateway', { defaultMetrics: false });
  const logger = settings.logger ?? new JsonLogger('gateway');
  const gateway = new ApolloGateway({
    supergraphSdl: composeSupergraph(settings.subgraphUrls),
    buildService: ({ name }) => new AuthenticatedDataSource(name, settings.subgraphUrls[name as SubgraphName]),
  });
  const bodyLimitBytes = settings.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', settings.trustProxy ?? false);
  const { createServer } = await import('node:http');
  const httpServer = createServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger: {
      debug: (message: string) => logger.debug(message),
      info: (message: string) => logger.info(message),
      warn: (message: string) => logger.warn(message),
      error: (message: string) => logger.error(message),
    },
    formatError: formatGatewayError,
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      operationLimitsPlugin<GatewayContext>(settings.operationLimits ?? DEFAULT_OPERATION_LIMITS),
      graphqlMetricsPlugin<GatewayContext>(metrics, settings.accessLog ? logger : undefined),
    ],
  });
  await apollo.start();

  const countRequest = httpMetricsMiddleware(metrics);
  app.use((req, res, next) => {
    // The id the subgraphs will get, chosen once here so the gateway's own log lines carry it too.
    const requestId = requestIdOf(req.headers[REQUEST_ID_HEADER]);
    req.headers[REQUEST_ID_HEADER] = requestId;
    runWithLogContext({ requestId }, () => countRequest(req, res, next));
  });
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/metrics', metricsHandler(metrics));
  // The gateway's one dependency is its supergraph, loaded before it listens; a subgraph that is
  // down is reported per request (UNAVAILABLE naming it), not by taking the whole gateway out.
  app.get('/ready', readinessHandler({}));
  app.use(
    '/graphql',
    express.json({ limit: bodyLimitBytes }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const requestId = requestIdOf(req.headers[REQUEST_ID_HEADER]);
        const clientAddress = plainAddress(req.ip);
        const authorization = req.headers[AUTHORIZATION_HEADER];
        const token = bearerToken(authorization);
        if (authorization && !token) throw unauthenticated('The Authorization header must be "Bearer <token>".');
        if (!token) return { requestId, clientAddress };
        try {
          return { requestId, clientAddress, authorization, identity: await verifyToken(token, settings.jwtSecret) };
        } catch (error) {
          throw unauthenticated(error instanceof Error ? error.message : 'The token is not valid.');
        }
      },
    }),
  );
  app.use(bodyErrorHandler(bodyLimitBytes));
  await new Promise<void>((resolve) => httpServer.listen(settings.port, settings.host, resolve));
  return { server: httpServer, metrics, stop: () => apollo.stop() };
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

export function subgraphUrlsFromEnv(env: NodeJS.ProcessEnv, defaults: Record<SubgraphName, string>): Record<SubgraphName, string> {
  return Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, env[`${name.toUpperCase()}_URL`] ?? defaults[name]])) as Record<SubgraphName, string>;
}

/** PEIYU_GATEWAY_TRUST_PROXY as Express takes it: `false`, a number of hops, or a list of addresses and subnets. */
export function parseTrustProxy(value: string): boolean | number | string {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.toLowerCase() === 'false') return false;
  if (trimmed.toLowerCase() === 'true') throw new Error('PEIYU_GATEWAY_TRUST_PROXY=true would believe any client; name the proxies or a hop count.');
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  return trimmed;
}
