import { TextDecoder } from 'node:util';

/** One record of a CSV file: its fields and the line of the file it starts on (1 = the first line). */
export interface CsvRecord {
  line: number;
  fields: string[];
  /** Set when the record is malformed (a stray or unterminated quote); `fields` is then what could be read. */
  error?: string;
}

const QUOTE = 34; // "
const COMMA = 44; // ,
const CR = 13;
const LF = 10;
/** Longer fields, or records with more fields, are cut and the record marked malformed, so memory stays bounded. */
export const CSV_MAX_FIELD_LENGTH = 10_000;
export const CSV_MAX_FIELDS = 1_000;

/**
 * An incremental RFC 4180 parser: feed it text in chunks of any size (a chunk may end inside a
 * field, a quoted field or a CRLF) and it hands back each record as soon as it is complete. Fields
 * may be quoted; a quoted field may hold commas, CR/LF and doubled quotes. Records end with CRLF or
 * LF (a lone CR too). Only the record being read is kept.
 */
export class CsvParser {
  private fields: string[] = [];
  private field = '';
  private inQuotes = false;
  /** Just read the closing quote of a quoted field (or the first of a doubled quote). */
  private afterQuote = false;
  /** The last character was a CR ending a record; a following LF belongs to it. */
  private afterCr = false;
  private fieldQuoted = false;
  /** Inside a quoted field, the last character was a CR (a following LF is the same line break). */
  private quotedCr = false;
  private error: string | undefined;
  /** The line being read, and the line the current record started on. */
  private line = 1;
  private recordLine = 1;

  /** Parses a chunk; returns the records it completed. */
  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      const c = chunk.charCodeAt(i);
      if (this.afterCr) {
        this.afterCr = false;
        if (c === LF) {
          i += 1;
          continue;
        }
      }
      if (this.inQuotes) {
        if (this.afterQuote) {
          this.afterQuote = false;
          if (c === QUOTE) {
            this.field += '"';
            this.quotedCr = false;
            i += 1;
            continue;
          }
          this.inQuotes = false;
          // fall through: the quote closed the field; c is handled below as outside quotes.
        } else {
          // Copy the run of ordinary characters at once.
          let j = i;
          while (j < n) {
            const d = chunk.charCodeAt(j);
            if (d === QUOTE) break;
            if (d === CR || (d === LF && !this.quotedCr)) this.line += 1;
            this.quotedCr = d === CR;
            j += 1;
          }
          this.append(chunk, i, j);
          if (j < n) this.afterQuote = true;
          i = j + 1;
          continue;
        }
      }
      if (c === COMMA) {
        this.endField();
        i += 1;
      } else if (c === LF || c === CR) {
        this.endField();
        out.push(this.endRecord());
        this.line += 1;
        this.recordLine = this.line;
        this.afterCr = c === CR;
        i += 1;
      } else if (c === QUOTE) {
        if (this.field === '' && !this.fieldQuoted) {
          this.inQuotes = true;
          this.fieldQuoted = true;
          this.quotedCr = false;
        } else {
          this.error ??= this.fieldQuoted ? 'a quoted field must end at its closing quote (write "" for a quote inside it)' : 'a quote may only start a field (quote the field and write "" for a quote inside it)';
          this.field += '"';
        }
        i += 1;
      } else {
        if (this.fieldQuoted) this.error ??= 'a quoted field must end at its closing quote (write "" for a quote inside it)';
        let j = i + 1;
        while (j < n) {
          const d = chunk.charCodeAt(j);
          if (d === COMMA || d === LF || d === CR || d === QUOTE) break;
          j += 1;
        }
        this.append(chunk, i, j);
        i = j;
      }
    }
    return out;
  }

  /** Ends the input: the last record if it had no line break after it. */
  end(): CsvRecord[] {
    if (this.inQuotes && !this.afterQuote) {
      this.error ??= 'a quoted field is not closed before the end of the file';
      this.inQuotes = false;
    }
    this.inQuotes = false;
    this.afterQuote = false;
    if (this.fields.length === 0 && this.field === '' && !this.fieldQuoted && this.error === undefined) return [];
    this.endField();
    return [this.endRecord()];
  }

  private append(chunk: string, from: number, to: number): void {
    if (this.field.length + (to - from) <= CSV_MAX_FIELD_LENGTH) {
      this.field += chunk.slice(from, to);
      return;
    }
    this.error ??= `a field is longer than ${CSV_MAX_FIELD_LENGTH} characters`;
    this.field += chunk.slice(from, from + Math.max(0, CSV_MAX_FIELD_LENGTH - this.field.length));
  }

  private endField(): void {
    if (this.fields.length >= CSV_MAX_FIELDS) {
      this.error ??= `a record has more than ${CSV_MAX_FIELDS} fields`;
      this.field = '';
      this.fieldQuoted = false;
      return;
    }
    this.fields.push(this.field);
    this.field = '';
    this.fieldQuoted = false;
  }

  private endRecord(): CsvRecord {
    const record: CsvRecord = { line: this.recordLine, fields: this.fields };
    if (this.error !== undefined) record.error = this.error;
    this.fields = [];
    this.error = undefined;
    return record;
  }
}

/** The bytes of the stream are not UTF-8. */
export class CsvEncodingError extends Error {
  constructor() {
    super('The file is not valid UTF-8.');
    this.name = 'CsvEncodingError';
  }
}

function decode(decoder: TextDecoder, bytes?: Uint8Array): string {
  try {
    return bytes === undefined ? decoder.decode() : decoder.decode(bytes, { stream: true });
  } catch {
    throw new CsvEncodingError();
  }
}

/** The records of a byte stream of UTF-8 CSV (a leading BOM is dropped), one at a time. */
export async function* csvRecords(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<CsvRecord> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const parser = new CsvParser();
  let first = true;
  for await (const chunk of source) {
    let text = typeof chunk === 'string' ? chunk : decode(decoder, chunk);
    if (first && text.length > 0) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    yield* parser.push(text);
  }
  const rest = decode(decoder);
  if (rest) yield* parser.push(rest);
  yield* parser.end();
}
