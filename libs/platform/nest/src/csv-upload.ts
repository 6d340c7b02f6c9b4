import type { Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainException } from './domain-exception.js';
import { drainRequest } from './domain-exception.filter.js';
import type { RequestWithIdentity } from './request.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The HTTP side of a CSV import (`POST /imports/...?<idParam>=<uuid>`, body text/csv): checks the id
 * and the content type (415 otherwise), streams the request into `run` with the signed-in caller,
 * and answers with its status and body. An upload the client broke off is rolled back by `run` and
 * answered to no one.
 */
export async function answerCsvUpload(
  req: RequestWithIdentity,
  res: Response,
  target: { param: string; id: string | undefined },
  logger: Logger,
  run: (id: string, body: AsyncIterable<Uint8Array | string>) => Promise<{ status: number; body: unknown }>,
): Promise<void> {
  if (typeof target.id !== 'string' || !UUID.test(target.id)) {
    throw DomainException.badInput(target.param, `${target.param} must be given as a UUID in the query string.`);
  }
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'text/csv') {
    await drainRequest(req);
    res.status(415).json({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the file as the request body with Content-Type: text/csv.' } });
    return;
  }
  let result;
  try {
    result = await run(target.id, req);
  } catch (error) {
    if (req.destroyed || (error as { code?: string }).code === 'ECONNRESET') {
      logger.warn(`Import into ${target.id} broke off and was rolled back: ${(error as Error).message}`);
      return;
    }
    throw error;
  }
  await drainRequest(req);
  res.status(result.status).json(result.body);
}
