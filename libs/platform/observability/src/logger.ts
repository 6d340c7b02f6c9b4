import { currentLogContext } from './context.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Where log lines go; stdout by default (one JSON object a line, for the log collector). */
export type LogSink = (line: string) => void;

const LEVEL_ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** `LOG_LEVEL` (debug, info, warn, error): lines below it are dropped; info by default. */
export function minimumLogLevel(value = process.env.LOG_LEVEL): LogLevel {
  const level = value?.toLowerCase();
  return level === 'debug' || level === 'info' || level === 'warn' || level === 'error' ? level : 'info';
}

const stdoutSink: LogSink = (line) => {
  process.stdout.write(`${line}\n`);
};

/** The fields a log line gives an error: name, message and stack. */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { error: { name: error.name, message: error.message, stack: error.stack } };
  return error === undefined ? {} : { error: { message: String(error) } };
}

/**
 * One JSON object per line: time, level, service, message, the request or cultivation being
 * handled (from the async context) and any fields given. Never throws on a value it cannot
 * serialise: such a field is written as a string.
 */
export class JsonLogger {
  constructor(
    readonly service: string,
    private readonly sink: LogSink = stdoutSink,
    private readonly fields: Record<string, unknown> = {},
    private readonly minimum: LogLevel = minimumLogLevel(),
  ) {}

  /** A logger whose lines also carry `fields`. */
  child(fields: Record<string, unknown>): JsonLogger {
    return new JsonLogger(this.service, this.sink, { ...this.fields, ...fields }, this.minimum);
  }

  write(level: LogLevel, message: string, fields: Record<string, unknown> = {}): void {
    if (LEVEL_ORDER[level] < LEVEL_ORDER[this.minimum]) return;
    const entry = { time: new Date().toISOString(), level, service: this.service, msg: message, ...currentLogContext(), ...this.fields, ...fields };
    let line: string;
    try {
      line = JSON.stringify(entry);
    } catch {
      line = JSON.stringify({ ...entry, ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)])) });
    }
    this.sink(line);
  }

  debug(message: string, fields?: Record<string, unknown>): void {
    this.write('debug', message, fields);
  }

  info(message: string, fields?: Record<string, unknown>): void {
    this.write('info', message, fields);
  }

  warn(message: string, fields?: Record<string, unknown>): void {
    this.write('warn', message, fields);
  }

  error(message: string, error?: unknown, fields?: Record<string, unknown>): void {
    this.write('error', message, { ...describeError(error), ...fields });
  }
}

/**
 * Nest's LoggerService shape over a JsonLogger: Nest passes the context (a class name) last, and
 * for errors a stack before it.
 */
export class NestJsonLogger {
  constructor(private readonly logger: JsonLogger) {}

  private split(params: unknown[]): { context?: string; rest: unknown[] } {
    const last = params.at(-1);
    return typeof last === 'string' && params.length > 0 ? { context: last, rest: params.slice(0, -1) } : { rest: params };
  }

  private text(message: unknown): string {
    return typeof message === 'string' ? message : message instanceof Error ? message.message : JSON.stringify(message);
  }

  log(message: unknown, ...params: unknown[]): void {
    const { context } = this.split(params);
    this.logger.info(this.text(message), context ? { context } : {});
  }

  warn(message: unknown, ...params: unknown[]): void {
    const { context } = this.split(params);
    this.logger.warn(this.text(message), context ? { context } : {});
  }

  error(message: unknown, ...params: unknown[]): void {
    const { context, rest } = this.split(params);
    const stack = rest.find((p): p is string => typeof p === 'string');
    const error = message instanceof Error ? message : undefined;
    this.logger.write('error', this.text(message), {
      ...(context ? { context } : {}),
      ...(error ? describeError(error) : stack ? { error: { stack } } : {}),
    });
  }

  debug(message: unknown, ...params: unknown[]): void {
    const { context } = this.split(params);
    this.logger.debug(this.text(message), context ? { context } : {});
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.debug(message, ...params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.error(message, ...params);
  }
}
