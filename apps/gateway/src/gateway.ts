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

export interface GatewayContext {
  authorization?: string;
  requestId: string;
  identity?: Identity;
}

export interface GatewaySettings {
  port: number;
  host: string;
  jwtSecret: string;
  subgraphUrls: Record<SubgraphName, string>;
}

/** Codes the subgraphs and graphql-js produce on purpose; anything else reaches clients as an internal error. */
const CLIENT_ERROR_CODES = new Set<string>([
  ...API_ERROR_CODES,
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE',
]);

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

/** Forwards the caller's token and the request id to every subgraph, which check the caller themselves. */
class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]): void {
    if (context.authorization) request.http?.headers.set(AUTHORIZATION_HEADER, context.authorization);
    if (context.requestId) request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
  }
}

/**
 * The one GraphQL endpoint: serves the supergraph composed from the committed subgraph schemas,
 * rejects a bad or expired token up front, and forwards a good one.
 */
export async function startGateway(settings: GatewaySettings): Promise<{ server: Server; stop(): Promise<void> }> {
  const gateway = new ApolloGateway({
    supergraphSdl: composeSupergraph(settings.subgraphUrls),
    buildService: ({ name }) => new AuthenticatedDataSource({ url: settings.subgraphUrls[name as SubgraphName] }),
  });
  const app = express();
  const { createServer } = await import('node:http');
  const httpServer = createServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: formatGatewayError,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const requestId = (req.headers[REQUEST_ID_HEADER] as string | undefined) ?? randomUUID();
        const authorization = req.headers[AUTHORIZATION_HEADER];
        const token = bearerToken(authorization);
        if (authorization && !token) throw unauthenticated('The Authorization header must be "Bearer <token>".');
        if (!token) return { requestId };
        try {
          return { requestId, authorization, identity: await verifyToken(token, settings.jwtSecret) };
        } catch (error) {
          throw unauthenticated(error instanceof Error ? error.message : 'The token is not valid.');
        }
      },
    }),
  );
  await new Promise<void>((resolve) => httpServer.listen(settings.port, settings.host, resolve));
  return { server: httpServer, stop: () => apollo.stop() };
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

export function subgraphUrlsFromEnv(env: NodeJS.ProcessEnv, defaults: Record<SubgraphName, string>): Record<SubgraphName, string> {
  return Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, env[`${name.toUpperCase()}_URL`] ?? defaults[name]])) as Record<SubgraphName, string>;
}
