import type { Role, Scope, ScopeKind } from '@peiyu/contracts';

/** 3 to 32 characters: lower-case letters, digits, `.`, `_`, `-`, starting with a letter. */
export const USERNAME_PATTERN = /^[a-z][a-z0-9._-]{2,31}$/;
export const MIN_PASSWORD_LENGTH = 10;
/** Bounds the cost of hashing what a caller sends. */
export const MAX_PASSWORD_LENGTH = 200;
export const MAX_SCOPES = 50;

/** The scope kinds each role may hold: what makes sense for the work the role does. */
export const SCOPE_KINDS_BY_ROLE: Record<Role, readonly ScopeKind[]> = {
  ADMIN: ['CITY'],
  PROGRAMME_MANAGER: ['CITY', 'DISTRICT'],
  ANALYST: ['CITY', 'DISTRICT'],
  STREET_OFFICER: ['STREET'],
  INSTITUTION_DIRECTOR: ['INSTITUTION'],
  SUPERVISOR: ['INSTITUTION'],
  SOCIAL_WORKER: ['INSTITUTION'],
};

export interface InputProblem {
  field: string;
  message: string;
}

/**
 * The first thing wrong with a role and its scopes, or null: at least one scope, each of a kind the
 * role may hold, CITY alone and without an id, every other kind with an id, no scope twice. Field
 * paths are those of the input (`scopes.1.kind`). Whether the ids exist is checked separately.
 */
export function scopeProblem(role: Role, scopes: readonly Scope[]): InputProblem | null {
  if (scopes.length === 0) return { field: 'scopes', message: 'A user needs at least one scope.' };
  if (scopes.length > MAX_SCOPES) return { field: 'scopes', message: `A user may have at most ${MAX_SCOPES} scopes.` };
  const allowed = SCOPE_KINDS_BY_ROLE[role];
  const seen = new Set<string>();
  for (const [index, scope] of scopes.entries()) {
    if (!allowed.includes(scope.kind)) {
      return { field: `scopes.${index}.kind`, message: `The role ${role} may only have ${allowed.join(' or ')} scopes, not ${scope.kind}.` };
    }
    if (scope.kind === 'CITY') {
      if (scope.id !== null && scope.id !== undefined) return { field: `scopes.${index}.id`, message: 'A CITY scope covers everything and has no id.' };
      if (scopes.length > 1) return { field: 'scopes', message: 'A CITY scope covers everything; it cannot be combined with others.' };
    } else if (!scope.id) {
      return { field: `scopes.${index}.id`, message: `A ${scope.kind} scope needs the id of its ${scope.kind.toLowerCase()}.` };
    }
    const key = `${scope.kind}:${scope.id ?? ''}`;
    if (seen.has(key)) return { field: `scopes.${index}`, message: `The scope ${key} is listed twice.` };
    seen.add(key);
  }
  return null;
}

/** The first thing wrong with a new username, or null. */
export function usernameProblem(username: string): InputProblem | null {
  return USERNAME_PATTERN.test(username)
    ? null
    : { field: 'username', message: 'username must be 3 to 32 lower-case letters, digits, dots, dashes or underscores, starting with a letter' };
}

/** The first thing wrong with a new password, or null. `field` names the input field it came in. */
export function passwordProblem(password: string, field = 'password'): InputProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return { field, message: `${field} must be at least ${MIN_PASSWORD_LENGTH} characters long` };
  if (password.length > MAX_PASSWORD_LENGTH) return { field, message: `${field} must be at most ${MAX_PASSWORD_LENGTH} characters long` };
  if (password.trim().length === 0) return { field, message: `${field} must not be blank` };
  return null;
}

/** The audit snapshot of a user: everything but the password hash. */
export function userSnapshot(user: {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  role: Role;
  scopes: Scope[];
  externalSubject: string | null;
  version: number;
}): Record<string, unknown> {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    role: user.role,
    scopes: user.scopes,
    externalSubject: user.externalSubject,
    version: user.version,
  };
}

/**
 * The key under which failed sign-ins from an address count: the address itself for IPv4, its /64
 * network for IPv6 (one subscriber usually holds a whole /64, so single addresses are free to vary).
 */
export function addressKey(address: string): string {
  if (!address.includes(':')) return address;
  const [head, tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => (parseInt(g, 16) || 0).toString(16))
    .join(':')}::/64`;
}
