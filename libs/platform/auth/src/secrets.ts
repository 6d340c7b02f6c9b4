import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const MIN_SECRET_LENGTH = 32;
/** Bits of Shannon entropy a production secret must carry, estimated from its characters. */
const MIN_SECRET_BITS = 128;
/** Words that betray a placeholder or an example copied from documentation. */
// Only words long enough that a random secret contains one by chance almost never.
const PLACEHOLDER_WORDS = ['changeme', 'change-me', 'change_me', 'secret', 'password', 'example', 'default', 'placeholder', 'peiyu', 'insecure'];

/**
 * An estimate of a string's entropy in bits: its length times the Shannon entropy of its character
 * distribution. Not a proof of randomness, but it refuses `aaaa…`, `abababab…` and short alphabets.
 */
export function estimatedEntropyBits(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  const length = [...value].length;
  let perChar = 0;
  for (const count of counts.values()) {
    const p = count / length;
    perChar -= p * Math.log2(p);
  }
  return perChar * length;
}

/**
 * Why `value` is not fit to be the production secret `name`, or null when it is. A secret must be
 * long, carry enough entropy and not contain a placeholder word.
 */
export function weakSecretReason(name: string, value: string, minLength = MIN_SECRET_LENGTH, minBits = MIN_SECRET_BITS): string | null {
  if (value.length < minLength) return `${name} must be at least ${minLength} characters long.`;
  const lower = value.toLowerCase();
  const word = PLACEHOLDER_WORDS.find((w) => lower.includes(w));
  if (word) return `${name} looks like a placeholder (it contains "${word}"); generate a random one, e.g. \`openssl rand -base64 48\`.`;
  if (estimatedEntropyBits(value) < minBits) return `${name} is too predictable; generate a random one, e.g. \`openssl rand -base64 48\`.`;
  return null;
}

/**
 * The token-signing secret. Production must be given a strong one (PEIYU_JWT_SECRET) and refuses to
 * start otherwise; development generates one at first start into the data directory, so no secret
 * ever lives in the repository.
 */
export function resolveJwtSecret(env: NodeJS.ProcessEnv = process.env): string {
  const given = env.PEIYU_JWT_SECRET;
  const production = env.NODE_ENV === 'production';
  if (given) {
    if (given.length < MIN_SECRET_LENGTH) throw new Error(`PEIYU_JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters long.`);
    if (production) {
      const weak = weakSecretReason('PEIYU_JWT_SECRET', given);
      if (weak) throw new Error(weak);
    }
    return given;
  }
  if (production) {
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
