import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { defaultRubric, domainEvent, rubricProblem, scoreAssessment, type Identity, type OrganizationCategory, type RubricDocument, type RubricKind } from '@peiyu/contracts';
import { ASSESSMENTS_SCHEMA, AssessmentEntity, RubricEntity } from '@peiyu/assessments-data-access';
import { findOrganizationSummaries } from '@peiyu/organizations-data-access';
import { appendOutboxEvent } from '@peiyu/platform-database';
import { DomainException } from '@peiyu/platform-nest';
import { reachOf, requireEvidenceRecorder, requireReach, seesOrganization } from '@peiyu/platform-reach';
import type { RecordAssessmentInput, Rubric, SetRubricInput } from './rubrics.types.js';
import { requireRecordedDay } from './recorded-day.js';
import { storeNextVersion } from './versions.js';

const builtIn = (category: OrganizationCategory, kind: RubricKind): Rubric => ({ category, kind, version: 1, ...defaultRubric(category, kind), createdAt: null });
const stored = (row: RubricEntity): Rubric => ({ category: row.category, kind: row.kind, version: row.version, ...row.document, createdAt: row.createdAt });

/**
 * Capacity and maturity assessments against versioned rubrics. An assessment is read by whoever's
 * scopes reach its organization and recorded by whoever may record that organization's evidence; its
 * score is computed here, never typed.
 */
@Injectable()
export class RubricsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The rubric in force for a category and kind: the latest stored version, else the built-in one. */
  async current(category: OrganizationCategory, kind: RubricKind): Promise<Rubric> {
    const row = await this.db.getRepository(RubricEntity).findOne({ where: { category, kind }, order: { version: 'DESC' } });
    return row ? stored(row) : builtIn(category, kind);
  }

  /** Every version of a category and kind's rubric, newest first, the built-in one last. */
  async versions(category: OrganizationCategory, kind: RubricKind): Promise<Rubric[]> {
    const rows = await this.db.getRepository(RubricEntity).find({ where: { category, kind }, order: { version: 'DESC' } });
    return [...rows.map(stored), builtIn(category, kind)];
  }

  /** Stores the next version of a rubric; assessments already recorded keep the version they were scored against. */
  async set(input: SetRubricInput, caller: Identity): Promise<Rubric> {
    const document: RubricDocument = {
      criteria: input.criteria.map((c) => ({ key: c.key, label: c.label.trim(), weight: c.weight, maxScore: c.maxScore })),
      passScore: input.passScore,
    };
    const problem = rubricProblem(document);
    if (problem) throw DomainException.badInput(problem.field, problem.message);
    const { version } = await this.current(input.category, input.kind);
    const row = await storeNextVersion(
      () =>
        this.db.getRepository(RubricEntity).save({
          id: randomUUID(),
          category: input.category,
          kind: input.kind,
          version: version + 1,
          document,
          createdBy: caller.userId,
        }),
      'rubric',
    );
    return stored(row);
  }

  /**
   * Scores and records an assessment with its `assessment.recorded` event in one transaction.
   * NOT_FOUND-like BAD_USER_INPUT for an unknown organization, FORBIDDEN outside the caller's scopes
   * (or, for a social worker, a cultivation not assigned to them), BAD_USER_INPUT naming the score.
   */
  async record(input: RecordAssessmentInput, caller: Identity): Promise<AssessmentEntity> {
    const [organization] = await findOrganizationSummaries(this.db, [input.organizationId]);
    if (!organization) throw DomainException.badInput('organizationId', `Organization ${input.organizationId} does not exist.`);
    requireReach(seesOrganization(await reachOf(this.db, caller), organization), 'Organization', organization.id);
    await requireEvidenceRecorder(this.db, caller, organization.id);
    requireRecordedDay(input.assessedOn, 'assessedOn');
    const rubric = await this.current(organization.category, input.kind);
    const scored = scoreAssessment(rubric, input.scores);
    if ('field' in scored) throw DomainException.badInput(scored.field, scored.message);
    return this.db.transaction(async (m) => {
      const assessment = await m.getRepository(AssessmentEntity).save({
        id: randomUUID(),
        organizationId: organization.id,
        category: organization.category,
        kind: input.kind,
        rubricVersion: rubric.version,
        scores: input.scores.map((s) => ({ key: s.key, score: s.score })),
        total: scored.total,
        passScore: rubric.passScore,
        passed: scored.passed,
        assessedOn: input.assessedOn,
        assessedBy: caller.userId,
        note: input.note?.trim() || null,
      });
      await appendOutboxEvent(
        m,
        ASSESSMENTS_SCHEMA,
        `assessment.recorded:${assessment.id}`,
        domainEvent('assessment.recorded', {
          assessmentId: assessment.id,
          organizationId: assessment.organizationId,
          kind: assessment.kind,
          score: assessment.total,
          passScore: assessment.passScore,
          passed: assessment.passed,
          assessedOn: assessment.assessedOn,
          at: assessment.createdAt.toISOString(),
        }),
      );
      return assessment;
    });
  }

  /** The assessments of the given organizations, newest first; the caller reached the organizations already. */
  assessmentsOf(organizationIds: readonly string[]): Promise<AssessmentEntity[]> {
    return this.db.getRepository(AssessmentEntity).find({ where: { organizationId: In([...organizationIds]) }, order: { assessedOn: 'DESC', createdAt: 'DESC' } });
  }

  /** One organization's assessments, newest first: FORBIDDEN when the caller's scopes do not reach it. */
  async assessmentsOfOrganization(organizationId: string, caller: Identity, kind?: RubricKind | null): Promise<AssessmentEntity[]> {
    const [organization] = await findOrganizationSummaries(this.db, [organizationId]);
    if (!organization) throw DomainException.notFound('Organization', organizationId);
    requireReach(seesOrganization(await reachOf(this.db, caller), organization), 'Organization', organizationId);
    return this.db.getRepository(AssessmentEntity).find({ where: { organizationId, ...(kind ? { kind } : {}) }, order: { assessedOn: 'DESC', createdAt: 'DESC' } });
  }
}
