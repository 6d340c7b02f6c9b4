import { dataOf, graphql, type GraphQLResult } from '@peiyu/platform-testing';

export const GATEWAY_URL = `${process.env.GATEWAY_URL ?? 'http://127.0.0.1:4100'}/graphql`;

/** A signed-in caller of the gateway. */
export interface Caller {
  token: string;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
  data<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

export async function signIn(username: string, password = 'peiyu-demo'): Promise<Caller> {
  const result = await graphql<{ signIn: { token: string } }>(
    GATEWAY_URL,
    `mutation ($input: SignInInput!) { signIn(input: $input) { token } }`,
    { input: { username, password } },
  );
  const { token } = dataOf(result).signIn;
  return {
    token,
    gql: (query, variables) => graphql(GATEWAY_URL, query, variables, token),
    data: async (query, variables) => dataOf(await graphql(GATEWAY_URL, query, variables, token)),
  };
}

export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
