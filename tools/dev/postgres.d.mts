// Types of postgres.mjs for the TypeScript tools that drive a stack.
export function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database?: string;
  /** Start from an empty data directory. */
  fresh?: boolean;
  /** fsync on (off for throw-away stacks). */
  durable?: boolean;
  logFile?: string;
}): Promise<string>;
