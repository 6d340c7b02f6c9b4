import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { catchError, from, mergeMap, of, throwError, type Observable } from 'rxjs';
import { isUnauthenticated } from './graphql/errors';
import { sessionStore, type SessionStore } from './auth/session';
import { sessionRefresher } from './auth/browserSession';
import type { SessionRefresher } from './auth/refresh';

/** Operations whose UNAUTHENTICATED error means "wrong credentials", not "session ended". */
const PUBLIC_OPERATIONS = new Set(['SignIn', 'RefreshToken', 'SignOut']);

function bearerOf(operation: ApolloLink.Operation): string | null {
  const header = (operation.getContext().headers as Record<string, string> | undefined)?.['Authorization'];
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : null;
}

/**
 * The session links: the bearer token on every request (renewed first when it has expired), and,
 * once per operation, on an UNAUTHENTICATED answer a renewal and a retry. Only when that fails too
 * does the session end (and <RequireAuth> send the user to sign in, keeping where they were).
 */
export function sessionLinks(store: SessionStore, refresher: SessionRefresher): ApolloLink {
  const auth = new SetContextLink(async (prevContext, operation) => {
    if (PUBLIC_OPERATIONS.has(operation.operationName ?? '')) return {};
    const token = await refresher.freshToken();
    if (!token) return {};
    return { headers: { ...prevContext.headers, Authorization: `Bearer ${token}` } };
  });

  const retryOnce = new ApolloLink((operation, forward) => {
    if (PUBLIC_OPERATIONS.has(operation.operationName ?? '')) return forward(operation);
    const renewThenRetry = <T>(otherwise: Observable<T>): Observable<ApolloLink.Result> =>
      from(refresher.renewAfterRejection(bearerOf(operation))).pipe(
        mergeMap((renewed) => (renewed ? forward(operation) : (otherwise as Observable<ApolloLink.Result>))),
      );
    return forward(operation).pipe(
      mergeMap((result) => (isUnauthenticated(result) ? renewThenRetry(of(result)) : of(result))),
      catchError((error: unknown) => (isUnauthenticated(error) ? renewThenRetry(throwError(() => error)) : throwError(() => error))),
    );
  });

  // Still refused after a renewal (or none was possible): the session is over.
  const sessionEnded = new ErrorLink(({ error, operation }) => {
    if (PUBLIC_OPERATIONS.has(operation.operationName ?? '')) return;
    if (isUnauthenticated(error)) store.end('expired');
  });

  return ApolloLink.from([sessionEnded, retryOnce, auth]);
}

export function createApolloClient(): ApolloClient {
  // Same origin: the dev server and `vite preview` proxy /graphql to the gateway.
  const http = new HttpLink({ uri: '/graphql' });
  return new ApolloClient({
    link: ApolloLink.from([sessionLinks(sessionStore, sessionRefresher), http]),
    cache: new InMemoryCache(),
    devtools: { enabled: false },
  });
}
