import {
  CanActivate,
  Inject,
  ExecutionContext,
  Injectable,
  SetMetadata,
  createParamDecorator,
  type CustomDecorator,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { AUTHORIZATION_HEADER, type Identity, type Role } from '@peiyu/contracts';
import { bearerToken, verifyToken, InvalidTokenError } from '@peiyu/platform-auth';
import { DomainException } from './domain-exception.js';

export const JWT_SECRET = Symbol('JWT_SECRET');
const PUBLIC_KEY = 'peiyu:public';
const ROLES_KEY = 'peiyu:roles';

/** Marks a resolver or route that needs no signed-in caller (sign-in itself, health). */
export const Public = (): CustomDecorator => SetMetadata(PUBLIC_KEY, true);
/** Restricts a resolver to these roles; ADMIN always passes. Without it any signed-in role may call. */
export const Roles = (...roles: Role[]): CustomDecorator => SetMetadata(ROLES_KEY, roles);

type RequestWithIdentity = Request & { identity?: Identity };

function requestOf(context: ExecutionContext): RequestWithIdentity {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: RequestWithIdentity }>().req;
  }
  return context.switchToHttp().getRequest<RequestWithIdentity>();
}

/**
 * Every service checks the caller itself, whether the request came through the gateway or not:
 * it verifies the bearer token the gateway forwards and the roles the resolver allows.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(JWT_SECRET) private readonly secret: string,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = requestOf(context);
    req.identity ??= await this.identify(req);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && req.identity.role !== 'ADMIN' && !roles.includes(req.identity.role)) {
      throw new DomainException('FORBIDDEN', `The role ${req.identity.role} may not do this.`);
    }
    return true;
  }

  private async identify(req: Request): Promise<Identity> {
    const token = bearerToken(req.headers[AUTHORIZATION_HEADER]);
    if (!token) throw new DomainException('UNAUTHENTICATED', 'Sign in first: no bearer token was sent.');
    try {
      return await verifyToken(token, this.secret);
    } catch (error) {
      throw new DomainException('UNAUTHENTICATED', error instanceof InvalidTokenError ? error.message : 'The token is not valid.');
    }
  }
}

/** The verified caller of the current request. Only on resolvers the AuthGuard has let through. */
export const CurrentIdentity = createParamDecorator((_data: unknown, context: ExecutionContext): Identity => {
  const identity = requestOf(context).identity;
  if (!identity) throw new DomainException('UNAUTHENTICATED', 'Sign in first.');
  return identity;
});
