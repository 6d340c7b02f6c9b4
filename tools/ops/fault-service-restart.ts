// Fault test: stop one service (organizations-service by default) while queries flow through the
// gateway, leave it down, start it again. During the outage the queries of the other services
// must keep answering, and a query that needs the stopped one must fail fast with UNAVAILABLE
// naming it (a query that spans both fails whole, naming only the stopped one, since its root
// fields are non-null); after it is back, everything answers again.
// Starts its own `ops` stack (apps 4800+, PostgreSQL 5436, Temporal 7236); prints figures for
// docs/reliability.md and exits 1 on any discrepancy.
//   node tools/dev/run-ts.mjs tools/ops/fault-service-restart.ts [--service organizations] [--down-seconds 30]
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { graphql } from '@peiyu/platform-testing';
import { stackLayout, startApps, startInfrastructure, type StackLayout } from '../dev/stack.mjs';
import { startProcess, waitForHttp, stopAll } from '../dev/processes.mjs';
import { numberOption, stringOption } from '../dev/cli-options.js';
import { seedDemo } from '../seed/seed-demo.js';

type Subgraph = 'communities' | 'organizations' | 'assessments' | 'cultivation' | 'analytics';
const SERVICE = stringOption('service', 'organizations') as Subgraph;
const DOWN_MS = numberOption('down-seconds', 30) * 1000;
const DEMO_DISTRICT_ID = '10000000-0000-4000-8000-000000000001';
const REGISTER = fileURLToPath(new URL('../dev/register.mjs', import.meta.url));

/** One read per service, as the admin app's pages make them, and one that spans two services. */
const QUERIES: Array<{ name: string; needs: Subgraph[]; query: string; variables?: Record<string, unknown> }> = [
  { name: 'districts', needs: ['communities'], query: '{ districts { id name } }' },
  { name: 'organizations', needs: ['organizations'], query: '{ institutions { id name } organizations { id name } }' },
  { name: 'rubric', needs: ['assessments'], query: '{ rubric(category: LIFE_SERVICE, kind: CAPACITY) { version } }' },
  { name: 'cultivations', needs: ['cultivation'], query: '{ cultivationCount escalations(openOnly: true) { id } }' },
  { name: 'funnel', needs: ['analytics'], query: 'query ($d: ID) { stageFunnel(districtId: $d) { __typename } }', variables: { d: DEMO_DISTRICT_ID } },
  { name: 'districts+organizations', needs: ['communities', 'organizations'], query: '{ districts { id } organizations { id } }' },
];

type Outcome = { at: number; query: string; ms: number; ok: boolean; codes: string[]; services: string[]; messages: string[] };

type OpsLayout = StackLayout & { postgres: Record<string, unknown>; temporal: Record<string, unknown> };
const base = stackLayout('ops') as OpsLayout;
const dataDir = resolve(base.dataDir, 'fault-service');
const layout: OpsLayout = {
  ...base,
  dataDir,
  logDir: resolve(dataDir, 'logs'),
  postgres: { ...base.postgres, dataDir: resolve(dataDir, 'postgres') },
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let failed = false;
try {
  rmSync(dataDir, { recursive: true, force: true });
  const infra = await startInfrastructure(layout, { logToFiles: true });
  const { env, pids } = await startApps(layout, infra, { logToFiles: true });
  await seedDemo(infra.databaseUrl);
  const gateway = `http://127.0.0.1:${layout.ports.gateway}/graphql`;
  const signIn = await graphql<{ signIn: { token: string } }>(gateway, 'mutation ($input: SignInInput!) { signIn(input: $input) { token } }', { input: { username: 'admin', password: 'peiyu-demo' } });
  const token = signIn.data!.signIn.token;

  // Requests flow all along: the queries in turn, back to back, from two clients.
  const outcomes: Outcome[] = [];
  let flowing = true;
  const client = async (offset: number) => {
    for (let i = offset; flowing; i++) {
      const q = QUERIES[i % QUERIES.length]!;
      const at = Date.now();
      const result = await graphql<Record<string, unknown>>(gateway, q.query, q.variables ?? {}, token);
      const errors = result.errors ?? [];
      outcomes.push({
        at,
        query: q.name,
        ms: Date.now() - at,
        ok: errors.length === 0,
        codes: errors.map((e) => String(e.extensions?.code)),
        services: errors.map((e) => String((e.extensions as { service?: string } | undefined)?.service)),
        messages: errors.map((e) => e.message),
      });
      await sleep(50);
    }
  };
  const clients = [client(0), client(3)];

  await sleep(10_000);
  const name = `${SERVICE}-service`;
  const stoppedAt = Date.now();
  process.kill(-pids[name]!, 'SIGTERM');
  await sleep(DOWN_MS);
  const restartedAt = Date.now();
  const child = startProcess(name, process.execPath, ['--enable-source-maps', '--import', REGISTER, `apps/${name}/src/main.ts`], {
    env: { ...env, PORT: String(layout.ports[SERVICE]) },
    logFile: resolve(layout.logDir, `${name}.log`),
  });
  await waitForHttp(name, `http://127.0.0.1:${layout.ports[SERVICE]}/health`, { process: child, timeoutMs: 120_000 });
  const healthyAt = Date.now();
  await sleep(10_000);
  flowing = false;
  await Promise.all(clients);

  // A request counts in the outage if it was sent after the stop and before the service's health check answered.
  const before = outcomes.filter((o) => o.at + o.ms < stoppedAt);
  const during = outcomes.filter((o) => o.at > stoppedAt + 2_000 && o.at < restartedAt);
  const after = outcomes.filter((o) => o.at > healthyAt);
  const needsIt = (o: Outcome) => QUERIES.find((q) => q.name === o.query)!.needs.includes(SERVICE);
  const problems: string[] = [];
  for (const o of before) if (!o.ok) problems.push(`before the stop: ${o.query} failed with ${o.codes.join(',')}`);
  for (const o of during) {
    if (!needsIt(o) && !o.ok) problems.push(`during the outage: ${o.query} (does not need ${SERVICE}) failed with ${o.codes.join(',')}: ${o.messages.join(' | ')}`);
    if (needsIt(o)) {
      if (o.ok) problems.push(`during the outage: ${o.query} answered without errors`);
      else if (!o.codes.every((c) => c === 'UNAVAILABLE') || !o.services.every((s) => s === SERVICE)) problems.push(`during the outage: ${o.query} failed with ${o.codes.join(',')} naming ${o.services.join(',')}: ${o.messages.join(' | ')}`);
    }
  }
  // The gateway may need a moment to reach the service again; after that nothing may fail.
  const firstOk = after.find((o) => needsIt(o) && o.ok);
  const recovered = firstOk ? after.filter((o) => o.at >= firstOk.at) : [];
  for (const o of recovered) if (!o.ok) problems.push(`after the restart: ${o.query} failed with ${o.codes.join(',')}`);
  if (!firstOk) problems.push(`after the restart: no query needing ${SERVICE} answered`);
  if (during.filter(needsIt).length === 0 || during.filter((o) => !needsIt(o)).length === 0) problems.push('too few requests during the outage to judge');

  const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil(values.length * 0.95) - 1)] ?? 0;
  const failing = during.filter(needsIt);
  const others = during.filter((o) => !needsIt(o));
  const figures = {
    service: SERVICE,
    downSeconds: Number(((healthyAt - stoppedAt) / 1000).toFixed(1)),
    restartToHealthySeconds: Number(((healthyAt - restartedAt) / 1000).toFixed(1)),
    requests: { before: before.length, during: during.length, after: after.length },
    duringOutage: {
      othersAnswered: `${others.filter((o) => o.ok).length}/${others.length}`,
      othersP95Ms: p95(others.map((o) => o.ms)),
      unavailableNamingService: `${failing.filter((o) => !o.ok && o.services.every((s) => s === SERVICE)).length}/${failing.length}`,
      unavailableP95Ms: p95(failing.map((o) => o.ms)),
    },
    firstAnswerAfterHealthySeconds: firstOk ? Number(((firstOk.at - healthyAt) / 1000).toFixed(1)) : null,
    afterRecoveryAnswered: `${recovered.filter((o) => o.ok).length}/${recovered.length}`,
    problems: problems.length,
  };
  console.log(JSON.stringify(figures));
  // Each kind of problem once, with how often it happened.
  const kinds = new Map<string, number>();
  for (const problem of problems) kinds.set(problem, (kinds.get(problem) ?? 0) + 1);
  for (const [problem, n] of [...kinds].slice(0, 20)) console.log(`PROBLEM ${problem} (${n}×)`);
  failed = problems.length > 0;
  console.log(failed ? `FAIL: ${name} restart` : `PASS: ${name} restart (other services answered throughout; UNAVAILABLE naming ${SERVICE} while it was down; all answered after)`);
} catch (error) {
  console.error(error);
  console.log('FAIL: service restart');
  failed = true;
} finally {
  await stopAll();
}
process.exit(failed ? 1 : 0);
