import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';
import { ORGANIZATION_CATEGORIES, domainEvent, type Identity, type OrganizationCategory } from '@peiyu/contracts';
import { ASSESSMENTS_SCHEMA } from '@peiyu/assessments-data-access';
import { importCsvTable, type ImportError } from '@peiyu/platform-csv';
import { appendOutboxEvents } from '@peiyu/platform-database';
import { coversCommunity, reachOf } from '@peiyu/platform-reach';

/** The columns of a survey-response import; `demand_categories` is required. */
export const RESPONSE_IMPORT_COLUMNS = ['demand_categories', 'respondent_label'] as const;
type Column = (typeof RESPONSE_IMPORT_COLUMNS)[number];
/** Rows are written in batches of this many, all in the import's one transaction. */
export const RESPONSE_IMPORT_BATCH_SIZE = 500;

export type ResponseImportResult =
  | { status: 200; body: { imported: number } }
  | { status: 403 | 404 | 422; body: { imported: 0; errors: ImportError[]; moreErrors?: number; error?: { code: string; message: string } } };

interface ResponseRow {
  id: string;
  label: string | null;
  categories: OrganizationCategory[];
}

/** Categories may be written by their code or their Chinese name, separated by ; 、 , or |. */
const CATEGORY_NAMES: Record<string, OrganizationCategory> = {
  生活服务: 'LIFE_SERVICE',
  生活服务类: 'LIFE_SERVICE',
  公益慈善: 'PUBLIC_WELFARE',
  公益慈善类: 'PUBLIC_WELFARE',
  文体活动: 'CULTURE_SPORTS',
  文体活动类: 'CULTURE_SPORTS',
  调解: 'MEDIATION',
  专业调处: 'MEDIATION',
  专业调处类: 'MEDIATION',
};

function parseCategories(text: string): OrganizationCategory[] | string {
  const parts = text.split(/[;；、,，|]/).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) return 'demand_categories is required: at least one category';
  const categories = new Set<OrganizationCategory>();
  for (const part of parts) {
    const code = part.toUpperCase();
    const category = (ORGANIZATION_CATEGORIES as readonly string[]).includes(code) ? (code as OrganizationCategory) : CATEGORY_NAMES[part];
    if (!category) return `"${part.slice(0, 40)}" is not a category; use ${ORGANIZATION_CATEGORIES.join(', ')} or their Chinese names`;
    categories.add(category);
  }
  return [...categories];
}

/**
 * Imports the responses of one needs survey from a CSV stream, all or nothing, with an
 * `assessment.survey-response-recorded` event per response in the same transaction (as when they are
 * entered one by one). Memory holds one batch and the error list, whatever the size of the file.
 */
@Injectable()
export class ResponseImportService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async importResponses(surveyId: string, body: AsyncIterable<Uint8Array | string>, caller: Identity): Promise<ResponseImportResult> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      // A share lock: the survey stays while its responses are written.
      const [survey]: { community_id: string }[] = await runner.query(`SELECT "community_id" FROM "assessments"."needs_survey" WHERE "id" = $1 FOR SHARE`, [surveyId]);
      const refuse = async (status: 403 | 404, code: string, message: string): Promise<ResponseImportResult> => {
        await runner.rollbackTransaction();
        return { status, body: { imported: 0, errors: [], error: { code, message } } };
      };
      if (!survey) return await refuse(404, 'NOT_FOUND', `Needs survey ${surveyId} was not found.`);
      if (!coversCommunity(await reachOf(this.db, caller), survey.community_id)) return await refuse(403, 'FORBIDDEN', `Needs survey ${surveyId} is outside your scope.`);
      const result = await this.readAndWrite(runner, surveyId, survey.community_id, body);
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

  private async readAndWrite(runner: QueryRunner, surveyId: string, communityId: string, body: AsyncIterable<Uint8Array | string>): Promise<ResponseImportResult> {
    const recordedAt = new Date();
    const result = await importCsvTable<Column, ResponseRow>(body, {
      columns: RESPONSE_IMPORT_COLUMNS,
      required: ['demand_categories'],
      batchSize: RESPONSE_IMPORT_BATCH_SIZE,
      readRow: (value) => {
        const problems: { column: Column; message: string }[] = [];
        const categories = parseCategories(value('demand_categories') ?? '');
        if (typeof categories === 'string') problems.push({ column: 'demand_categories', message: categories });
        const label = value('respondent_label') ?? '';
        if (label.length > 200) problems.push({ column: 'respondent_label', message: 'respondent_label must be at most 200 characters' });
        if (problems.length > 0 || typeof categories === 'string') return { problems };
        return { row: { id: randomUUID(), label: label === '' ? null : label, categories } };
      },
      writeBatch: async (rows) => {
        await runner.query(
          `INSERT INTO "assessments"."survey_response" ("id", "survey_id", "respondent_label", "demand_categories", "created_at")
           SELECT r."id", $1, r."label", string_to_array(r."categories", ','), $5
           FROM unnest($2::uuid[], $3::text[], $4::text[]) AS r("id", "label", "categories")`,
          [surveyId, rows.map((r) => r.id), rows.map((r) => r.label), rows.map((r) => r.categories.join(',')), recordedAt],
        );
        // The same event per response as recordSurveyResponse writes, so the relay and analytics see no difference.
        await appendOutboxEvents(
          runner.manager,
          ASSESSMENTS_SCHEMA,
          rows.map((r) => ({
            idempotencyKey: `survey-response-recorded:${r.id}`,
            event: domainEvent('assessment.survey-response-recorded', { surveyId, responseId: r.id, communityId, demandCategories: r.categories, recordedAt: recordedAt.toISOString() }),
          })),
        );
      },
    });
    if (!result.ok) return { status: 422, body: { imported: 0, errors: result.errors, ...(result.moreErrors > 0 ? { moreErrors: result.moreErrors } : {}) } };
    return { status: 200, body: { imported: result.imported } };
  }
}
