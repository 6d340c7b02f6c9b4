// Integration tests share one database, migrated once here; each test builds its own data.
// The TypeScript migrator runs in a child process with the project's loader, so nothing it loads
// leaks into Jest's own module system.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function globalSetup() {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: run the integration tests through `npm test`.');
  const runner = fileURLToPath(new URL('../dev/run-ts.mjs', import.meta.url));
  const migrate = fileURLToPath(new URL('./migrate-cli.ts', import.meta.url));
  const result = spawnSync(process.execPath, [runner, migrate], { stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '' } });
  if (result.status !== 0) throw new Error(`Migrating the test database failed (exit ${result.status}).`);
}
