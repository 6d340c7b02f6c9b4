import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ApiErrorCode } from '@peiyu/contracts';
import { DomainException } from '@peiyu/platform-nest';
import {
  clearSignInFailures,
  pruneSignInAttempts,
  releaseSignInAttempts,
  reserveSignInAttempt,
  type AttemptWindowCount,
  type SignInAttemptKey,
} from '@peiyu/platform-identity-data-access';
import { addressKey } from './access-policy.js';
import { IDENTITY_SETTINGS, type IdentitySettings, type SignInLimits } from './identity-settings.js';

/** The code of a refused, rate-limited attempt. */
export const RATE_LIMITED: ApiErrorCode = 'RATE_LIMITED';

/** One attempt under way: report how it ended. */
export interface AttemptTicket {
  /** The credentials were wrong: the reservation stays, as a failure. */
  failed(): void;
  /** The credentials were right: the reservation goes, and the account's earlier failures too. */
  succeeded(): Promise<void>;
}

/** Whether the counts of the window (the current attempt included) exceed a limit; the seconds until one frees. */
export function limitExceeded(counts: AttemptWindowCount[], limits: SignInLimits, now = new Date()): { kind: 'ACCOUNT' | 'ADDRESS'; retryAfterSeconds: number } | null {
  for (const { kind, count, oldest } of counts) {
    const max = kind === 'ACCOUNT' ? limits.maxFailuresPerAccount : limits.maxFailuresPerAddress;
    if (count > max) {
      return { kind, retryAfterSeconds: Math.max(1, Math.ceil((oldest.getTime() + limits.windowSeconds * 1000 - now.getTime()) / 1000)) };
    }
  }
  return null;
}

/**
 * Failed sign-ins counted per account and per client address over a sliding window, in PostgreSQL so
 * that every replica sees the same counts. A limited attempt is refused before its password is
 * checked (so it learns nothing), and does not count itself.
 */
@Injectable()
export class SignInThrottle {
  private readonly limits: SignInLimits;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(IDENTITY_SETTINGS) settings: IdentitySettings,
  ) {
    this.limits = settings.signIn;
  }

  /** Reserves an attempt for `username` from `address`; RATE_LIMITED if either is over its limit. */
  async begin(username: string, address: string | null): Promise<AttemptTicket> {
    const account: SignInAttemptKey = { kind: 'ACCOUNT', key: username.trim().toLowerCase() };
    const keys: SignInAttemptKey[] = [account, ...(address ? [{ kind: 'ADDRESS' as const, key: addressKey(address) }] : [])];
    const { ids, counts } = await reserveSignInAttempt(this.db, keys, this.limits.windowSeconds);
    const exceeded = limitExceeded(counts, this.limits);
    if (exceeded) {
      await releaseSignInAttempts(this.db, ids);
      const minutes = Math.ceil(exceeded.retryAfterSeconds / 60);
      const what = exceeded.kind === 'ACCOUNT' ? 'for this account' : 'from this address';
      throw new DomainException(RATE_LIMITED, `Too many failed sign-in attempts ${what}; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
    }
    // Now and then, forget what no longer counts (cheap: an index on the time).
    if (Math.random() < 0.02) await pruneSignInAttempts(this.db, this.limits.windowSeconds);
    return {
      failed: () => undefined,
      succeeded: async () => {
        await releaseSignInAttempts(this.db, ids);
        await clearSignInFailures(this.db, account);
      },
    };
  }
}
