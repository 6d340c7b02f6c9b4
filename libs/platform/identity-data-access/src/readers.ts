import type { DataSource, EntityManager } from 'typeorm';
import type { Role } from '@peiyu/contracts';

/** Where something sits, for matching it against users' scopes. */
export interface Placement {
  districtId: string;
  streetId: string | null;
  communityId: string;
  institutionId: string;
}

export interface Recipient {
  userId: string;
  displayName: string;
  /** Where to mail them; null when they have no address (the in-app inbox only). */
  email: string | null;
}

/**
 * The users of a role whose scopes cover a placement: the whole city, its district, street or
 * community, or (for institution roles) its institution. Read-only access for other domains, so
 * notifications reach the right people; plain SQL over the caller's DataSource, or its transaction's
 * EntityManager (a second connection of the pool would wait on the first), one query.
 */
export async function findUsersInScope(db: DataSource | EntityManager, role: Role, place: Placement): Promise<Recipient[]> {
  const covering = [
    { kind: 'CITY' },
    { kind: 'DISTRICT', id: place.districtId },
    ...(place.streetId ? [{ kind: 'STREET', id: place.streetId }] : []),
    { kind: 'COMMUNITY', id: place.communityId },
    { kind: 'INSTITUTION', id: place.institutionId },
  ];
  const rows: { id: string; display_name: string; email: string | null }[] = await db.query(
    `SELECT "id", "display_name", "email" FROM "identity"."user_account"
     WHERE "role" = $1 AND EXISTS (
       SELECT 1 FROM jsonb_array_elements("scopes") AS s, jsonb_array_elements($2::jsonb) AS c
       WHERE s->>'kind' = c->>'kind' AND (c->>'kind' = 'CITY' OR s->>'id' = c->>'id'))
     ORDER BY "username"`,
    [role, JSON.stringify(covering)],
  );
  return rows.map((r) => ({ userId: r.id, displayName: r.display_name, email: r.email }));
}

/** What other domains may know of a user: name, role and scopes, never the password hash. */
export interface UserSummary {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  scopes: { kind: string; id: string | null }[];
}

/** The users of the given ids that exist; plain SQL, for other domains' services. */
export async function findUserSummaries(db: DataSource, ids: readonly string[]): Promise<UserSummary[]> {
  if (ids.length === 0) return [];
  const rows: { id: string; username: string; display_name: string; role: Role; scopes: { kind: string; id: string | null }[] }[] = await db.query(
    `SELECT "id", "username", "display_name", "role", "scopes" FROM "identity"."user_account" WHERE "id" = ANY($1::uuid[])`,
    [[...ids]],
  );
  return rows.map((r) => ({ userId: r.id, username: r.username, displayName: r.display_name, role: r.role, scopes: r.scopes }));
}

/** A member of an institution's staff: a user whose scopes name the institution. */
export interface InstitutionStaffMember {
  institutionId: string;
  userId: string;
  displayName: string;
  role: Role;
}

/** The staff (directors, supervisors, social workers) of the given institutions, by role then name; one query. */
export async function findInstitutionStaff(db: DataSource, institutionIds: readonly string[]): Promise<InstitutionStaffMember[]> {
  if (institutionIds.length === 0) return [];
  const rows: { institution_id: string; id: string; display_name: string; role: Role }[] = await db.query(
    `SELECT s->>'id' AS "institution_id", u."id", u."display_name", u."role"
       FROM "identity"."user_account" u CROSS JOIN LATERAL jsonb_array_elements(u."scopes") AS s
      WHERE s->>'kind' = 'INSTITUTION' AND s->>'id' = ANY($1::text[])
      ORDER BY CASE u."role" WHEN 'INSTITUTION_DIRECTOR' THEN 0 WHEN 'SUPERVISOR' THEN 1 ELSE 2 END, u."display_name"`,
    [[...institutionIds]],
  );
  return rows.map((r) => ({ institutionId: r.institution_id, userId: r.id, displayName: r.display_name, role: r.role }));
}
