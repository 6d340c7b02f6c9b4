// Types of temporal-postgres.mjs for the TypeScript fault commands.
import type { ManagedProcess } from '../dev/processes.mjs';

export const TEMPORAL_SERVER_VERSION: string;
export function prepareTemporalServer(options?: { port?: number; pgPort?: number; shards?: number; dataDir?: string; databaseUrl?: string }): Promise<{
  address: string;
  ports: Record<'frontend' | 'frontendHttp' | 'history' | 'matching' | 'worker' | 'metrics', number>;
  shards: number;
  dataDir: string;
  /** Starts the server process and resolves once it answers; again after it ended, to restart it on the same data. */
  start(): Promise<ManagedProcess>;
}>;
