import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { isUUID } from 'class-validator';
import { DataSource, In, type SelectQueryBuilder } from 'typeorm';
import {
  OUTCOME_LEVELS,
  defaultIndicatorSet,
  domainEvent,
  followUpCheckPassed,
  rubricProblem,
  scoreAssessment,
  type CriterionScore,
  type Identity,
  type LevelOutcome,
  type OutcomeIndicatorSet as IndicatorSetDocument,
  type OutcomeLevel,
  type ScoredDocumentTerms,
} from '@peiyu/contracts';
import { ASSESSMENTS_SCHEMA, FollowUpCheckEntity, OutcomeEvaluationEntity, OutcomeIndicatorSetEntity } from '@peiyu/assessments-data-access';
import { findOrganizationSummaries, type OrganizationSummary } from '@peiyu/organizations-data-access';
import { appendOutboxEvent } from '@peiyu/platform-database';
import { DomainException, createdAtSortKey, paginate, type ConnectionArgs, type ConnectionPage } from '@peiyu/platform-nest';
import { openCultivationOf, reachOf, requireEvidenceRecorder, requireReach, seesOrganization, whereOrganizationReached } from '@peiyu/platform-reach';
import type { OutcomeIndicatorSet, OutcomeRecordFilter, RecordFollowUpCheckInput, RecordOutcomeEvaluationInput, SetOutcomeIndicatorSetInput } from './outcomes.types.js';
import { requireRecordedDay } from './recorded-day.js';
import { storeNextVersion } from './versions.js';

const builtIn = (level: OutcomeLevel): OutcomeIndicatorSet => {
  const { criteria, passScore } = defaultIndicatorSet(level);
  return { level, version: 1, indicators: criteria, targetScore: passScore, createdAt: null };
};
const stored = (row: OutcomeIndicatorSetEntity): OutcomeIndicatorSet => ({
  level: row.level,
  version: row.version,
  indicators: row.document.criteria,
  targetScore: row.document.passScore,
  createdAt: row.createdAt,
});
const documentOf = (set: OutcomeIndicatorSet): IndicatorSetDocument => ({ criteria: set.indicators, passScore: set.targetScore });

/** The input field of each level's scores. */
const SCORES_FIELD: Record<OutcomeLevel, 'communityScores' | 'organizationScores' | 'institutionScores'> = {
  COMMUNITY: 'communityScores',
  ORGANIZATION: 'organizationScores',
  INSTITUTION: 'institutionScores',
};

/** An indicator set is validated and scored as a rubric is, under its own names. */
const indicatorTerms = (scoresField: string): ScoredDocumentTerms => ({ document: 'indicator set', item: 'indicator', itemsField: 'indicators', thresholdField: 'targetScore', scoresField });

type OutcomeRecord = OutcomeEvaluationEntity | FollowUpCheckEntity;

/**
 * Outcome evaluations at the three levels and follow-up checks after withdrawal. Read where the
 * caller's scopes reach the organization; recorded by whoever may record its evidence, only while it
 * is under cultivation (the record belongs to that cultivation). Scores are computed, never typed.
 */
@Injectable()
export class OutcomesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The indicator set in force for a level: the latest stored version, else the built-in one. */
  async currentSet(level: OutcomeLevel): Promise<OutcomeIndicatorSet> {
    const row = await this.db.getRepository(OutcomeIndicatorSetEntity).findOne({ where: { level }, order: { version: 'DESC' } });
    return row ? stored(row) : builtIn(level);
  }

  /** Every version of a level's indicator set, newest first, the built-in one last. */
  async setVersions(level: OutcomeLevel): Promise<OutcomeIndicatorSet[]> {
    const rows = await this.db.getRepository(OutcomeIndicatorSetEntity).find({ where: { level }, order: { version: 'DESC' } });
    return [...rows.map(stored), builtIn(level)];
  }

  /** Stores the next version of a level's indicator set; evaluations already recorded keep theirs. */
  async storeSet(input: SetOutcomeIndicatorSetInput, caller: Identity): Promise<OutcomeIndicatorSet> {
    const document: IndicatorSetDocument = {
      criteria: input.indicators.map((c) => ({ key: c.key, label: c.label.trim(), weight: c.weight, maxScore: c.maxScore })),
      passScore: input.targetScore,
    };
    const problem = rubricProblem(document, indicatorTerms('scores'));
    if (problem) throw DomainException.badInput(problem.field, problem.message);
    const { version } = await this.currentSet(input.level);
    const row = await storeNextVersion(
      () => this.db.getRepository(OutcomeIndicatorSetEntity).save({ id: randomUUID(), level: input.level, version: version + 1, document, createdBy: caller.userId }),
      'indicator set',
    );
    return stored(row);
  }

  /**
   * Scores and records an outcome evaluation with its `assessment.outcome-evaluated` event in one
   * transaction. BAD_USER_INPUT naming the field (communityScores.N.score, evaluatedOn, or
   * organizationId when it does not exist or is not under cultivation); FORBIDDEN outside the scopes.
   */
  async recordEvaluation(input: RecordOutcomeEvaluationInput, caller: Identity): Promise<OutcomeEvaluationEntity> {
    const { organization, cultivationId } = await this.recordable(input.organizationId, caller);
    requireRecordedDay(input.evaluatedOn, 'evaluatedOn');
    const sets = await Promise.all(OUTCOME_LEVELS.map((level) => this.currentSet(level)));
    const levels: LevelOutcome[] = [];
    for (const [i, level] of OUTCOME_LEVELS.entries()) {
      const set = sets[i];
      const scores: CriterionScore[] = input[SCORES_FIELD[level]].map((s) => ({ key: s.key, score: s.score }));
      const scored = scoreAssessment(documentOf(set), scores, indicatorTerms(SCORES_FIELD[level]));
      if ('field' in scored) throw DomainException.badInput(scored.field, scored.message);
      levels.push({ level, indicatorSetVersion: set.version, scores, score: scored.total, targetScore: set.targetScore, metTarget: scored.passed });
    }
    const scoreOf = (level: OutcomeLevel) => levels.find((l) => l.level === level)!.score;
    return this.db.transaction(async (m) => {
      const evaluation = await m.getRepository(OutcomeEvaluationEntity).save({
        id: randomUUID(),
        organizationId: organization.id,
        communityId: organization.communityId,
        cultivationId,
        levels,
        communityScore: scoreOf('COMMUNITY'),
        organizationScore: scoreOf('ORGANIZATION'),
        institutionScore: scoreOf('INSTITUTION'),
        evaluatedOn: input.evaluatedOn,
        evaluatedBy: caller.userId,
        note: input.note?.trim() || null,
      });
      await appendOutboxEvent(
        m,
        ASSESSMENTS_SCHEMA,
        `assessment.outcome-evaluated:${evaluation.id}`,
        domainEvent('assessment.outcome-evaluated', {
          evaluationId: evaluation.id,
          organizationId: evaluation.organizationId,
          cultivationId,
          levels: levels.map(({ level, score, targetScore, metTarget }) => ({ level, score, targetScore, metTarget })),
          evaluatedOn: evaluation.evaluatedOn,
          at: evaluation.createdAt.toISOString(),
        }),
      );
      return evaluation;
    });
  }

  /** Records a follow-up check with its `assessment.follow-up-checked` event; passed is computed from the findings. */
  async recordFollowUpCheck(input: RecordFollowUpCheckInput, caller: Identity): Promise<FollowUpCheckEntity> {
    const { organization, cultivationId } = await this.recordable(input.organizationId, caller);
    requireRecordedDay(input.checkedOn, 'checkedOn');
    const findings = { ...input.findings };
    return this.db.transaction(async (m) => {
      const check = await m.getRepository(FollowUpCheckEntity).save({
        id: randomUUID(),
        organizationId: organization.id,
        communityId: organization.communityId,
        cultivationId,
        followUpIndex: input.followUpIndex,
        findings,
        passed: followUpCheckPassed(findings),
        checkedOn: input.checkedOn,
        checkedBy: caller.userId,
        note: input.note?.trim() || null,
      });
      await appendOutboxEvent(
        m,
        ASSESSMENTS_SCHEMA,
        `assessment.follow-up-checked:${check.id}`,
        domainEvent('assessment.follow-up-checked', {
          checkId: check.id,
          organizationId: check.organizationId,
          cultivationId,
          followUpIndex: check.followUpIndex,
          passed: check.passed,
          checkedOn: check.checkedOn,
          at: check.createdAt.toISOString(),
        }),
      );
      return check;
    });
  }

  /** One evaluation; NOT_FOUND when unknown, FORBIDDEN when its organization lies outside the scopes. */
  async evaluation(id: string, caller: Identity): Promise<OutcomeEvaluationEntity> {
    return this.one(OutcomeEvaluationEntity, 'OutcomeEvaluation', id, caller);
  }

  async followUpCheck(id: string, caller: Identity): Promise<FollowUpCheckEntity> {
    return this.one(FollowUpCheckEntity, 'FollowUpCheck', id, caller);
  }

  evaluationsConnection(caller: Identity, filter: OutcomeRecordFilter | null | undefined, args: ConnectionArgs): Promise<ConnectionPage<OutcomeEvaluationEntity>> {
    return this.connection(OutcomeEvaluationEntity, 'evaluated_on', caller, filter, args);
  }

  followUpChecksConnection(caller: Identity, filter: OutcomeRecordFilter | null | undefined, args: ConnectionArgs): Promise<ConnectionPage<FollowUpCheckEntity>> {
    return this.connection(FollowUpCheckEntity, 'checked_on', caller, filter, args);
  }

  /** The evaluations of the given organizations, newest first; the caller reached the organizations already. */
  evaluationsOf(organizationIds: readonly string[]): Promise<OutcomeEvaluationEntity[]> {
    return this.db.getRepository(OutcomeEvaluationEntity).find({ where: { organizationId: In([...organizationIds]) }, order: { evaluatedOn: 'DESC', createdAt: 'DESC' } });
  }

  followUpChecksOf(organizationIds: readonly string[]): Promise<FollowUpCheckEntity[]> {
    return this.db.getRepository(FollowUpCheckEntity).find({ where: { organizationId: In([...organizationIds]) }, order: { checkedOn: 'DESC', createdAt: 'DESC' } });
  }

  /** The organization and its open cultivation, when the caller may record its evidence. */
  private async recordable(organizationId: string, caller: Identity): Promise<{ organization: OrganizationSummary; cultivationId: string }> {
    const [organization] = await findOrganizationSummaries(this.db, [organizationId]);
    if (!organization) throw DomainException.badInput('organizationId', `Organization ${organizationId} does not exist.`);
    requireReach(seesOrganization(await reachOf(this.db, caller), organization), 'Organization', organization.id);
    await requireEvidenceRecorder(this.db, caller, organization.id);
    const open = await openCultivationOf(this.db, organization.id);
    if (!open) throw DomainException.badInput('organizationId', `Organization ${organizationId} is not under cultivation: outcomes are recorded for a cultivation.`);
    return { organization, cultivationId: open.cultivationId };
  }

  private async one<E extends OutcomeRecord>(entity: new () => E, what: string, id: string, caller: Identity): Promise<E> {
    const row = isUUID(id) ? ((await this.db.getRepository(entity).findOneBy({ id } as never)) as E | null) : null;
    if (!row) throw DomainException.notFound(what, id);
    requireReach(seesOrganization(await reachOf(this.db, caller), { id: row.organizationId, communityId: row.communityId }), what, id);
    return row;
  }

  private async connection<E extends OutcomeRecord>(
    entity: new () => E,
    dayColumn: string,
    caller: Identity,
    filter: OutcomeRecordFilter | null | undefined,
    args: ConnectionArgs,
  ): Promise<ConnectionPage<E>> {
    const query = this.db.getRepository(entity).createQueryBuilder('r') as SelectQueryBuilder<E>;
    whereOrganizationReached(query, await reachOf(this.db, caller), 'r', 'organization_id');
    if (filter?.organizationId != null) query.andWhere(`r."organization_id" = :organizationId`, { organizationId: filter.organizationId });
    if (filter?.cultivationId != null) query.andWhere(`r."cultivation_id" = :cultivationId`, { cultivationId: filter.cultivationId });
    if (filter?.from != null) query.andWhere(`r."${dayColumn}" >= :from`, { from: filter.from });
    if (filter?.to != null) query.andWhere(`r."${dayColumn}" <= :to`, { to: filter.to });
    return paginate(query, 'r."id"', createdAtSortKey('r', 'DESC'), args);
  }
}

