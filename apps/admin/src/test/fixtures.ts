// Data for component tests, shaped as the generated operation types say the server sends it.
import type { CultivationDetail, EscalationFields } from '../graphql/cultivationDetail';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

export function escalationFixture(overrides: Partial<EscalationFields> = {}): EscalationFields {
  return {
    id: 'esc-1',
    key: 'delay:FORMATION:1',
    type: 'DELAY',
    level: 1,
    stage: 'FORMATION',
    status: 'OPEN',
    raisedAt: inDays(-1),
    levelDueAt: inDays(2),
    acknowledgedAt: null,
    acknowledgementPlan: null,
    resolvedAt: null,
    resolution: null,
    steps: [{ level: 1, role: 'INSTITUTION_DIRECTOR', raisedAt: inDays(-1), dueAt: inDays(2), acknowledgedAt: null, plan: null }],
    ...overrides,
  };
}

export function cultivationFixture(overrides: Partial<CultivationDetail> = {}): CultivationDetail {
  return {
    id: 'cult-1',
    stage: 'FORMATION',
    status: 'ACTIVE',
    stageStartedAt: inDays(-30),
    stageDeadline: inDays(30),
    startedAt: inDays(-30),
    escalationLevel: 0,
    districtId: 'district-1',
    category: 'LIFE_SERVICE',
    pausedAt: null,
    policyVersion: 1,
    deadlineUsage: 0.5,
    atRisk: false,
    overdue: false,
    organization: { id: 'org-1', name: '幸福里邻里互助会', category: 'LIFE_SERVICE' },
    community: { id: 'com-1', name: '幸福里社区' },
    institution: { id: 'inst-1', name: '阳光社工服务中心' },
    gate: {
      met: false,
      evaluatedAt: inDays(-1),
      criteria: [
        { kind: 'NEEDS_SURVEY_RESPONSES', threshold: 30, actual: 12, met: false, evidence: '12 needs survey responses', missing: 18 },
        { kind: 'DEMAND_MATCHES_CATEGORY', threshold: 1, actual: 1, met: true, evidence: 'Top demand: elder care', missing: 0 },
        { kind: 'INTEREST_ACTIVITIES', threshold: 3, actual: 3, met: true, evidence: '3 interest activities', missing: 0 },
      ],
    },
    deviation: null,
    stageHistory: [
      {
        stage: 'FORMATION',
        enteredAt: inDays(-30),
        plannedDeadline: inDays(30),
        deadline: inDays(30),
        leftAt: null,
        pausedSeconds: 0,
        policyVersion: 1,
      },
    ],
    timeline: [],
    escalations: [],
    withdrawal: null,
    ...overrides,
  };
}
