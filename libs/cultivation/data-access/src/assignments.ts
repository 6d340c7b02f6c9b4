import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DataSource } from 'typeorm';
import { CULTIVATION_SCHEMA } from './entities.js';

/** A social worker assigned to a cultivation: the one who records its evidence. */
@Entity({ schema: CULTIVATION_SCHEMA, name: 'assignment' })
export class AssignmentEntity {
  @PrimaryColumn('uuid', { name: 'cultivation_id' }) cultivationId: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId: string;
  @Column('timestamptz', { name: 'assigned_at' }) assignedAt: Date;
  @Column('uuid', { name: 'assigned_by' }) assignedBy: string;
}

/** The open cultivation of each given organization (if any) and the social workers assigned to it. */
export interface OpenCultivationAssignment {
  organizationId: string;
  cultivationId: string;
  assignedUserIds: string[];
}

/**
 * For other domains' services: whether an organization is under an open cultivation, and to whom it
 * is assigned (what decides whether a social worker may record its evidence). Plain SQL.
 */
export async function findOpenCultivationAssignments(db: DataSource, organizationIds: readonly string[]): Promise<OpenCultivationAssignment[]> {
  if (organizationIds.length === 0) return [];
  const rows: { organization_id: string; id: string; users: string[] }[] = await db.query(
    `SELECT c."organization_id", c."id", COALESCE(array_agg(a."user_id") FILTER (WHERE a."user_id" IS NOT NULL), '{}') AS "users"
       FROM "cultivation"."cultivation" c LEFT JOIN "cultivation"."assignment" a ON a."cultivation_id" = c."id"
      WHERE c."organization_id" = ANY($1::uuid[]) AND c."status" <> 'TERMINATED' AND c."stage" <> 'COMPLETED'
      GROUP BY c."organization_id", c."id"`,
    [[...organizationIds]],
  );
  return rows.map((r) => ({ organizationId: r.organization_id, cultivationId: r.id, assignedUserIds: r.users }));
}
