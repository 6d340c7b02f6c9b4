import type { Role, Scope } from './domain.js';

/** Who is calling: the verified claims of a token, passed from the gateway to every service. */
export interface Identity {
  userId: string;
  username: string;
  role: Role;
  scopes: Scope[];
}

/** The HTTP header that carries the caller's bearer token from the gateway to the subgraphs. */
export const AUTHORIZATION_HEADER = 'authorization';
/** Correlates one request across the gateway and the services in logs. */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * The codes an API error carries in `extensions.code`: shared by the services' error edge and the
 * gateway, so both let exactly these through to clients.
 */
export const API_ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'UNAVAILABLE',
  /** The process is not in a status that allows the action (paused, ended, already acknowledged). */
  'WRONG_STATUS',
  /** A stage gate cannot be approved: some criterion is not met; the message lists them. */
  'GATE_NOT_MET',
  /** A deadline extension goes beyond what the policy allows. */
  'EXTENSION_BEYOND_POLICY',
  /** Too many failed sign-ins for the account or the address; try again later. */
  'RATE_LIMITED',
  /** The operation is deeper or costlier than the gateway allows. */
  'QUERY_TOO_COMPLEX',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
