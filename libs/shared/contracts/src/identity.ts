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
