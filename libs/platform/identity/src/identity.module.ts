import { Module, type DynamicModule, type ModuleMetadata, type Provider } from '@nestjs/common';
import { IdentityResolver } from './identity.resolver.js';
import { IdentityService } from './identity.service.js';
import { IDENTITY_SETTINGS, identitySettingsFromEnv, type IdentitySettings } from './identity-settings.js';
import { OidcSignInService } from './oidc.service.js';
import { SCOPE_DIRECTORY, type ScopeDirectory } from './scope-directory.js';
import { SignInThrottle } from './sign-in-throttle.js';
import { UsersResolver } from './users.resolver.js';

export interface IdentityModuleOptions {
  /** Modules the scope directory's factory needs. */
  imports?: ModuleMetadata['imports'];
  /** How to tell whether scope targets exist: the hosting service knows its hierarchy. */
  scopeDirectory: { useFactory: (...deps: never[]) => ScopeDirectory | Promise<ScopeDirectory>; inject?: Array<string | symbol | (new (...args: never[]) => unknown)> };
  /** Settings; by default read (and checked) from the environment at boot. */
  settings?: IdentitySettings;
  /** Extra providers (tests: a fake OIDC_CLIENT). */
  providers?: Provider[];
}

/** Users, roles and scopes; sign-in, sessions, OpenID Connect; the audit log query. */
@Module({})
export class IdentityModule {
  static forRoot(options: IdentityModuleOptions): DynamicModule {
    return {
      module: IdentityModule,
      imports: options.imports ?? [],
      providers: [
        IdentityService,
        SignInThrottle,
        OidcSignInService,
        IdentityResolver,
        UsersResolver,
        { provide: IDENTITY_SETTINGS, useFactory: () => options.settings ?? identitySettingsFromEnv() },
        { provide: SCOPE_DIRECTORY, useFactory: options.scopeDirectory.useFactory, inject: options.scopeDirectory.inject ?? [] },
        ...(options.providers ?? []),
      ],
      exports: [IdentityService],
    };
  }
}
