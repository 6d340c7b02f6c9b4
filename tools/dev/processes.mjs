// Child processes of `npm start` / `npm test`: each in its own process group, so stopping the
// runner stops every process it started (and their children), and nothing is left behind.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const children = new Set();

/**
 * Starts a long-running process. With `logFile`, output goes there; otherwise it is printed with
 * a `[name]` prefix. `tier` orders shutdown: higher tiers (apps) stop before lower ones (servers).
 * `onLine` sees every stdout line, e.g. to notice a readiness message.
 */
export function startProcess(name, command, args, { env = {}, cwd, logFile, tier = 1, onLine } = {}) {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.processName = name;
  child.tier = tier;
  children.add(child);
  child.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  child.on('exit', () => children.delete(child));
  const sink = logFile ? openLog(logFile) : null;
  const forward = (stream, out) => {
    let rest = '';
    stream.on('data', (chunk) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop();
      for (const line of lines) {
        if (stream === child.stdout) onLine?.(line);
        if (sink) sink.write(`${line}\n`);
        else out.write(`[${name}] ${line}\n`);
      }
    });
  };
  forward(child.stdout, process.stdout);
  forward(child.stderr, process.stderr);
  return child;
}

function openLog(file) {
  mkdirSync(dirname(file), { recursive: true });
  return createWriteStream(file, { flags: 'a' });
}

/** Runs a command to completion; rejects with its output on a non-zero exit. */
export function run(command, args, { env = {}, cwd, quiet = false, allowFailure = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: quiet ? 'pipe' : 'inherit' });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0 || allowFailure) resolve({ code, output });
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${output}`));
    });
  });
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

async function stopChild(child, timeoutMs) {
  if (child.exitCode === null && child.signalCode === null) {
    signalGroup(child, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), timeoutMs);
    await child.exited;
    clearTimeout(timer);
  }
  signalGroup(child, 'SIGKILL'); // whatever the leader left behind in its group
}

/** Stops every started process: the apps together, then the servers they use. */
export async function stopAll(timeoutMs = 10000) {
  const tiers = [...new Set([...children].map((c) => c.tier))].sort((a, b) => b - a);
  for (const tier of tiers) {
    await Promise.all([...children].filter((c) => c.tier === tier).map((c) => stopChild(c, timeoutMs)));
  }
}

/** Polls a URL until it answers with a 2xx status, or fails naming what did not come up. */
export async function waitForHttp(name, url, { timeoutMs = 60000, process: child } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} before it answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} did not answer at ${url} within ${timeoutMs / 1000}s`);
}
