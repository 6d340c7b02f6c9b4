import { Controller, HttpCode, Logger, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Roles, answerCsvUpload, type RequestWithIdentity } from '@peiyu/platform-nest';
import { MemberImportService } from './member-import.service.js';

/**
 * `POST /imports/members?organizationId=<uuid>` with a CSV body (text/csv): the organization's
 * members, all or nothing. 200 `{ imported }`; 422 `{ imported: 0, errors: [{ line, column, message }] }`
 * listing every bad row (line 1 is the header); 404 for an unknown organization, 403 for one outside the caller's scopes.
 */
@Controller('imports')
export class MemberImportController {
  private readonly logger = new Logger('MemberImport');

  constructor(private readonly imports: MemberImportService) {}

  @Post('members')
  @HttpCode(200)
  @Roles('SOCIAL_WORKER', 'SUPERVISOR', 'INSTITUTION_DIRECTOR', 'PROGRAMME_MANAGER')
  members(@Query('organizationId') organizationId: string | undefined, @Req() req: RequestWithIdentity, @Res() res: Response): Promise<void> {
    return answerCsvUpload(req, res, { param: 'organizationId', id: organizationId }, this.logger, (id, body) => this.imports.importMembers(id, body, req.identity!));
  }
}
