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
import { CultivationAssignments1764500000450 } from './migrations/1764500000450-cultivation-assignments.js';
import { AssignmentEntity } from './assignments.js';
import { CultivationRelayOwnOutbox1764700000400 } from './migrations/1764700000400-cultivation-relay-own-outbox.js';

export * from './entities.js';
export * from './policies.js';
export * from './assignments.js';
export * from './readers.js';

/** What cultivation-service owns in PostgreSQL (the worker's cultivation activities write it too). */
export const cultivationOwnership = {
  schemas: [CULTIVATION_SCHEMA],
  entities: [CultivationEntity, StageHistoryEntity, TimelineEventEntity, EscalationEntity, EscalationStepEntity, ProcessPolicyEntity, NotificationEntity, WithdrawalEntity, AssignmentEntity],
  migrations: [CultivationReadModel1764300000300, CultivationProcess1764300000400, CultivationAssignments1764500000450, CultivationRelayOwnOutbox1764700000400],
};
export * from './calendar.js';
