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
  token: string;
  /** ISO-8601; the session is treated as ended once this passes. */
  expiresAt: string;
  user: SessionUser;
}

/** Why the last session ended, so the sign-in page can say so. */
export type EndReason = 'signed-out' | 'expired';

const TOKEN_KEY = 'peiyu.admin.token';
const SESSION_KEY = 'peiyu.admin.session';

type Listener = () => void;
const listeners = new Set<Listener>();
let current: Session | null = read();
let lastEndReason: EndReason | null = null;

function read(): Session | null {
  try {
    const token = window.localStorage.getItem(TOKEN_KEY);
    const raw = window.localStorage.getItem(SESSION_KEY);
    if (!token || !raw) return null;
    const parsed = JSON.parse(raw) as Omit<Session, 'token'>;
    if (!parsed?.user || typeof parsed.expiresAt !== 'string') return null;
    if (isPast(parsed.expiresAt)) return null;
    return { token, expiresAt: parsed.expiresAt, user: parsed.user };
  } catch {
    return null;
  }
}

function isPast(iso: string): boolean {
  const time = Date.parse(iso);
  return Number.isFinite(time) && time <= Date.now();
}

function write(session: Session | null): void {
  try {
    if (session) {
      window.localStorage.setItem(TOKEN_KEY, session.token);
      window.localStorage.setItem(
        SESSION_KEY,
        JSON.stringify({ expiresAt: session.expiresAt, user: session.user }),
      );
    } else {
      window.localStorage.removeItem(TOKEN_KEY);
      window.localStorage.removeItem(SESSION_KEY);
    }
  } catch {
    // Without storage the session simply lasts as long as the page.
  }
}

function emit(): void {
  for (const listener of listeners) listener();
}

export const sessionStore = {
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get(): Session | null {
    return current;
  },
  /** The bearer token for the next request, or null when signed out or expired. */
  token(): string | null {
    if (current && isPast(current.expiresAt)) {
      // Never notify React synchronously from inside the link chain.
      queueMicrotask(() => sessionStore.end('expired'));
      return null;
    }
    return current?.token ?? null;
  },
  start(session: Session): void {
    current = session;
    lastEndReason = null;
    write(session);
    emit();
  },
  updateUser(user: SessionUser): void {
    if (!current) return;
    const u = current.user;
    if (u.id === user.id && u.username === user.username && u.displayName === user.displayName && u.role === user.role) {
      return;
    }
    current = { ...current, user };
    write(current);
    emit();
  },
  end(reason: EndReason): void {
    if (!current) return;
    current = null;
    lastEndReason = reason;
    write(null);
    emit();
  },
  /** Why the last session ended (cleared when a new one starts). */
  endReason(): EndReason | null {
    return lastEndReason;
  },
};

// Keep tabs in step: signing out (or in) in one tab applies to the others.
window.addEventListener('storage', (event) => {
  if (event.key !== TOKEN_KEY && event.key !== SESSION_KEY && event.key !== null) return;
  const next = read();
  if (next?.token === current?.token) return;
  current = next;
  emit();
});
