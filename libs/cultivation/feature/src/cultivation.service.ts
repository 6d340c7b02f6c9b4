import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure, TypedSearchAttributes } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In, IsNull, QueryFailedError, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import {
  COMMAND_ROLES,
  CULTIVATION_TASK_QUEUE,
  CULTIVATION_WORKFLOW_TYPE,
  DEFAULT_PROCESS_POLICY,
  cultivationMessages,
  cultivationWorkflowId,
  domainEvent,
  mayIssue,
  searchAttributeKeys,
  type Actor,
  type ApiErrorCode,
  type CultivationWorkflowInput,
  type DeadlinesChanged,
  type Identity,
  type LevelEvaluation,
  type OutcomeLevel,
  type ProcessEvent,
  type ProcessPolicy,
  type RoleCheckedCommand,
  scopeFilterOf,
  scopesCover,
  withdrawalMessages,
  withdrawalWorkflowId,
} from '@peiyu/contracts';
import { findCommunityPlacements } from '@peiyu/communities-data-access';
import { findFollowUpCheck, findOutcomeEvaluation } from '@peiyu/assessments-data-access';
import {
  CULTIVATION_SCHEMA,
  CultivationEntity,
  EscalationEntity,
  EscalationStepEntity,
  ProcessPolicyEntity,
  StageHistoryEntity,
  TimelineEventEntity,
  WithdrawalEntity,
  currentPolicy,
} from '@peiyu/cultivation-data-access';
import { existingInstitutionIds, findOrganizationSummaries } from '@peiyu/organizations-data-access';
import { appendOutboxEvent } from '@peiyu/platform-database';
import { DomainException } from '@peiyu/platform-nest';
import { findUserSummaries } from '@peiyu/platform-identity-data-access';
import { TEMPORAL_CLIENT } from './temporal-client.js';
import { parsePolicyDocument } from './policy-document.js';
import { snapshotAsOf, type CultivationSnapshot } from './as-of.js';
import type { CultivationFilter, StartCultivationInput } from './cultivation.types.js';

/** Where a final evaluation's levels come from: an outcome evaluation, or typed in. */
interface FinalEvaluationSource {
  cultivationId: string;
  outcomeEvaluationId?: string | null;
  community?: LevelEvaluation | null;
  organization?: LevelEvaluation | null;
  institution?: LevelEvaluation | null;
}

/** Where a follow-up's result comes from: a follow-up check, or typed in. */
interface FollowUpSource {
  cultivationId: string;
  index: number;
  followUpCheckId?: string | null;
  passed?: boolean | null;
  note?: string | null;
}

/** A stored policy version with who stored it and when (null for the built-in default). */
export interface ProcessPolicyVersionRow {
  districtId: string | null;
  version: number;
  document: ProcessPolicy;
  storedAt: Date | null;
  storedByUserId: string | null;
  storedByUsername: string | null;
}

const logger = new Logger('CultivationService');

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';
}

const REJECTION_CODES: Record<string, ApiErrorCode> = {
  FORBIDDEN: 'FORBIDDEN',
  WRONG_STATUS: 'WRONG_STATUS',
  GATE_NOT_MET: 'GATE_NOT_MET',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  EXTENSION_BEYOND_POLICY: 'EXTENSION_BEYOND_POLICY',
  NOT_FOUND: 'NOT_FOUND',
};

/** Records, with a policy or calendar change, that open cultivations' deadlines must be recomputed. */
export async function appendDeadlinesChanged(m: EntityManager, change: DeadlinesChanged): Promise<void> {
  const at = new Date().toISOString();
  await appendOutboxEvent(m, CULTIVATION_SCHEMA, `cultivation.deadlines-changed:${randomUUID()}`, domainEvent('cultivation.deadlines-changed', { ...change, at }));
}

export const actorOf = (identity: Identity): Actor => ({ userId: identity.userId, role: identity.role, scopes: identity.scopes });

/**
 * Lists leave out what lies outside the caller's scopes; asking for one record outside them is
 * FORBIDDEN (docs/security.md). The rule itself is `scopesCover` in contracts, shared with the
 * workflows' update validators.
 */
function restrictToScopes<T extends object>(query: SelectQueryBuilder<T>, alias: string, caller: Identity): void {
  const scope = scopeFilterOf(caller.scopes);
  if (scope.all) return;
  const clauses: string[] = [];
  const params: Record<string, string[]> = {};
  const add = (column: string, name: string, ids: string[]) => {
    if (ids.length === 0) return;
    clauses.push(`${alias}.${column} IN (:...${name})`);
    params[name] = ids;
  };
  add('districtId', 'scopeDistricts', scope.districtIds);
  add('streetId', 'scopeStreets', scope.streetIds);
  add('communityId', 'scopeCommunities', scope.communityIds);
  add('institutionId', 'scopeInstitutions', scope.institutionIds);
  query.andWhere(clauses.length ? `(${clauses.join(' OR ')})` : 'FALSE', params);
}

/**
 * FORBIDDEN when the caller's role may not issue the command at all, before any state is looked at
 * (the workflow's validator checks again; acknowledging is by ladder level, so it is left to it).
 */
function refuseByRole(actor: Actor, command: string): void {
  if (command in COMMAND_ROLES && !mayIssue(actor.role, command as RoleCheckedCommand)) {
    throw new DomainException('FORBIDDEN', `The role ${actor.role} may not ${command}; it is for ${COMMAND_ROLES[command as RoleCheckedCommand].join(', ')}.`);
  }
}

@Injectable()
export class CultivationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  list(caller: Identity, filter: CultivationFilter = {}): Promise<CultivationEntity[]> {
    return this.filtered(caller, filter).orderBy('c.startedAt', 'DESC').getMany();
  }

  /** How many cultivations `list` would return, counted by PostgreSQL (what a dashboard shows). */
  async count(caller: Identity, filter: CultivationFilter = {}): Promise<number> {
    // A plain count(*): getCount() counts DISTINCT ids, a sort of every matching row for nothing here.
    const row = await this.filtered(caller, filter).select('count(*)::int', 'n').getRawOne<{ n: number }>();
    return row?.n ?? 0;
  }

  private filtered(caller: Identity, filter: CultivationFilter): SelectQueryBuilder<CultivationEntity> {
    const query: SelectQueryBuilder<CultivationEntity> = this.db.getRepository(CultivationEntity).createQueryBuilder('c');
    restrictToScopes(query, 'c', caller);
    if (filter.districtId) query.andWhere('c.districtId = :districtId', { districtId: filter.districtId });
    if (filter.streetId) query.andWhere('c.streetId = :streetId', { streetId: filter.streetId });
    if (filter.institutionId) query.andWhere('c.institutionId = :institutionId', { institutionId: filter.institutionId });
    if (filter.communityId) query.andWhere('c.communityId = :communityId', { communityId: filter.communityId });
    if (filter.category) query.andWhere('c.category = :category', { category: filter.category });
    if (filter.stage) query.andWhere('c.stage = :stage', { stage: filter.stage });
    if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
    // Overdue: an active working stage past its deadline.
    const overdue = `(c.status = 'ACTIVE' AND c.stage <> 'COMPLETED' AND c.stageDeadline < now())`;
    if (filter.overdue === true) query.andWhere(overdue);
    if (filter.overdue === false) query.andWhere(`NOT ${overdue}`);
    if (filter.escalated === true) query.andWhere('c.escalationLevel > 0');
    if (filter.escalated === false) query.andWhere('c.escalationLevel = 0');
    if (filter.minEscalationLevel) query.andWhere('c.escalationLevel >= :minLevel', { minLevel: filter.minEscalationLevel });
    return query;
  }

  /** One cultivation; with a caller, FORBIDDEN when it lies outside their scopes. */
  async get(id: string, caller?: Pick<Identity, 'scopes'>): Promise<CultivationEntity> {
    const cultivation = await this.db.getRepository(CultivationEntity).findOneBy({ id });
    if (!cultivation) throw DomainException.notFound('Cultivation', id);
    if (caller && !scopesCover(caller.scopes, cultivation)) throw new DomainException('FORBIDDEN', `Cultivation ${id} is outside your scope.`);
    return cultivation;
  }

  findMany(ids: readonly string[]): Promise<CultivationEntity[]> {
    return this.db.getRepository(CultivationEntity).findBy({ id: In([...ids]) });
  }

  escalations(caller: Identity, filter: { cultivationId?: string; openOnly?: boolean }): Promise<EscalationEntity[]> {
    const query = this.db.getRepository(EscalationEntity).createQueryBuilder('e').innerJoin(CultivationEntity, 'c', 'c.id = e.cultivationId');
    restrictToScopes(query, 'c', caller);
    if (filter.cultivationId) query.andWhere('e.cultivationId = :id', { id: filter.cultivationId });
    if (filter.openOnly) query.andWhere(`e.status <> 'RESOLVED'`);
    return query.orderBy('e.raisedAt', 'DESC').getMany();
  }

  escalationsOf(cultivationIds: readonly string[]): Promise<EscalationEntity[]> {
    return this.db.getRepository(EscalationEntity).find({ where: { cultivationId: In([...cultivationIds]) }, order: { raisedAt: 'ASC' } });
  }

  stepsOf(escalationIds: readonly string[]): Promise<EscalationStepEntity[]> {
    return this.db.getRepository(EscalationStepEntity).find({ where: { escalationId: In([...escalationIds]) }, order: { level: 'ASC' } });
  }

  stagesOf(cultivationIds: readonly string[]): Promise<StageHistoryEntity[]> {
    return this.db.getRepository(StageHistoryEntity).find({ where: { cultivationId: In([...cultivationIds]) }, order: { enteredAt: 'ASC' } });
  }

  /** Every recorded event, the process's and the withdrawal's, in the order they happened. */
  timelineOf(cultivationIds: readonly string[]): Promise<TimelineEventEntity[]> {
    return this.db.getRepository(TimelineEventEntity).find({ where: { cultivationId: In([...cultivationIds]) }, order: { at: 'ASC', stream: 'DESC', sequence: 'ASC' } });
  }

  /** The cultivation as it stood at `asOf`, from its process events. */
  async asOf(id: string, asOf: Date, caller: Identity): Promise<CultivationSnapshot & { cultivationId: string }> {
    await this.get(id, caller);
    const events = await this.db.getRepository(TimelineEventEntity).find({ where: { cultivationId: id, stream: 'process' }, order: { sequence: 'ASC' } });
    return { cultivationId: id, ...snapshotAsOf(events.map((e) => ({ at: e.at, event: e.details as unknown as ProcessEvent })), asOf) };
  }

  policyFor(districtId: string): Promise<ProcessPolicy> {
    return currentPolicy(this.db, districtId);
  }

  /**
   * Every policy version that applies or applied to a district, newest first: its own and the
   * city-wide ones, then the built-in default (version 1, stored by nobody).
   */
  async policyHistory(districtId: string): Promise<ProcessPolicyVersionRow[]> {
    const rows = await this.db.getRepository(ProcessPolicyEntity).find({
      where: [{ districtId }, { districtId: IsNull() }],
      order: { createdAt: 'DESC', version: 'DESC' },
    });
    const users = new Map((await findUserSummaries(this.db, [...new Set(rows.flatMap((r) => (r.createdBy ? [r.createdBy] : [])))])).map((u) => [u.userId, u.username]));
    return [
      ...rows.map((r) => ({
        districtId: r.districtId,
        version: r.version,
        document: r.document,
        storedAt: r.createdAt,
        storedByUserId: r.createdBy,
        storedByUsername: r.createdBy ? (users.get(r.createdBy) ?? null) : null,
      })),
      { districtId: null, version: DEFAULT_PROCESS_POLICY.version, document: DEFAULT_PROCESS_POLICY, storedAt: null, storedByUserId: null, storedByUsername: null },
    ];
  }

  /**
   * Records the cultivation and starts its workflow. The row and the `cultivation.started` event are
   * written in a transaction that commits only once Temporal has accepted the workflow, so a failed
   * start leaves nothing behind (docs/decisions/0004).
   */
  async start(input: StartCultivationInput, caller: Identity): Promise<CultivationEntity> {
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

    const placement = { districtId: community.districtId, streetId: community.streetId, communityId: community.id, institutionId: input.institutionId };
    if (!scopesCover(caller.scopes, placement)) {
      throw new DomainException('FORBIDDEN', 'The organization or the institution is outside your scope.');
    }
    const id = randomUUID();
    const startedAt = new Date();
    const workflowInput: CultivationWorkflowInput = {
      cultivationId: id,
      organizationId: organization.id,
      institutionId: input.institutionId,
      communityId: community.id,
      districtId: community.districtId,
      streetId: community.streetId,
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
          streetId: community.streetId,
          category: workflowInput.category,
          stage: 'FORMATION' as const,
          status: 'ACTIVE' as const,
          stageStartedAt: startedAt,
          stageDeadline: input.formationDeadline,
          startedAt,
          policyVersion: null,
          gate: { criteria: [], met: false, evaluatedAt: null },
          pausedAt: null,
          deviation: null,
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
            streetId: community.streetId,
            category: workflowInput.category,
            stage: 'FORMATION',
            stageDeadline: workflowInput.formationDeadline,
            at: startedAt.toISOString(),
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

  /**
   * Sends a command to a cultivation's workflow as a Temporal update. The workflow's validator
   * decides (role, status, gate, policy) and rejects without any change; an accepted update returns
   * once its events are in the read model, which this then reads back.
   */
  async command(cultivationId: string, update: keyof typeof cultivationMessages, request: { actor: Actor } & Record<string, unknown>): Promise<CultivationEntity> {
    refuseByRole(request.actor, update);
    const cultivation = await this.get(cultivationId, { scopes: request.actor.scopes ?? [] });
    await this.executeUpdate(cultivation.workflowId, cultivationMessages[update], request, cultivationId);
    return this.get(cultivationId);
  }

  /** The same for the withdrawal child workflow; WRONG_STATUS when the cultivation is not in withdrawal. */
  async withdrawalCommand(
    cultivationId: string,
    update: Exclude<keyof typeof withdrawalMessages, 'state' | 'report'>,
    request: { actor: Actor } & Record<string, unknown>,
    /** More of the request, read once the caller may act (another service's record, say). */
    details?: () => Promise<Record<string, unknown>>,
  ): Promise<CultivationEntity> {
    refuseByRole(request.actor, update);
    const cultivation = await this.get(cultivationId, { scopes: request.actor.scopes ?? [] });
    if (cultivation.stage !== 'WITHDRAWAL') throw new DomainException('WRONG_STATUS', `The cultivation is in ${cultivation.stage}, not in withdrawal.`);
    const full = details ? { ...request, ...(await details()) } : request;
    await this.executeUpdate(withdrawalWorkflowId(cultivationId), withdrawalMessages[update], full, cultivationId);
    return this.get(cultivationId);
  }

  /**
   * The three levels of a final evaluation: from the outcome evaluation named (its computed scores),
   * else as typed. BAD_USER_INPUT naming the field when neither or both are given, or when the
   * evaluation is unknown or concludes another cultivation.
   */
  async finalEvaluationLevels(input: FinalEvaluationSource): Promise<Record<'community' | 'organization' | 'institution', LevelEvaluation>> {
    if (!input.outcomeEvaluationId) {
      const missing = (['community', 'organization', 'institution'] as const).find((level) => !input[level]);
      if (missing) throw DomainException.badInput(missing, `Give ${missing} (with community, organization and institution), or outcomeEvaluationId.`);
      return { community: { ...input.community! }, organization: { ...input.organization! }, institution: { ...input.institution! } };
    }
    if (input.community || input.organization || input.institution) throw DomainException.badInput('outcomeEvaluationId', 'Give outcomeEvaluationId or the three levels, not both.');
    const evaluation = await findOutcomeEvaluation(this.db, input.outcomeEvaluationId);
    if (!evaluation) throw DomainException.badInput('outcomeEvaluationId', `Outcome evaluation ${input.outcomeEvaluationId} does not exist.`);
    if (evaluation.cultivationId !== input.cultivationId) throw DomainException.badInput('outcomeEvaluationId', `Outcome evaluation ${evaluation.evaluationId} concludes another cultivation.`);
    const level = (name: OutcomeLevel): LevelEvaluation => {
      const outcome = evaluation.levels.find((l) => l.level === name)!;
      return { score: outcome.score, note: `成效评估 ${evaluation.evaluationId}${outcome.metTarget ? '' : '（未达目标）'}${evaluation.note ? `: ${evaluation.note}` : ''}` };
    };
    return { community: level('COMMUNITY'), organization: level('ORGANIZATION'), institution: level('INSTITUTION') };
  }

  /** A follow-up's result: from the follow-up check named, else as typed (same rules as above). */
  async followUpResult(input: FollowUpSource): Promise<{ passed: boolean; note: string }> {
    if (!input.followUpCheckId) {
      if (input.passed == null) throw DomainException.badInput('passed', 'Give passed and note, or followUpCheckId.');
      if (!input.note?.trim()) throw DomainException.badInput('note', 'note must not be empty (or give followUpCheckId).');
      return { passed: input.passed, note: input.note };
    }
    if (input.passed != null || input.note) throw DomainException.badInput('followUpCheckId', 'Give followUpCheckId or passed and note, not both.');
    const check = await findFollowUpCheck(this.db, input.followUpCheckId);
    if (!check) throw DomainException.badInput('followUpCheckId', `Follow-up check ${input.followUpCheckId} does not exist.`);
    if (check.cultivationId !== input.cultivationId) throw DomainException.badInput('followUpCheckId', `Follow-up check ${check.checkId} belongs to another cultivation.`);
    if (check.followUpIndex !== input.index) throw DomainException.badInput('followUpCheckId', `Follow-up check ${check.checkId} is for follow-up ${check.followUpIndex}, not ${input.index}.`);
    return { passed: check.passed, note: `回访记录 ${check.checkId}${check.note ? `: ${check.note}` : ''}` };
  }

  withdrawalOf(cultivationIds: readonly string[]): Promise<WithdrawalEntity[]> {
    return this.db.getRepository(WithdrawalEntity).findBy({ cultivationId: In([...cultivationIds]) });
  }

  private async executeUpdate(workflowId: string, update: string, request: object, cultivationId: string): Promise<void> {
    try {
      await this.temporal.workflow.getHandle(workflowId).executeUpdate<unknown, [object]>(update, { args: [request] });
    } catch (error) {
      throw this.commandError(error, cultivationId);
    }
  }

  async escalationById(id: string): Promise<EscalationEntity> {
    const escalation = await this.db.getRepository(EscalationEntity).findOneBy({ id });
    if (!escalation) throw DomainException.notFound('Escalation', id);
    return escalation;
  }

  /**
   * Stores a new policy version. In the same transaction it writes `cultivation.deadlines-changed`:
   * the worker's relay then starts the workflow that tells every open cultivation concerned to
   * recompute its deadline, so this returns at once whatever their number.
   */
  async setPolicy(districtId: string | null, documentText: string, createdBy: string): Promise<ProcessPolicyEntity> {
    const [{ max }]: { max: number | null }[] = await this.db.query(
      `SELECT max("version") AS "max" FROM "cultivation"."process_policy" WHERE "district_id" IS NOT DISTINCT FROM $1`,
      [districtId],
    );
    const version = (max ?? 1) + 1; // version 1 is the built-in default
    const document = parsePolicyDocument(documentText, version);
    try {
      return await this.db.transaction(async (m) => {
        const stored = await m.getRepository(ProcessPolicyEntity).save({ id: randomUUID(), districtId, version, document, createdAt: new Date(), createdBy });
        await appendDeadlinesChanged(m, { cause: 'POLICY', districtId, policyVersion: version });
        return stored;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainException('CONFLICT', 'Another policy version was stored at the same time; try again.');
      throw error;
    }
  }

  private commandError(error: unknown, cultivationId: string): Error {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      const code = REJECTION_CODES[error.cause.type ?? ''];
      if (code) {
        const field = typeof error.cause.details?.[0] === 'string' ? (error.cause.details[0] as string) : undefined;
        return new DomainException(code, error.cause.message, field);
      }
    }
    const name = (error as { name?: string })?.name;
    if (name === 'WorkflowNotFoundError') {
      return new DomainException('WRONG_STATUS', `The process of cultivation ${cultivationId} has ended.`);
    }
    logger.error(`Command to cultivation ${cultivationId} failed: ${error instanceof Error ? error.stack : String(error)}`);
    return new DomainException('UNAVAILABLE', 'The process engine did not answer; nothing was changed. Try again shortly.');
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
