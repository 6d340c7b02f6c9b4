import { Controller, HttpCode, Logger, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Roles, answerCsvUpload, type RequestWithIdentity } from '@peiyu/platform-nest';
import { ResponseImportService } from './response-import.service.js';

/**
 * `POST /imports/survey-responses?surveyId=<uuid>` with a CSV body (text/csv; columns
 * `demand_categories`, `respondent_label`): a needs survey's responses, all or nothing. 200
 * `{ imported }`; 422 `{ imported: 0, errors: [{ line, column, message }] }` listing every bad row (line
 * 1 is the header); 404 for an unknown survey, 403 for one whose community the caller's scopes do not cover.
 */
@Controller('imports')
export class ResponseImportController {
  private readonly logger = new Logger('ResponseImport');

  constructor(private readonly imports: ResponseImportService) {}

  @Post('survey-responses')
  @HttpCode(200)
  @Roles('SOCIAL_WORKER', 'SUPERVISOR', 'PROGRAMME_MANAGER')
  responses(@Query('surveyId') surveyId: string | undefined, @Req() req: RequestWithIdentity, @Res() res: Response): Promise<void> {
    return answerCsvUpload(req, res, { param: 'surveyId', id: surveyId }, this.logger, (id, body) => this.imports.importResponses(id, body, req.identity!));
  }
}
