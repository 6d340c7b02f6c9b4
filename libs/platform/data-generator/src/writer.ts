import type pg from 'pg';
import type { Dataset } from './generate.js';
import { TABLES, TABLE_ORDER, type Row, type TableName, type TableSpec } from './tables.js';

/** Rows sent in one INSERT: big enough to amortise a round trip, small enough to keep the arrays cheap. */
const ROWS_PER_STATEMENT = 5_000;

/** The tables whose rows mean a database is in use: the generator will not mix into it unless asked. */
const DATA_TABLES: readonly TableName[] = ['district', 'institution', 'organization', 'needsSurvey', 'cultivation', 'cultivationOutbox'];

export interface WriteOptions {
  /** Write into a database that already holds data (ids are fresh; names and codes of another seed do not clash). */
  append?: boolean;
  /** Called after each committed chunk with the organizations written so far and in all. */
  onProgress?: (done: number, total: number) => void;
  /** Refresh the planner's statistics of the tables written at the end (default true). */
  analyze?: boolean;
}

export interface WriteReport {
  rows: Record<TableName, number>;
  seconds: number;
  /** pg_database_size after writing, bytes. */
  databaseBytes: number;
}

const qualified = (spec: TableSpec) => `"${spec.schema}"."${spec.table}"`;

/** A multi-row INSERT from one array parameter per column (unnest), so a statement's size does not depend on its row count. */
function insertSql(spec: TableSpec): string {
  const columns = spec.columns.map(([name]) => `"${name}"`).join(', ');
  const isArray = (type: string) => type.endsWith('[]');
  const parameters = spec.columns.map(([, type], i) => `$${i + 1}::${isArray(type) ? 'text' : type}[]`).join(', ');
  const aliases = spec.columns.map((_, i) => `c${i}`).join(', ');
  // An array column travels as the text of an array literal: unnest would flatten a two-dimensional array.
  const values = spec.columns.map(([, type], i) => (isArray(type) ? `c${i}::${type}` : `c${i}`)).join(', ');
  return `INSERT INTO ${qualified(spec)} (${columns}) SELECT ${values} FROM unnest(${parameters}) AS u(${aliases})`;
}

const SQL = Object.fromEntries(TABLE_ORDER.map((name) => [name, insertSql(TABLES[name])])) as Record<TableName, string>;

async function insertRows(client: pg.ClientBase, name: TableName, rows: Row[]): Promise<void> {
  const width = TABLES[name].columns.length;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const slice = rows.slice(start, start + ROWS_PER_STATEMENT);
    const columns: unknown[][] = Array.from({ length: width }, () => new Array<unknown>(slice.length));
    slice.forEach((row, r) => {
      for (let c = 0; c < width; c++) columns[c][r] = row[c];
    });
    await client.query(SQL[name], columns);
  }
}

/** Fails, naming what is missing, unless every table the generator writes exists (the schemas are migrated). */
export async function checkSchema(client: pg.ClientBase): Promise<void> {
  const names = TABLE_ORDER.map((name) => qualified(TABLES[name]));
  const { rows } = await client.query<{ name: string; present: boolean }>(
    `SELECT n AS "name", to_regclass(n) IS NOT NULL AS "present" FROM unnest($1::text[]) AS n`,
    [names],
  );
  const missing = rows.filter((r) => !r.present).map((r) => r.name);
  if (missing.length > 0) {
    throw new Error(`The database is not migrated (missing ${missing.join(', ')}): run \`DATABASE_URL=... npm run db:migrate\` first.`);
  }
}

/** The data tables that already hold rows. */
export async function tablesWithData(client: pg.ClientBase): Promise<string[]> {
  const found: string[] = [];
  for (const name of DATA_TABLES) {
    const { rows } = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${qualified(TABLES[name])}) AS "any"`);
    if (rows[0].any) found.push(qualified(TABLES[name]));
  }
  return found;
}

/**
 * Writes a data set through each domain's tables, one transaction per chunk, each table's rows in
 * multi-row INSERT ... SELECT FROM unnest statements. Refuses a database that already holds data
 * unless `append`. A failure rolls back the chunk in progress; the chunks before it stay.
 */
export async function writeDataset(client: pg.ClientBase, dataset: Dataset, options: WriteOptions = {}): Promise<WriteReport> {
  const started = performance.now();
  await checkSchema(client);
  if (!options.append) {
    const used = await tablesWithData(client);
    if (used.length > 0) throw new Error(`The database already holds data (${used.join(', ')}); pass --append to add to it.`);
  }
  const counts = Object.fromEntries(TABLE_ORDER.map((name) => [name, 0])) as Record<TableName, number>;
  const total = dataset.scale.organizations;
  let done = 0;
  options.onProgress?.(0, total);
  for (const chunk of dataset.chunks()) {
    await client.query('BEGIN');
    try {
      for (const name of TABLE_ORDER) {
        const rows = chunk.rows[name];
        if (!rows || rows.length === 0) continue;
        await insertRows(client, name, rows);
        counts[name] += rows.length;
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
    done += chunk.organizations;
    options.onProgress?.(done, total);
  }
  if (options.analyze ?? true) {
    for (const name of TABLE_ORDER) await client.query(`ANALYZE ${qualified(TABLES[name])}`);
  }
  const { rows } = await client.query<{ bytes: string }>(`SELECT pg_database_size(current_database())::text AS "bytes"`);
  return { rows: counts, seconds: (performance.now() - started) / 1000, databaseBytes: Number(rows[0].bytes) };
}
