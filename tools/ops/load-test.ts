// Load test of the gateway (docs/reliability.md): a bounded loop on loopback with the mix of reads
// and writes the admin app makes, from N concurrent clients signed in as users of several roles,
// for the given minutes per round, `--rounds` times (2 by default) with an idle pause after each:
// the later rounds tell a leak from warm-up. Reports per operation and round: requests, errors (any
// non-200 or GraphQL error, except the domain refusals listed in EXPECTED_REFUSALS), p50/p95/p99
// latency; and per process its RSS after each round and its pause, and the lowest V8 heap in use
// seen in each round (sampled every 5 s; after a collection the heap holds little more than live
// data), with the worker's sticky workflow cache.
// PASS when the error rate is under 1% in every round and no process's RSS grows over the last
// round by more than RSS_GROWTH_BOUND; with 4 rounds or more, memory must also level off: over the
// second half of the rounds each process's heap floor (RSS for the admin app) grows by at most
// LEVEL_OFF_BOUND per round on average (the verdict is printed per process). Exits 1 otherwise.
// Starts its own `bench` stack (apps 4700+, PostgreSQL 5435, Temporal 7235) with the demo seed.
//   node tools/dev/run-ts.mjs tools/ops/load-test.ts [--minutes 3] [--rounds 2] [--concurrency 8] [--idle-seconds 20]
import { readFileSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { stackLayout, startApps, startInfrastructure } from '../dev/stack.mjs';
import { stopAll } from '../dev/processes.mjs';
import { numberOption } from '../dev/cli-options.js';
import { DEMO, DEMO_PASSWORD, seedDemo } from '../seed/seed-demo.js';

const ROUND_MS = numberOption('minutes', 3) * 60_000;
const ROUNDS = numberOption('rounds', 2);
const CONCURRENCY = numberOption('concurrency', 8);
const IDLE_MS = numberOption('idle-seconds', 20) * 1000;
const MAX_ERROR_RATE = 0.01;
/** A process may grow over the last round (end of the one before to its end) by at most this much. */
const RSS_GROWTH_BOUND = { fraction: 0.15, floorBytes: 48 * 2 ** 20 };
/** With 4 rounds or more: the mean growth per round over the second half of the rounds, at most. */
const LEVEL_OFF_BOUND = { fraction: 0.02, floorBytes: 8 * 2 ** 20 };
/**
 * Refusals the domain makes by design under a realistic mix, not counted as errors (but reported):
 * two clients acknowledging the same escalation, or extending the same cultivation at once (the
 * later extension arriving first makes the other one not later than the current deadline).
 */
const EXPECTED_REFUSALS: Record<string, string[]> = {
  acknowledgeEscalation: ['WRONG_STATUS'],
  extendDeadline: ['BAD_USER_INPUT'],
};

// Sign-ins must outlive both rounds (access tokens live 15 minutes by default).
process.env.PEIYU_TOKEN_TTL_SECONDS ??= String(24 * 3600);

type Role = 'admin' | 'manager' | 'worker' | 'analyst' | 'supervisor';
type Outcome = { op: string; ms: number; ok: boolean; refused: boolean; detail?: string };
interface Response { status: number; data?: Record<string, unknown>; errors?: { message: string; extensions?: { code?: string } }[] }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}
const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN);

const layout = stackLayout('bench');
let exitCode = 1;
try {
  rmSync(layout.dataDir, { recursive: true, force: true });
  const infra = await startInfrastructure(layout, { logToFiles: true });
  const { pids } = await startApps(layout, infra, { logToFiles: true });
  await seedDemo(infra.databaseUrl);
  const gateway = `http://127.0.0.1:${layout.ports.gateway}/graphql`;

  async function post(query: string, variables: Record<string, unknown>, token?: string): Promise<Response> {
    const res = await fetch(gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    try {
      return { status: res.status, ...(JSON.parse(text) as Omit<Response, 'status'>) };
    } catch {
      return { status: res.status, errors: [{ message: text.slice(0, 200) }] };
    }
  }

  const tokens = {} as Record<Role, string>;
  for (const role of ['admin', 'manager', 'worker', 'analyst', 'supervisor'] as const) {
    const r = await post('mutation ($input: SignInInput!) { signIn(input: $input) { token } }', { input: { username: role, password: DEMO_PASSWORD } });
    tokens[role] = (r.data?.signIn as { token: string } | undefined)?.token ?? '';
    if (!tokens[role]) throw new Error(`sign-in of ${role} failed: ${JSON.stringify(r.errors)}`);
  }

  // What the writes work on, refreshed by the reads.
  const cultivationIds: string[] = [];
  /** Cultivations started here with a far deadline, and that deadline (each extension moves it a day later). */
  const farDeadlines = new Map<string, number>();
  let started = 0;
  let openEscalationIds: string[] = [];
  const pick = <T>(items: T[]): T | undefined => items[Math.floor(Math.random() * items.length)];
  const organizationIds = DEMO.organizations.map((o) => o.id);

  type Operation = { name: string; weight: number; role: Role; run: (token: string) => Promise<Response | null> };
  const operations: Operation[] = [
    {
      name: 'dashboardHeadlines', weight: 20, role: 'manager',
      run: (t) => post(`query ($districtId: ID) {
        active: cultivationCount(filter: { districtId: $districtId, status: ACTIVE })
        overdue: cultivationCount(filter: { districtId: $districtId, overdue: true })
        escalated: cultivationCount(filter: { districtId: $districtId, escalated: true })
        openEscalationCount(districtId: $districtId)
        stageFunnel(districtId: $districtId) { stage count } }`, { districtId: DEMO.districtId }, t),
    },
    {
      name: 'cultivations', weight: 15, role: 'admin',
      run: async (t) => {
        const r = await post('{ cultivations { id stage status } }', {}, t);
        const list = (r.data?.cultivations as { id: string }[] | undefined) ?? [];
        cultivationIds.splice(0, cultivationIds.length, ...list.map((c) => c.id));
        return r;
      },
    },
    {
      name: 'cultivation', weight: 15, role: 'worker',
      run: (t) => {
        const id = pick(cultivationIds);
        return id ? post('query ($id: ID!) { cultivation(id: $id) { id stage status workflowId } escalations(cultivationId: $id) { id status level } }', { id }, t) : Promise.resolve(null);
      },
    },
    {
      name: 'organizationsConnection', weight: 15, role: 'admin',
      run: (t) => post('{ organizationsConnection(first: 20) { totalCount edges { node { id name status } } pageInfo { hasNextPage endCursor } } }', {}, t),
    },
    {
      name: 'escalations', weight: 10, role: 'supervisor',
      run: async (t) => {
        const r = await post('{ escalations(openOnly: true) { id status level acknowledgedAt cultivationId } }', {}, t);
        const list = (r.data?.escalations as { id: string; acknowledgedAt: string | null }[] | undefined) ?? [];
        openEscalationIds = list.filter((e) => !e.acknowledgedAt).map((e) => e.id);
        return r;
      },
    },
    {
      name: 'escalationIndicator', weight: 5, role: 'analyst',
      run: (t) => post('query ($input: EscalationIndicatorInput!) { escalationIndicator(input: $input) { __typename } }', { input: { period: { relative: 'LAST_12_MONTHS', bucket: 'MONTH' } } }, t),
    },
    {
      name: 'recordActivity', weight: 8, role: 'worker',
      run: (t) => post('mutation ($input: RecordActivityInput!) { recordActivity(input: $input) { id } }', {
        input: { organizationId: pick(organizationIds), kind: 'MEETING', title: '例会', heldOn: new Date().toISOString().slice(0, 10), hours: 1.5, participants: 6 },
      }, t),
    },
    {
      name: 'addMember', weight: 6, role: 'worker',
      run: (t) => post('mutation ($input: AddMemberInput!) { addMember(input: $input) { id } }', {
        input: { organizationId: pick(organizationIds), name: `成员${randomUUID().slice(0, 6)}`, joinedOn: new Date().toISOString().slice(0, 10) },
      }, t),
    },
    {
      name: 'startCultivation', weight: 2, role: 'admin',
      run: async (t) => {
        const created = await post('mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }', {
          input: { name: `压测组织${randomUUID().slice(0, 8)}`, communityId: DEMO.communities[0]!.id, category: 'LIFE_SERVICE' },
        }, t);
        const organizationId = (created.data?.createOrganization as { id: string } | undefined)?.id;
        if (!organizationId) return created;
        // Every other one with a deadline a few seconds away, so that escalations arise to acknowledge.
        const far = started++ % 2 === 0;
        const deadline = Date.now() + (far ? 30 * 86400_000 : 5000);
        const r = await post('mutation ($input: StartCultivationInput!) { startCultivation(input: $input) { id } }', {
          input: { organizationId, institutionId: DEMO.institutionId, formationDeadline: new Date(deadline).toISOString() },
        }, t);
        const id = (r.data?.startCultivation as { id: string } | undefined)?.id;
        if (id && far) farDeadlines.set(id, deadline);
        return r;
      },
    },
    {
      name: 'extendDeadline', weight: 2, role: 'admin',
      run: (t) => {
        const id = pick([...farDeadlines.keys()]);
        if (!id) return Promise.resolve(null);
        const newDeadline = farDeadlines.get(id)! + 86400_000;
        farDeadlines.set(id, newDeadline);
        return post('mutation ($input: ExtendDeadlineInput!) { extendDeadline(input: $input) { id } }', {
          input: { cultivationId: id, newDeadline: new Date(newDeadline).toISOString(), reason: '压测延期' },
        }, t);
      },
    },
    {
      name: 'acknowledgeEscalation', weight: 2, role: 'admin',
      run: (t) => {
        const id = pick(openEscalationIds);
        if (!id) return Promise.resolve(null);
        openEscalationIds = openEscalationIds.filter((e) => e !== id);
        return post('mutation ($input: AcknowledgeEscalationInput!) { acknowledgeEscalation(input: $input) { id } }', { input: { escalationId: id, plan: '压测跟进' } }, t);
      },
    },
  ];
  const totalWeight = operations.reduce((s, o) => s + o.weight, 0);
  const choose = () => {
    let x = Math.random() * totalWeight;
    for (const o of operations) if ((x -= o.weight) < 0) return o;
    return operations[0]!;
  };

  async function round(): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    const end = Date.now() + ROUND_MS;
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < end) {
        const op = choose();
        const at = performance.now();
        let r: Response | null;
        try {
          r = await op.run(tokens[op.role]);
        } catch (error) {
          r = { status: 0, errors: [{ message: String(error) }] };
        }
        if (!r) continue; // nothing to act on yet
        const ms = performance.now() - at;
        const errors = r.errors ?? [];
        const codes = errors.map((e) => e.extensions?.code ?? 'NONE');
        const refused = r.status === 200 && errors.length > 0 && codes.every((c) => EXPECTED_REFUSALS[op.name]?.includes(c));
        const ok = r.status === 200 && errors.length === 0;
        outcomes.push({ op: op.name, ms, ok, refused, detail: ok ? undefined : `${r.status} ${codes.join(',')}: ${errors[0]?.message ?? ''}`.slice(0, 160) });
      }
    }));
    return outcomes;
  }

  function report(label: string, outcomes: Outcome[]): number {
    console.log(`\n${label}: ${outcomes.length} requests in ${ROUND_MS / 60000} min, ${CONCURRENCY} clients (${(outcomes.length / (ROUND_MS / 1000)).toFixed(1)} /s)`);
    console.log('  operation                 requests  errors  refused   p50 ms   p95 ms   p99 ms');
    const row = (name: string, list: Outcome[]) => {
      const ms = list.map((o) => o.ms).sort((a, b) => a - b);
      const errors = list.filter((o) => !o.ok && !o.refused).length;
      const refused = list.filter((o) => o.refused).length;
      console.log(`  ${name.padEnd(24)} ${String(list.length).padStart(9)} ${String(errors).padStart(7)} ${String(refused).padStart(8)} ${quantile(ms, 0.5).toFixed(0).padStart(8)} ${quantile(ms, 0.95).toFixed(0).padStart(8)} ${quantile(ms, 0.99).toFixed(0).padStart(8)}`);
    };
    for (const op of operations) row(op.name, outcomes.filter((o) => o.op === op.name));
    row('all', outcomes);
    const failures = outcomes.filter((o) => !o.ok && !o.refused);
    const samples = new Map<string, number>();
    for (const f of [...failures, ...outcomes.filter((o) => o.refused)]) samples.set(`${f.op} ${f.detail}`, (samples.get(`${f.op} ${f.detail}`) ?? 0) + 1);
    for (const [detail, n] of [...samples].slice(0, 10)) console.log(`  ${n} x ${detail}`);
    return outcomes.length ? failures.length / outcomes.length : 1;
  }

  if (!Number.isInteger(ROUNDS) || ROUNDS < 2) throw new Error('--rounds must be 2 or more');
  const names = Object.keys(pids);
  const metricsPort: Record<string, number> = Object.fromEntries(
    names.flatMap((n) => {
      const key = n.replace(/-service$/, '') as keyof typeof layout.ports;
      return n === 'admin' || !layout.ports[key] ? [] : [[n, layout.ports[key]]];
    }),
  );
  /** A gauge from a process's /metrics (prom-client's default metrics, Temporal Core's); NaN where it has none. */
  const gaugeOf = async (name: string, metric: string) => {
    const port = metricsPort[name];
    if (!port) return NaN;
    const text = await fetch(`http://127.0.0.1:${port}/metrics`).then((r) => r.text()).catch(() => '');
    const values = [...text.matchAll(new RegExp(`^${metric}(?:\\{[^}]*\\})? (\\S+)`, 'gm'))].map((m) => Number(m[1]));
    return values.length ? values.reduce((a, b) => a + b, 0) : NaN;
  };
  type Sample = Record<string, { rss: number; heap: number }>;
  const snapshot = async (): Promise<Sample> =>
    Object.fromEntries(await Promise.all(names.map(async (n) => [n, { rss: rssOf(pids[n]!), heap: await gaugeOf(n, 'nodejs_heap_size_used_bytes') }] as const)));
  /**
   * Per round: RSS and heap at its end (after the idle pause), and the lowest heap in use seen in
   * it, sampled every 5 s: right after a collection the heap holds little more than live data, so
   * the floor follows what a process keeps, where a single reading mostly tells when V8 last collected.
   */
  const ends: Sample[] = [await snapshot()];
  const floors: Array<Record<string, number>> = [Object.fromEntries(names.map((n) => [n, ends[0]![n]!.heap]))];
  const cached: number[] = [await gaugeOf('worker', 'temporal_sticky_cache_size')];
  const rates: number[] = [];
  for (let r = 1; r <= ROUNDS; r++) {
    const floor: Record<string, number> = Object.fromEntries(names.map((n) => [n, Infinity]));
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const sample = await snapshot();
        for (const n of names) if (sample[n]!.heap < floor[n]!) floor[n] = sample[n]!.heap;
        await sleep(5_000);
      }
    })();
    const outcomes = await round();
    await sleep(IDLE_MS);
    sampling = false;
    await sampler;
    const end = await snapshot();
    for (const n of names) floor[n] = Number.isFinite(floor[n]) ? Math.min(floor[n]!, end[n]!.heap) : end[n]!.heap;
    ends.push(end);
    floors.push(floor);
    cached.push(await gaugeOf('worker', 'temporal_sticky_cache_size'));
    rates.push(report(`Round ${r}`, outcomes));
    console.log(`  RSS after round ${r}: ${names.map((n) => `${n} ${mib(end[n]!.rss)}`).join(', ')}`);
  }

  const mibSigned = (bytes: number) => (Number.isNaN(bytes) ? '-' : `${bytes >= 0 ? '+' : ''}${mib(bytes)}`);
  const halfFrom = Math.floor(ROUNDS / 2) + 1;
  /** Mean growth per round over the second half of the rounds, and whether it is within LEVEL_OFF_BOUND. */
  const levelling = (series: number[]) => {
    const growth = series.slice(halfFrom).map((v, i) => v - series[halfFrom - 1 + i]!);
    const mean = growth.reduce((a, b) => a + b, 0) / growth.length;
    return { mean, ok: mean <= Math.max(LEVEL_OFF_BOUND.floorBytes, LEVEL_OFF_BOUND.fraction * series[halfFrom - 1]!) };
  };
  const table = (title: string, series: (n: string) => number[], only: string[]) => {
    console.log(`\n${title}`);
    console.log(`  ${'process'.padEnd(22)} ${'start'.padStart(8)} ${ends.slice(1).map((_, i) => `r${i + 1}`.padStart(8)).join(' ')}   growth per round`);
    for (const n of only) {
      const values = series(n);
      console.log(`  ${n.padEnd(22)} ${values.map((v) => mib(v).padStart(8)).join(' ')}   ${values.slice(1).map((v, i) => mibSigned(v - values[i]!)).join(' ')}`);
    }
  };
  table(`RSS after each round and ${IDLE_MS / 1000} s idle`, (n) => ends.map((e) => e[n]!.rss), names);
  const withHeap = names.filter((n) => metricsPort[n]);
  table('V8 heap in use, lowest in each round (sampled every 5 s)', (n) => floors.map((f) => f[n]!), withHeap);
  if (cached.some((c) => !Number.isNaN(c))) console.log(`  worker's sticky workflow cache (temporal_sticky_cache_size): ${cached.map((c) => String(c)).join(' > ')} workflows`);

  // Bound on the last round's RSS growth; with 4 rounds or more, memory must level off: the heap
  // floor where a process reports it (the worker's workflows run in worker threads, outside it, and
  // are bounded by its sticky cache), RSS otherwise.
  console.log(`\nVerdict: RSS growth in the last round at most max(${RSS_GROWTH_BOUND.fraction * 100}%, ${mib(RSS_GROWTH_BOUND.floorBytes)})` +
    (ROUNDS >= 4 ? `; levels off: mean growth per round over rounds ${halfFrom}..${ROUNDS} at most max(${LEVEL_OFF_BOUND.fraction * 100}%, ${mib(LEVEL_OFF_BOUND.floorBytes)}), of the heap floor (RSS for the admin app)` : ''));
  const grown: string[] = [];
  const rising: string[] = [];
  for (const n of names) {
    const rss = ends.map((e) => e[n]!.rss);
    const last = rss.at(-1)! - rss.at(-2)!;
    const over = last > Math.max(RSS_GROWTH_BOUND.floorBytes, RSS_GROWTH_BOUND.fraction * rss.at(-2)!);
    if (over) grown.push(n);
    let verdict = `last round RSS ${mibSigned(last)}${over ? ' OVER BOUND' : ''}`;
    if (ROUNDS >= 4) {
      const heap = metricsPort[n] ? levelling(floors.map((f) => f[n]!)) : undefined;
      const measure = heap ?? levelling(rss);
      if (!measure.ok) rising.push(n);
      verdict += `; ${measure.ok ? 'levels off' : 'STILL RISING'} (${heap ? 'heap floor' : 'RSS'} ${mibSigned(measure.mean)}/round over rounds ${halfFrom}..${ROUNDS}; RSS ${mibSigned(levelling(rss).mean)}/round)`;
    }
    console.log(`  ${n.padEnd(22)} ${verdict}`);
  }
  const errorRate = Math.max(...rates);
  const pass = errorRate < MAX_ERROR_RATE && grown.length === 0 && rising.length === 0;
  console.log(
    `\n${pass ? 'PASS' : 'FAIL'}: error rate ${rates.map((r) => `${(r * 100).toFixed(2)}%`).join(' / ')} (bound ${MAX_ERROR_RATE * 100}%), ` +
      `${grown.length ? `grew beyond the bound in the last round: ${grown.join(', ')}` : 'no process grew beyond the bound in the last round'}` +
      (ROUNDS >= 4 ? `, ${rising.length ? `memory still rising: ${rising.join(', ')}` : 'memory of every process levels off'}` : ''),
  );
  exitCode = pass ? 0 : 1;
} catch (error) {
  console.error(error);
  console.error(`Logs in ${layout.logDir}`);
} finally {
  await stopAll();
}
process.exit(exitCode);
