import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';
import { domainEvent, type Identity } from '@peiyu/contracts';
import { ORGANIZATIONS_SCHEMA, chinaCalendarDate } from '@peiyu/organizations-data-access';
import { appendOutboxEvent } from '@peiyu/platform-database';
import { reachOf, requireEvidenceRecorder, seesOrganization } from '@peiyu/platform-reach';
import { isCalendarDate } from './calendar-date.js';
import { CsvEncodingError, csvRecords } from './csv.js';

/** The columns a member import may have; `name` and `joined_on` are required. */
export const MEMBER_IMPORT_COLUMNS = ['name', 'phone', 'joined_on', 'is_leader'] as const;
type Column = (typeof MEMBER_IMPORT_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly Column[] = ['name', 'joined_on'];

/** Rows are written in batches of this many, all in the import's one transaction. */
export const MEMBER_IMPORT_BATCH_SIZE = 500;
/** At most this many row errors are reported; the rest are only counted. */
export const MEMBER_IMPORT_MAX_ERRORS = 1000;

const PHONE = /^\+?\d[\d-]{2,19}$/;
const LEADER_VALUES: Record<string, boolean> = { true: true, false: false, 是: true, 否: false, '1': true, '0': false, '': false };

export interface ImportError {
  /** The line of the file the row starts on; 1 is the header. */
  line: number;
  /** The column at fault, or null when the row as a whole is (a wrong number of fields, a stray quote). */
  column: string | null;
  message: string;
}

export type MemberImportResult =
  | { status: 200; body: { imported: number } }
  | { status: 403 | 404 | 422; body: { imported: 0; errors: ImportError[]; moreErrors?: number; error?: { code: string; message: string } } };

interface Batch {
  ids: string[];
  names: string[];
  phones: (string | null)[];
  joinedOn: string[];
  isLeader: boolean[];
}

function emptyBatch(): Batch {
  return { ids: [], names: [], phones: [], joinedOn: [], isLeader: [] };
}

/**
 * Imports the members of one organization from a CSV stream, all or nothing: the file is read
 * record by record and written in batches within one transaction; any bad row rolls everything back
 * and every bad row is reported (up to MEMBER_IMPORT_MAX_ERRORS). Memory holds one batch and the
 * error list, whatever the size of the file.
 */
@Injectable()
export class MemberImportService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async importMembers(organizationId: string, body: AsyncIterable<Uint8Array | string>, caller: Identity): Promise<MemberImportResult> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      // A share lock: the organization stays while its members are written.
      const [found]: { community_id: string }[] = await runner.query(`SELECT "community_id" FROM "organizations"."organization" WHERE "id" = $1 FOR SHARE`, [organizationId]);
      if (!found) {
        await runner.rollbackTransaction();
        return { status: 404, body: { imported: 0, errors: [], error: { code: 'NOT_FOUND', message: `Organization ${organizationId} was not found.` } } };
      }
      if (!seesOrganization(await reachOf(this.db, caller), { id: organizationId, communityId: found.community_id })) {
        await runner.rollbackTransaction();
        return { status: 403, body: { imported: 0, errors: [], error: { code: 'FORBIDDEN', message: `Organization ${organizationId} is outside your scope.` } } };
      }
      try {
        await requireEvidenceRecorder(this.db, caller, organizationId);
      } catch (error) {
        await runner.rollbackTransaction();
        return { status: 403, body: { imported: 0, errors: [], error: { code: 'FORBIDDEN', message: (error as Error).message } } };
      }
      const result = await this.readAndWrite(runner, organizationId, body);
      if (result.status === 200) await runner.commitTransaction();
      else await runner.rollbackTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async readAndWrite(runner: QueryRunner, organizationId: string, body: AsyncIterable<Uint8Array | string>): Promise<MemberImportResult> {
    const errors: ImportError[] = [];
    let moreErrors = 0;
    const fail = (line: number, column: string | null, message: string): void => {
      if (errors.length < MEMBER_IMPORT_MAX_ERRORS) errors.push({ line, column, message });
      else moreErrors += 1;
    };
    const today = chinaCalendarDate();
    let columns: Map<Column, number> | null = null;
    let width = 0;
    let batch = emptyBatch();
    let imported = 0;
    let lastLine = 1;

    const flush = async (): Promise<void> => {
      if (batch.ids.length === 0) return;
      await runner.query(
        `INSERT INTO "organizations"."member" ("id", "organization_id", "name", "phone", "joined_on", "is_leader", "version")
         SELECT m."id", $1, m."name", m."phone", m."joined_on", m."is_leader", 1
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::date[], $6::boolean[]) AS m("id", "name", "phone", "joined_on", "is_leader")`,
        [organizationId, batch.ids, batch.names, batch.phones, batch.joinedOn, batch.isLeader],
      );
      imported += batch.ids.length;
      batch = emptyBatch();
    };

    try {
      for await (const record of csvRecords(body)) {
        lastLine = record.line;
        if (columns === null) {
          const header = this.readHeader(record.fields, record.error);
          if ('errors' in header) {
            for (const e of header.errors) fail(1, e.column, e.message);
            return this.refused(errors, moreErrors);
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
        const value = (column: Column): string | undefined => {
          const index = columns?.get(column);
          return index === undefined ? undefined : record.fields[index].trim();
        };
        const name = value('name') ?? '';
        if (name === '') fail(record.line, 'name', 'name is required');
        else if (name.length > 100) fail(record.line, 'name', 'name must be at most 100 characters');
        const phone = value('phone') ?? '';
        if (phone !== '' && !PHONE.test(phone)) fail(record.line, 'phone', 'phone must be 3 to 20 digits or dashes, with an optional leading +');
        const joinedOn = value('joined_on') ?? '';
        const shownDate = joinedOn.slice(0, 20);
        if (joinedOn === '') fail(record.line, 'joined_on', 'joined_on is required');
        else if (!isCalendarDate(joinedOn)) fail(record.line, 'joined_on', `joined_on must be a date written YYYY-MM-DD, not "${shownDate}"`);
        else if (joinedOn > today) fail(record.line, 'joined_on', `joined_on must not be in the future (today is ${today})`);
        const leaderText = (value('is_leader') ?? '').toLowerCase();
        const isLeader = LEADER_VALUES[leaderText];
        if (isLeader === undefined) fail(record.line, 'is_leader', 'is_leader must be true/false, 是/否 or 1/0');
        // Once a row is bad nothing will be kept: only read on, to report every bad row.
        if (errors.length + moreErrors > 0) continue;
        batch.ids.push(randomUUID());
        batch.names.push(name);
        batch.phones.push(phone === '' ? null : phone);
        batch.joinedOn.push(joinedOn);
        batch.isLeader.push(isLeader === true);
        if (batch.ids.length >= MEMBER_IMPORT_BATCH_SIZE) await flush();
      }
    } catch (error) {
      if (error instanceof CsvEncodingError) {
        fail(lastLine, null, `the file is not valid UTF-8 (after line ${lastLine})`);
        return this.refused(errors, moreErrors);
      }
      throw error;
    }
    if (columns === null) {
      fail(1, null, 'the file is empty: a header row naming the columns is required');
      return this.refused(errors, moreErrors);
    }
    if (errors.length + moreErrors > 0) return this.refused(errors, moreErrors);
    await flush();
    // One evidence event for the whole import, in its transaction.
    const at = new Date();
    await appendOutboxEvent(
      runner.manager,
      ORGANIZATIONS_SCHEMA,
      `evidence:members:import-${randomUUID()}:imported`,
      domainEvent('organization.evidence-changed', { organizationId, evidence: 'MEMBERS', at: at.toISOString() }),
    );
    return { status: 200, body: { imported } };
  }

  private readHeader(fields: string[], error: string | undefined): { columns: Map<Column, number> } | { errors: { column: string | null; message: string }[] } {
    if (error !== undefined) return { errors: [{ column: null, message: error }] };
    const errors: { column: string | null; message: string }[] = [];
    const columns = new Map<Column, number>();
    fields.forEach((raw, index) => {
      const name = raw.trim().toLowerCase();
      if (!(MEMBER_IMPORT_COLUMNS as readonly string[]).includes(name)) {
        errors.push({ column: raw.slice(0, 100), message: `unknown column "${raw.slice(0, 100)}"; the columns are ${MEMBER_IMPORT_COLUMNS.join(', ')}` });
      } else if (columns.has(name as Column)) {
        errors.push({ column: name, message: `column "${name}" appears twice` });
      } else {
        columns.set(name as Column, index);
      }
    });
    for (const required of REQUIRED_COLUMNS) {
      if (!columns.has(required)) errors.push({ column: required, message: `missing column "${required}"` });
    }
    return errors.length > 0 ? { errors } : { columns };
  }

  private refused(errors: ImportError[], moreErrors: number): MemberImportResult {
    return { status: 422, body: { imported: 0, errors, ...(moreErrors > 0 ? { moreErrors } : {}) } };
  }
}
