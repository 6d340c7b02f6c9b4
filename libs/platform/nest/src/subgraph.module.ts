import { Controller, Get, Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { TypeOrmModule } from '@nestjs/typeorm';
import { resolveJwtSecret } from '@peiyu/platform-auth';
import { AuthGuard, JWT_SECRET, Public } from './auth.js';
import { mergeOwnerships, migrateOwnerships, typeormOptions, type SchemaOwnership } from '@peiyu/platform-database';
import { formatGraphQLError, requestErrorLogPlugin } from './graphql-errors.js';
import { inputValidationPipe } from './validation.js';
import { DomainExceptionFilter } from './domain-exception.filter.js';
import { auditOwnership } from './audit.js';
import { AUDIT_SERVICE_NAME, AuditInterceptor, AuditLog } from './audit.interceptor.js';
import { configureTrustedProxies } from './client-address.js';
import { JsonLogger, ServiceMetrics, graphqlMetricsPlugin } from '@peiyu/platform-observability';

/** The proxies (the gateway) whose X-Forwarded-For the service believes; read at boot. */
export const TRUSTED_PROXIES = Symbol('TRUSTED_PROXIES');

export interface SubgraphOptions {
  /** The name its audit rows carry; by default the first schema it owns. */
  name?: string;
  databaseUrl: string;
  /** What the service owns in PostgreSQL; migrated at start, before it serves. */
  ownerships: SchemaOwnership[];
  /** The service's feature modules (resolvers and services). */
  imports: Array<Type | DynamicModule>;
}

/** Federation v2 with the directive set both Apollo's and the Guild's composers accept. */
export const FEDERATION_SCHEMA = {
  federation: {
    version: 2 as const,
    importUrl: 'https://specs.apollo.dev/federation/v2.3',
    directives: [
      '@key', '@shareable', '@external', '@requires', '@provides', '@extends', '@override',
      '@inaccessible', '@tag', '@composeDirective', '@interfaceObject',
    ],
  },
};

@Controller()
class HealthController {
  /** Liveness: the process answers. Dependencies are checked by `/ready` (see bootstrap.ts). */
  @Public()
  @Get('health')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }
}

/**
 * Everything a subgraph service needs besides its own features: its schema in PostgreSQL with
 * migrations run at start, a federated code-first GraphQL endpoint, token and role checks on every
 * resolver, input validation, an audit row for every mutation call, and a health route.
 */
@Module({})
export class SubgraphModule {
  static forService(options: SubgraphOptions): DynamicModule {
    const serviceName = options.name ?? options.ownerships[0]?.schemas[0] ?? 'unknown';
    // One registry per service instance: tests boot several services in one process.
    const metrics = new ServiceMetrics(serviceName, { defaultMetrics: false });
    return {
      module: SubgraphModule,
      global: true,
      exports: [JWT_SECRET, AuditLog, ServiceMetrics],
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: async () => {
            // The audit schema is shared: each service migrates it, the first one to start creates it.
            await migrateOwnerships(options.databaseUrl, [...options.ownerships, auditOwnership]);
            return typeormOptions(options.databaseUrl, mergeOwnerships(options.ownerships));
          },
        }),
        GraphQLModule.forRoot<ApolloFederationDriverConfig>({
          driver: ApolloFederationDriver,
          autoSchemaFile: FEDERATION_SCHEMA,
          sortSchema: true,
          path: '/graphql',
          context: ({ req }: { req: unknown }) => ({ req }),
          formatError: formatGraphQLError,
          includeStacktraceInErrorResponses: false,
          // Guards and filters on field resolvers too: `_entities` (federation references) and
          // nested fields are checked like top-level queries, not only through them.
          fieldResolverEnhancers: ['guards', 'filters'],
          // Inline traces feed Apollo's hosted service, which Peiyu does not use.
          plugins: [ApolloServerPluginInlineTraceDisabled(), graphqlMetricsPlugin(metrics), requestErrorLogPlugin(new JsonLogger(`${serviceName}-service`))],
        }),
        ...options.imports,
      ],
      controllers: [HealthController],
      providers: [
        { provide: JWT_SECRET, useFactory: () => resolveJwtSecret() },
        { provide: TRUSTED_PROXIES, useFactory: () => configureTrustedProxies() },
        { provide: AUDIT_SERVICE_NAME, useValue: serviceName },
        { provide: ServiceMetrics, useValue: metrics },
        AuditLog,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
        { provide: APP_PIPE, useFactory: inputValidationPipe },
        { provide: APP_FILTER, useClass: DomainExceptionFilter },
      ],
    };
  }
}
