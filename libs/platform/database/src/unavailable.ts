/** SQLSTATE classes and codes that mean the server cannot serve the connection, not that the query is wrong. */
const UNAVAILABLE_SQLSTATES = /^(08...|57P01|57P02|57P03|53300)$/;
/** Socket errors of a connection that could not be made or was cut. */
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** node-postgres's own messages for a connection that ended or could not be had in time. */
const UNAVAILABLE_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection terminated unexpectedly)/;

/**
 * When `error` (as thrown by node-postgres or TypeORM, possibly wrapped) says PostgreSQL is
 * unreachable, shutting down, crashed or still recovering, a short code for it: the SQLSTATE, the
 * socket error code, or `CONNECTION_TERMINATED` / `CONNECT_TIMEOUT`. Undefined for any other error.
 */
export function databaseUnavailableCode(error: unknown, depth = 0): string | undefined {
  if (!error || typeof error !== 'object' || depth > 4) return undefined;
  const { code, message, driverError, cause, errors } = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.test(code) || UNAVAILABLE_SOCKET_CODES.has(code))) return code;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return message.startsWith('timeout') ? 'CONNECT_TIMEOUT' : 'CONNECTION_TERMINATED';
  for (const inner of [driverError, cause, ...(Array.isArray(errors) ? errors.slice(0, 1) : [])]) {
    const found = databaseUnavailableCode(inner, depth + 1);
    if (found) return found;
  }
  return undefined;
}
