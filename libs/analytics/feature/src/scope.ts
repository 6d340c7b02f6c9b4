import { isUUID } from 'class-validator';
import { scopeFilterOf, type Scope } from '@peiyu/contracts';

/**
 * The caller's scopes as SQL over a `cultivation_fact` row: the one restriction every analytics
 * query (indicator tables and their CSV, dashboard counts) applies, with the semantics of
 * `scopesCover` / `scopeFilterOf` in contracts: CITY covers everything; DISTRICT, STREET, COMMUNITY
 * and INSTITUTION scopes cover the cultivations with that district, street, community or institution.
 * A cultivation whose street is unknown (null) is covered by no STREET scope. No scope covers nothing.
 */
export type ScopeParams = [all: boolean, districtIds: string[], streetIds: string[], communityIds: string[], institutionIds: string[]];

/** The parameters of `scopeSql`, in its order, from the caller's scopes. An id that is no UUID can match no row, and is left out. */
export function scopeParams(scopes: readonly Scope[]): ScopeParams {
  const filter = scopeFilterOf(scopes);
  const ids = (list: string[]) => list.filter((id) => isUUID(id));
  return [filter.all, ids(filter.districtIds), ids(filter.streetIds), ids(filter.communityIds), ids(filter.institutionIds)];
}

/** The condition on the cultivation row `alias`, reading ScopeParams from `$first` to `$first+4`. */
export function scopeSql(alias: string, first: number): string {
  const $ = (offset: number) => `$${first + offset}`;
  return `(${$(0)}::boolean
    OR ${alias}."district_id" = ANY(${$(1)}::uuid[])
    OR ${alias}."street_id" = ANY(${$(2)}::uuid[])
    OR ${alias}."community_id" = ANY(${$(3)}::uuid[])
    OR ${alias}."institution_id" = ANY(${$(4)}::uuid[]))`;
}
