// Uploading a members CSV to the organizations service's import endpoint (proxied at /imports by the
// admin app's server, beside /graphql). All rows are imported or none; a refused file comes back with
// every bad row, which the page shows as the error report.

/** One problem of a refused file: line 1 is the header; column null means the row as a whole. */
export interface ImportRowError {
  line: number;
  column: string | null;
  message: string;
}

export type ImportOutcome =
  | { kind: 'imported'; imported: number }
  | { kind: 'rejected'; errors: ImportRowError[] }
  /** Refused before reading rows (not signed in, not allowed, unknown organization, not CSV, server trouble). */
  | { kind: 'refused'; status: number; code: string; message: string };

interface ImportAnswer {
  imported?: unknown;
  errors?: unknown;
  error?: { code?: unknown; message?: unknown };
  message?: unknown;
}

function isRowError(value: unknown): value is ImportRowError {
  const row = value as ImportRowError | null;
  return !!row && typeof row.line === 'number' && typeof row.message === 'string' && (row.column === null || typeof row.column === 'string');
}

/** Reads the endpoint's answer (200 `{ imported }`, 422 `{ errors }`, else `{ error: { code, message } }`). */
export function readImportAnswer(status: number, answer: ImportAnswer | null): ImportOutcome {
  if (status === 200 && typeof answer?.imported === 'number') return { kind: 'imported', imported: answer.imported };
  if (status === 422 && Array.isArray(answer?.errors)) return { kind: 'rejected', errors: answer.errors.filter(isRowError) };
  const code = typeof answer?.error?.code === 'string' ? answer.error.code : status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : `HTTP_${status}`;
  const message = typeof answer?.error?.message === 'string' ? answer.error.message : typeof answer?.message === 'string' ? answer.message : `HTTP ${status}`;
  return { kind: 'refused', status, code, message };
}

export async function uploadMembersCsv(
  organizationId: string,
  file: Blob,
  token: string | null,
  fetchImpl: typeof fetch = fetch,
): Promise<ImportOutcome> {
  const headers: Record<string, string> = { 'content-type': 'text/csv; charset=utf-8', accept: 'application/json' };
  if (token) headers['Authorization'] = `Bearer ${token}`;
  const response = await fetchImpl(`/imports/members?organizationId=${encodeURIComponent(organizationId)}`, { method: 'POST', headers, body: file });
  let answer: ImportAnswer | null = null;
  try {
    answer = (await response.json()) as ImportAnswer;
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  return readImportAnswer(response.status, answer);
}
