import pg from 'pg';
import { DataSource, type MixedList, type EntitySchema } from 'typeorm';

/** A set of PostgreSQL schemas one domain lib owns, with its entities and migrations. */
export interface SchemaOwnership {
  /** The schemas owned; the first is the default, where this ownership's migrations table lives. */
  schemas: string[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

/** TypeORM options shared by every service and the worker: owned schema, never synchronize. */
export function typeormOptions(databaseUrl: string, ownership: SchemaOwnership) {
  return {
    type: 'postgres' as const,
    // Handing TypeORM the driver spares its dynamic `pg` lookup, which fails under Jest's ESM mode.
    driver: pg,
    url: databaseUrl,
    schema: ownership.schemas[0],
    entities: ownership.entities,
    migrations: ownership.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    extra: { max: 10, application_name: `peiyu-${ownership.schemas[0]}` },
  };
}

/** Several ownerships served by one process (communities-service also hosts identity) share one DataSource. */
export function mergeOwnerships(ownerships: SchemaOwnership[]): SchemaOwnership {
  return {
    schemas: ownerships.flatMap((o) => o.schemas),
    entities: ownerships.flatMap((o) => o.entities as never[]),
    migrations: [],
  };
}

// Any fixed number: every process that migrates takes the same lock, so concurrent starts queue.
const MIGRATION_LOCK = 7_203_511;

/**
 * Runs the pending migrations of each ownership, each with its own migrations table, one process
 * at a time (a PostgreSQL advisory lock), so services started together do not race.
 */
export async function migrateOwnerships(databaseUrl: string, ownerships: SchemaOwnership[]): Promise<void> {
  const lock = new pg.Client({ connectionString: databaseUrl });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    for (const ownership of ownerships) {
      for (const schema of ownership.schemas) await lock.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      const dataSource = new DataSource(typeormOptions(databaseUrl, ownership));
      await dataSource.initialize();
      try {
        await dataSource.runMigrations({ transaction: 'each' });
      } finally {
        await dataSource.destroy();
      }
    }
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.end();
  }
}
