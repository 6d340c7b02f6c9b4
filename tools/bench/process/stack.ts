import { rmSync } from 'node:fs';
import { stackLayout, startApps, startInfrastructure } from '../../dev/stack.mjs';
import { stopAll } from '../../dev/processes.mjs';
import { seedDemo } from '../../seed/seed-demo.js';

export interface BenchStack {
  databaseUrl: string;
  temporalAddress: string;
  gatewayUrl: string;
  workerPid: number;
  stop(): Promise<void>;
}

/** A throw-away platform for benchmarks (ports 4700+, PostgreSQL 5435, Temporal 7235), logs under .data/bench/logs. */
export async function bootstrapBenchStack(): Promise<BenchStack> {
  const layout = stackLayout('bench');
  rmSync(layout.dataDir, { recursive: true, force: true });
  try {
    const infra = await startInfrastructure(layout, { logToFiles: true });
    const { pids } = await startApps(layout, infra, { logToFiles: true });
    await seedDemo(infra.databaseUrl);
    return { ...infra, gatewayUrl: `http://127.0.0.1:${layout.ports.gateway}`, workerPid: pids.worker, stop: () => stopAll() };
  } catch (error) {
    await stopAll();
    throw new Error(`The benchmark stack did not start (logs in ${layout.logDir}): ${error instanceof Error ? error.message : error}`);
  }
}
