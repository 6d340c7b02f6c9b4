// The browser's session machinery: the refresher over fetch and a cross-tab lock, scheduled
// renewals, and signing out (which revokes the refresh token's session on the server).
import { print } from '@apollo/client/utilities';
import { REFRESH_TOKEN, SIGN_OUT, type SessionFields } from '../graphql/operations';
import { browserLock, createSessionRefresher, RefreshRefusedError, RotatedElsewhereError, scheduleRenewals, type SessionRefresher } from './refresh';
import { sessionStore, type Session, type SessionStore } from './session';

const GRAPHQL_URL = '/graphql';

export function sessionFromPayload(payload: SessionFields): Session {
  const { token, expiresAt, refreshToken, refreshTokenExpiresAt, user } = payload;
  return {
    token,
    expiresAt,
    refreshToken,
    refreshTokenExpiresAt,
    user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role },
  };
}

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: unknown } }[];
}

/** Sends the refresh mutation outside Apollo's link chain (which itself waits for renewals). */
export async function exchangeRefreshToken(refreshToken: string, fetchImpl: typeof fetch = fetch): Promise<Session> {
  const response = await fetchImpl(GRAPHQL_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ operationName: 'RefreshToken', query: print(REFRESH_TOKEN), variables: { input: { refreshToken } } }),
  });
  let answer: GraphQLAnswer<{ refreshToken: SessionFields }>;
  try {
    answer = (await response.json()) as GraphQLAnswer<{ refreshToken: SessionFields }>;
  } catch {
    throw new Error(`The refresh request failed with HTTP ${response.status}`);
  }
  if (answer.data?.refreshToken) return sessionFromPayload(answer.data.refreshToken);
  const first = answer.errors?.[0];
  if (first?.extensions?.code === 'CONFLICT') throw new RotatedElsewhereError(first.message);
  // Only the server's explicit refusal ends the session; anything else may pass.
  if (first?.extensions?.code === 'UNAUTHENTICATED' || first?.extensions?.code === 'BAD_USER_INPUT') {
    throw new RefreshRefusedError(first.message);
  }
  throw new Error(first?.message ?? `The refresh request failed with HTTP ${response.status}`);
}

/** Ends the session here at once, and asks the server to revoke its refresh token (delivered even if the page goes). */
export function signOut(store: SessionStore = sessionStore, fetchImpl: typeof fetch = fetch): Promise<void> {
  const refreshToken = store.get()?.refreshToken;
  store.end('signed-out');
  if (!refreshToken) return Promise.resolve();
  return fetchImpl(GRAPHQL_URL, {
    method: 'POST',
    keepalive: true,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ operationName: 'SignOut', query: print(SIGN_OUT), variables: { input: { refreshToken } } }),
  }).then(
    () => undefined,
    // Signed out here regardless; the refresh token then expires on its own.
    () => undefined,
  );
}

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export const sessionRefresher: SessionRefresher = createSessionRefresher({
  store: sessionStore,
  exchange: (refreshToken) => exchangeRefreshToken(refreshToken),
  lock: browserLock(localStorageOrNull()),
});

/** Starts renewing sessions ahead of expiry (called once, at start-up). */
export function startSessionRenewals(): () => void {
  return scheduleRenewals(sessionStore, sessionRefresher);
}
