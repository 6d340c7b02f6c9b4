import { Controller, HttpCode, Logger, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DomainException, Roles, drainRequest, type RequestWithIdentity } from '@peiyu/platform-nest';
import { MemberImportService } from './member-import.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
  async members(@Query('organizationId') organizationId: string | undefined, @Req() req: RequestWithIdentity, @Res() res: Response): Promise<void> {
    if (typeof organizationId !== 'string' || !UUID.test(organizationId)) {
      throw DomainException.badInput('organizationId', 'organizationId must be given as a UUID in the query string.');
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'text/csv') {
      await drainRequest(req);
      res.status(415).json({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the file as the request body with Content-Type: text/csv.' } });
      return;
    }
    let result;
    try {
      result = await this.imports.importMembers(organizationId, req, req.identity!);
    } catch (error) {
      // The client broke off the upload: the import was rolled back and there is no one to answer.
      if (req.destroyed || (error as { code?: string }).code === 'ECONNRESET') {
        this.logger.warn(`Member import into ${organizationId} broke off and was rolled back: ${(error as Error).message}`);
        return;
      }
      throw error;
    }
    await drainRequest(req);
    res.status(result.status).json(result.body);
  }
}
