/** One CSV value: text, a number, or empty (null). */
export type CsvValue = string | number | null | undefined;

/** Quotes a field when RFC 4180 requires it (a comma, a double quote, CR or LF), doubling inner quotes. */
export function csvField(value: CsvValue): string {
  if (value == null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 text: a header line, then one line per record, every line ended by CRLF. */
export function toCsv(header: readonly string[], records: readonly (readonly CsvValue[])[]): string {
  return [header, ...records].map((record) => record.map(csvField).join(',') + '\r\n').join('');
}
