import { Test } from '@nestjs/testing';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Identity, Role, Scope } from '@peiyu/contracts';
import { issueToken, resolveJwtSecret } from '@peiyu/platform-auth';

export interface GraphQLResult<T> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string } }[];
}

/** Posts a GraphQL operation to `url`, with a bearer token when given. */
export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLResult<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GraphQLResult<T>;
}

/** The data of a result that must have succeeded; fails with the errors otherwise. */
export function dataOf<T>(result: GraphQLResult<T>): T {
  if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** A signed token for a made-up user of this role, as the identity service would issue it. */
export async function tokenFor(role: Role, scopes: Scope[] = [{ kind: 'CITY', id: null }], ttlSeconds = 600): Promise<string> {
  const identity: Identity = { userId: randomUUID(), username: `test-${role.toLowerCase()}`, role, scopes };
  return (await issueToken(identity, resolveJwtSecret(), ttlSeconds)).token;
}

export interface TestApp {
  app: INestApplication;
  url: string;
  close(): Promise<void>;
}

/** Boots a service's root module on a free port against the test database. */
export async function startTestApp(rootModule: DynamicModule): Promise<TestApp> {
  const moduleRef = await Test.createTestingModule({ imports: [rootModule] }).compile();
  const app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${address.port}/graphql`, close: () => app.close() };
}

export function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run the tests through `npm test`.');
  return url;
}

/** A short unique suffix, so each test builds its own data and tests run in any order. */
export function uniqueSuffix(): string {
  return randomUUID().slice(0, 8);
}

/** The SDL a running subgraph serves, as the gateway's composition reads it. */
export async function servedSchema(url: string): Promise<string> {
  return dataOf(await graphql<{ _service: { sdl: string } }>(url, '{ _service { sdl } }'))._service.sdl.trim() + '\n';
}
