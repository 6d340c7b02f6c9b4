import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import type { DataSource } from 'typeorm';
import { STAGES, type Scope, type Stage } from '@peiyu/contracts';
import { DomainException } from '@peiyu/platform-nest';
import type { StageCount } from './analytics.types.js';
import { DEADLINE_STEPS_SQL, deadlineInForce, deadlineJoins, pausedAt } from './overdue-sql.js';
import { scopeParams, scopeSql } from './scope.js';

/** The cultivations `c` of the district $1 (all when null) within the caller's scopes ($2-$6). */
const DISTRICT_IN_SCOPE_SQL = `($1::uuid IS NULL OR c."district_id" = $1::uuid) AND ${scopeSql('c', 2)}`;

/**
 * The dashboard counts, read from the analytics read model only; never from another service's
 * tables. Each counts only the cultivations within the caller's scopes.
 */
@Injectable()
export class AnalyticsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Every stage from FORMATION to COMPLETED, in that order, with the cultivations in it (zero included); terminated ones are in none. */
  async stageFunnel(scopes: readonly Scope[], districtId?: string | null): Promise<StageCount[]> {
    const rows: { stage: Stage; count: number }[] = await this.db.query(
      `SELECT c."stage", count(*)::int AS "count" FROM "analytics"."cultivation_fact" c
       WHERE ${DISTRICT_IN_SCOPE_SQL} AND c."status" <> 'TERMINATED' GROUP BY c."stage"`,
      [this.checkedDistrict(districtId), ...scopeParams(scopes)],
    );
    const counts = new Map(rows.map((row) => [row.stage, row.count]));
    return STAGES.map((stage) => ({ stage, count: counts.get(stage) ?? 0 }));
  }

  /** The escalations raised for the cultivations and not resolved. */
  async openEscalationCount(scopes: readonly Scope[], districtId?: string | null): Promise<number> {
    const [row]: { open: number }[] = await this.db.query(
      `SELECT count(*)::int AS "open"
       FROM "analytics"."escalation_fact" e JOIN "analytics"."cultivation_fact" c ON c."cultivation_id" = e."cultivation_id"
       WHERE ${DISTRICT_IN_SCOPE_SQL} AND e."resolved_at" IS NULL`,
      [this.checkedDistrict(districtId), ...scopeParams(scopes)],
    );
    return row.open;
  }

  /** The cultivations overdue now: in a working stage, not paused, past the deadline in force (see overdue-sql.ts). */
  async overdueCount(scopes: readonly Scope[], districtId?: string | null, now = new Date()): Promise<number> {
    const [row]: { overdue: number }[] = await this.db.query(
      `WITH ${DEADLINE_STEPS_SQL}
       SELECT count(*)::int AS "overdue"
       FROM "analytics"."stage_period" p JOIN "analytics"."cultivation_fact" c ON c."cultivation_id" = p."cultivation_id"
       ${deadlineJoins('p', '$7::timestamptz')}
       WHERE ${DISTRICT_IN_SCOPE_SQL} AND p."left_at" IS NULL AND p."stage" <> 'COMPLETED' AND p."entered_at" <= $7::timestamptz
         AND NOT ${pausedAt('p', '$7::timestamptz')} AND ${deadlineInForce('p')} < $7::timestamptz`,
      [this.checkedDistrict(districtId), ...scopeParams(scopes), now],
    );
    return row.overdue;
  }

  private checkedDistrict(districtId?: string | null): string | null {
    if (districtId == null) return null;
    if (!isUUID(districtId)) throw DomainException.badInput('districtId', 'districtId must be a UUID');
    return districtId;
  }
}
