import {
  CanActivate,
  Inject,
  ExecutionContext,
  Injectable,
  Optional,
  SetMetadata,
  createParamDecorator,
  type CustomDecorator,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AUTHORIZATION_HEADER, type Identity, type Role } from '@peiyu/contracts';
import { bearerToken, verifyToken, InvalidTokenError } from '@peiyu/platform-auth';
import { AuditLog } from './audit.interceptor.js';
import { DomainException } from './domain-exception.js';
import { requestOf } from './request.js';

export const JWT_SECRET = Symbol('JWT_SECRET');
const PUBLIC_KEY = 'peiyu:public';
const ROLES_KEY = 'peiyu:roles';

/** Marks a resolver or route that needs no signed-in caller (sign-in itself, health). */
export const Public = (): CustomDecorator => SetMetadata(PUBLIC_KEY, true);
/** Restricts a resolver to these roles; ADMIN always passes. Without it any signed-in role may call. */
export const Roles = (...roles: Role[]): CustomDecorator => SetMetadata(ROLES_KEY, roles);

/**
 * Every service checks the caller itself, whether the request came through the gateway or not:
 * it verifies the bearer token the gateway forwards and the roles the resolver allows. A mutation it
 * refuses is recorded in the audit log here, since the audit interceptor runs only after guards.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(JWT_SECRET) private readonly secret: string,
    @Optional() private readonly audit?: AuditLog,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    try {
      return await this.check(context);
    } catch (error) {
      await this.audit?.recordMutation(context, 'ERROR', error);
      throw error;
    }
  }

  private async check(context: ExecutionContext): Promise<boolean> {
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
