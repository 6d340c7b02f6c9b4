import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DEFAULT_DIRECTION_WATCH, DEFAULT_PROCESS_POLICY, type Actor, type ProcessEvent, type WithdrawalState } from '@peiyu/contracts';
import { cultivationOwnership } from '@peiyu/cultivation-data-access';
import { typeormOptions } from '@peiyu/platform-database';
import { requireDatabaseUrl } from '@peiyu/platform-testing';
import { createCultivationActivities } from './cultivation-activities.js';

/** The activities on the real PostgreSQL: what each event writes, and that a retry writes nothing more. */
describe('cultivation activities', () => {
  let db: DataSource;
  let activities: ReturnType<typeof createCultivationActivities>;
  beforeAll(async () => {
    db = await new DataSource(typeormOptions(requireDatabaseUrl(), cultivationOwnership)).initialize();
    activities = createCultivationActivities(db);
  });
  afterAll(() => db.destroy());

  async function cultivation(): Promise<string> {
    const id = randomUUID();
    await db.query(
      `INSERT INTO cultivation.cultivation (id, workflow_id, organization_id, institution_id, community_id, district_id, category, stage, status, stage_started_at, stage_deadline, started_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, 'MEDIATION', 'FORMATION', 'ACTIVE', now(), now(), now(), 1)`,
      [id, `cultivation-${id}`, randomUUID(), randomUUID(), randomUUID(), randomUUID()],
    );
    return id;
  }

  function recorder(cultivationId: string) {
    let sequence = 0;
    return async (event: ProcessEvent, at: string, retries = 1) => {
      sequence += 1;
      const results = [];
      for (let i = 0; i < retries; i++) {
        results.push(await activities.recordProcessEvent({ cultivationId, workflowId: `cultivation-${cultivationId}`, sequence, at, event }));
      }
      return results;
    };
  }

  const supervisor: Actor = { userId: randomUUID(), role: 'SUPERVISOR' };

  it('projects stage entry and approval into the stage history and emits stage-changed once', async () => {
    const id = await cultivation();
    const record = recorder(id);
    await record({ kind: 'STAGE_ENTERED', stage: 'FORMATION', deadline: '2026-03-01T00:00:00.000Z', policyVersion: 1 }, '2026-01-01T00:00:00.000Z');
    await record({ kind: 'GATE_APPROVED', stage: 'FORMATION', by: supervisor, note: null }, '2026-02-20T00:00:00.000Z');
    const retried = await record({ kind: 'STAGE_ENTERED', stage: 'GROWTH', deadline: '2026-08-19T00:00:00.000Z', policyVersion: 2 }, '2026-02-20T00:00:00.000Z', 3);
    expect(retried.map((r) => r.recorded)).toEqual([true, false, false]);

    const history = await db.query(`SELECT stage, left_at, deadline, policy_version, approved_by FROM cultivation.stage_history WHERE cultivation_id = $1 ORDER BY entered_at, stage DESC`, [id]);
    expect(history).toEqual([
      { stage: 'FORMATION', left_at: new Date('2026-02-20T00:00:00.000Z'), deadline: new Date('2026-03-01T00:00:00.000Z'), policy_version: 1, approved_by: supervisor.userId },
      { stage: 'GROWTH', left_at: null, deadline: new Date('2026-08-19T00:00:00.000Z'), policy_version: 2, approved_by: null },
    ]);
    const [row] = await db.query(`SELECT stage, policy_version FROM cultivation.cultivation WHERE id = $1`, [id]);
    expect(row).toEqual({ stage: 'GROWTH', policy_version: 2 });
    const events = await db.query(`SELECT payload FROM cultivation.outbox WHERE type = 'cultivation.stage-changed' AND payload->>'cultivationId' = $1`, [id]);
    expect(events).toEqual([{ payload: { cultivationId: id, from: 'FORMATION', to: 'GROWTH', at: '2026-02-20T00:00:00.000Z', deadline: '2026-08-19T00:00:00.000Z' } }]);
    const timeline = await db.query(`SELECT sequence, kind, actor_role FROM cultivation.timeline_event WHERE cultivation_id = $1 ORDER BY sequence`, [id]);
    expect(timeline).toEqual([
      { sequence: 1, kind: 'STAGE_ENTERED', actor_role: null },
      { sequence: 2, kind: 'GATE_APPROVED', actor_role: 'SUPERVISOR' },
      { sequence: 3, kind: 'STAGE_ENTERED', actor_role: null },
    ]);
  });

  it('keeps one escalation row that climbs, with a step per level, an acknowledgement and a resolution', async () => {
    const id = await cultivation();
    const record = recorder(id);
    await record({ kind: 'ESCALATION_RAISED', key: 'DELAY:FORMATION:1', type: 'DELAY', stage: 'FORMATION', level: 1, levelDueAt: '2026-03-04T00:00:00.000Z', role: 'SUPERVISOR' }, '2026-03-01T00:00:00.000Z', 2);
    await record({ kind: 'ESCALATION_CLIMBED', key: 'DELAY:FORMATION:1', level: 2, levelDueAt: '2026-03-07T00:00:00.000Z', role: 'INSTITUTION_DIRECTOR' }, '2026-03-04T00:00:00.000Z', 2);
    expect((await db.query(`SELECT escalation_level FROM cultivation.cultivation WHERE id = $1`, [id]))[0].escalation_level).toBe(2);
    const director: Actor = { userId: randomUUID(), role: 'INSTITUTION_DIRECTOR' };
    await record({ kind: 'ESCALATION_ACKNOWLEDGED', key: 'DELAY:FORMATION:1', level: 2, by: director, plan: '增派社工' }, '2026-03-05T00:00:00.000Z');
    await record({ kind: 'ESCALATION_RESOLVED', key: 'DELAY:FORMATION:1', resolution: 'deadline extended' }, '2026-03-06T00:00:00.000Z', 2);

    const escalations = await db.query(`SELECT id, key, level, status, acknowledged_by, acknowledgement_plan, resolution FROM cultivation.escalation WHERE cultivation_id = $1`, [id]);
    expect(escalations).toEqual([
      { id: expect.any(String), key: 'DELAY:FORMATION:1', level: 2, status: 'RESOLVED', acknowledged_by: director.userId, acknowledgement_plan: '增派社工', resolution: 'deadline extended' },
    ]);
    const steps = await db.query(`SELECT level, acknowledged_by, plan FROM cultivation.escalation_step WHERE escalation_id = $1 ORDER BY level`, [escalations[0].id]);
    expect(steps).toEqual([
      { level: 1, acknowledged_by: null, plan: null },
      { level: 2, acknowledged_by: director.userId, plan: '增派社工' },
    ]);
    expect((await db.query(`SELECT escalation_level FROM cultivation.cultivation WHERE id = $1`, [id]))[0].escalation_level).toBe(0);
    const outbox = await db.query(
      `SELECT type, payload->>'level' AS level FROM cultivation.outbox WHERE payload->>'cultivationId' = $1 ORDER BY id`,
      [id],
    );
    expect(outbox).toEqual([
      { type: 'cultivation.escalation-raised', level: '1' },
      { type: 'cultivation.escalation-raised', level: '2' },
      { type: 'cultivation.escalation-acknowledged', level: '2' },
      { type: 'cultivation.escalation-resolved', level: null },
    ]);
  });

  it('notifies the level\'s role in scope once, in the inbox and by mail, and nobody outside the scope', async () => {
    const mails: string[] = [];
    const notifying = createCultivationActivities(db, { send: async (to, subject) => void mails.push(`${to.map((r) => r.displayName).join(',')}: ${subject}`) });
    const id = await cultivation();
    const [{ institution_id: institutionId, district_id: districtId }] = await db.query(`SELECT institution_id, district_id FROM cultivation.cultivation WHERE id = $1`, [id]);
    const user = async (role: string, scope: object) => {
      const userId = randomUUID();
      await db.query(`INSERT INTO identity.user_account (id, username, display_name, password_hash, role, scopes, version) VALUES ($1, $2, $3, 'x', $4, $5, 1)`, [
        userId,
        `u-${userId}`,
        `${role}-${userId.slice(0, 4)}`,
        role,
        JSON.stringify([scope]),
      ]);
      return userId;
    };
    const supervisorInScope = await user('SUPERVISOR', { kind: 'INSTITUTION', id: institutionId });
    const supervisorElsewhere = await user('SUPERVISOR', { kind: 'INSTITUTION', id: randomUUID() });
    const managerOfDistrict = await user('PROGRAMME_MANAGER', { kind: 'DISTRICT', id: districtId });
    const event = { kind: 'ESCALATION_RAISED' as const, key: 'DELAY:FORMATION:1', type: 'DELAY' as const, stage: 'FORMATION' as const, level: 1, levelDueAt: '2026-03-04T00:00:00.000Z', role: 'SUPERVISOR' as const };
    for (let attempt = 0; attempt < 2; attempt++) {
      await notifying.recordProcessEvent({ cultivationId: id, workflowId: `cultivation-${id}`, sequence: 1, at: '2026-03-01T00:00:00.000Z', event });
    }
    const inbox = await db.query(`SELECT user_id, kind, escalation_id IS NOT NULL AS has_escalation FROM cultivation.notification WHERE cultivation_id = $1`, [id]);
    expect(inbox).toEqual([{ user_id: supervisorInScope, kind: 'ESCALATION', has_escalation: true }]);
    expect(inbox.map((n: { user_id: string }) => n.user_id)).not.toContain(supervisorElsewhere);
    expect(mails).toHaveLength(1);

    await notifying.recordProcessEvent({ cultivationId: id, workflowId: `cultivation-${id}`, sequence: 2, at: '2026-03-10T00:00:00.000Z', event: { kind: 'ESCALATION_CLIMBED', key: 'DELAY:FORMATION:1', level: 4, levelDueAt: '2026-03-15T00:00:00.000Z', role: 'PROGRAMME_MANAGER' } });
    const managers = await db.query(`SELECT user_id FROM cultivation.notification WHERE cultivation_id = $1 AND user_id = $2`, [id, managerOfDistrict]);
    expect(managers).toHaveLength(1);
  });

  it('records a notifying event on a pool of one connection: every read of the event is on its own transaction', async () => {
    // Reading recipients on a second pooled connection while the transaction holds the first would
    // wait for ever once as many events run at once as the pool has connections; one is enough here.
    const base = typeormOptions(requireDatabaseUrl(), cultivationOwnership);
    const single = await new DataSource({ ...base, extra: { ...base.extra, max: 1 } }).initialize();
    try {
      const id = await cultivation();
      const [{ institution_id: institutionId }] = await db.query(`SELECT institution_id FROM cultivation.cultivation WHERE id = $1`, [id]);
      const userId = randomUUID();
      await db.query(`INSERT INTO identity.user_account (id, username, display_name, password_hash, role, scopes, version) VALUES ($1, $2, '督导', 'x', 'SUPERVISOR', $3, 1)`, [
        userId,
        `u-${userId}`,
        JSON.stringify([{ kind: 'INSTITUTION', id: institutionId }]),
      ]);
      const event = { kind: 'ESCALATION_RAISED' as const, key: 'DELAY:FORMATION:1', type: 'DELAY' as const, stage: 'FORMATION' as const, level: 1, levelDueAt: '2026-03-04T00:00:00.000Z', role: 'SUPERVISOR' as const };
      const recorded = createCultivationActivities(single).recordProcessEvent({ cultivationId: id, workflowId: `cultivation-${id}`, sequence: 1, at: '2026-03-01T00:00:00.000Z', event });
      const hung = new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 5000).unref());
      expect(await Promise.race([recorded, hung])).toEqual({ recorded: true });
      expect(await db.query(`SELECT user_id FROM cultivation.notification WHERE cultivation_id = $1`, [id])).toEqual([{ user_id: userId }]);
    } finally {
      await single.destroy();
    }
  });

  it('loads a district policy before the city-wide one, and the built-in default when none is stored', async () => {
    const districtId = randomUUID();
    expect(await activities.loadPolicy({ districtId })).toEqual(expect.objectContaining({ version: expect.any(Number) }));
    const own = { ...DEFAULT_PROCESS_POLICY, version: 7, maxPauseSeconds: 60 };
    await db.query(`INSERT INTO cultivation.process_policy (id, district_id, version, document) VALUES ($1, $2, 7, $3)`, [randomUUID(), districtId, JSON.stringify(own)]);
    expect(await activities.loadPolicy({ districtId })).toEqual(own);
  });

  it('judges direction from the recorded activities and the community demand analysis, read through their owners', async () => {
    const [districtId, streetId, communityId, organizationId, surveyId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await db.query(`INSERT INTO communities.district (id, name, code, version) VALUES ($1, '方向测试区', $2, 1)`, [districtId, `DIR-${districtId.slice(0, 8)}`]);
    await db.query(`INSERT INTO communities.street (id, district_id, name, version) VALUES ($1, $2, '街道', 1)`, [streetId, districtId]);
    await db.query(`INSERT INTO communities.community (id, street_id, district_id, name, version) VALUES ($1, $2, $3, '社区', 1)`, [communityId, streetId, districtId]);
    await db.query(`INSERT INTO organizations.organization (id, name, community_id, category, status, version) VALUES ($1, '助餐队', $2, 'LIFE_SERVICE', 'FORMING', 1)`, [organizationId, communityId]);
    await db.query(`INSERT INTO assessments.needs_survey (id, community_id, title, version) VALUES ($1, $2, '需求调查', 1)`, [surveyId, communityId]);
    for (let i = 0; i < 3; i++) await db.query(`INSERT INTO assessments.survey_response (id, survey_id, demand_categories) VALUES ($1, $2, ARRAY['LIFE_SERVICE'])`, [randomUUID(), surveyId]);
    const day = (daysAgo: number) => new Date(Date.now() + 8 * 3600000 - daysAgo * 86400000).toISOString().slice(0, 10);
    const activity = (kind: string, title: string, daysAgo: number) =>
      db.query(`INSERT INTO organizations.activity (id, organization_id, kind, title, held_on, hours, participants, version) VALUES ($1, $2, $3, $4, $5, 2, 10, 1)`, [randomUUID(), organizationId, kind, title, day(daysAgo)]);
    await activity('SERVICE', '周三助餐', 40);
    await activity('INTEREST_ACTIVITY', '棋牌娱乐', 30);
    await activity('INTEREST_ACTIVITY', '麻将比赛', 20);
    await activity('MEETING', '骨干例会', 15);
    await activity('INTEREST_ACTIVITY', '扑克联赛', 10);
    await activity('INTEREST_ACTIVITY', '棋牌娱乐', 5);
    await activity('SERVICE', '助餐', 200); // outside the 90-day window

    const judgement = await activities.checkDirection({ organizationId, communityId, category: 'LIFE_SERVICE', watch: DEFAULT_DIRECTION_WATCH });
    expect(judgement).toMatchObject({ drifted: true, target: 'LIFE_SERVICE', counted: 5, matching: 1 });
    expect(judgement.reason).toContain('the demand analysis recommends LIFE_SERVICE (3 responses)');
    expect(judgement.reason).toContain(`棋牌娱乐 (INTEREST_ACTIVITY, ${day(5)})`);
    await activity('SERVICE', '上门送餐', 1);
    await activity('SERVICE', '老人助浴', 1);
    await activity('SERVICE', '便民理发', 1);
    expect(await activities.checkDirection({ organizationId, communityId, category: 'LIFE_SERVICE', watch: DEFAULT_DIRECTION_WATCH })).toMatchObject({ drifted: false, counted: 8, matching: 4 });
  });

  /** An assessment as assessments-service records it (the columns the readers read, the rest filled in). */
  async function assessment(organizationId: string, kind: 'CAPACITY' | 'MATURITY', assessedOn: string, total: number, passed: boolean): Promise<string> {
    const id = randomUUID();
    await db.query(
      `INSERT INTO assessments.assessment (id, organization_id, category, kind, rubric_version, scores, total, pass_score, passed, assessed_on, assessed_by, version)
       VALUES ($1, $2, 'LIFE_SERVICE', $3, 1, '[]', $4, 60, $5, $6, $7, 1)`,
      [id, organizationId, kind, total, passed, assessedOn, randomUUID()],
    );
    return id;
  }

  it('judges the assessment criteria from the latest assessment of each kind made in the stage', async () => {
    const organizationId = randomUUID();
    const criteria = [
      { kind: 'CAPACITY_ASSESSMENT_PASSED' as const, threshold: 1 },
      { kind: 'MATURITY_ASSESSMENT_PASSED' as const, threshold: 1 },
    ];
    // Growth entered on 2026-03-01 in China (16:00 UTC the day before).
    const command = { organizationId, communityId: randomUUID(), category: 'LIFE_SERVICE' as const, stage: 'GROWTH' as const, criteria, stageStartedAt: '2026-02-28T16:00:00.000Z' };
    await assessment(organizationId, 'CAPACITY', '2026-02-20', 85, true);
    expect((await activities.evaluateGate(command)).map((c) => [c.met, c.evidence])).toEqual([
      [false, 'the latest capacity assessment scored 85 against a pass score of 60 on 2026-02-20, before the stage began on 2026-03-01'],
      [false, 'no maturity assessment recorded'],
    ]);
    await assessment(organizationId, 'CAPACITY', '2026-03-01', 52.5, false);
    expect((await activities.evaluateGate(command))[0]).toMatchObject({ met: false, evidence: 'the latest capacity assessment scored 52.5 against a pass score of 60 on 2026-03-01: failed' });
    await assessment(organizationId, 'CAPACITY', '2026-04-10', 71, true);
    expect((await activities.evaluateGate(command))[0]).toEqual({
      kind: 'CAPACITY_ASSESSMENT_PASSED',
      threshold: 1,
      actual: 1,
      met: true,
      evidence: 'the latest capacity assessment scored 71 against a pass score of 60 on 2026-04-10: passed',
    });
  });

  it('reads the latest assessment of the stage kind, with its id, only when made on or after the stage start', async () => {
    const organizationId = randomUUID();
    const since = '2026-02-28T16:00:00.000Z'; // 2026-03-01 in China
    expect(await activities.latestStageAssessment({ organizationId, kind: 'CAPACITY', since })).toBeNull();
    await assessment(organizationId, 'CAPACITY', '2026-02-28', 40, false);
    expect(await activities.latestStageAssessment({ organizationId, kind: 'CAPACITY', since })).toBeNull();
    const failed = await assessment(organizationId, 'CAPACITY', '2026-03-01', 40, false);
    await assessment(organizationId, 'MATURITY', '2026-03-05', 90, true);
    expect(await activities.latestStageAssessment({ organizationId, kind: 'CAPACITY', since })).toEqual({
      assessmentId: failed,
      kind: 'CAPACITY',
      score: 40,
      passScore: 60,
      passed: false,
      assessedOn: '2026-03-01',
    });
  });

  it('writes a follow-up-recorded event once per recorded or missed follow-up, with its months from the schedule', async () => {
    const id = await cultivation();
    const worker: Actor = { userId: randomUUID(), role: 'SOCIAL_WORKER' };
    const followUp = (index: number, monthsAfter: number, result: WithdrawalState['followUps'][number]['result']) => ({
      index,
      monthsAfter,
      dueAt: '2026-06-01T00:00:00.000Z',
      windowEndsAt: '2026-06-15T00:00:00.000Z',
      result,
      announcedAt: null,
      note: null,
      recordedAt: null,
    });
    const withdrawal = (sequence: number, results: WithdrawalState['followUps'][number]['result'][]): WithdrawalState => ({
      phase: 'OBSERVING',
      handovers: [],
      finalEvaluation: null,
      followUps: results.map((r, i) => followUp(i, [1, 3, 6][i], r)),
      reengagements: 0,
      outcome: 'IN_PROGRESS',
      sequence,
    });
    // The withdrawal child numbers its own events.
    const record = (sequence: number, event: ProcessEvent, at: string) =>
      activities.recordProcessEvent({ cultivationId: id, workflowId: `withdrawal-${id}`, stream: 'withdrawal', sequence, at, event });
    for (let attempt = 0; attempt < 2; attempt++) {
      await record(1, { kind: 'FOLLOW_UP_RECORDED', by: worker, index: 0, passed: true, withdrawal: withdrawal(1, ['PASSED', 'PENDING', 'PENDING']) }, '2026-07-01T00:00:00.000Z');
      await record(2, { kind: 'FOLLOW_UP_MISSED', index: 1, withdrawal: withdrawal(2, ['PASSED', 'MISSED', 'PENDING']) }, '2026-09-15T00:00:00.000Z');
      await record(3, { kind: 'FOLLOW_UP_RECORDED', by: worker, index: 1, passed: false, withdrawal: withdrawal(3, ['PASSED', 'FAILED', 'PENDING']) }, '2026-09-20T00:00:00.000Z');
    }
    const events = await db.query(`SELECT version, payload FROM cultivation.outbox WHERE type = 'cultivation.follow-up-recorded' AND payload->>'cultivationId' = $1 ORDER BY id`, [id]);
    expect(events).toEqual([
      { version: 1, payload: { cultivationId: id, index: 0, monthsAfter: 1, result: 'PASSED', at: '2026-07-01T00:00:00.000Z' } },
      { version: 1, payload: { cultivationId: id, index: 1, monthsAfter: 3, result: 'MISSED', at: '2026-09-15T00:00:00.000Z' } },
      { version: 1, payload: { cultivationId: id, index: 1, monthsAfter: 3, result: 'FAILED', at: '2026-09-20T00:00:00.000Z' } },
    ]);
  });
});
