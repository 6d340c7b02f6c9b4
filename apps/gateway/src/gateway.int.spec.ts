import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SUBGRAPH_NAMES, type SubgraphName } from '@peiyu/platform-schema';
import { startGateway } from './gateway.js';

// The gateway's own defences, in front of a stand-in subgraph that records what reaches it:
// the client address it forwards, the body size limit and the operation limits.

describe('gateway', () => {
  const received: IncomingHttpHeaders[] = [];
  let subgraph: Server;
  const gateways: { url: string; stop(): Promise<void> }[] = [];

  async function gateway(options: Partial<Parameters<typeof startGateway>[0]> = {}): Promise<string> {
    const { port } = subgraph.address() as AddressInfo;
    const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, `http://127.0.0.1:${port}/graphql`])) as Record<SubgraphName, string>;
    const started = await startGateway({ port: 0, host: '127.0.0.1', jwtSecret: 'k'.repeat(48), subgraphUrls, ...options });
    const url = `http://127.0.0.1:${(started.server.address() as AddressInfo).port}/graphql`;
    gateways.push({ url, stop: started.stop });
    return url;
  }

  function post(url: string, body: string, headers: Record<string, string> = {}) {
    return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  }

  beforeAll(async () => {
    subgraph = createServer((req, res) => {
      received.push(req.headers);
      req.resume();
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ data: { me: { id: 'u1', username: 'someone' } } }));
      });
    });
    await new Promise<void>((resolve) => subgraph.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const g of gateways) await g.stop();
    await new Promise((resolve) => subgraph.close(resolve));
  });

  it("forwards the client's socket address as X-Forwarded-For, never the client's own header", async () => {
    const url = await gateway();
    received.length = 0;
    const res = await post(url, JSON.stringify({ query: '{ me { id } }' }), { 'x-forwarded-for': '6.6.6.6', 'x-request-id': 'has spaces <script>' });
    expect(await res.json()).toEqual({ data: { me: { id: 'u1' } } });
    expect(received).toHaveLength(1);
    expect(received[0]['x-forwarded-for']).toBe('127.0.0.1');
    expect(received[0]['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('believes X-Forwarded-For only from proxies it is told to trust', async () => {
    const url = await gateway({ trustProxy: 'loopback' });
    received.length = 0;
    await post(url, JSON.stringify({ query: '{ me { id } }' }), { 'x-forwarded-for': '203.0.113.9', 'x-request-id': 'req-42' });
    expect(received[0]['x-forwarded-for']).toBe('203.0.113.9');
    expect(received[0]['x-request-id']).toBe('req-42');
  });

  it('refuses a body over the limit with 413 and a GraphQL-shaped error', async () => {
    const url = await gateway({ bodyLimitBytes: 2048 });
    const padding = ' '.repeat(3000);
    const tooLarge = await post(url, JSON.stringify({ query: `{ me { id ${padding}} }` }));
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toEqual({ errors: [{ message: 'The request body is larger than 2048 bytes.', extensions: { code: 'BAD_REQUEST' } }] });
    expect((await post(url, JSON.stringify({ query: '{ me { id } }' }))).status).toBe(200);

    const notJson = await post(url, '{"query": ');
    expect(notJson.status).toBe(400);
    expect(await notJson.text()).not.toMatch(/<html|at .*\.js/);
  });

  it('refuses an operation too deep or too costly before any subgraph sees it', async () => {
    const url = await gateway({ operationLimits: { maxDepth: 2, maxComplexity: 30, defaultListSize: 10 } });
    received.length = 0;
    const deep = await post(url, JSON.stringify({ query: '{ cultivations { organization { id } } }' }));
    expect(deep.status).toBe(400);
    const deepBody = (await deep.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(deepBody.errors[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX' });
    expect(deepBody.errors[0].message).toMatch(/3 levels deep; at most 2/);

    const costly = await post(url, JSON.stringify({ query: '{ districts { id name code createdAt } }' }));
    const costlyBody = (await costly.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(costlyBody.errors[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX' });
    expect(costlyBody.errors[0].message).toMatch(/estimated cost is 41; at most 30/);
    expect(received).toHaveLength(0);
  });
});
