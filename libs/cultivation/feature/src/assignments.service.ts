import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { Identity } from '@peiyu/contracts';
import { AssignmentEntity, type CultivationEntity } from '@peiyu/cultivation-data-access';
import { findUserSummaries } from '@peiyu/platform-identity-data-access';
import { DomainException } from '@peiyu/platform-nest';
import { CultivationService } from './cultivation.service.js';
import type { AssignedSocialWorker } from './assignments.types.js';

/**
 * Which social workers a cultivation is assigned to. A social worker records evidence only for the
 * organizations of cultivations assigned to them (enforced where the evidence is written, through
 * `requireEvidenceRecorder` in platform-reach).
 */
@Injectable()
export class AssignmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cultivations: CultivationService,
  ) {}

  /** The assigned social workers of each given cultivation, by display name. */
  async assignedTo(cultivationIds: readonly string[]): Promise<(AssignedSocialWorker & { cultivationId: string })[]> {
    const assignments = await this.db.getRepository(AssignmentEntity).findBy({ cultivationId: In([...cultivationIds]) });
    const users = new Map((await findUserSummaries(this.db, [...new Set(assignments.map((a) => a.userId))])).map((u) => [u.userId, u]));
    return assignments
      .filter((a) => users.has(a.userId))
      .map((a) => ({ cultivationId: a.cultivationId, userId: a.userId, displayName: users.get(a.userId)!.displayName, username: users.get(a.userId)!.username, assignedAt: a.assignedAt }))
      .sort((x, y) => x.displayName.localeCompare(y.displayName, 'zh-CN'));
  }

  /**
   * Replaces a cultivation's assigned social workers: FORBIDDEN outside the caller's scopes,
   * BAD_USER_INPUT naming userIds when one is not a social worker of its institution.
   */
  async assign(cultivationId: string, userIds: readonly string[], caller: Identity): Promise<CultivationEntity> {
    const cultivation = await this.cultivations.get(cultivationId, caller);
    const users = new Map((await findUserSummaries(this.db, userIds)).map((u) => [u.userId, u]));
    for (const id of userIds) {
      const user = users.get(id);
      if (!user) throw DomainException.badInput('userIds', `User ${id} does not exist.`);
      if (user.role !== 'SOCIAL_WORKER' || !user.scopes.some((s) => s.kind === 'INSTITUTION' && s.id === cultivation.institutionId)) {
        throw DomainException.badInput('userIds', `${user.displayName} is not a social worker of the cultivation's institution.`);
      }
    }
    await this.db.transaction(async (m) => {
      const repository = m.getRepository(AssignmentEntity);
      // Serialises assignments of one cultivation: the set is replaced as a whole.
      await m.query(`SELECT 1 FROM "cultivation"."cultivation" WHERE "id" = $1 FOR UPDATE`, [cultivationId]);
      const current = await repository.findBy({ cultivationId });
      const keep = new Set(userIds);
      const removed = current.filter((a) => !keep.has(a.userId));
      if (removed.length > 0) await repository.delete({ cultivationId, userId: In(removed.map((a) => a.userId)) });
      const existing = new Set(current.map((a) => a.userId));
      const added = userIds.filter((id) => !existing.has(id));
      if (added.length > 0) await repository.insert(added.map((userId) => ({ cultivationId, userId, assignedAt: new Date(), assignedBy: caller.userId })));
    });
    return cultivation;
  }
}
