import type { Scope } from '@peiyu/contracts';

/**
 * Tells which scope targets exist. Identity does not own the hierarchy, so the service hosting it
 * provides this (communities-service answers from its communities tables); identity keeps no
 * dependency on the communities libs (docs/decisions/0003).
 */
export interface ScopeDirectory {
  /** The DISTRICT, STREET and COMMUNITY scopes among `scopes` whose id names nothing. */
  missing(scopes: readonly Scope[]): Promise<Scope[]>;
}

export const SCOPE_DIRECTORY = Symbol('SCOPE_DIRECTORY');
