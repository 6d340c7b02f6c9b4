import type { DataSource } from 'typeorm';
import { DEFAULT_PROCESS_POLICY, type ProcessPolicy } from '@peiyu/contracts';

/** The policy in force for a district: its own latest version, else the city-wide one, else the built-in default. */
export async function currentPolicy(db: DataSource, districtId: string): Promise<ProcessPolicy> {
  const rows: { document: ProcessPolicy }[] = await db.query(
    `SELECT "document" FROM "cultivation"."process_policy"
     WHERE "district_id" = $1 OR "district_id" IS NULL
     ORDER BY ("district_id" IS NULL), "version" DESC LIMIT 1`,
    [districtId],
  );
  return rows[0]?.document ?? DEFAULT_PROCESS_POLICY;
}
