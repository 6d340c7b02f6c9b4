import {
  CULTIVATION_SCHEMA,
  CultivationEntity,
  EscalationEntity,
  EscalationStepEntity,
  NotificationEntity,
  ProcessPolicyEntity,
  StageHistoryEntity,
  TimelineEventEntity,
  WithdrawalEntity,
} from './entities.js';
import { CultivationReadModel1764300000300 } from './migrations/1764300000300-cultivation-read-model.js';
import { CultivationProcess1764300000400 } from './migrations/1764300000400-cultivation-process.js';
import { CultivationRelayOwnOutbox1764700000400 } from './migrations/1764700000400-cultivation-relay-own-outbox.js';

export * from './entities.js';
export * from './policies.js';
export * from './readers.js';

/** What cultivation-service owns in PostgreSQL (the worker's cultivation activities write it too). */
export const cultivationOwnership = {
  schemas: [CULTIVATION_SCHEMA],
  entities: [CultivationEntity, StageHistoryEntity, TimelineEventEntity, EscalationEntity, EscalationStepEntity, ProcessPolicyEntity, NotificationEntity, WithdrawalEntity],
  migrations: [CultivationReadModel1764300000300, CultivationProcess1764300000400, CultivationRelayOwnOutbox1764700000400],
};
export * from './calendar.js';
