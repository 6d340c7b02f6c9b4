// The demo district that `npm start` (and the end-to-end tests) run against. Idempotent: fixed ids,
// inserts that skip what exists, and users whose password is reset to the demo one.
import pg from 'pg';
import type { OrganizationCategory, Role, Scope } from '@peiyu/contracts';
import { hashPassword } from '@peiyu/platform-auth';
import { SCALES, generateDataset } from '@peiyu/platform-data-generator';

export const DEMO_PASSWORD = 'peiyu-demo';

/** Fixed ids, so the seed can run any number of times and tests can refer to the demo data. */
export const DEMO = {
  districtId: '10000000-0000-4000-8000-000000000001',
  streets: [
    { id: '10000000-0000-4000-8000-000000000101', name: '和平街道' },
    { id: '10000000-0000-4000-8000-000000000102', name: '长乐街道' },
  ],
  communities: [
    { id: '10000000-0000-4000-8000-000000000201', streetIndex: 0, name: '幸福里社区' },
    { id: '10000000-0000-4000-8000-000000000202', streetIndex: 0, name: '春晖社区' },
    { id: '10000000-0000-4000-8000-000000000203', streetIndex: 1, name: '安康社区' },
  ],
  institutionId: '10000000-0000-4000-8000-000000000301',
  serviceContractId: '10000000-0000-4000-8000-000000000311',
  organizations: [
    { id: '10000000-0000-4000-8000-000000000401', communityIndex: 0, name: '幸福里长者助餐队', category: 'LIFE_SERVICE' },
    { id: '10000000-0000-4000-8000-000000000402', communityIndex: 0, name: '幸福里广场舞队', category: 'CULTURE_SPORTS' },
    { id: '10000000-0000-4000-8000-000000000403', communityIndex: 1, name: '春晖邻里调解会', category: 'MEDIATION' },
    { id: '10000000-0000-4000-8000-000000000404', communityIndex: 2, name: '安康志愿服务队', category: 'PUBLIC_WELFARE' },
  ] as { id: string; communityIndex: number; name: string; category: OrganizationCategory }[],
};

/**
 * The generated history `npm start` writes beside the demo district (seed-demo-history.ts): the
 * generator's demo scale, one district with three years of cultivations. Its ids depend on the seed
 * only, so the district manager and the analyst can be given it before it is written.
 */
export const DEMO_HISTORY = { scale: SCALES.demo, seed: 42 } as const;
export const DEMO_HISTORY_DISTRICT_IDS: readonly string[] = generateDataset(DEMO_HISTORY).districts.map((d) => d.id);
const districtScopes = (): Scope[] => [DEMO.districtId, ...DEMO_HISTORY_DISTRICT_IDS].map((id) => ({ kind: 'DISTRICT', id }));

const DEMO_USERS: { id: string; username: string; displayName: string; role: Role; scopes: Scope[] }[] = [
  { id: '10000000-0000-4000-8000-000000000501', username: 'admin', displayName: '系统管理员', role: 'ADMIN', scopes: [{ kind: 'CITY', id: null }] },
  { id: '10000000-0000-4000-8000-000000000502', username: 'manager', displayName: '王主管', role: 'PROGRAMME_MANAGER', scopes: districtScopes() },
  { id: '10000000-0000-4000-8000-000000000503', username: 'worker', displayName: '李社工', role: 'SOCIAL_WORKER', scopes: [{ kind: 'INSTITUTION', id: DEMO.institutionId }] },
  { id: '10000000-0000-4000-8000-000000000504', username: 'analyst', displayName: '赵分析', role: 'ANALYST', scopes: districtScopes() },
  { id: '10000000-0000-4000-8000-000000000505', username: 'supervisor', displayName: '陈督导', role: 'SUPERVISOR', scopes: [{ kind: 'INSTITUTION', id: DEMO.institutionId }] },
  { id: '10000000-0000-4000-8000-000000000506', username: 'director', displayName: '周主任', role: 'INSTITUTION_DIRECTOR', scopes: [{ kind: 'INSTITUTION', id: DEMO.institutionId }] },
  { id: '10000000-0000-4000-8000-000000000507', username: 'street', displayName: '吴街道', role: 'STREET_OFFICER', scopes: [{ kind: 'STREET', id: DEMO.streets[0].id }] },
];

export async function seedDemo(databaseUrl: string): Promise<void> {
  // Runs after the services have migrated their schemas; plain SQL in one transaction.
  const m = new pg.Client({ connectionString: databaseUrl });
  await m.connect();
  try {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await m.query('BEGIN');
    await m.query(
      `INSERT INTO "communities"."district" ("id", "name", "code", "version") VALUES ($1, '示范区', 'DEMO', 1) ON CONFLICT DO NOTHING`,
      [DEMO.districtId],
    );
    for (const street of DEMO.streets) {
      await m.query(`INSERT INTO "communities"."street" ("id", "district_id", "name", "version") VALUES ($1, $2, $3, 1) ON CONFLICT DO NOTHING`, [
        street.id,
        DEMO.districtId,
        street.name,
      ]);
    }
    for (const community of DEMO.communities) {
      await m.query(
        `INSERT INTO "communities"."community" ("id", "street_id", "district_id", "name", "version") VALUES ($1, $2, $3, $4, 1) ON CONFLICT DO NOTHING`,
        [community.id, DEMO.streets[community.streetIndex].id, DEMO.districtId, community.name],
      );
    }
    await m.query(`INSERT INTO "organizations"."institution" ("id", "name", "version") VALUES ($1, '阳光社会工作服务中心', 1) ON CONFLICT DO NOTHING`, [
      DEMO.institutionId,
    ]);
    // The district buys the demo institution's services over the whole district, so its staff work there.
    await m.query(
      `INSERT INTO "organizations"."service_contract" ("id", "institution_id", "district_id", "street_ids", "reference", "starts_on", "ends_on", "version")
       VALUES ($1, $2, $3, '{}', '示范区购买服务-2026-01', '2026-01-01', '2028-12-31', 1) ON CONFLICT DO NOTHING`,
      [DEMO.serviceContractId, DEMO.institutionId, DEMO.districtId],
    );
    for (const org of DEMO.organizations) {
      await m.query(
        `INSERT INTO "organizations"."organization" ("id", "name", "community_id", "category", "status", "version") VALUES ($1, $2, $3, $4, 'FORMING', 1) ON CONFLICT DO NOTHING`,
        [org.id, org.name, DEMO.communities[org.communityIndex].id, org.category],
      );
    }
    for (const user of DEMO_USERS) {
      await m.query(
        `INSERT INTO "identity"."user_account" ("id", "username", "display_name", "password_hash", "role", "scopes", "version")
         VALUES ($1, $2, $3, $4, $5, $6, 1)
         ON CONFLICT ("username") DO UPDATE SET "password_hash" = EXCLUDED."password_hash", "role" = EXCLUDED."role", "scopes" = EXCLUDED."scopes"`,
        [user.id, user.username, user.displayName, passwordHash, user.role, JSON.stringify(user.scopes)],
      );
    }
    await m.query('COMMIT');
  } catch (error) {
    await m.query('ROLLBACK');
    throw error;
  } finally {
    await m.end();
  }
}
