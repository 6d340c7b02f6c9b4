import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';
import { domainEvent, type Identity } from '@peiyu/contracts';
import { ORGANIZATIONS_SCHEMA, chinaCalendarDate } from '@peiyu/organizations-data-access';
import { appendOutboxEvent } from '@peiyu/platform-database';
import { reachOf, requireEvidenceRecorder, seesOrganization } from '@peiyu/platform-reach';
import { isCalendarDate } from './calendar-date.js';
import { IMPORT_MAX_ERRORS, importCsvTable, type ImportError } from '@peiyu/platform-csv';

/** The columns a member import may have; `name` and `joined_on` are required. */
export const MEMBER_IMPORT_COLUMNS = ['name', 'phone', 'joined_on', 'is_leader'] as const;
type Column = (typeof MEMBER_IMPORT_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly Column[] = ['name', 'joined_on'];

/** Rows are written in batches of this many, all in the import's one transaction. */
export const MEMBER_IMPORT_BATCH_SIZE = 500;
/** At most this many row errors are reported; the rest are only counted. */
export const MEMBER_IMPORT_MAX_ERRORS = IMPORT_MAX_ERRORS;

const PHONE = /^\+?\d[\d-]{2,19}$/;
const LEADER_VALUES: Record<string, boolean> = { true: true, false: false, 是: true, 否: false, '1': true, '0': false, '': false };

export type { ImportError };

export type MemberImportResult =
  | { status: 200; body: { imported: number } }
  | { status: 403 | 404 | 422; body: { imported: 0; errors: ImportError[]; moreErrors?: number; error?: { code: string; message: string } } };

interface MemberRow {
  id: string;
  name: string;
  phone: string | null;
  joinedOn: string;
  isLeader: boolean;
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
    const today = chinaCalendarDate();
    const result = await importCsvTable<Column, MemberRow>(body, {
      columns: MEMBER_IMPORT_COLUMNS,
      required: REQUIRED_COLUMNS,
      batchSize: MEMBER_IMPORT_BATCH_SIZE,
      readRow: (value) => {
        const problems: { column: Column; message: string }[] = [];
        const name = value('name') ?? '';
        if (name === '') problems.push({ column: 'name', message: 'name is required' });
        else if (name.length > 100) problems.push({ column: 'name', message: 'name must be at most 100 characters' });
        const phone = value('phone') ?? '';
        if (phone !== '' && !PHONE.test(phone)) problems.push({ column: 'phone', message: 'phone must be 3 to 20 digits or dashes, with an optional leading +' });
        const joinedOn = value('joined_on') ?? '';
        const shownDate = joinedOn.slice(0, 20);
        if (joinedOn === '') problems.push({ column: 'joined_on', message: 'joined_on is required' });
        else if (!isCalendarDate(joinedOn)) problems.push({ column: 'joined_on', message: `joined_on must be a date written YYYY-MM-DD, not "${shownDate}"` });
        else if (joinedOn > today) problems.push({ column: 'joined_on', message: `joined_on must not be in the future (today is ${today})` });
        const isLeader = LEADER_VALUES[(value('is_leader') ?? '').toLowerCase()];
        if (isLeader === undefined) problems.push({ column: 'is_leader', message: 'is_leader must be true/false, 是/否 or 1/0' });
        if (problems.length > 0) return { problems };
        return { row: { id: randomUUID(), name, phone: phone === '' ? null : phone, joinedOn, isLeader: isLeader === true } };
      },
      writeBatch: async (rows) => {
        await runner.query(
          `INSERT INTO "organizations"."member" ("id", "organization_id", "name", "phone", "joined_on", "is_leader", "version")
           SELECT m."id", $1, m."name", m."phone", m."joined_on", m."is_leader", 1
           FROM unnest($2::uuid[], $3::text[], $4::text[], $5::date[], $6::boolean[]) AS m("id", "name", "phone", "joined_on", "is_leader")`,
          [organizationId, rows.map((r) => r.id), rows.map((r) => r.name), rows.map((r) => r.phone), rows.map((r) => r.joinedOn), rows.map((r) => r.isLeader)],
        );
      },
    });
    if (!result.ok) return { status: 422, body: { imported: 0, errors: result.errors, ...(result.moreErrors > 0 ? { moreErrors: result.moreErrors } : {}) } };
    // One evidence event for the whole import, in its transaction.
    const at = new Date();
    await appendOutboxEvent(
      runner.manager,
      ORGANIZATIONS_SCHEMA,
      `evidence:members:import-${randomUUID()}:imported`,
      domainEvent('organization.evidence-changed', { organizationId, evidence: 'MEMBERS', at: at.toISOString() }),
    );
    return { status: 200, body: { imported: result.imported } };
  }
}
