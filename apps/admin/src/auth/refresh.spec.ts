import { describe, expect, it, jest } from '@jest/globals';
import { ApolloClient, ApolloLink, gql, InMemoryCache, type TypedDocumentNode } from '@apollo/client';
import { Observable } from 'rxjs';
import { sessionLinks } from '../apollo';
import { exchangeRefreshToken, signOut } from './browserSession';
import { createSessionRefresher, RefreshRefusedError, RotatedElsewhereError, scheduleRenewals, storageLease, type CrossTabLock } from './refresh';
import { createSessionStore, SESSION_KEY, type Session, type SessionStorage } from './session';

/** One localStorage shared by the "tabs" of a test. */
function memoryStorage(): SessionStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

/** What Web Locks gives the tabs of one browser: one holder at a time, the others queue. */
function sharedMutex(): CrossTabLock {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

function session(n: number, accessMinutes = 10): Session {
  return {
    token: `access-${n}`,
    expiresAt: inMinutes(accessMinutes),
    refreshToken: `refresh-${n}`,
    refreshTokenExpiresAt: inMinutes(60 * 24),
    user: { id: 'u1', username: 'manager', displayName: 'Manager', role: 'PROGRAMME_MANAGER' },
  };
}

/** A server that rotates refresh tokens and, like the real one, revokes the session when one is reused. */
function rotatingServer(first = 1) {
  let latest = first;
  const used = new Set<string>();
  let revoked = false;
  const exchange = jest.fn(async (refreshToken: string): Promise<Session> => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (revoked || used.has(refreshToken) || refreshToken !== `refresh-${latest}`) {
      revoked = true;
      throw new RefreshRefusedError('The refresh token was already used; its session has been ended.');
    }
    used.add(refreshToken);
    latest += 1;
    return session(latest);
  });
  return { exchange, isRevoked: () => revoked };
}

function tab(storage: SessionStorage, lock: CrossTabLock, exchange: (token: string) => Promise<Session>, adoptTimeoutMs?: number) {
  const store = createSessionStore(storage);
  return { store, refresher: createSessionRefresher({ store, exchange, lock, adoptTimeoutMs }) };
}

/** Like the real server: the token just rotated, presented again, is a CONFLICT that ends nothing. */
function serverWithReuseGrace() {
  let latest = 1;
  const exchange = jest.fn(async (refreshToken: string): Promise<Session> => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (refreshToken === `refresh-${latest - 1}`) throw new RotatedElsewhereError('The refresh token has just been rotated by another request.');
    if (refreshToken !== `refresh-${latest}`) throw new RefreshRefusedError('The refresh token was already used; its session has been ended.');
    latest += 1;
    return session(latest);
  });
  return { exchange };
}

describe('renewing the session', () => {
  it('rotates once when two tabs renew the same refresh token at the same time', async () => {
    const storage = memoryStorage();
    const lock = sharedMutex();
    const server = rotatingServer();
    createSessionStore(storage).start(session(1));
    const a = tab(storage, lock, server.exchange);
    const b = tab(storage, lock, server.exchange);

    const [renewedA, renewedB] = await Promise.all([a.refresher.renew(), b.refresher.renew()]);

    expect([renewedA, renewedB]).toEqual([true, true]);
    expect(server.exchange).toHaveBeenCalledTimes(1);
    expect(server.isRevoked()).toBe(false);
    expect(a.store.get()?.token).toBe('access-2');
    expect(b.store.get()?.token).toBe('access-2');
  });

  it('also rotates once with the localStorage lease, for browsers without Web Locks', async () => {
    const storage = memoryStorage();
    const lease = storageLease(storage, { settleMs: 5, pollMs: 5 });
    const server = rotatingServer();
    createSessionStore(storage).start(session(1));
    const a = tab(storage, lease, server.exchange);
    const b = tab(storage, lease, server.exchange);

    await Promise.all([a.refresher.renew(), b.refresher.renew(), a.refresher.renew()]);

    expect(server.exchange).toHaveBeenCalledTimes(1);
    expect(server.isRevoked()).toBe(false);
    expect(b.store.get()?.refreshToken).toBe('refresh-2');
    expect(storage.data.has('peiyu.admin.refresh.lease')).toBe(false);
  });

  it('adopts the rotation of a tab whose write reaches this tab\'s storage only after the lock has passed', async () => {
    // Each tab reads its own copy of storage, as browsers keep it per tab; B's catches up 100 ms late.
    const storageA = memoryStorage();
    const storageB = memoryStorage();
    createSessionStore(storageA).start(session(1));
    createSessionStore(storageB).start(session(1));
    const lock = sharedMutex();
    const server = serverWithReuseGrace();
    const a = tab(storageA, lock, server.exchange);
    const b = tab(storageB, lock, server.exchange);
    a.store.subscribe(() => {
      const written = storageA.getItem(SESSION_KEY);
      setTimeout(() => written && storageB.setItem(SESSION_KEY, written), 100);
    });

    const [renewedA, renewedB] = await Promise.all([a.refresher.renew(), b.refresher.renew()]);

    expect([renewedA, renewedB]).toEqual([true, true]);
    expect(server.exchange.mock.calls.map(([token]) => token)).toEqual(['refresh-1', 'refresh-1']);
    expect(b.store.get()?.refreshToken).toBe('refresh-2');
    expect(b.store.endReason()).toBeNull();
  });

  it('ends the session when the rotation the server names never reaches this tab', async () => {
    const storage = memoryStorage();
    createSessionStore(storage).start(session(1, 0));
    const server = serverWithReuseGrace();
    await server.exchange('refresh-1'); // rotated by a request whose answer was lost
    const a = tab(storage, sharedMutex(), server.exchange, 100);

    expect(await a.refresher.renew()).toBe(false);
    expect(a.store.get()).toBeNull();
    expect(a.store.endReason()).toBe('expired');
  });

  it('shares one rotation between concurrent callers in one tab', async () => {
    const storage = memoryStorage();
    const server = rotatingServer();
    const a = tab(storage, sharedMutex(), server.exchange);
    a.store.start(session(1));
    await Promise.all([a.refresher.renew(), a.refresher.renewAfterRejection('access-1'), a.refresher.renew()]);
    expect(server.exchange).toHaveBeenCalledTimes(1);
  });

  it('retries without rotating when the rejected token was already replaced', async () => {
    const storage = memoryStorage();
    const server = rotatingServer(2);
    const a = tab(storage, sharedMutex(), server.exchange);
    a.store.start(session(2));
    expect(await a.refresher.renewAfterRejection('access-1')).toBe(true);
    expect(server.exchange).not.toHaveBeenCalled();
  });

  it('ends the session when the server refuses the refresh token', async () => {
    const storage = memoryStorage();
    const a = tab(storage, sharedMutex(), async () => {
      throw new RefreshRefusedError('revoked');
    });
    a.store.start(session(1));
    expect(await a.refresher.renew()).toBe(false);
    expect(a.store.get()).toBeNull();
    expect(a.store.endReason()).toBe('expired');
    expect(storage.data.has(SESSION_KEY)).toBe(false);
  });

  it('keeps a still valid session when the refresh request cannot reach the server', async () => {
    const a = tab(memoryStorage(), sharedMutex(), async () => {
      throw new TypeError('Failed to fetch');
    });
    a.store.start(session(1));
    expect(await a.refresher.renew()).toBe(false);
    expect(a.store.get()?.token).toBe('access-1');
  });

  it('renews an expired access token before handing it out, and not a valid one', async () => {
    const server = rotatingServer();
    const a = tab(memoryStorage(), sharedMutex(), server.exchange);
    a.store.start(session(1, 10));
    expect(await a.refresher.freshToken()).toBe('access-1');
    expect(server.exchange).not.toHaveBeenCalled();
    a.store.start({ ...session(1), expiresAt: new Date(Date.now() - 1000).toISOString() });
    expect(await a.refresher.freshToken()).toBe('access-2');
  });

  it('schedules the renewal a minute before the access token expires', async () => {
    jest.useFakeTimers();
    try {
      const server = rotatingServer();
      const a = tab(memoryStorage(), sharedMutex(), server.exchange);
      a.store.start(session(1, 10));
      const stop = scheduleRenewals(a.store, a.refresher);
      await jest.advanceTimersByTimeAsync(8 * 60_000);
      expect(server.exchange).not.toHaveBeenCalled();
      await jest.advanceTimersByTimeAsync(60_000 + 100);
      expect(server.exchange).toHaveBeenCalledTimes(1);
      expect(a.store.get()?.token).toBe('access-2');
      stop();
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('the session links', () => {
  const QUERY: TypedDocumentNode<{ me: { id: string } }> = gql`
    query Me {
      me {
        id
      }
    }
  `;

  function clientWith(answer: (authorization: string | undefined) => ApolloLink.Result) {
    const storage = memoryStorage();
    const server = rotatingServer();
    const { store, refresher } = tab(storage, sharedMutex(), server.exchange);
    const seen: (string | undefined)[] = [];
    const terminal = new ApolloLink(
      (operation) =>
        new Observable((observer) => {
          const authorization = (operation.getContext().headers as Record<string, string> | undefined)?.['Authorization'];
          seen.push(authorization);
          observer.next(answer(authorization));
          observer.complete();
        }),
    );
    const client = new ApolloClient({ link: ApolloLink.from([sessionLinks(store, refresher), terminal]), cache: new InMemoryCache() });
    return { client, store, server, seen };
  }

  const unauthenticated = { errors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }] };

  it('renews once on UNAUTHENTICATED and retries with the new token', async () => {
    const { client, store, server, seen } = clientWith((authorization) =>
      authorization === 'Bearer access-2' ? { data: { me: { __typename: 'User', id: 'u1' } } } : unauthenticated,
    );
    store.start(session(1));
    const { data } = await client.query({ query: QUERY });
    expect(data?.me.id).toBe('u1');
    expect(seen).toEqual(['Bearer access-1', 'Bearer access-2']);
    expect(server.exchange).toHaveBeenCalledTimes(1);
    expect(store.get()?.token).toBe('access-2');
  });

  it('ends the session when the retry is refused too, without a second renewal', async () => {
    const { client, store, server, seen } = clientWith(() => unauthenticated);
    store.start(session(1));
    await expect(client.query({ query: QUERY })).rejects.toThrow('Sign in first');
    expect(seen).toHaveLength(2);
    expect(server.exchange).toHaveBeenCalledTimes(1);
    expect(store.get()).toBeNull();
    expect(store.endReason()).toBe('expired');
  });
});

describe('the refresh and sign-out requests', () => {
  const respond = (body: unknown) => jest.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => new Response(JSON.stringify(body), { status: 200 }));

  it('reads a refused refresh as RefreshRefusedError, a raced one as RotatedElsewhereError and a good one as the new session', async () => {
    const refused = respond({ errors: [{ message: 'The refresh token was already used', extensions: { code: 'UNAUTHENTICATED' } }] });
    await expect(exchangeRefreshToken('r1', refused as unknown as typeof fetch)).rejects.toBeInstanceOf(RefreshRefusedError);
    const raced = respond({ errors: [{ message: 'The refresh token has just been rotated by another request', extensions: { code: 'CONFLICT' } }] });
    await expect(exchangeRefreshToken('r1', raced as unknown as typeof fetch)).rejects.toBeInstanceOf(RotatedElsewhereError);
    const next = session(2);
    const ok = respond({ data: { refreshToken: { ...next, user: { __typename: 'User', ...next.user } } } });
    expect(await exchangeRefreshToken('r1', ok as unknown as typeof fetch)).toEqual(next);
    const [url, init] = ok.mock.calls[0]!;
    expect(url).toBe('/graphql');
    expect(new Headers(init?.headers).has('Authorization')).toBe(false);
    expect(JSON.parse(String(init?.body))).toMatchObject({ operationName: 'RefreshToken', variables: { input: { refreshToken: 'r1' } } });
  });

  it('signs out here at once and revokes the refresh token on the server', async () => {
    const store = createSessionStore(memoryStorage());
    store.start(session(3));
    const fetchMock = respond({ data: { signOut: true } });
    await signOut(store, fetchMock as unknown as typeof fetch);
    expect(store.get()).toBeNull();
    expect(store.endReason()).toBe('signed-out');
    expect(JSON.parse(String(fetchMock.mock.calls[0]![1]?.body))).toMatchObject({
      operationName: 'SignOut',
      variables: { input: { refreshToken: 'refresh-3' } },
    });
  });
});
