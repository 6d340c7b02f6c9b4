import { IsInt, Max, Min } from 'class-validator';
import { resolveOidcSettings, type OidcSettings } from '@peiyu/platform-auth';
import { loadEnv } from '@peiyu/platform-nest';

// Decorated properties carry explicit types: swc emits design:type metadata only from annotations.

/** Identity's environment, validated at boot; every variable is optional. */
export class IdentityEnv {
  /** Lifetime of an access token (a JWT every service verifies). */
  @IsInt() @Min(1) @Max(7 * 24 * 3600) PEIYU_TOKEN_TTL_SECONDS: number = 15 * 60;
  /** Lifetime of a refresh token; each use rotates it. */
  @IsInt() @Min(60) @Max(365 * 24 * 3600) PEIYU_REFRESH_TOKEN_TTL_SECONDS: number = 14 * 24 * 3600;
  /**
   * How long after a rotation its used refresh token, presented again, is taken for a race (two tabs
   * or a retried request renewing at once) and answered CONFLICT without ending the session; later,
   * it means someone kept a copy and the session ends. 0 turns the allowance off.
   */
  @IsInt() @Min(0) @Max(300) PEIYU_REFRESH_REUSE_GRACE_SECONDS: number = 10;
  /** How long a session may be refreshed at most from its sign-in, however often its tokens rotate. */
  @IsInt() @Min(60) @Max(365 * 24 * 3600) PEIYU_SESSION_MAX_SECONDS: number = 30 * 24 * 3600;
  /** The sliding window over which failed sign-ins count. */
  @IsInt() @Min(1) @Max(24 * 3600) PEIYU_SIGNIN_WINDOW_SECONDS: number = 15 * 60;
  /** Failed sign-ins per account (username tried) in the window before further attempts are refused. */
  @IsInt() @Min(1) @Max(10_000) PEIYU_SIGNIN_MAX_FAILURES_PER_ACCOUNT: number = 5;
  /** Failed sign-ins per client address in the window before further attempts are refused. */
  @IsInt() @Min(1) @Max(100_000) PEIYU_SIGNIN_MAX_FAILURES_PER_ADDRESS: number = 20;
}

export interface SignInLimits {
  windowSeconds: number;
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
}

export interface IdentitySettings {
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  sessionMaxSeconds: number;
  refreshReuseGraceSeconds: number;
  signIn: SignInLimits;
  /** Null: OpenID Connect sign-in is off. */
  oidc: OidcSettings | null;
}

export const IDENTITY_SETTINGS = Symbol('IDENTITY_SETTINGS');

/** Reads and checks identity's settings; a bad one stops the service at boot, naming it. */
export function identitySettingsFromEnv(env: NodeJS.ProcessEnv = process.env): IdentitySettings {
  const e = loadEnv(IdentityEnv, env);
  return {
    accessTokenTtlSeconds: e.PEIYU_TOKEN_TTL_SECONDS,
    refreshTokenTtlSeconds: e.PEIYU_REFRESH_TOKEN_TTL_SECONDS,
    sessionMaxSeconds: e.PEIYU_SESSION_MAX_SECONDS,
    refreshReuseGraceSeconds: e.PEIYU_REFRESH_REUSE_GRACE_SECONDS,
    signIn: {
      windowSeconds: e.PEIYU_SIGNIN_WINDOW_SECONDS,
      maxFailuresPerAccount: e.PEIYU_SIGNIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerAddress: e.PEIYU_SIGNIN_MAX_FAILURES_PER_ADDRESS,
    },
    oidc: resolveOidcSettings(env),
  };
}
