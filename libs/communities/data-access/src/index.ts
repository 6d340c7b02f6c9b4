import { CommunityEntity, DistrictEntity, StreetEntity, COMMUNITIES_SCHEMA } from './entities.js';
import { CommunitiesHierarchy1764300000000 } from './migrations/1764300000000-communities-hierarchy.js';
import { CommunitiesProfile1764400000000 } from './migrations/1764400000000-communities-profile.js';

export * from './entities.js';
export * from './readers.js';

/** What communities-service owns in PostgreSQL. */
export const communitiesOwnership = {
  schemas: [COMMUNITIES_SCHEMA],
  entities: [DistrictEntity, StreetEntity, CommunityEntity],
  migrations: [CommunitiesHierarchy1764300000000, CommunitiesProfile1764400000000],
};
