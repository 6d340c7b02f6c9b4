// Renewing the access token with the refresh token. The server rotates the refresh token on every
// use and, when a used one comes back, revokes the whole session (it must have been copied). So two
// tabs must never send the same refresh token: each rotation runs under a lock shared by the tabs,
// and re-reads the stored session first, adopting a rotation another tab has just made. Storage
// reaches other tabs a moment after the write, so a tab may still read the used token after the
// lock has passed to it: the server answers that, within seconds of the rotation, with CONFLICT
// (not a revocation), and the tab waits for the other tab's session to reach its storage.
import { isPast, type Session, type SessionStorage, type SessionStore } from './session';

/** The server refused the refresh token (expired, revoked or reused): only signing in again helps. */
export class RefreshRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefreshRefusedError';
  }
}

/**
 * The server says the refresh token was rotated moments ago by another request (another tab, most
 * likely): the session goes on, with the tokens that request received.
 */
export class RotatedElsewhereError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RotatedElsewhereError';
  }
}

/** Runs `task` while no other tab runs one under the same lock. */
export type CrossTabLock = <T>(task: () => Promise<T>) => Promise<T>;

export interface RefresherDeps {
  store: SessionStore;
  /** Exchanges a refresh token for a new session; rejects with RefreshRefusedError when the server says no. */
  exchange(refreshToken: string): Promise<Session>;
  lock: CrossTabLock;
  now?: () => number;
  /** Waits this long at most for another tab's rotation to reach this tab's storage. */
  adoptTimeoutMs?: number;
}

/** Renew this long before the access token expires when it is nearly due anyway (clock skew, slow links). */
export const EXPIRY_MARGIN_MS = 5_000;
/** Scheduled renewals run this long before expiry, or a fifth of the time left if that is shorter. */
export const RENEW_LEAD_MS = 60_000;

export interface SessionRefresher {
  /** Rotates the session's refresh token (once per tab at a time); true when a usable session results. */
  renew(): Promise<boolean>;
  /**
   * After the server answered UNAUTHENTICATED to `rejectedToken`: true when the caller should retry,
   * because a renewal (this one or another tab's) has replaced that token.
   */
  renewAfterRejection(rejectedToken: string | null): Promise<boolean>;
  /** The access token for the next request, renewed first when it is (nearly) expired; null when signed out. */
  freshToken(): Promise<string | null>;
  /** When the current session should be renewed next (ms from now), or null without a session. */
  nextRenewalIn(): number | null;
}

export function createSessionRefresher({ store, exchange, lock, now = Date.now, adoptTimeoutMs = 3_000 }: RefresherDeps): SessionRefresher {
  let inFlight: Promise<boolean> | null = null;

  /** Polls storage until it holds a refresh token other than `used`; false when none comes in time. */
  async function adoptRotation(used: string): Promise<boolean> {
    const giveUpAt = now() + adoptTimeoutMs;
    for (;;) {
      const latest = store.sync();
      if (!latest) return false;
      if (latest.refreshToken !== used) return true;
      if (now() >= giveUpAt) return false;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  function rotate(seenRefreshToken: string): Promise<boolean> {
    return lock(async () => {
      // While this tab waited for the lock, another may have rotated (or signed out).
      const latest = store.sync();
      if (!latest) return false;
      if (latest.refreshToken !== seenRefreshToken) return true;
      try {
        store.start(await exchange(latest.refreshToken));
        return true;
      } catch (error) {
        if (error instanceof RotatedElsewhereError) {
          if (await adoptRotation(latest.refreshToken)) return true;
          // Its successor never arrived (an answer lost on the way): that token can renew no more.
          store.end('expired');
          return false;
        }
        if (error instanceof RefreshRefusedError || isPast(latest.expiresAt, now())) store.end('expired');
        // A network failure with a still valid access token keeps the session; the next request retries.
        return false;
      }
    });
  }

  function renew(): Promise<boolean> {
    const session = store.get();
    if (!session) return Promise.resolve(false);
    // Concurrent callers in this tab share one rotation.
    inFlight ??= rotate(session.refreshToken).finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  return {
    renew,
    async renewAfterRejection(rejectedToken) {
      const session = store.sync();
      if (!session) return false;
      if (rejectedToken !== null && session.token !== rejectedToken) return true;
      return renew();
    },
    async freshToken() {
      const session = store.get();
      if (!session) return null;
      if (Date.parse(session.expiresAt) - now() > EXPIRY_MARGIN_MS) return session.token;
      await renew();
      return store.get()?.token ?? null;
    },
    nextRenewalIn() {
      const session = store.get();
      if (!session) return null;
      const left = Date.parse(session.expiresAt) - now();
      return Math.max(0, left - Math.min(RENEW_LEAD_MS, left / 5));
    },
  };
}

/** Renews each session shortly before its access token expires; returns a function that stops it. */
export function scheduleRenewals(store: SessionStore, refresher: SessionRefresher): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const plan = () => {
    clearTimeout(timer);
    const delay = refresher.nextRenewalIn();
    if (delay === null) return;
    // setTimeout overflows past 2^31 ms; a later plan() (after any change) takes over.
    timer = setTimeout(() => void refresher.renew(), Math.min(delay, 2 ** 31 - 1));
  };
  plan();
  const unsubscribe = store.subscribe(plan);
  return () => {
    unsubscribe();
    clearTimeout(timer);
  };
}

const LOCK_NAME = 'peiyu.admin.refresh';

/** The Web Locks API where the browser has it; otherwise a lease kept in localStorage. */
export function browserLock(storage: SessionStorage | null): CrossTabLock {
  const locks = typeof navigator !== 'undefined' ? (navigator as Partial<Navigator>).locks : undefined;
  if (locks) return (task) => locks.request(LOCK_NAME, task);
  return storage ? storageLease(storage) : (task) => task();
}

interface Lease {
  owner: string;
  until: number;
}

/**
 * A lock for browsers without Web Locks: a lease in storage, taken when free or expired and
 * confirmed after a pause (the last of two racing writers wins, and the other sees it). It expires
 * on its own, so a tab closed mid-rotation does not block the others for long.
 */
export function storageLease(
  storage: SessionStorage,
  { leaseMs = 10_000, settleMs = 50, pollMs = 100, now = Date.now }: { leaseMs?: number; settleMs?: number; pollMs?: number; now?: () => number } = {},
): CrossTabLock {
  const key = `${LOCK_NAME}.lease`;
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  const read = (): Lease | null => {
    try {
      const raw = storage.getItem(key);
      return raw ? (JSON.parse(raw) as Lease) : null;
    } catch {
      return null;
    }
  };
  return async (task) => {
    const owner = `${now()}-${Math.random().toString(36).slice(2)}`;
    for (;;) {
      const held = read();
      if (!held || held.until <= now()) {
        storage.setItem(key, JSON.stringify({ owner, until: now() + leaseMs }));
        await sleep(settleMs);
        if (read()?.owner === owner) break;
      }
      await sleep(pollMs);
    }
    try {
      return await task();
    } finally {
      if (read()?.owner === owner) storage.removeItem(key);
    }
  };
}
