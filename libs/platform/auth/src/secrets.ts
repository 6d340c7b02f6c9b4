import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The token-signing secret. Production must be given one (PEIYU_JWT_SECRET); development generates
 * one at first start into the data directory, so no secret ever lives in the repository.
 */
export function resolveJwtSecret(env: NodeJS.ProcessEnv = process.env): string {
  const given = env.PEIYU_JWT_SECRET;
  if (given) {
    if (given.length < 32) throw new Error('PEIYU_JWT_SECRET must be at least 32 characters long.');
    return given;
  }
  if (env.NODE_ENV === 'production') {
    throw new Error('PEIYU_JWT_SECRET is required in production.');
  }
  const file = resolve(env.PEIYU_DATA_DIR ?? '.data', 'secrets.json');
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { jwtSecret?: string };
    if (stored.jwtSecret) return stored.jwtSecret;
  }
  const jwtSecret = randomBytes(48).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  // 'wx' fails if another process won the race; then read what it wrote.
  try {
    writeFileSync(file, JSON.stringify({ jwtSecret }), { flag: 'wx', mode: 0o600 });
    return jwtSecret;
  } catch {
    return (JSON.parse(readFileSync(file, 'utf8')) as { jwtSecret: string }).jwtSecret;
  }
}
