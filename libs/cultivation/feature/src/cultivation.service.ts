import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Client } from '@temporalio/client';
import { TypedSearchAttributes } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In, QueryFailedError } from 'typeorm';
import {
  CULTIVATION_TASK_QUEUE,
  CULTIVATION_WORKFLOW_TYPE,
  cultivationWorkflowId,
  domainEvent,
  searchAttributeKeys,
  type CultivationWorkflowInput,
} from '@peiyu/contracts';
import { findCommunityPlacements } from '@peiyu/communities-data-access';
import { CULTIVATION_SCHEMA, CultivationEntity, EscalationEntity } from '@peiyu/cultivation-data-access';
import { existingInstitutionIds, findOrganizationSummaries } from '@peiyu/organizations-data-access';
import { appendOutboxEvent } from '@peiyu/platform-database';
import { DomainException } from '@peiyu/platform-nest';
import { TEMPORAL_CLIENT } from './temporal-client.js';
import type { StartCultivationInput } from './cultivation.types.js';

const logger = new Logger('CultivationService');

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';
}

@Injectable()
export class CultivationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  list(): Promise<CultivationEntity[]> {
    return this.db.getRepository(CultivationEntity).find({ order: { startedAt: 'DESC' } });
  }

  async get(id: string): Promise<CultivationEntity> {
    const cultivation = await this.db.getRepository(CultivationEntity).findOneBy({ id });
    if (!cultivation) throw DomainException.notFound('Cultivation', id);
    return cultivation;
  }

  findMany(ids: readonly string[]): Promise<CultivationEntity[]> {
    return this.db.getRepository(CultivationEntity).findBy({ id: In([...ids]) });
  }

  escalations(cultivationId?: string): Promise<EscalationEntity[]> {
    return this.db.getRepository(EscalationEntity).find({ where: cultivationId ? { cultivationId } : {}, order: { raisedAt: 'DESC' } });
  }

  escalationsOf(cultivationIds: readonly string[]): Promise<EscalationEntity[]> {
    return this.db.getRepository(EscalationEntity).find({ where: { cultivationId: In([...cultivationIds]) }, order: { raisedAt: 'ASC' } });
  }

  /**
   * Records the cultivation and starts its workflow. The row and the `cultivation.started` event are
   * written in a transaction that commits only once Temporal has accepted the workflow, so a failed
   * start leaves nothing behind.
   */
  async start(input: StartCultivationInput): Promise<CultivationEntity> {
    const [organization] = await findOrganizationSummaries(this.db, [input.organizationId]);
    if (!organization) throw DomainException.badInput('organizationId', `Organization ${input.organizationId} does not exist.`);
    if (organization.status === 'DISSOLVED' || organization.status === 'INDEPENDENT') {
      throw DomainException.badInput('organizationId', `Organization ${input.organizationId} is ${organization.status} and cannot be cultivated.`);
    }
    if (!(await existingInstitutionIds(this.db, [input.institutionId])).has(input.institutionId)) {
      throw DomainException.badInput('institutionId', `Institution ${input.institutionId} does not exist.`);
    }
    const [community] = await findCommunityPlacements(this.db, [organization.communityId]);
    if (!community) throw new Error(`Organization ${organization.id} refers to a missing community ${organization.communityId}`);

    const id = randomUUID();
    const workflowInput: CultivationWorkflowInput = {
      cultivationId: id,
      organizationId: organization.id,
      institutionId: input.institutionId,
      communityId: community.id,
      districtId: community.districtId,
      category: organization.category,
      formationDeadline: input.formationDeadline.toISOString(),
    };
    try {
      return await this.db.transaction(async (manager) => {
        const cultivation = await manager.getRepository(CultivationEntity).save({
          id,
          workflowId: cultivationWorkflowId(id),
          organizationId: workflowInput.organizationId,
          institutionId: workflowInput.institutionId,
          communityId: workflowInput.communityId,
          districtId: workflowInput.districtId,
          category: workflowInput.category,
          stage: 'FORMATION' as const,
          status: 'ACTIVE' as const,
          stageDeadline: input.formationDeadline,
          startedAt: new Date(),
          escalationLevel: 0,
        });
        await appendOutboxEvent(
          manager,
          CULTIVATION_SCHEMA,
          `cultivation.started:${id}`,
          domainEvent('cultivation.started', {
            cultivationId: id,
            organizationId: workflowInput.organizationId,
            institutionId: workflowInput.institutionId,
            communityId: workflowInput.communityId,
            districtId: workflowInput.districtId,
            category: workflowInput.category,
            stage: 'FORMATION',
            stageDeadline: workflowInput.formationDeadline,
          }),
        );
        await this.startWorkflow(workflowInput);
        return cultivation;
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw DomainException.badInput('organizationId', `Organization ${input.organizationId} is already under cultivation.`);
      }
      throw error;
    }
  }

  private async startWorkflow(input: CultivationWorkflowInput): Promise<void> {
    try {
      await this.temporal.workflow.start(CULTIVATION_WORKFLOW_TYPE, {
        workflowId: cultivationWorkflowId(input.cultivationId),
        taskQueue: CULTIVATION_TASK_QUEUE,
        args: [input],
        typedSearchAttributes: new TypedSearchAttributes([
          { key: searchAttributeKeys.districtId, value: input.districtId },
          { key: searchAttributeKeys.institutionId, value: input.institutionId },
          { key: searchAttributeKeys.category, value: input.category },
          { key: searchAttributeKeys.stage, value: 'FORMATION' },
          { key: searchAttributeKeys.status, value: 'ACTIVE' },
          { key: searchAttributeKeys.escalationLevel, value: 0 },
        ]),
      });
    } catch (error) {
      logger.error(`Temporal refused to start cultivation ${input.cultivationId}: ${error instanceof Error ? error.message : error}`);
      throw new DomainException('UNAVAILABLE', 'The process engine is unavailable; the cultivation was not started. Try again shortly.');
    }
  }
}
