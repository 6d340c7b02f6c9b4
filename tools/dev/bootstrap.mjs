// The first step of `npm start` and `npm test`, in plain Node with no dependencies: install the
// npm packages when they are missing or older than the lockfile, then register the TypeScript
// loader so the rest of the tooling can import the project's own libs.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

function needsInstall() {
  const marker = 'node_modules/.package-lock.json';
  if (!existsSync(marker)) return true;
  return existsSync('package-lock.json') && statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs + 1000;
}

export async function bootstrap() {
  if (needsInstall()) {
    console.log('Installing npm dependencies (npm ci) ...');
    const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
    if (result.status !== 0) throw new Error('npm ci failed');
  }
  await import('./register.mjs');
}
