import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import type { DataSource } from 'typeorm';
import { STAGES, type Stage } from '@peiyu/contracts';
import { DomainException } from '@peiyu/platform-nest';
import type { StageCount } from './analytics.types.js';

/** Indicators read from the analytics read model only; never from another service's tables. */
@Injectable()
export class AnalyticsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Every stage from FORMATION to COMPLETED, in that order, with the cultivations in it (zero included); terminated ones are in none. */
  async stageFunnel(districtId?: string | null): Promise<StageCount[]> {
    const district = this.checkedDistrict(districtId);
    const rows: { stage: Stage; count: number }[] = await this.db.query(
      `SELECT "stage", count(*)::int AS "count" FROM "analytics"."cultivation_fact"
       WHERE ($1::uuid IS NULL OR "district_id" = $1::uuid) AND "status" <> 'TERMINATED' GROUP BY "stage"`,
      [district],
    );
    const counts = new Map(rows.map((row) => [row.stage, row.count]));
    return STAGES.map((stage) => ({ stage, count: counts.get(stage) ?? 0 }));
  }

  /** The escalations raised for the cultivations and not resolved. */
  async openEscalationCount(districtId?: string | null): Promise<number> {
    const district = this.checkedDistrict(districtId);
    const [row]: { open: number }[] = await this.db.query(
      `SELECT count(*)::int AS "open"
       FROM "analytics"."escalation_fact" e JOIN "analytics"."cultivation_fact" c ON c."cultivation_id" = e."cultivation_id"
       WHERE ($1::uuid IS NULL OR c."district_id" = $1::uuid) AND e."resolved_at" IS NULL`,
      [district],
    );
    return row.open;
  }

  private checkedDistrict(districtId?: string | null): string | null {
    if (districtId == null) return null;
    if (!isUUID(districtId)) throw DomainException.badInput('districtId', 'districtId must be a UUID');
    return districtId;
  }
}
