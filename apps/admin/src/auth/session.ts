// The signed-in session, kept in localStorage and exposed as a tiny external store so that both
// React (useSyncExternalStore) and the Apollo link chain (outside React) read the same value.
import type { Role } from '../graphql/operations';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
}

export interface Session {
  /** The access token, sent as the bearer token. */
  token: string;
  /** ISO-8601; the access token is not accepted after this (the refresh token renews it). */
  expiresAt: string;
  /** Opaque and single-use: `refreshToken` rotates it, `signOut` revokes its session. */
  refreshToken: string;
  /** ISO-8601; the session has ended once this passes. */
  refreshTokenExpiresAt: string;
  user: SessionUser;
}

/** Why the last session ended, so the sign-in page can say so. */
export type EndReason = 'signed-out' | 'expired';

/** The whole session in one key, so that another tab never reads one token with another's expiry. */
export const SESSION_KEY = 'peiyu.admin.session';
/** Where earlier versions kept the access token alone; removed on every write. */
const LEGACY_TOKEN_KEY = 'peiyu.admin.token';

/** The part of the Web Storage API the store uses (so tests can give two "tabs" one storage). */
export type SessionStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

type Listener = () => void;

export interface SessionStore {
  subscribe(listener: Listener): () => void;
  get(): Session | null;
  /** The current access token, even if it has expired (the link chain renews it first). */
  token(): string | null;
  start(session: Session): void;
  updateUser(user: SessionUser): void;
  end(reason: EndReason): void;
  /** Why the last session ended (cleared when a new one starts). */
  endReason(): EndReason | null;
  /** Re-reads storage, where another tab may have renewed or ended the session; notifies on change. */
  sync(): Session | null;
}

export function isPast(iso: string, now = Date.now()): boolean {
  const time = Date.parse(iso);
  return Number.isFinite(time) && time <= now;
}

export function createSessionStore(storage: SessionStorage | null): SessionStore {
  const listeners = new Set<Listener>();
  let lastEndReason: EndReason | null = null;

  function read(): Session | null {
    try {
      const raw = storage?.getItem(SESSION_KEY);
      if (!raw) return null;
      const parsed = JSON.parse(raw) as Partial<Session>;
      if (!parsed?.user || typeof parsed.token !== 'string' || typeof parsed.expiresAt !== 'string') return null;
      if (typeof parsed.refreshToken !== 'string' || typeof parsed.refreshTokenExpiresAt !== 'string') return null;
      // Past the refresh token's expiry nothing can renew it; an expired access token alone can be.
      if (isPast(parsed.refreshTokenExpiresAt)) return null;
      return {
        token: parsed.token,
        expiresAt: parsed.expiresAt,
        refreshToken: parsed.refreshToken,
        refreshTokenExpiresAt: parsed.refreshTokenExpiresAt,
        user: parsed.user,
      };
    } catch {
      return null;
    }
  }

  function write(session: Session | null): void {
    try {
      storage?.removeItem(LEGACY_TOKEN_KEY);
      if (session) storage?.setItem(SESSION_KEY, JSON.stringify(session));
      else storage?.removeItem(SESSION_KEY);
    } catch {
      // Without storage the session simply lasts as long as the page.
    }
  }

  let current: Session | null = read();

  function emit(): void {
    for (const listener of listeners) listener();
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get: () => current,
    token: () => current?.token ?? null,
    start(session) {
      current = session;
      lastEndReason = null;
      write(session);
      emit();
    },
    updateUser(user) {
      if (!current) return;
      const u = current.user;
      if (u.id === user.id && u.username === user.username && u.displayName === user.displayName && u.role === user.role) {
        return;
      }
      current = { ...current, user };
      write(current);
      emit();
    },
    end(reason) {
      if (!current) return;
      current = null;
      lastEndReason = reason;
      write(null);
      emit();
    },
    endReason: () => lastEndReason,
    sync() {
      const next = read();
      if (next?.token === current?.token && next?.refreshToken === current?.refreshToken && next?.expiresAt === current?.expiresAt) return current;
      if (current && !next) lastEndReason = 'signed-out';
      current = next;
      emit();
      return current;
    },
  };
}

function browserStorage(): SessionStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export const sessionStore = createSessionStore(browserStorage());

// Keep tabs in step: signing in or out, or renewing the tokens, in one tab applies to the others.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== SESSION_KEY && event.key !== null) return;
    sessionStore.sync();
  });
}
