import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import type { GraphQLResolveInfo } from 'graphql';
import type { Identity } from '@peiyu/contracts';

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
