import { CsvEncodingError, csvRecords } from './csv.js';

export interface ImportError {
  /** The line of the file the row starts on; 1 is the header. */
  line: number;
  /** The column at fault, or null when the row as a whole is (a wrong number of fields, a stray quote). */
  column: string | null;
  message: string;
}

/** At most this many row errors are reported; the rest are only counted. */
export const IMPORT_MAX_ERRORS = 1000;

export interface TableImportSpec<C extends string, R> {
  /** The columns a file may have, in any order; matched without regard to case. */
  columns: readonly C[];
  required: readonly C[];
  /** Reads one row: its value, or the problems, each naming its column. */
  readRow(value: (column: C) => string | undefined): { row: R } | { problems: { column: C; message: string }[] };
  /** Writes a batch of good rows (in the caller's transaction). */
  writeBatch(rows: R[]): Promise<void>;
  batchSize: number;
}

export type TableImportResult = { ok: true; imported: number } | { ok: false; errors: ImportError[]; moreErrors: number };

/**
 * Reads a CSV stream record by record and writes its rows in batches, all or nothing: once a row is
 * bad nothing more is written and the rest is only read, to report every bad row (up to
 * IMPORT_MAX_ERRORS) by line and column. Memory holds one batch and the error list, whatever the
 * size of the file. The caller rolls its transaction back when the result is not ok.
 */
export async function importCsvTable<C extends string, R>(body: AsyncIterable<Uint8Array | string>, spec: TableImportSpec<C, R>): Promise<TableImportResult> {
  const errors: ImportError[] = [];
  let moreErrors = 0;
  const fail = (line: number, column: string | null, message: string): void => {
    if (errors.length < IMPORT_MAX_ERRORS) errors.push({ line, column, message });
    else moreErrors += 1;
  };
  const refused = (): TableImportResult => ({ ok: false, errors, moreErrors });
  let columns: Map<C, number> | null = null;
  let width = 0;
  let batch: R[] = [];
  let imported = 0;
  let lastLine = 1;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    await spec.writeBatch(batch);
    imported += batch.length;
    batch = [];
  };

  try {
    for await (const record of csvRecords(body)) {
      lastLine = record.line;
      if (columns === null) {
        const header = readHeader(spec, record.fields, record.error);
        if ('errors' in header) {
          for (const e of header.errors) fail(1, e.column, e.message);
          return refused();
        }
        columns = header.columns;
        width = record.fields.length;
        continue;
      }
      // A blank line is no row.
      if (record.fields.length === 1 && record.fields[0].trim() === '' && record.error === undefined) continue;
      if (record.error !== undefined) {
        fail(record.line, null, record.error);
        continue;
      }
      if (record.fields.length !== width) {
        fail(record.line, null, `expected ${width} fields, as in the header, but found ${record.fields.length}`);
        continue;
      }
      const at = columns;
      const read = spec.readRow((column) => {
        const index = at.get(column);
        return index === undefined ? undefined : record.fields[index].trim();
      });
      if ('problems' in read) {
        for (const p of read.problems) fail(record.line, p.column, p.message);
        continue;
      }
      // Once a row is bad nothing will be kept: only read on, to report every bad row.
      if (errors.length + moreErrors > 0) continue;
      batch.push(read.row);
      if (batch.length >= spec.batchSize) await flush();
    }
  } catch (error) {
    if (error instanceof CsvEncodingError) {
      fail(lastLine, null, `the file is not valid UTF-8 (after line ${lastLine})`);
      return refused();
    }
    throw error;
  }
  if (columns === null) {
    fail(1, null, 'the file is empty: a header row naming the columns is required');
    return refused();
  }
  if (errors.length + moreErrors > 0) return refused();
  await flush();
  return { ok: true, imported };
}

function readHeader<C extends string, R>(
  spec: TableImportSpec<C, R>,
  fields: string[],
  error: string | undefined,
): { columns: Map<C, number> } | { errors: { column: string | null; message: string }[] } {
  if (error !== undefined) return { errors: [{ column: null, message: error }] };
  const errors: { column: string | null; message: string }[] = [];
  const columns = new Map<C, number>();
  fields.forEach((raw, index) => {
    const name = raw.trim().toLowerCase();
    if (!(spec.columns as readonly string[]).includes(name)) {
      errors.push({ column: raw.slice(0, 100), message: `unknown column "${raw.slice(0, 100)}"; the columns are ${spec.columns.join(', ')}` });
    } else if (columns.has(name as C)) {
      errors.push({ column: name, message: `column "${name}" appears twice` });
    } else {
      columns.set(name as C, index);
    }
  });
  for (const required of spec.required) {
    if (!columns.has(required)) errors.push({ column: required, message: `missing column "${required}"` });
  }
  return errors.length > 0 ? { errors } : { columns };
}
