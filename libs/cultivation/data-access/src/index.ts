import { CULTIVATION_SCHEMA, CultivationEntity, EscalationEntity } from './entities.js';
import { CultivationReadModel1764300000300 } from './migrations/1764300000300-cultivation-read-model.js';

export * from './entities.js';

/** What cultivation-service owns in PostgreSQL (the worker's cultivation activities write it too). */
export const cultivationOwnership = {
  schemas: [CULTIVATION_SCHEMA],
  entities: [CultivationEntity, EscalationEntity],
  migrations: [CultivationReadModel1764300000300],
};
