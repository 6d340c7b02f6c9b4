import {
  DEFAULT_PROCESS_POLICY,
  cultivationWorkflowId,
  domainEvent,
  type Actor,
  type CultivationStatus,
  type DomainEvent,
  type EscalationType,
  type GateState,
  type OrganizationCategory,
  type ProcessEvent,
  type Role,
  type Stage,
  type WorkingStage,
} from '@peiyu/contracts';
import type { Random } from './random.js';
import type { Row } from './tables.js';
import { ACKNOWLEDGEMENT_PLANS, CORRECTION_PLANS, DEVIATION_NOTES, PAUSE_REASONS, TERMINATION_REASONS } from './vocabulary.js';

const DAY = 86_400_000;
const POLICY = DEFAULT_PROCESS_POLICY;
const WORKING_STAGES: readonly WorkingStage[] = ['FORMATION', 'GROWTH', 'MATURITY', 'WITHDRAWAL'];

/** Who acts on a cultivation: one user id per role, of its institution and district. */
export type Actors = Record<Exclude<Role, 'ADMIN' | 'ANALYST'>, string>;

export interface CultivationPlan {
  cultivationId: string;
  organizationId: string;
  institutionId: string;
  communityId: string;
  districtId: string;
  streetId: string;
  category: OrganizationCategory;
  /** When it started (ms since the epoch). */
  startedAt: number;
  /** Nothing after this instant has happened yet: its events are left out. */
  reference: number;
  actors: Actors;
  random: Random;
}

/** What the history came to by the reference instant, and its rows. */
export interface CultivationHistory {
  stage: Stage;
  status: CultivationStatus;
  /** When each stage reached was entered (ms). */
  enteredAt: Partial<Record<Stage, number>>;
  terminatedAt: number | null;
  cultivation: Row;
  stageHistory: Row[];
  timelineEvents: Row[];
  escalations: Row[];
  escalationSteps: Row[];
  outbox: Row[];
}

/** The process events the generator records: the workflow's, less the withdrawal child's own stream. */
type GeneratedEvent = Extract<
  ProcessEvent,
  {
    kind:
      | 'STAGE_ENTERED'
      | 'GATE_EVALUATED'
      | 'GATE_APPROVED'
      | 'DEADLINE_EXTENDED'
      | 'PAUSED'
      | 'RESUMED'
      | 'ESCALATION_RAISED'
      | 'ESCALATION_CLIMBED'
      | 'ESCALATION_ACKNOWLEDGED'
      | 'ESCALATION_RESOLVED'
      | 'DEVIATION_FLAGGED'
      | 'CORRECTION_PLAN_SUBMITTED'
      | 'TERMINATED'
      | 'COMPLETED';
  }
>;

interface Timed {
  at: number;
  /** Ties at the same instant keep the order they were planned in. */
  order: number;
  event: GeneratedEvent;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The history of one cultivation as its workflow would have recorded it, from its start to the
 * reference instant: stages entered and approved, pauses, extensions, deviations, terminations and
 * the escalations each causes (climbing the default ladder until acknowledged, resolved when their
 * cause is), then projected into the read model and outbox exactly as `recordProcessEvent` does.
 * No workflow runs it: this is history-only read-model data.
 */
export function simulateCultivation(plan: CultivationPlan): CultivationHistory {
  const { random, actors } = plan;
  const events: Timed[] = [];
  let order = 0;
  const push = (at: number, event: GeneratedEvent) => events.push({ at: Math.round(at), order: order++, event });
  const actor = (role: keyof Actors): Actor => ({ userId: actors[role], role });
  const occurrences = new Map<string, number>();

  /** An escalation from `raisedAt` until `endsAt` (its cause resolved, or never when null), climbing the ladder while not acknowledged. */
  const escalate = (type: EscalationType, stage: Stage, raisedAt: number, endsAt: number | null, resolution: string, cause?: string) => {
    const counter = cause ? `${type}:${stage}:${cause}` : `${type}:${stage}`;
    const occurrence = (occurrences.get(counter) ?? 0) + 1;
    occurrences.set(counter, occurrence);
    const key = `${counter}:${occurrence}`;
    const end = endsAt ?? Number.POSITIVE_INFINITY;
    let at = raisedAt;
    for (let index = 0; index < POLICY.ladder.length && at < end; index++) {
      const level = index + 1;
      const rung = POLICY.ladder[index];
      const dueAt = at + rung.acknowledgeWithinSeconds * 1000;
      push(at, index === 0
        ? { kind: 'ESCALATION_RAISED', key, type, stage, level, levelDueAt: iso(dueAt), role: rung.role }
        : { kind: 'ESCALATION_CLIMBED', key, level, levelDueAt: iso(dueAt), role: rung.role });
      if (random.chance(0.55)) {
        const ackAt = at + random.next() * (dueAt - at);
        if (ackAt < end) push(ackAt, { kind: 'ESCALATION_ACKNOWLEDGED', key, level, by: { userId: actors[rung.role as keyof Actors] ?? actors.SUPERVISOR, role: rung.role }, plan: random.pick(ACKNOWLEDGEMENT_PLANS) });
        break;
      }
      at = dueAt;
    }
    if (endsAt !== null) push(endsAt, { kind: 'ESCALATION_RESOLVED', key, resolution });
  };

  const gate = (stage: WorkingStage, met: boolean, at: number): GateState => ({
    criteria: POLICY.stages[stage].criteria[plan.category].map((c) => ({
      kind: c.kind,
      threshold: c.threshold,
      actual: met ? c.threshold + random.int(0, 3) : random.int(0, Math.max(c.threshold - 1, 0)),
      met,
      evidence: met ? '已核实' : '尚未达到',
    })),
    met,
    evaluatedAt: iso(at),
  });

  let enteredAt = plan.startedAt;
  for (const stage of WORKING_STAGES) {
    const stagePolicy = POLICY.stages[stage];
    const duration = stagePolicy.durationSeconds * 1000;
    const planned = enteredAt + duration;
    push(enteredAt, { kind: 'STAGE_ENTERED', stage, deadline: iso(planned), policyVersion: POLICY.version });
    push(enteredAt + random.int(1, 48) * 3_600_000, { kind: 'GATE_EVALUATED', stage, gate: gate(stage, false, enteredAt) });

    // The work itself takes about the planned time, some stages much longer; a pause adds its length.
    let leaveAt = enteredAt + duration * Math.min(Math.max(random.around(0.92, 0.3), 0.35), 2.5);
    let deadline = planned;
    let pausedMs = 0;
    if (random.chance(0.12)) {
      // Paused while the work goes on and before the deadline, which then moves by the time paused.
      const pausedAt = enteredAt + (Math.min(leaveAt, planned) - enteredAt) * (0.1 + random.next() * 0.6);
      pausedMs = Math.round(Math.min(Math.max(random.around(12 * DAY, 0.8), DAY), 90 * DAY) / 1000) * 1000;
      const resumedAt = pausedAt + pausedMs;
      push(pausedAt, { kind: 'PAUSED', reason: random.pick(PAUSE_REASONS), by: actor('SOCIAL_WORKER') });
      push(resumedAt, { kind: 'RESUMED', by: actor('SOCIAL_WORKER'), pausedSeconds: pausedMs / 1000 });
      push(resumedAt, { kind: 'DEADLINE_EXTENDED', stage, from: iso(deadline), to: iso(deadline + pausedMs), reason: 'paused time', by: null });
      deadline += pausedMs;
      leaveAt += pausedMs;
      if (pausedMs > POLICY.maxPauseSeconds * 1000) escalate('INTERRUPTION', stage, pausedAt + POLICY.maxPauseSeconds * 1000, resumedAt, 'work resumed', 'PAUSE');
    }

    const terminatedAt = random.chance(0.045) ? enteredAt + random.next() * (leaveAt - enteredAt) : null;
    const stageEnd = terminatedAt ?? leaveAt;

    if (random.chance(0.05)) {
      const flaggedAt = enteredAt + random.next() * (stageEnd - enteredAt) * 0.8;
      const dueAt = flaggedAt + POLICY.correctionPlanDueSeconds * 1000;
      // A plan is submitted before the gate is approved; only a termination can come first.
      const planAt = Math.min(flaggedAt + Math.min(random.around(9 * DAY, 0.5), 40 * DAY), terminatedAt === null ? leaveAt - 120_000 : Number.POSITIVE_INFINITY);
      push(flaggedAt, { kind: 'DEVIATION_FLAGGED', note: random.pick(DEVIATION_NOTES), correctionDueAt: iso(dueAt), by: actor('SUPERVISOR') });
      if (planAt < stageEnd) push(planAt, { kind: 'CORRECTION_PLAN_SUBMITTED', plan: random.pick(CORRECTION_PLANS), by: actor('SOCIAL_WORKER') });
      if (planAt > dueAt && dueAt < stageEnd) {
        escalate('DEVIATION', stage, dueAt, planAt < stageEnd ? planAt : terminatedAt, planAt < stageEnd ? 'correction plan submitted' : 'cultivation terminated');
      }
    }

    if (stage === 'WITHDRAWAL' && random.chance(0.08)) {
      // A failed follow-up: support re-engaged until the organization is independent.
      const failedAt = enteredAt + random.next() * (stageEnd - enteredAt);
      escalate('PERFORMANCE', stage, failedAt, terminatedAt ?? leaveAt, terminatedAt ? 'cultivation terminated' : 'organization independent');
    }

    if (stageEnd > deadline) {
      // Late: DELAY from the deadline until the gate is approved, or a manager extends it.
      const extendAt = random.chance(0.25) ? deadline + random.int(1, 6) * DAY : null;
      if (extendAt !== null && extendAt < stageEnd) {
        escalate('DELAY', stage, deadline, extendAt, 'deadline extended');
        const to = Math.max(stageEnd + random.int(2, 10) * DAY, extendAt + DAY);
        const limited = Math.min(to, deadline + stagePolicy.maxExtensionSeconds * 1000);
        push(extendAt - 1000, { kind: 'DEADLINE_EXTENDED', stage, from: iso(deadline), to: iso(limited), reason: '组织需要更多时间达到关口条件', by: actor('PROGRAMME_MANAGER') });
        if (limited < stageEnd) escalate('DELAY', stage, limited, terminatedAt ?? leaveAt, terminatedAt ? 'cultivation terminated' : stage === 'WITHDRAWAL' ? 'organization independent' : 'gate approved');
      } else {
        escalate('DELAY', stage, deadline, terminatedAt ?? leaveAt, terminatedAt ? 'cultivation terminated' : stage === 'WITHDRAWAL' ? 'organization independent' : 'gate approved');
      }
    }

    if (terminatedAt !== null) {
      push(terminatedAt, { kind: 'TERMINATED', reason: random.pick(TERMINATION_REASONS), by: actor('PROGRAMME_MANAGER') });
      break;
    }
    if (stage === 'WITHDRAWAL') {
      push(leaveAt, { kind: 'COMPLETED' });
      break;
    }
    push(leaveAt - 60_000, { kind: 'GATE_EVALUATED', stage, gate: gate(stage, true, leaveAt - 60_000) });
    push(leaveAt, { kind: 'GATE_APPROVED', stage, by: actor('SUPERVISOR'), note: null });
    enteredAt = leaveAt + 1000;
  }

  let happened = events.filter((e) => e.at <= plan.reference).sort((a, b) => a.at - b.at || a.order - b.order);
  const termination = happened.find((e) => e.event.kind === 'TERMINATED');
  if (termination) {
    // Nothing happens after a termination but the resolution of every escalation still open.
    happened = happened.filter((e) => e.at < termination.at || (e.at === termination.at && e.order <= termination.order) || (e.at === termination.at && e.event.kind === 'ESCALATION_RESOLVED'));
    const open = new Set<string>();
    for (const { event } of happened) {
      if (event.kind === 'ESCALATION_RAISED') open.add(event.key);
      if (event.kind === 'ESCALATION_RESOLVED') open.delete(event.key);
    }
    for (const key of open) happened.push({ at: termination.at, order: order++, event: { kind: 'ESCALATION_RESOLVED', key, resolution: 'cultivation terminated' } });
  }
  return project(plan, happened);
}

interface EscalationRecord {
  row: { id: string; key: string; type: EscalationType; level: number; stage: Stage; status: 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED'; raisedAt: number; levelDueAt: string };
  ack: { at: number; by: string; plan: string } | null;
  resolved: { at: number; resolution: string } | null;
  steps: { level: number; raisedAt: number; dueAt: string; ack: { at: number; by: string; plan: string } | null }[];
}

/** Projects the recorded events into the read model and the outbox, as the `recordProcessEvent` activity does. */
function project(plan: CultivationPlan, events: Timed[]): CultivationHistory {
  const workflowId = cultivationWorkflowId(plan.cultivationId);
  const outbox: Row[] = [];
  const emit = (key: string, at: number, event: DomainEvent) => outbox.push([event.type, event.version, JSON.stringify(event.payload), key, iso(at)]);
  const startDeadline = events[0].event.kind === 'STAGE_ENTERED' ? events[0].event.deadline : iso(plan.startedAt);
  emit(`cultivation.started:${plan.cultivationId}`, plan.startedAt, domainEvent('cultivation.started', {
    cultivationId: plan.cultivationId,
    organizationId: plan.organizationId,
    institutionId: plan.institutionId,
    communityId: plan.communityId,
    districtId: plan.districtId,
    streetId: plan.streetId,
    category: plan.category,
    stage: 'FORMATION',
    stageDeadline: startDeadline,
    at: iso(plan.startedAt),
  }));

  let stage: Stage = 'FORMATION';
  let status: CultivationStatus = 'ACTIVE';
  let stageStartedAt = plan.startedAt;
  let stageDeadline = startDeadline;
  let gateState: GateState = { criteria: [], met: false, evaluatedAt: null };
  let pausedAt: number | null = null;
  let deviation: { note: string; flaggedAt: string; correctionDueAt: string; planSubmittedAt: null } | null = null;
  let terminatedAt: number | null = null;
  const enteredAt: Partial<Record<Stage, number>> = {};
  const history = new Map<Stage, { enteredAt: number; planned: string; deadline: string; leftAt: number | null; pausedSeconds: number; approvedBy: string | null }>();
  const escalations = new Map<string, EscalationRecord>();
  const timeline: Row[] = [];
  const leaveCurrent = (at: number) => {
    for (const h of history.values()) if (h.leftAt === null) h.leftAt = at;
  };

  events.forEach(({ at, event }, index) => {
    const sequence = index + 1;
    const key = `${workflowId}:${sequence}`;
    const by = 'by' in event ? event.by : null;
    timeline.push([plan.cultivationId, 'process', sequence, event.kind, iso(at), by?.userId ?? null, by?.role ?? null, JSON.stringify(event)]);
    switch (event.kind) {
      case 'STAGE_ENTERED': {
        const previous = stage;
        stage = event.stage;
        stageStartedAt = at;
        stageDeadline = event.deadline;
        gateState = { criteria: [], met: false, evaluatedAt: null };
        leaveCurrent(at);
        history.set(event.stage, { enteredAt: at, planned: event.deadline, deadline: event.deadline, leftAt: null, pausedSeconds: 0, approvedBy: null });
        enteredAt[event.stage] = at;
        if (previous !== event.stage) emit(key, at, domainEvent('cultivation.stage-changed', { cultivationId: plan.cultivationId, from: previous, to: event.stage, at: iso(at), deadline: event.deadline }));
        return;
      }
      case 'COMPLETED':
        stage = 'COMPLETED';
        stageStartedAt = at;
        enteredAt.COMPLETED = at;
        leaveCurrent(at);
        emit(key, at, domainEvent('cultivation.stage-changed', { cultivationId: plan.cultivationId, from: 'WITHDRAWAL', to: 'COMPLETED', at: iso(at), deadline: null }));
        return;
      case 'GATE_EVALUATED':
        gateState = event.gate;
        return;
      case 'GATE_APPROVED': {
        const h = history.get(event.stage);
        if (h) h.approvedBy = event.by.userId;
        return;
      }
      case 'DEADLINE_EXTENDED': {
        stageDeadline = event.to;
        const h = history.get(event.stage);
        if (h) h.deadline = event.to;
        emit(key, at, domainEvent('cultivation.deadline-extended', { cultivationId: plan.cultivationId, stage: event.stage, deadline: event.to, at: iso(at) }));
        return;
      }
      case 'PAUSED':
        status = 'PAUSED';
        pausedAt = at;
        emit(key, at, domainEvent('cultivation.status-changed', { cultivationId: plan.cultivationId, status: 'PAUSED', at: iso(at) }));
        return;
      case 'RESUMED': {
        status = 'ACTIVE';
        pausedAt = null;
        const h = history.get(stage);
        if (h && h.leftAt === null) h.pausedSeconds += event.pausedSeconds;
        emit(key, at, domainEvent('cultivation.status-changed', { cultivationId: plan.cultivationId, status: 'ACTIVE', at: iso(at) }));
        return;
      }
      case 'TERMINATED':
        status = 'TERMINATED';
        pausedAt = null;
        terminatedAt = at;
        leaveCurrent(at);
        emit(key, at, domainEvent('cultivation.status-changed', { cultivationId: plan.cultivationId, status: 'TERMINATED', at: iso(at) }));
        return;
      case 'DEVIATION_FLAGGED':
        deviation = { note: event.note, flaggedAt: iso(at), correctionDueAt: event.correctionDueAt, planSubmittedAt: null };
        return;
      case 'CORRECTION_PLAN_SUBMITTED':
        deviation = null;
        return;
      case 'ESCALATION_RAISED': {
        const id = plan.random.uuid();
        const record: EscalationRecord = {
          row: { id, key: event.key, type: event.type, level: 1, stage: event.stage, status: 'OPEN', raisedAt: at, levelDueAt: event.levelDueAt },
          ack: null,
          resolved: null,
          steps: [{ level: 1, raisedAt: at, dueAt: event.levelDueAt, ack: null }],
        };
        escalations.set(event.key, record);
        emit(key, at, domainEvent('cultivation.escalation-raised', { cultivationId: plan.cultivationId, escalationId: id, type: event.type, level: 1, stage: event.stage, raisedAt: iso(at) }));
        return;
      }
      case 'ESCALATION_CLIMBED': {
        const record = escalations.get(event.key)!;
        record.row.level = event.level;
        record.row.levelDueAt = event.levelDueAt;
        record.steps.push({ level: event.level, raisedAt: at, dueAt: event.levelDueAt, ack: null });
        emit(key, at, domainEvent('cultivation.escalation-raised', { cultivationId: plan.cultivationId, escalationId: record.row.id, type: record.row.type, level: event.level, stage: record.row.stage, raisedAt: iso(at) }));
        return;
      }
      case 'ESCALATION_ACKNOWLEDGED': {
        const record = escalations.get(event.key)!;
        record.row.status = 'ACKNOWLEDGED';
        record.ack = { at, by: event.by.userId, plan: event.plan };
        const step = record.steps.find((s) => s.level === event.level);
        if (step) step.ack = record.ack;
        emit(key, at, domainEvent('cultivation.escalation-acknowledged', { cultivationId: plan.cultivationId, escalationId: record.row.id, level: event.level, at: iso(at) }));
        return;
      }
      case 'ESCALATION_RESOLVED': {
        const record = escalations.get(event.key)!;
        record.row.status = 'RESOLVED';
        record.resolved = { at, resolution: event.resolution };
        emit(key, at, domainEvent('cultivation.escalation-resolved', { cultivationId: plan.cultivationId, escalationId: record.row.id, resolution: event.resolution, at: iso(at) }));
        return;
      }
    }
  });

  const openLevels = [...escalations.values()].filter((e) => e.row.status !== 'RESOLVED').map((e) => e.row.level);
  const cultivation: Row = [
    plan.cultivationId, workflowId, plan.organizationId, plan.institutionId, plan.communityId, plan.districtId, plan.streetId, plan.category,
    stage, status, iso(stageStartedAt), stageDeadline, iso(plan.startedAt), POLICY.version, JSON.stringify(gateState),
    pausedAt === null ? null : iso(pausedAt), deviation === null ? null : JSON.stringify(deviation), openLevels.length > 0 ? Math.max(...openLevels) : 0,
    // The read model's optimistic-concurrency version: one per recorded event, as the activity's updates would leave it.
    events.length + 1,
  ];
  return {
    stage,
    status,
    enteredAt,
    terminatedAt,
    cultivation,
    stageHistory: [...history.entries()].map(([s, h]) => [
      plan.cultivationId, s, iso(h.enteredAt), h.planned, h.deadline, h.leftAt === null ? null : iso(h.leftAt), h.pausedSeconds, POLICY.version, h.approvedBy,
    ]),
    timelineEvents: timeline,
    escalations: [...escalations.values()].map(({ row, ack, resolved }) => [
      row.id, plan.cultivationId, row.key, row.type, row.level, row.stage, row.status, iso(row.raisedAt), row.levelDueAt,
      ack ? iso(ack.at) : null, ack?.by ?? null, ack?.plan ?? null, resolved ? iso(resolved.at) : null, resolved?.resolution ?? null,
    ]),
    escalationSteps: [...escalations.values()].flatMap(({ row, steps }) =>
      steps.map((s) => [row.id, s.level, iso(s.raisedAt), s.dueAt, s.ack ? iso(s.ack.at) : null, s.ack?.by ?? null, s.ack?.plan ?? null]),
    ),
    outbox,
  };
}
