// Types of processes.mjs for the TypeScript tools that drive a stack (benchmarks, fault commands).
import type { ChildProcess } from 'node:child_process';

/** A child started by startProcess: stopped by stopAll, and `exited` settles when it ends. */
export type ManagedProcess = ChildProcess & { processName: string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> };

export function startProcess(
  name: string,
  command: string,
  args: string[],
  options?: { env?: Record<string, string>; cwd?: string; logFile?: string; tier?: number; onLine?: (line: string) => void },
): ManagedProcess;
export function waitForHttp(name: string, url: string, options?: { timeoutMs?: number; process?: ChildProcess }): Promise<void>;
export function stopAll(timeoutMs?: number): Promise<void>;
/** Runs a command to completion; rejects with its output on a non-zero exit unless `allowFailure`. */
export function run(
  command: string,
  args: string[],
  options?: { env?: Record<string, string>; cwd?: string; quiet?: boolean; allowFailure?: boolean },
): Promise<{ code: number | null; output: string }>;
