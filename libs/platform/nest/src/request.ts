import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import type { GraphQLResolveInfo } from 'graphql';
import type { Identity } from '@peiyu/contracts';
import { DomainException } from './domain-exception.js';

export type RequestWithIdentity = Request & { identity?: Identity };

/** The HTTP request behind a resolver or a route. */
export function requestOf(context: ExecutionContext): RequestWithIdentity {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: RequestWithIdentity }>().req;
  }
  return context.switchToHttp().getRequest<RequestWithIdentity>();
}

/** The resolver info when `context` is a top-level Mutation field, else null. */
export function mutationInfo(context: ExecutionContext): GraphQLResolveInfo | null {
  if (context.getType<string>() !== 'graphql') return null;
  const info = GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo | undefined>();
  return info?.parentType?.name === 'Mutation' && info.path.prev === undefined ? info : null;
}

/**
 * The verified caller behind a GraphQL context, for field and entity resolvers that get the context
 * but no parameter decorators (`@ResolveReference`). The AuthGuard has identified it already.
 */
export function callerOf(context: object): Identity {
  const identity = (context as { req?: RequestWithIdentity }).req?.identity;
  if (!identity) throw new DomainException('UNAUTHENTICATED', 'Sign in first.');
  return identity;
}
