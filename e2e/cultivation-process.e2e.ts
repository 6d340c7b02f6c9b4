import { beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_PROCESS_POLICY, type ProcessPolicy } from '@peiyu/contracts';
import { uniqueSuffix } from '@peiyu/platform-testing';
import { createPlacement, eventually, signIn, type Caller } from './support.js';

const DEMO_INSTITUTION_ID = '10000000-0000-4000-8000-000000000301';

/**
 * The process runs in a district of its own (its policy has compressed durations), so the district
 * programme manager's part is played by an admin; the institution's roles are the demo users,
 * whose institution scope covers it. The process through the gateway on the real Temporal dev server with the worker: a district
 * policy with compressed durations, an escalation that climbs and is acknowledged and resolved,
 * evidence that meets the gate through the relay, and a supervisor's approval.
 */
describe('cultivation process through the gateway', () => {
  let admin: Caller;
  let supervisor: Caller;
  let director: Caller;
  let districtId: string;
  let communityId: string;
  let institutionId: string;

  const SECONDS_LADDER: ProcessPolicy['ladder'] = [
    { role: 'SUPERVISOR', acknowledgeWithinSeconds: 2 },
    { role: 'INSTITUTION_DIRECTOR', acknowledgeWithinSeconds: 30 },
    { role: 'STREET_OFFICER', acknowledgeWithinSeconds: 60 },
    { role: 'PROGRAMME_MANAGER', acknowledgeWithinSeconds: 60 },
  ];
  const easyFormation = [
    { kind: 'NEEDS_SURVEY_RESPONSES', threshold: 1 },
    { kind: 'DEMAND_MATCHES_CATEGORY', threshold: 1 },
    { kind: 'INTEREST_ACTIVITIES', threshold: 1 },
    { kind: 'ACTIVE_MEMBERS', threshold: 1 },
    { kind: 'LEADERS', threshold: 1 },
  ];

  beforeAll(async () => {
    admin = await signIn('admin');
    supervisor = await signIn('supervisor');
    director = await signIn('director');
    ({ districtId, communityId } = await createPlacement(admin, '流程', { newDistrict: true }));
    // The demo institution, whose seeded supervisor and director are the ones notified.
    institutionId = DEMO_INSTITUTION_ID;
    const policy = {
      ...DEFAULT_PROCESS_POLICY,
      ladder: SECONDS_LADDER,
      stages: {
        ...DEFAULT_PROCESS_POLICY.stages,
        FORMATION: { ...DEFAULT_PROCESS_POLICY.stages.FORMATION, criteria: { LIFE_SERVICE: easyFormation, PUBLIC_WELFARE: easyFormation, CULTURE_SPORTS: easyFormation, MEDIATION: easyFormation } },
        // Growth and maturity open here, so the withdrawal test reaches withdrawal quickly.
        GROWTH: { ...DEFAULT_PROCESS_POLICY.stages.GROWTH, criteria: { LIFE_SERVICE: [], PUBLIC_WELFARE: [], CULTURE_SPORTS: [], MEDIATION: [] } },
        MATURITY: { ...DEFAULT_PROCESS_POLICY.stages.MATURITY, criteria: { LIFE_SERVICE: [], PUBLIC_WELFARE: [], CULTURE_SPORTS: [], MEDIATION: [] } },
      },
    };
    const stored = await admin.data<{ setProcessPolicy: { version: number } }>(
      `mutation ($input: SetProcessPolicyInput!) { setProcessPolicy(input: $input) { version } }`,
      { input: { districtId, document: JSON.stringify(policy) } },
    );
    expect(stored.setProcessPolicy.version).toBeGreaterThan(1);
  });

  async function startCultivation(name: string, deadlineInMs: number): Promise<{ id: string; organizationId: string }> {
    const { createOrganization } = await admin.data<{ createOrganization: { id: string } }>(
      `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
      { input: { name, communityId, category: 'LIFE_SERVICE' } },
    );
    const { startCultivation } = await admin.data<{ startCultivation: { id: string } }>(
      `mutation ($input: StartCultivationInput!) { startCultivation(input: $input) { id } }`,
      { input: { organizationId: createOrganization.id, institutionId, formationDeadline: new Date(Date.now() + deadlineInMs).toISOString() } },
    );
    return { id: startCultivation.id, organizationId: createOrganization.id };
  }

  const escalationsOf = `query ($id: ID!) { cultivation(id: $id) { escalationLevel escalations { id key type level status resolution steps { level role acknowledgedAt } } } }`;
  type Escalations = { cultivation: { escalationLevel: number; escalations: { id: string; key: string; type: string; level: number; status: string; resolution: string | null; steps: { level: number; role: string; acknowledgedAt: string | null }[] }[] } };

  it('climbs an unacknowledged DELAY to the institution director, stops when acknowledged, and resolves on extension', async () => {
    const { id } = await startCultivation(`爬升测试队${uniqueSuffix()}`, 1500);
    const climbed = await eventually(
      async () => {
        const { cultivation } = await admin.data<Escalations>(escalationsOf, { id });
        return cultivation.escalations[0]?.level === 2 ? cultivation : undefined;
      },
      20000,
      'the escalation to climb to level 2',
    );
    expect(climbed.escalationLevel).toBe(2);
    expect(climbed.escalations[0].steps.map((s) => [s.level, s.role])).toEqual([
      [1, 'SUPERVISOR'],
      [2, 'INSTITUTION_DIRECTOR'],
    ]);

    // Level 2 is the director's: they were told, in their inbox.
    const escalationId = climbed.escalations[0].id;
    const inbox = await director.data<{ notifications: { kind: string; escalationId: string; details: string }[]; unreadNotificationCount: number }>(
      `{ notifications(unreadOnly: true) { kind escalationId details } unreadNotificationCount }`,
    );
    expect(inbox.notifications.filter((n) => n.escalationId === escalationId).map((n) => [n.kind, JSON.parse(n.details).level])).toEqual([['ESCALATION', 2]]);
    expect(inbox.unreadNotificationCount).toBeGreaterThanOrEqual(1);
    // The supervisor may not acknowledge the director's level (the workflow's validator says so).
    const refused = await supervisor.gql(`mutation ($input: AcknowledgeEscalationInput!) { acknowledgeEscalation(input: $input) { status } }`, { input: { escalationId, plan: '我来跟进' } });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const acknowledged = await director.data<{ acknowledgeEscalation: { status: string; level: number } }>(
      `mutation ($input: AcknowledgeEscalationInput!) { acknowledgeEscalation(input: $input) { status level } }`,
      { input: { escalationId, plan: '本周内补齐组建材料' } },
    );
    expect(acknowledged.acknowledgeEscalation).toEqual({ status: 'ACKNOWLEDGED', level: 2 });

    const tooFar = await admin.gql(`mutation ($input: ExtendDeadlineInput!) { extendDeadline(input: $input) { id } }`, {
      input: { cultivationId: id, newDeadline: new Date(Date.now() + 400 * 86400000).toISOString(), reason: '延期' },
    });
    expect(tooFar.errors?.[0].extensions?.code).toBe('EXTENSION_BEYOND_POLICY');
    const noReason = await admin.gql(`mutation ($input: ExtendDeadlineInput!) { extendDeadline(input: $input) { id } }`, {
      input: { cultivationId: id, newDeadline: new Date(Date.now() + 7 * 86400000).toISOString(), reason: '' },
    });
    expect(noReason.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'reason' });

    const extended = await admin.data<{ extendDeadline: { escalationLevel: number; escalations: { status: string; resolution: string }[]; timeline: { kind: string }[] } }>(
      `mutation ($input: ExtendDeadlineInput!) { extendDeadline(input: $input) { escalationLevel escalations { status resolution } timeline { kind } } }`,
      { input: { cultivationId: id, newDeadline: new Date(Date.now() + 7 * 86400000).toISOString(), reason: '社工更替，延期一周' } },
    );
    expect(extended.extendDeadline.escalationLevel).toBe(0);
    expect(extended.extendDeadline.escalations).toEqual([{ status: 'RESOLVED', resolution: 'deadline extended' }]);
    expect(extended.extendDeadline.timeline.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['STAGE_ENTERED', 'ESCALATION_RAISED', 'ESCALATION_CLIMBED', 'ESCALATION_ACKNOWLEDGED', 'DEADLINE_EXTENDED', 'ESCALATION_RESOLVED']),
    );
  }, 60000);

  it('meets the formation gate from recorded evidence and lets a supervisor approve it into growth', async () => {
    const { id, organizationId } = await startCultivation(`证据测试队${uniqueSuffix()}`, 30 * 86400000);
    const gateQuery = `query ($id: ID!) { cultivation(id: $id) { stage gate { met criteria { kind met actual threshold missing } } } }`;
    type GateResult = { cultivation: { stage: string; gate: { met: boolean; criteria: { kind: string; met: boolean; missing: number }[] } } };
    const initial = await eventually(
      async () => {
        const { cultivation } = await admin.data<GateResult>(gateQuery, { id });
        return cultivation.gate.criteria.length ? cultivation : undefined;
      },
      10000,
      'the first gate evaluation',
    );
    expect(initial.gate.met).toBe(false);
    expect(initial.gate.criteria.map((c) => c.kind)).toEqual(easyFormation.map((c) => c.kind));

    const notYet = await (await signIn('worker')).gql(`mutation ($input: ApproveGateInput!) { approveGate(input: $input) { stage } }`, { input: { cultivationId: id } });
    expect(notYet.errors?.[0].extensions?.code).toBe('FORBIDDEN'); // a social worker is not a supervisor
    const gateNotMet = await supervisor.gql(`mutation ($input: ApproveGateInput!) { approveGate(input: $input) { stage } }`, { input: { cultivationId: id } });
    expect(gateNotMet.errors?.[0].extensions?.code).toBe('GATE_NOT_MET');

    // The evidence, recorded where it belongs; the relay tells the workflow.
    const { createNeedsSurvey } = await admin.data<{ createNeedsSurvey: { id: string } }>(
      `mutation ($input: CreateNeedsSurveyInput!) { createNeedsSurvey(input: $input) { id } }`,
      { input: { communityId, title: '居民需求调查' } },
    );
    await admin.data(`mutation ($input: RecordSurveyResponseInput!) { recordSurveyResponse(input: $input) { id } }`, {
      input: { surveyId: createNeedsSurvey.id, demandCategories: ['LIFE_SERVICE'] },
    });
    const { addMember } = await admin.data<{ addMember: { id: string } }>(`mutation ($input: AddMemberInput!) { addMember(input: $input) { id } }`, {
      input: { organizationId, name: '张阿姨', joinedOn: '2026-01-05', isLeader: true },
    });
    await admin.data(`mutation ($input: RecordActivityInput!) { recordActivity(input: $input) { id } }`, {
      input: { organizationId, kind: 'INTEREST_ACTIVITY', title: '邻里包饺子', heldOn: '2026-01-10', hours: 2, participants: 12, attendeeIds: [addMember.id] },
    });

    await eventually(
      async () => {
        const { cultivation } = await admin.data<GateResult>(gateQuery, { id });
        return cultivation.gate.met ? cultivation : undefined;
      },
      15000,
      'the gate to be met',
    );
    const requests = await supervisor.data<{ notifications: { id: string; kind: string; cultivationId: string }[] }>(`{ notifications { id kind cultivationId } }`);
    const request = requests.notifications.find((n) => n.cultivationId === id && n.kind === 'APPROVAL_REQUEST');
    expect(request).toBeDefined();
    const read = await supervisor.data<{ markNotificationRead: { readAt: string | null } }>(`mutation ($id: ID!) { markNotificationRead(id: $id) { readAt } }`, { id: request!.id });
    expect(read.markNotificationRead.readAt).not.toBeNull();
    const notMine = await director.gql(`mutation ($id: ID!) { markNotificationRead(id: $id) { readAt } }`, { id: request!.id });
    expect(notMine.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const approved = await supervisor.data<{ approveGate: { stage: string; stageHistory: { stage: string; leftAt: string | null }[] } }>(
      `mutation ($input: ApproveGateInput!) { approveGate(input: $input) { stage stageHistory { stage leftAt } } }`,
      { input: { cultivationId: id, note: '组建期材料齐全' } },
    );
    expect(approved.approveGate.stage).toBe('GROWTH');
    expect(approved.approveGate.stageHistory.map((s) => [s.stage, s.leftAt === null])).toEqual([
      ['FORMATION', false],
      ['GROWTH', true],
    ]);
  }, 60000);

  it('raises PERFORMANCE when a capacity assessment in growth fails, and resolves it when a later one passes', async () => {
    const { id, organizationId } = await startCultivation(`评估测试队${uniqueSuffix()}`, 30 * 86400000);
    const { createNeedsSurvey } = await admin.data<{ createNeedsSurvey: { id: string } }>(
      `mutation ($input: CreateNeedsSurveyInput!) { createNeedsSurvey(input: $input) { id } }`,
      { input: { communityId, title: '评估测试需求调查' } },
    );
    await admin.data(`mutation ($input: RecordSurveyResponseInput!) { recordSurveyResponse(input: $input) { id } }`, { input: { surveyId: createNeedsSurvey.id, demandCategories: ['LIFE_SERVICE'] } });
    const { addMember } = await admin.data<{ addMember: { id: string } }>(`mutation ($input: AddMemberInput!) { addMember(input: $input) { id } }`, {
      input: { organizationId, name: '赵阿姨', joinedOn: '2026-01-05', isLeader: true },
    });
    await admin.data(`mutation ($input: RecordActivityInput!) { recordActivity(input: $input) { id } }`, {
      input: { organizationId, kind: 'INTEREST_ACTIVITY', title: '邻里助餐', heldOn: '2026-01-10', hours: 2, participants: 8, attendeeIds: [addMember.id] },
    });
    await eventually(
      async () => ((await admin.data<{ cultivation: { gate: { met: boolean } } }>(`query ($id: ID!) { cultivation(id: $id) { gate { met } } }`, { id })).cultivation.gate.met ? true : undefined),
      15000,
      'the formation gate',
    );
    await supervisor.data(`mutation ($input: ApproveGateInput!) { approveGate(input: $input) { stage } }`, { input: { cultivationId: id } });

    // The built-in LIFE_SERVICE capacity rubric: six criteria scored 0..5, pass score 60.
    const keys = ['leadership', 'member_engagement', 'activity_planning', 'internal_rules', 'resources', 'service_quality'];
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const assess = (score: number) =>
      supervisor.data<{ recordAssessment: { total: number; passed: boolean } }>(`mutation ($input: RecordAssessmentInput!) { recordAssessment(input: $input) { total passed } }`, {
        input: { organizationId, kind: 'CAPACITY', assessedOn: today, scores: keys.map((key) => ({ key, score })) },
      });
    expect((await assess(1)).recordAssessment).toEqual({ total: 20, passed: false });
    const performance = (result: Escalations) => result.cultivation.escalations.find((e) => e.type === 'PERFORMANCE');
    const raised = await eventually(
      async () => {
        const escalation = performance(await admin.data<Escalations>(escalationsOf, { id }));
        return escalation?.status === 'OPEN' ? escalation : undefined;
      },
      15000,
      'a PERFORMANCE escalation from the failed assessment',
    );
    // It climbs the compressed ladder of this district (2 s at the supervisor) like any other.
    expect(raised.level).toBeGreaterThanOrEqual(1);

    expect((await assess(5)).recordAssessment).toEqual({ total: 100, passed: true });
    const resolved = await eventually(
      async () => {
        const escalation = performance(await admin.data<Escalations>(escalationsOf, { id }));
        return escalation?.status === 'RESOLVED' ? escalation : undefined;
      },
      15000,
      'the PERFORMANCE escalation to resolve on a passing assessment',
    );
    expect(resolved.id).toBe(raised.id);
  }, 60000);

  it('runs withdrawal: phases, handovers confirmed by name, the final evaluation, and follow-ups at +1, +3 and +6 months', async () => {
    const { id, organizationId } = await startCultivation(`退出测试队${uniqueSuffix()}`, 30 * 86400000);
    const worker = await signIn('worker');
    // Formation evidence, as in the previous test; growth and maturity have no criteria in this district's policy.
    const { createNeedsSurvey } = await admin.data<{ createNeedsSurvey: { id: string } }>(
      `mutation ($input: CreateNeedsSurveyInput!) { createNeedsSurvey(input: $input) { id } }`,
      { input: { communityId, title: '退出测试需求调查' } },
    );
    await admin.data(`mutation ($input: RecordSurveyResponseInput!) { recordSurveyResponse(input: $input) { id } }`, { input: { surveyId: createNeedsSurvey.id, demandCategories: ['LIFE_SERVICE'] } });
    const { addMember } = await admin.data<{ addMember: { id: string } }>(`mutation ($input: AddMemberInput!) { addMember(input: $input) { id } }`, {
      input: { organizationId, name: '李大爷', joinedOn: '2026-01-05', isLeader: true },
    });
    await admin.data(`mutation ($input: RecordActivityInput!) { recordActivity(input: $input) { id } }`, {
      input: { organizationId, kind: 'INTEREST_ACTIVITY', title: '社区书法', heldOn: '2026-01-10', hours: 2, participants: 8, attendeeIds: [addMember.id] },
    });
    const stageQuery = `query ($id: ID!) { cultivation(id: $id) { stage gate { met } } }`;
    for (const next of ['GROWTH', 'MATURITY', 'WITHDRAWAL']) {
      await eventually(
        async () => ((await admin.data<{ cultivation: { gate: { met: boolean } } }>(stageQuery, { id })).cultivation.gate.met ? true : undefined),
        15000,
        `the gate before ${next}`,
      );
      const { approveGate } = await supervisor.data<{ approveGate: { stage: string } }>(`mutation ($input: ApproveGateInput!) { approveGate(input: $input) { stage } }`, { input: { cultivationId: id } });
      expect(approveGate.stage).toBe(next);
    }

    const withdrawalQuery = `query ($id: ID!) { cultivation(id: $id) { withdrawal { phase pendingHandovers handovers { item takenOverBy } finalEvaluation { community { score } } followUps { index monthsAfter result } } } }`;
    type W = { cultivation: { withdrawal: { phase: string; pendingHandovers: string[]; handovers: { item: string; takenOverBy: string }[]; finalEvaluation: unknown; followUps: { index: number; monthsAfter: number; result: string }[] } | null } };
    const started = await eventually(async () => (await admin.data<W>(withdrawalQuery, { id })).cultivation.withdrawal ?? undefined, 10000, 'the withdrawal to start');
    expect(started).toMatchObject({ phase: 'LEADING', handovers: [], pendingHandovers: ['LEADERSHIP', 'FINANCES', 'VENUE', 'MEMBER_ROSTER', 'ACTIVITY_PLANNING'] });

    const early = await supervisor.gql(`mutation ($input: RecordFinalEvaluationInput!) { recordFinalEvaluation(input: $input) { id } }`, {
      input: { cultivationId: id, community: { score: 80, note: '好' }, organization: { score: 80, note: '好' }, institution: { score: 80, note: '好' } },
    });
    expect(early.errors?.[0].extensions?.code).toBe('WRONG_STATUS');

    for (let i = 0; i < 2; i++) await worker.data(`mutation ($input: WithdrawalRefInput!) { advanceWithdrawalPhase(input: $input) { id } }`, { input: { cultivationId: id } });
    for (const item of ['LEADERSHIP', 'FINANCES', 'VENUE', 'MEMBER_ROSTER', 'ACTIVITY_PLANNING']) {
      await worker.data(`mutation ($input: ConfirmHandoverInput!) { confirmHandoverItem(input: $input) { id } }`, { input: { cultivationId: id, item, takenOverBy: '李大爷' } });
    }
    const badScore = await supervisor.gql(`mutation ($input: RecordFinalEvaluationInput!) { recordFinalEvaluation(input: $input) { id } }`, {
      input: { cultivationId: id, community: { score: 180, note: '好' }, organization: { score: 80, note: '好' }, institution: { score: 80, note: '好' } },
    });
    expect(badScore.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'community.score' });
    // The outcome evaluation is recorded in assessments-service; the final evaluation takes its computed scores.
    const all = (keys: string[], score: number) => keys.map((key) => ({ key, score }));
    const { recordOutcomeEvaluation } = await supervisor.data<{ recordOutcomeEvaluation: { id: string; communityScore: number; levels: { level: string; metTarget: boolean }[] } }>(
      `mutation ($input: RecordOutcomeEvaluationInput!) { recordOutcomeEvaluation(input: $input) { id communityScore levels { level metTarget } } }`,
      {
        input: {
          organizationId,
          evaluatedOn: '2026-02-01',
          // Weights 3, 3, 2, 2 of 5 points each: (3 × 5 + 3 × 4 + 2 × 4 + 2 × 3) / 5 / 10 = 82.
          communityScores: [
            { key: 'resident_participation', score: 5 },
            { key: 'needs_met', score: 4 },
            { key: 'neighbourhood_cohesion', score: 4 },
            { key: 'community_governance', score: 3 },
          ],
          organizationScores: all(['self_governance', 'member_stability', 'activity_regularity', 'resource_capacity', 'financial_transparency'], 4),
          institutionScores: all(['cultivation_support', 'capacity_transfer', 'timeliness', 'process_records'], 2),
          note: '居民参与活跃',
        },
      },
    );
    expect(recordOutcomeEvaluation.communityScore).toBe(82);
    expect(recordOutcomeEvaluation.levels).toEqual([
      { level: 'COMMUNITY', metTarget: true },
      { level: 'ORGANIZATION', metTarget: true },
      { level: 'INSTITUTION', metTarget: false },
    ]);
    const both = await supervisor.gql(`mutation ($input: RecordFinalEvaluationInput!) { recordFinalEvaluation(input: $input) { id } }`, {
      input: { cultivationId: id, outcomeEvaluationId: recordOutcomeEvaluation.id, community: { score: 82, note: '好' } },
    });
    expect(both.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'outcomeEvaluationId' });
    await supervisor.data(`mutation ($input: RecordFinalEvaluationInput!) { recordFinalEvaluation(input: $input) { id } }`, {
      input: { cultivationId: id, outcomeEvaluationId: recordOutcomeEvaluation.id },
    });
    const evaluated = (await admin.data<W>(withdrawalQuery, { id })).cultivation.withdrawal!;
    expect(evaluated.phase).toBe('OBSERVING');
    expect(evaluated.pendingHandovers).toEqual([]);
    expect(evaluated.finalEvaluation).toEqual({ community: { score: 82 } });
    expect(evaluated.followUps).toEqual([
      { index: 0, monthsAfter: 1, result: 'PENDING' },
      { index: 1, monthsAfter: 3, result: 'PENDING' },
      { index: 2, monthsAfter: 6, result: 'PENDING' },
    ]);
    const notDue = await worker.gql(`mutation ($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { id } }`, { input: { cultivationId: id, index: 0, passed: true, note: '正常' } });
    expect(notDue.errors?.[0].extensions?.code).toBe('WRONG_STATUS');
  }, 90000);
});
