import { migrateOwnerships } from '@peiyu/platform-database';
import { ALL_OWNERSHIPS } from './ownerships.js';

/** Runs every schema's pending migrations, as the services would at start. */
export function migrateAll(databaseUrl: string): Promise<void> {
  return migrateOwnerships(databaseUrl, ALL_OWNERSHIPS);
}
