import type { DataSource, EntityManager } from 'typeorm';

/** Sign-in attempts are counted per account (the username tried) and per client address. */
export type SignInAttemptKind = 'ACCOUNT' | 'ADDRESS';

export interface SignInAttemptKey {
  kind: SignInAttemptKind;
  key: string;
}

export interface AttemptWindowCount {
  kind: SignInAttemptKind;
  /** Attempts in the window, the one just reserved included. */
  count: number;
  /** The oldest attempt counted: the window frees a place when it ages out. */
  oldest: Date;
}

type Db = DataSource | EntityManager;

/**
 * Reserves an attempt under each key, then counts the attempts of the window under each. The
 * reservation is written (and committed) before counting, so concurrent attempts on any replica
 * see each other: of N simultaneous attempts only as many as the limit allows get through.
 */
export async function reserveSignInAttempt(db: Db, keys: SignInAttemptKey[], windowSeconds: number): Promise<{ ids: string[]; counts: AttemptWindowCount[] }> {
  const inserted: { id: string }[] = await db.query(
    `INSERT INTO "identity"."sign_in_attempt" ("kind", "key")
     SELECT k->>'kind', k->>'key' FROM jsonb_array_elements($1::jsonb) AS k RETURNING "id"`,
    [JSON.stringify(keys)],
  );
  const rows: { kind: SignInAttemptKind; count: string; oldest: Date }[] = await db.query(
    `SELECT a."kind", count(*) AS "count", min(a."attempted_at") AS "oldest"
     FROM "identity"."sign_in_attempt" a
     JOIN jsonb_array_elements($1::jsonb) AS k ON a."kind" = k->>'kind' AND a."key" = k->>'key'
     WHERE a."attempted_at" > now() - make_interval(secs => $2)
     GROUP BY a."kind"`,
    [JSON.stringify(keys), windowSeconds],
  );
  return { ids: inserted.map((r) => String(r.id)), counts: rows.map((r) => ({ kind: r.kind, count: Number(r.count), oldest: new Date(r.oldest) })) };
}

/** Takes reservations back: the attempt succeeded, or it was refused before the password was checked. */
export async function releaseSignInAttempts(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.query(`DELETE FROM "identity"."sign_in_attempt" WHERE "id" = ANY($1::bigint[])`, [ids]);
}

/** A successful sign-in forgives the account's earlier failures (not the address's). */
export async function clearSignInFailures(db: Db, key: SignInAttemptKey): Promise<void> {
  await db.query(`DELETE FROM "identity"."sign_in_attempt" WHERE "kind" = $1 AND "key" = $2`, [key.kind, key.key]);
}

/** Forgets attempts older than the window; they no longer count for anything. */
export async function pruneSignInAttempts(db: Db, windowSeconds: number): Promise<void> {
  await db.query(`DELETE FROM "identity"."sign_in_attempt" WHERE "attempted_at" < now() - make_interval(secs => $1)`, [windowSeconds]);
}
