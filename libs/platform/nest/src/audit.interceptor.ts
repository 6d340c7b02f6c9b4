import {
  Inject,
  Injectable,
  Logger,
  SetMetadata,
  createParamDecorator,
  type CallHandler,
  type CustomDecorator,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { GraphQLResolveInfo } from 'graphql';
import { catchError, from, mergeMap, throwError, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { REQUEST_ID_HEADER } from '@peiyu/contracts';
import { auditArgumentsJson, insertAuditEntry, type AuditChange, type AuditOutcome } from './audit.js';
import { requestClientAddress } from './client-address.js';
import { DomainException } from './domain-exception.js';
import { mutationInfo, requestOf, type RequestWithIdentity } from './request.js';

/** The name a service's audit rows carry (`communities`, `cultivation`...). */
export const AUDIT_SERVICE_NAME = Symbol('AUDIT_SERVICE_NAME');
const REDACT_KEY = 'peiyu:audit-redact';
const TRAILS = Symbol('peiyu:audit-trails');

/** Argument names to keep out of this mutation's audit row, besides the secret-looking ones (password, token...). */
export const AuditRedact = (...keys: string[]): CustomDecorator => SetMetadata(REDACT_KEY, keys);

/**
 * What a resolver adds to its audit row: the user it acted as when the caller was not signed in
 * (sign-in), and the change it made to an entity (before and after).
 */
export interface AuditTrail {
  actor?: { userId: string; username: string; role: string };
  change?: AuditChange;
}

type WithTrails = RequestWithIdentity & { [TRAILS]?: Map<string, AuditTrail> };

function trailFor(req: WithTrails, key: string): AuditTrail {
  req[TRAILS] ??= new Map();
  let trail = req[TRAILS].get(key);
  if (!trail) {
    trail = {};
    req[TRAILS].set(key, trail);
  }
  return trail;
}

/** The audit trail of the current mutation, for its resolver to fill in. */
export const Audit = createParamDecorator((_data: unknown, context: ExecutionContext): AuditTrail => {
  const info = GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>();
  return trailFor(requestOf(context) as WithTrails, String(info.path.key));
});

/** The operation name the client gave: the gateway's query planner sends `<name>__<subgraph>__<n>`. */
export function clientOperationName(name: string | undefined): string | null {
  return name ? name.replace(/__[a-z][a-z0-9-]*__\d+$/, '') : null;
}

/** The code a failure reaches the client with. */
export function errorCodeOf(error: unknown): string {
  if (error instanceof DomainException) return error.code;
  const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

/** Writes audit rows; a failure to write is logged, never turned into a failure of the mutation, which has happened. */
@Injectable()
export class AuditLog {
  private readonly logger = new Logger('Audit');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AUDIT_SERVICE_NAME) private readonly service: string,
    private readonly reflector: Reflector,
  ) {}

  /** Records a call of a top-level mutation; does nothing for anything else. */
  async recordMutation(context: ExecutionContext, outcome: AuditOutcome, error?: unknown): Promise<void> {
    const info = mutationInfo(context);
    if (!info) return;
    const req = requestOf(context) as WithTrails;
    const trail = req[TRAILS]?.get(String(info.path.key)) ?? {};
    const identity = req.identity;
    const extraKeys = this.reflector.getAllAndOverride<string[] | undefined>(REDACT_KEY, [context.getHandler(), context.getClass()]) ?? [];
    const requestId = req.headers?.[REQUEST_ID_HEADER];
    try {
      await insertAuditEntry(this.db, {
        service: this.service,
        requestId: typeof requestId === 'string' ? requestId.slice(0, 100) : null,
        userId: identity?.userId ?? trail.actor?.userId ?? null,
        username: identity?.username ?? trail.actor?.username ?? null,
        role: identity?.role ?? trail.actor?.role ?? null,
        clientAddress: req.socket ? requestClientAddress(req) : null,
        operation: info.fieldName,
        operationName: clientOperationName(info.operation.name?.value),
        argumentsJson: auditArgumentsJson(GqlExecutionContext.create(context).getArgs(), extraKeys),
        outcome,
        errorCode: outcome === 'ERROR' ? errorCodeOf(error) : null,
        change: trail.change ?? null,
      });
    } catch (writeError) {
      this.logger.error(`Could not record ${info.fieldName} in the audit log: ${writeError instanceof Error ? writeError.message : String(writeError)}`);
    }
  }
}

/**
 * Records every call of a top-level mutation resolver, after it ends: who (from the token, or the
 * actor a public resolver names), what (field and redacted arguments), the outcome and the change
 * the resolver reported. Calls the guard refuses are recorded by the guard (it runs first).
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(private readonly audit: AuditLog) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const info = mutationInfo(context);
    if (!info) return next.handle();
    // Open the trail before the resolver runs, so its @Audit() parameter is this one.
    trailFor(requestOf(context) as WithTrails, String(info.path.key));
    return next.handle().pipe(
      mergeMap(async (value: unknown) => {
        await this.audit.recordMutation(context, 'OK');
        return value;
      }),
      catchError((error: unknown) => from(this.audit.recordMutation(context, 'ERROR', error)).pipe(mergeMap(() => throwError(() => error)))),
    );
  }
}
