// The districts the signed-in user may look at, the district chosen in the URL (`?district=`), and
// names for the groups of indicator tables. Shared by the dashboard and the analytics explorer.
import { useQuery } from '@apollo/client/react';
import { COMMUNITY_NAMES, DISTRICTS, INSTITUTION_NAMES, ME_SCOPES, STREET_NAMES, type IndicatorGroupBy } from '../../graphql/insights';
import type { OrganizationCategory } from '../../graphql/operations';
import { useI18n } from '../../i18n';

export interface DistrictChoice {
  /** The districts offered in the picker; empty when there is nothing to choose. */
  options: { id: string; name: string }[];
  /** The district the page shows, or null for every district in scope. */
  districtId: string | null;
}

/** Districts in the user's scope: all for an administrator or a city-wide scope, else those of district scopes. */
export function useDistrictChoice(requested: string | null): DistrictChoice {
  const me = useQuery(ME_SCOPES, { fetchPolicy: 'cache-first' });
  const districts = useQuery(DISTRICTS, { fetchPolicy: 'cache-first' });
  const user = me.data?.me;
  const all = districts.data?.districts ?? [];
  if (!user) return { options: [], districtId: null };
  const everywhere = user.role === 'ADMIN' || user.scopes.some((s) => s.kind === 'CITY');
  const scoped = new Set(user.scopes.filter((s) => s.kind === 'DISTRICT' && s.id).map((s) => s.id as string));
  const options = everywhere ? all : all.filter((d) => scoped.has(d.id));
  const chosen = requested && options.some((d) => d.id === requested) ? requested : null;
  if (options.length === 1) return { options: [], districtId: options[0].id };
  return { options: options.length > 1 ? options : [], districtId: chosen };
}

/** How a table's `group` value reads: a name for ids, a localised category, the month as is. */
export function useGroupLabel(groupBy: IndicatorGroupBy | null | undefined): (group: string | null) => string {
  const { t } = useI18n();
  const institutions = useQuery(INSTITUTION_NAMES, { skip: groupBy !== 'INSTITUTION', fetchPolicy: 'cache-first' });
  const districts = useQuery(DISTRICTS, { skip: groupBy !== 'DISTRICT', fetchPolicy: 'cache-first' });
  const communities = useQuery(COMMUNITY_NAMES, { skip: groupBy !== 'COMMUNITY', fetchPolicy: 'cache-first' });
  const streets = useQuery(STREET_NAMES, { skip: groupBy !== 'STREET', fetchPolicy: 'cache-first' });
  return (group) => {
    // Cut by street, null holds the cultivations whose street is unknown (community directly under its district).
    if (group === null) return groupBy === 'STREET' ? t('analytics.noStreet') : t('all');
    if (groupBy === 'INSTITUTION') return institutions.data?.institutions.find((i) => i.id === group)?.name ?? group.slice(0, 8);
    if (groupBy === 'DISTRICT') return districts.data?.districts.find((d) => d.id === group)?.name ?? group.slice(0, 8);
    if (groupBy === 'COMMUNITY') return communities.data?.communities.find((c) => c.id === group)?.name ?? group.slice(0, 8);
    if (groupBy === 'STREET') {
      const street = streets.data?.districts.flatMap((d) => d.streets).find((st) => st.id === group);
      return street?.name ?? group.slice(0, 8);
    }
    if (groupBy === 'CATEGORY') return t(`category.${group as OrganizationCategory}`);
    return group;
  };
}
