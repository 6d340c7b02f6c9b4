#!/usr/bin/env node
// Runs a TypeScript entry point with the project's loader: `node tools/dev/run-ts.mjs path/to/file.ts [args]`.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const register = fileURLToPath(new URL('./register.mjs', import.meta.url));
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: run-ts.mjs <entry.ts> [args...]');
  process.exit(2);
}
const child = spawn(process.execPath, ['--enable-source-maps', '--import', register, entry, ...args], {
  stdio: 'inherit',
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
