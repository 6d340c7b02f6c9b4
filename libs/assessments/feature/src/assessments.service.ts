import { domainEvent, type Identity } from '@peiyu/contracts';
import { findCommunityPlacements } from '@peiyu/communities-data-access';
import { coversCommunity, reachOf, requireReach, seesCommunity, whereIdIn, type Reach } from '@peiyu/platform-reach';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { isUUID } from 'class-validator';
import { DataSource, In } from 'typeorm';
import { ASSESSMENTS_SCHEMA, NeedsSurveyEntity, SurveyResponseEntity } from '@peiyu/assessments-data-access';
import { appendOutboxEvent } from '@peiyu/platform-database';
import { DomainException, containsPattern, createdAtSortKey, paginate, textSortKey, type ConnectionArgs, type ConnectionPage, type SortKey } from '@peiyu/platform-nest';
import type { NeedsSurveyFilter, NeedsSurveySort } from './connections.types.js';
import { analyseDemand, type DemandAnalysisValue } from '@peiyu/assessments-data-access';
import type { CreateNeedsSurveyInput, RecordSurveyResponseInput } from './assessments.types.js';

/** The demand analysis of one survey, keyed for a per-request loader. */
export interface SurveyDemandAnalysis extends DemandAnalysisValue {
  surveyId: string;
}

const uuidsOnly = (ids: readonly string[]): string[] => ids.filter((id) => isUUID(id));

/**
 * Needs investigations (需求调查) of communities, their responses and the demand analysis (需求分析).
 * A survey is seen by whoever sees its community, and recorded by whoever's scopes cover it
 * (`@peiyu/platform-reach`, docs/security.md).
 */
@Injectable()
export class AssessmentsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private reach(caller: Identity): Promise<Reach> {
    return reachOf(this.db, caller);
  }

  /** Surveys newest first; only those of one community when communityId is given. */
  async listSurveys(caller: Identity, communityId?: string | null): Promise<NeedsSurveyEntity[]> {
    if (communityId != null && !isUUID(communityId)) throw DomainException.badInput('communityId', 'communityId must be a UUID');
    const reach = await this.reach(caller);
    const query = this.db.getRepository(NeedsSurveyEntity).createQueryBuilder('s');
    if (communityId != null) query.andWhere(`s."community_id" = :communityId`, { communityId });
    return whereIdIn(query, reach, 's."community_id"', reach.visibleCommunityIds, 'reachCommunities').orderBy('s."created_at"', 'DESC').addOrderBy('s."id"', 'ASC').getMany();
  }

  /** Surveys a page at a time; newest first when no sort is given. */
  async surveysConnection(
    caller: Identity,
    filter: NeedsSurveyFilter | null | undefined,
    sort: NeedsSurveySort | null | undefined,
    args: ConnectionArgs,
  ): Promise<ConnectionPage<NeedsSurveyEntity>> {
    const reach = await this.reach(caller);
    const query = whereIdIn(this.db.getRepository(NeedsSurveyEntity).createQueryBuilder('s'), reach, 's."community_id"', reach.visibleCommunityIds, 'reachCommunities');
    if (filter?.communityId != null) query.andWhere(`s."community_id" = :communityId`, { communityId: filter.communityId });
    if (filter?.titleContains != null) query.andWhere(`s."title" ILIKE :title`, { title: containsPattern(filter.titleContains) });
    if (filter?.createdFrom != null) query.andWhere(`s."created_at" >= :createdFrom`, { createdFrom: filter.createdFrom });
    if (filter?.createdBefore != null) query.andWhere(`s."created_at" < :createdBefore`, { createdBefore: filter.createdBefore });
    const key: SortKey<NeedsSurveyEntity> =
      sort?.field === 'TITLE' ? textSortKey('TITLE', 's', 'title', (r) => r.title, sort.direction ?? 'ASC') : createdAtSortKey('s', sort ? (sort.direction ?? 'ASC') : 'DESC');
    return paginate(query, 's."id"', key, args);
  }

  /** One survey; NOT_FOUND when unknown, FORBIDDEN when its community is outside the caller's scopes. */
  async getSurvey(id: string, caller: Identity): Promise<NeedsSurveyEntity> {
    const survey = isUUID(id) ? await this.db.getRepository(NeedsSurveyEntity).findOneBy({ id }) : null;
    if (!survey) throw DomainException.notFound('NeedsSurvey', id);
    requireReach(seesCommunity(await this.reach(caller), survey.communityId), 'NeedsSurvey', id);
    return survey;
  }

  /** Surveys by id for references and parents; FORBIDDEN for one the caller may not see. */
  async findSurveys(ids: readonly string[], caller: Identity): Promise<NeedsSurveyEntity[]> {
    const reach = await this.reach(caller);
    const found = await this.db.getRepository(NeedsSurveyEntity).findBy({ id: In(uuidsOnly(ids)) });
    for (const survey of found) requireReach(seesCommunity(reach, survey.communityId), 'NeedsSurvey', survey.id);
    return found;
  }

  async surveysOfCommunities(communityIds: readonly string[], caller: Identity): Promise<NeedsSurveyEntity[]> {
    const reach = await this.reach(caller);
    const query = this.db.getRepository(NeedsSurveyEntity).createQueryBuilder('s').where(`s."community_id" = ANY(:communityIds::uuid[])`, { communityIds: uuidsOnly(communityIds) });
    return whereIdIn(query, reach, 's."community_id"', reach.visibleCommunityIds, 'reachCommunities').orderBy('s."created_at"', 'DESC').addOrderBy('s."id"', 'ASC').getMany();
  }

  /** Responses of the given surveys, oldest first. */
  responsesOf(surveyIds: readonly string[]): Promise<SurveyResponseEntity[]> {
    return this.db.getRepository(SurveyResponseEntity).find({
      where: { surveyId: In([...surveyIds]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** The demand analysis of each given survey, counted by PostgreSQL in two grouped queries. */
  async demandAnalyses(surveyIds: readonly string[]): Promise<SurveyDemandAnalysis[]> {
    const ids = [...surveyIds];
    const totals: { survey_id: string; responses: number }[] = await this.db.query(
      `SELECT "survey_id", count(*)::int AS "responses" FROM "assessments"."survey_response"
       WHERE "survey_id" = ANY($1::uuid[]) GROUP BY "survey_id"`,
      [ids],
    );
    const perCategory: { survey_id: string; category: string; responses: number }[] = await this.db.query(
      `SELECT r."survey_id", c."category", count(*)::int AS "responses"
       FROM "assessments"."survey_response" r CROSS JOIN LATERAL unnest(r."demand_categories") AS c("category")
       WHERE r."survey_id" = ANY($1::uuid[]) GROUP BY r."survey_id", c."category"`,
      [ids],
    );
    const totalBySurvey = new Map(totals.map((row) => [row.survey_id, row.responses]));
    const countsBySurvey = new Map<string, Map<string, number>>();
    for (const row of perCategory) {
      const counts = countsBySurvey.get(row.survey_id) ?? new Map<string, number>();
      counts.set(row.category, row.responses);
      countsBySurvey.set(row.survey_id, counts);
    }
    return ids.map((surveyId) => ({
      surveyId,
      ...analyseDemand(totalBySurvey.get(surveyId) ?? 0, countsBySurvey.get(surveyId) ?? new Map()),
    }));
  }

  /** Records a survey of an existing community the caller's scopes cover (BAD_USER_INPUT / FORBIDDEN otherwise). */
  async createSurvey(input: CreateNeedsSurveyInput, caller: Identity): Promise<NeedsSurveyEntity> {
    const [community] = await findCommunityPlacements(this.db, [input.communityId]);
    if (!community) throw DomainException.badInput('communityId', `Community ${input.communityId} does not exist.`);
    requireReach(coversCommunity(await this.reach(caller), community.id), 'Community', community.id);
    return this.db.getRepository(NeedsSurveyEntity).save({ id: randomUUID(), communityId: input.communityId, title: input.title.trim() });
  }

  /** Records a response and, in the same transaction, its `assessment.survey-response-recorded` outbox event. */
  async recordResponse(input: RecordSurveyResponseInput, caller: Identity): Promise<SurveyResponseEntity> {
    const reach = await this.reach(caller);
    return this.db.transaction(async (manager) => {
      const survey = await manager.getRepository(NeedsSurveyEntity).findOneBy({ id: input.surveyId });
      if (!survey) throw DomainException.badInput('surveyId', `Needs survey ${input.surveyId} does not exist.`);
      requireReach(coversCommunity(reach, survey.communityId), 'NeedsSurvey', survey.id);
      const label = input.respondentLabel?.trim();
      const response = await manager.getRepository(SurveyResponseEntity).save({
        id: randomUUID(),
        surveyId: survey.id,
        respondentLabel: label ? label : null,
        demandCategories: [...input.demandCategories],
      });
      await appendOutboxEvent(
        manager,
        ASSESSMENTS_SCHEMA,
        `survey-response-recorded:${response.id}`,
        domainEvent('assessment.survey-response-recorded', {
          surveyId: survey.id,
          responseId: response.id,
          communityId: survey.communityId,
          demandCategories: response.demandCategories,
          recordedAt: response.createdAt.toISOString(),
        }),
      );
      return response;
    });
  }
}
