/**
 * Whether a user's scopes cover a place. One rule for every service and for the workflows' update
 * validators: a scope covers what lies below it in the hierarchy (city > district > street >
 * community), and an institution scope covers that institution's cultivations.
 */
import type { Scope } from './domain.js';

export interface ScopedPlacement {
  districtId: string;
  streetId: string | null;
  communityId: string;
  institutionId: string | null;
}

export function scopesCover(scopes: readonly Scope[], place: ScopedPlacement): boolean {
  return scopes.some((scope) => {
    switch (scope.kind) {
      case 'CITY':
        return true;
      case 'DISTRICT':
        return scope.id === place.districtId;
      case 'STREET':
        return scope.id !== null && scope.id === place.streetId;
      case 'COMMUNITY':
        return scope.id === place.communityId;
      case 'INSTITUTION':
        return scope.id !== null && scope.id === place.institutionId;
    }
  });
}

/** The ids a user's scopes name, by kind: what list queries filter on. */
export interface ScopeFilter {
  all: boolean;
  districtIds: string[];
  streetIds: string[];
  communityIds: string[];
  institutionIds: string[];
}

export function scopeFilterOf(scopes: readonly Scope[]): ScopeFilter {
  const ids = (kind: Scope['kind']) => scopes.filter((s) => s.kind === kind && s.id !== null).map((s) => s.id as string);
  return {
    all: scopes.some((s) => s.kind === 'CITY'),
    districtIds: ids('DISTRICT'),
    streetIds: ids('STREET'),
    communityIds: ids('COMMUNITY'),
    institutionIds: ids('INSTITUTION'),
  };
}
