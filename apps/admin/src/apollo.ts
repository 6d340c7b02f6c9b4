import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { isUnauthenticated } from './graphql/errors';
import { sessionStore } from './auth/session';

/** Operations whose UNAUTHENTICATED error means "wrong credentials", not "session ended". */
const PUBLIC_OPERATIONS = new Set(['SignIn']);

export function createApolloClient(): ApolloClient {
  // Same origin: the dev server and `vite preview` proxy /graphql to the gateway.
  const http = new HttpLink({ uri: '/graphql' });

  const auth = new SetContextLink((prevContext) => {
    const token = sessionStore.token();
    if (!token) return {};
    return { headers: { ...prevContext.headers, Authorization: `Bearer ${token}` } };
  });

  // A rejected or expired token ends the session; <RequireAuth> then redirects to /sign-in.
  const sessionEnded = new ErrorLink(({ error, operation }) => {
    if (PUBLIC_OPERATIONS.has(operation.operationName ?? '')) return;
    if (isUnauthenticated(error)) sessionStore.end('expired');
  });

  return new ApolloClient({
    link: ApolloLink.from([sessionEnded, auth, http]),
    cache: new InMemoryCache(),
    devtools: { enabled: false },
  });
}
