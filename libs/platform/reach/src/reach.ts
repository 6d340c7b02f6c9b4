import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { scopeFilterOf, type Identity, type Scope } from '@peiyu/contracts';
import { existingDistrictIds, findCommunityPlacements, findPlacesInArea } from '@peiyu/communities-data-access';
import { chinaCalendarDate, existingInstitutionIds, findContractedAreas } from '@peiyu/organizations-data-access';
import { findCultivationPlacementsOfInstitutions, findInstitutionsCultivatingIn, findOpenCultivationAssignments } from '@peiyu/cultivation-data-access';
import { DomainException } from '@peiyu/platform-nest';

/**
 * What a caller's scopes reach, resolved to ids once per request, for the services that own places,
 * organizations and surveys (cultivation-service and analytics filter on their own placement columns
 * with `scopesCover` instead). The rules are in docs/security.md ("Scopes"):
 * - a DISTRICT, STREET or COMMUNITY scope covers everything below it;
 * - an INSTITUTION scope covers the area of its service contracts in force today, and reaches the
 *   organizations its cultivations cultivate (open or closed) and the places they lie in;
 * - what lies above something reached (its street, its district) is visible, not covered: it can be
 *   shown, and its lists and counts hold only what is reached.
 */
export interface Reach {
  /** A CITY scope: everything, unfiltered. */
  readonly all: boolean;
  readonly coveredDistrictIds: ReadonlySet<string>;
  readonly coveredStreetIds: ReadonlySet<string>;
  readonly coveredCommunityIds: ReadonlySet<string>;
  /** Organizations reached outside the covered communities: those the caller's institutions cultivate. */
  readonly cultivatedOrganizationIds: ReadonlySet<string>;
  readonly visibleDistrictIds: ReadonlySet<string>;
  readonly visibleStreetIds: ReadonlySet<string>;
  readonly visibleCommunityIds: ReadonlySet<string>;
  /** The institutions that may be shown; null: all of them (CITY and DISTRICT scopes choose among all). */
  readonly institutionIds: ReadonlySet<string> | null;
}

const NONE: ReadonlySet<string> = new Set();

export const EVERYTHING: Reach = {
  all: true,
  coveredDistrictIds: NONE,
  coveredStreetIds: NONE,
  coveredCommunityIds: NONE,
  cultivatedOrganizationIds: NONE,
  visibleDistrictIds: NONE,
  visibleStreetIds: NONE,
  visibleCommunityIds: NONE,
  institutionIds: null,
};

/** Resolves scopes into what they reach on a China calendar day (service contracts run by day). */
export async function resolveReach(db: DataSource, scopes: readonly Scope[], today: string = chinaCalendarDate()): Promise<Reach> {
  const scope = scopeFilterOf(scopes);
  if (scope.all) return EVERYTHING;
  const contracted = await findContractedAreas(db, scope.institutionIds, today);
  const coveredDistrictIds = new Set([...scope.districtIds, ...contracted.districtIds]);
  const area = { districtIds: [...coveredDistrictIds], streetIds: [...scope.streetIds, ...contracted.streetIds], communityIds: scope.communityIds };
  const [places, cultivated, cultivatingInstitutions] = await Promise.all([
    findPlacesInArea(db, area),
    findCultivationPlacementsOfInstitutions(db, scope.institutionIds),
    // Below a district everything is chosen among all institutions; a street or a community sees
    // the institutions working in it.
    scope.districtIds.length > 0 ? Promise.resolve(null) : findInstitutionsCultivatingIn(db, { districtIds: [], streetIds: scope.streetIds, communityIds: scope.communityIds }),
  ]);
  const coveredCommunityIds = new Set(places.communities.map((c) => c.id));
  const cultivatedCommunities = await findCommunityPlacements(
    db,
    [...new Set(cultivated.map((c) => c.communityId))].filter((id) => !coveredCommunityIds.has(id)),
  );
  const reachedCommunities = [...places.communities, ...cultivatedCommunities];
  return {
    all: false,
    coveredDistrictIds,
    coveredStreetIds: new Set(places.streets.map((s) => s.id)),
    coveredCommunityIds,
    cultivatedOrganizationIds: new Set(cultivated.map((c) => c.organizationId)),
    visibleDistrictIds: new Set([...coveredDistrictIds, ...places.streets.map((s) => s.districtId), ...reachedCommunities.map((c) => c.districtId)]),
    visibleStreetIds: new Set([...places.streets.map((s) => s.id), ...reachedCommunities.map((c) => c.streetId)]),
    visibleCommunityIds: new Set(reachedCommunities.map((c) => c.id)),
    institutionIds: cultivatingInstitutions === null ? null : new Set([...scope.institutionIds, ...cultivatingInstitutions]),
  };
}

const resolved = new WeakMap<Identity, Promise<Reach>>();

/** The caller's reach, resolved once per request (the identity object lives as long as its request). */
export function reachOf(db: DataSource, identity: Identity): Promise<Reach> {
  let reach = resolved.get(identity);
  if (!reach) {
    reach = resolveReach(db, identity.scopes);
    resolved.set(identity, reach);
  }
  return reach;
}

export const seesDistrict = (reach: Reach, id: string): boolean => reach.all || reach.visibleDistrictIds.has(id);
export const seesStreet = (reach: Reach, id: string): boolean => reach.all || reach.visibleStreetIds.has(id);
export const seesCommunity = (reach: Reach, id: string): boolean => reach.all || reach.visibleCommunityIds.has(id);
export const coversDistrict = (reach: Reach, id: string): boolean => reach.all || reach.coveredDistrictIds.has(id);
export const coversStreet = (reach: Reach, id: string): boolean => reach.all || reach.coveredStreetIds.has(id);
export const coversCommunity = (reach: Reach, id: string): boolean => reach.all || reach.coveredCommunityIds.has(id);
export const seesInstitution = (reach: Reach, id: string): boolean => reach.all || reach.institutionIds === null || reach.institutionIds.has(id);
export const seesOrganization = (reach: Reach, organization: { id: string; communityId: string }): boolean =>
  reach.all || reach.coveredCommunityIds.has(organization.communityId) || reach.cultivatedOrganizationIds.has(organization.id);

/** FORBIDDEN unless `allowed`: one record outside the caller's scopes (docs/security.md: never NOT_FOUND). */
export function requireReach(allowed: boolean, what: string, id: string): void {
  if (!allowed) throw new DomainException('FORBIDDEN', `${what} ${id} is outside your scope.`);
}

/** Keeps the rows whose `column` is one of `ids` (none when `ids` is empty); nothing to do for a CITY scope. */
export function whereIdIn<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, reach: Reach, column: string, ids: ReadonlySet<string>, param: string): SelectQueryBuilder<T> {
  if (reach.all) return query;
  return query.andWhere(`${column} = ANY(:${param})`, { [param]: [...ids] });
}

/**
 * Keeps the organizations the caller reaches (in a covered community, or cultivated by their
 * institution), or the rows of them: `organizationColumn` names the row's organization, `community_id` its community.
 */
export function whereOrganizationReached<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, reach: Reach, alias: string, organizationColumn = 'id'): SelectQueryBuilder<T> {
  if (reach.all) return query;
  return query.andWhere(`(${alias}."community_id" = ANY(:reachCommunities) OR ${alias}."${organizationColumn}" = ANY(:reachOrganizations))`, {
    reachCommunities: [...reach.coveredCommunityIds],
    reachOrganizations: [...reach.cultivatedOrganizationIds],
  });
}

/**
 * A social worker records the evidence of an organization under an open cultivation only when that
 * cultivation is assigned to them (an organization not under cultivation, still forming, is theirs to
 * record in their institution's area). Other roles pass: their scopes alone decide.
 */
export async function requireEvidenceRecorder(db: DataSource, caller: Identity, organizationId: string): Promise<void> {
  if (caller.role !== 'SOCIAL_WORKER') return;
  const open = await openCultivationOf(db, organizationId);
  if (open && !open.assignedUserIds.includes(caller.userId)) {
    throw new DomainException('FORBIDDEN', `Organization ${organizationId} is under cultivation ${open.cultivationId}, which is not assigned to you.`);
  }
}

/** The scopes among these whose district, street, community or institution does not exist (CITY always does). */
export async function unknownScopeTargets(db: DataSource, scopes: readonly Scope[]): Promise<Scope[]> {
  const idsOf = (kind: Scope['kind']) => scopes.filter((s) => s.kind === kind && s.id).map((s) => s.id as string);
  const [districts, places, communities, institutions] = await Promise.all([
    existingDistrictIds(db, idsOf('DISTRICT')),
    findPlacesInArea(db, { districtIds: [], streetIds: idsOf('STREET'), communityIds: [] }),
    findCommunityPlacements(db, idsOf('COMMUNITY')),
    existingInstitutionIds(db, idsOf('INSTITUTION')),
  ]);
  const known: Record<Scope['kind'], Set<string>> = {
    CITY: new Set(),
    DISTRICT: districts,
    STREET: new Set(places.streets.map((s) => s.id)),
    COMMUNITY: new Set(communities.map((c) => c.id)),
    INSTITUTION: institutions,
  };
  return scopes.filter((s) => s.kind !== 'CITY' && !known[s.kind].has(s.id ?? ''));
}

/**
 * The open cultivation of an organization, if any: what the organizations' rules need to know of the
 * cultivation domain (evidence recorders, dissolution), without depending on it.
 */
export async function openCultivationOf(db: DataSource, organizationId: string): Promise<{ cultivationId: string; assignedUserIds: string[] } | null> {
  const [open] = await findOpenCultivationAssignments(db, [organizationId]);
  return open ? { cultivationId: open.cultivationId, assignedUserIds: open.assignedUserIds } : null;
}
