// Types of temporal.mjs for the TypeScript tools that drive a stack.
import type { ManagedProcess } from './processes.mjs';

export function startTemporalDevServer(options: { port: number; uiPort: number; dbFile?: string | null; ui?: boolean; logFile?: string }): Promise<{
  address: string;
  process: ManagedProcess;
}>;
