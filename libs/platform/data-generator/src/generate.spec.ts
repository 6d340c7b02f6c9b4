import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { STAGES, defaultRubric, followUpCheckPassed, scoreAssessment, type FollowUpFindings, type OrganizationCategory, type RubricKind, type Stage } from '@peiyu/contracts';
import { NO_SIGN_IN, generateDataset } from './generate.js';
import { Random } from './random.js';
import type { Scale } from './scales.js';
import { TABLES, TABLE_ORDER, type Row, type TableName } from './tables.js';

const TINY: Scale = { districts: 2, streetsPerDistrict: 2, communities: 6, institutions: 2, organizations: 60, cultivations: 50 };

function collect(seed: number, referenceDate?: string): Record<TableName, Row[]> {
  const all = Object.fromEntries(TABLE_ORDER.map((name) => [name, [] as Row[]])) as Record<TableName, Row[]>;
  for (const chunk of generateDataset({ scale: TINY, seed, referenceDate }).chunks()) {
    for (const name of TABLE_ORDER) all[name].push(...(chunk.rows[name] ?? []));
  }
  return all;
}

const digest = (rows: Record<TableName, Row[]>) => createHash('sha256').update(JSON.stringify(rows)).digest('hex');

describe('generateDataset', () => {
  it('gives the same rows for the same seed, and different rows for another seed', () => {
    const first = collect(42);
    const again = collect(42);
    const other = collect(43);
    expect(digest(again)).toBe(digest(first));
    expect(again).toEqual(first);
    expect(digest(other)).not.toBe(digest(first));
    // Different ids and names throughout, not just somewhere.
    const ids = (rows: Record<TableName, Row[]>) => new Set(rows.organization.map((r) => r[0]));
    expect([...ids(other)].filter((id) => ids(first).has(id))).toEqual([]);
  });

  it('depends on the reference date given, not on the clock', () => {
    expect(digest(collect(7, '2025-01-01T00:00:00+08:00'))).toBe(digest(collect(7, '2025-01-01T00:00:00+08:00')));
    expect(digest(collect(7, '2025-01-01T00:00:00+08:00'))).not.toBe(digest(collect(7, '2026-01-01T00:00:00+08:00')));
  });

  it('makes the rows of the scale, each as wide as its table, with every instant at or before the reference', () => {
    const rows = collect(42);
    expect(rows.district).toHaveLength(2);
    expect(rows.street).toHaveLength(4);
    expect(rows.community).toHaveLength(6);
    expect(rows.institution).toHaveLength(2);
    expect(rows.organization).toHaveLength(60);
    expect(rows.cultivation).toHaveLength(50);
    for (const name of TABLE_ORDER) {
      for (const row of rows[name]) expect(row).toHaveLength(TABLES[name].columns.length);
    }
    const reference = Date.parse('2026-07-01T00:00:00+08:00');
    for (const row of rows.cultivationOutbox) expect(Date.parse(row[4] as string)).toBeLessThanOrEqual(reference);
    for (const row of rows.timelineEvent) expect(Date.parse(row[4] as string)).toBeLessThanOrEqual(reference);
  });

  it('writes names in Chinese, distinct where the tables require it', () => {
    const rows = collect(42);
    const chinese = /^[\u4e00-\u9fff（）0-9]+$/;
    const names = [
      ...rows.district.map((r) => r[1]),
      ...rows.street.map((r) => r[2]),
      ...rows.community.map((r) => r[3]),
      ...rows.institution.map((r) => r[1]),
      ...rows.organization.map((r) => r[1]),
      ...rows.member.map((r) => r[2]),
    ];
    for (const name of names) expect(name).toMatch(chinese);
    const unique = (values: unknown[]) => new Set(values).size === values.length;
    expect(unique(rows.institution.map((r) => r[1]))).toBe(true);
    expect(unique(rows.organization.map((r) => `${r[2]}/${r[1]}`))).toBe(true);
    expect(unique(rows.community.map((r) => `${r[1]}/${r[3]}`))).toBe(true);
    expect(unique(rows.filing.map((r) => `${r[4]}/${r[2]}`))).toBe(true);
  });

  it('writes each cultivation its outbox events in the vocabulary, its stage history and its escalations consistently', () => {
    const rows = collect(42);
    const types = new Set(rows.cultivationOutbox.map((r) => r[0]));
    for (const type of types) expect(['cultivation.started', 'cultivation.stage-changed', 'cultivation.status-changed', 'cultivation.deadline-extended', 'cultivation.escalation-raised', 'cultivation.escalation-acknowledged', 'cultivation.escalation-resolved', 'cultivation.follow-up-recorded']).toContain(type);
    const started = rows.cultivationOutbox.filter((r) => r[0] === 'cultivation.started').map((r) => JSON.parse(r[2] as string) as Record<string, unknown>);
    expect(started).toHaveLength(50);
    expect(Object.keys(started[0]).sort()).toEqual(['at', 'category', 'communityId', 'cultivationId', 'districtId', 'institutionId', 'organizationId', 'stage', 'stageDeadline', 'streetId'].sort());
    // The current stage of each cultivation is the last one its history entered.
    for (const cultivation of rows.cultivation) {
      const history = rows.stageHistory.filter((h) => h[0] === cultivation[0]);
      const reached = STAGES.filter((s) => history.some((h) => h[1] === s));
      const stage = cultivation[8] as Stage;
      const last = history.find((h) => h[1] === reached.at(-1))!;
      if (stage === 'COMPLETED') {
        expect(reached.at(-1)).toBe('WITHDRAWAL');
        expect(last[5]).not.toBeNull();
      } else {
        expect(reached.at(-1)).toBe(stage);
        // Left only when terminated.
        expect(last[5] === null).toBe(cultivation[9] !== 'TERMINATED');
      }
      // An open escalation means a level above 0.
      const open = rows.escalation.filter((e) => e[1] === cultivation[0] && e[6] !== 'RESOLVED').map((e) => e[4] as number);
      expect(cultivation[17]).toBe(open.length ? Math.max(...open) : 0);
    }
  });

  it('scores assessments by the built-in rubrics, passed before the stage is left, with outcome evaluations, follow-up checks and their events', () => {
    // A bigger set, so that some cultivations reach withdrawal and its follow-ups.
    const all = Object.fromEntries(TABLE_ORDER.map((name) => [name, [] as Row[]])) as Record<TableName, Row[]>;
    for (const chunk of generateDataset({ scale: { ...TINY, organizations: 400, cultivations: 300 }, seed: 5 }).chunks()) {
      for (const name of TABLE_ORDER) all[name].push(...(chunk.rows[name] ?? []));
    }
    const reference = Date.parse('2026-07-01T00:00:00+08:00');
    const events = (rows: Row[], type: string) => rows.filter((r) => r[0] === type).map((r) => JSON.parse(r[2] as string) as Record<string, unknown>);
    for (const name of ['organizationOutbox', 'assessmentsOutbox', 'cultivationOutbox'] as const) {
      for (const row of all[name]) expect(Date.parse(row[4] as string)).toBeLessThanOrEqual(reference);
    }

    expect(all.assessment.length).toBeGreaterThan(100);
    const recorded = new Map(events(all.assessmentsOutbox, 'assessment.recorded').map((e) => [e.assessmentId, e]));
    for (const a of all.assessment) {
      const scored = scoreAssessment(defaultRubric(a[2] as OrganizationCategory, a[3] as RubricKind), JSON.parse(a[5] as string));
      expect(scored).toEqual({ total: a[6], passed: a[8] });
      expect(recorded.get(a[0])).toMatchObject({ organizationId: a[1], kind: a[3], score: a[6], passScore: a[7], passed: a[8], assessedOn: a[9] });
    }
    expect(recorded.size).toBe(all.assessment.length);
    // The growth gate asks for a passed capacity assessment: every cultivation that left growth has one dated before.
    for (const cultivation of all.cultivation) {
      const maturity = all.stageHistory.find((h) => h[0] === cultivation[0] && h[1] === 'MATURITY');
      if (!maturity) continue;
      const enteredOn = new Date(Date.parse(maturity[2] as string) + 8 * 3_600_000).toISOString().slice(0, 10);
      expect(all.assessment.some((a) => a[1] === cultivation[2] && a[3] === 'CAPACITY' && a[8] === true && (a[9] as string) <= enteredOn)).toBe(true);
    }

    expect(all.outcomeEvaluation.length).toBeGreaterThan(0);
    const evaluated = new Map(events(all.assessmentsOutbox, 'assessment.outcome-evaluated').map((e) => [e.evaluationId, e]));
    for (const e of all.outcomeEvaluation) {
      const levels = JSON.parse(e[4] as string) as { level: string; score: number }[];
      expect(levels.map((l) => l.level)).toEqual(['COMMUNITY', 'ORGANIZATION', 'INSTITUTION']);
      expect([e[5], e[6], e[7]]).toEqual(levels.map((l) => l.score));
      expect(evaluated.get(e[0])).toMatchObject({ organizationId: e[1], cultivationId: e[3], evaluatedOn: e[8] });
      // Only a cultivation that reached withdrawal is evaluated.
      expect(all.stageHistory.some((h) => h[0] === e[3] && h[1] === 'WITHDRAWAL')).toBe(true);
    }

    expect(all.followUpCheck.length).toBeGreaterThan(0);
    const followUps = events(all.cultivationOutbox, 'cultivation.follow-up-recorded');
    for (const check of all.followUpCheck) {
      expect(check[6]).toBe(followUpCheckPassed(JSON.parse(check[5] as string) as FollowUpFindings));
      expect(followUps).toContainEqual(expect.objectContaining({ cultivationId: check[3], index: check[4], result: check[6] ? 'PASSED' : 'FAILED' }));
    }
    expect(events(all.assessmentsOutbox, 'assessment.follow-up-checked')).toHaveLength(all.followUpCheck.length);

    // The people named are staff with scopes for their role; none of them can sign in.
    const users = new Map(all.userAccount.map((u) => [u[0], u]));
    expect(all.userAccount).toHaveLength(2 * 3 + 2 + 4);
    for (const u of all.userAccount) expect(u[3]).toBe(NO_SIGN_IN);
    for (const a of all.assessment) expect(users.get(a[10])?.[4]).toBe('SOCIAL_WORKER');
    for (const e of all.outcomeEvaluation) expect(users.get(e[9])?.[4]).toBe('SUPERVISOR');
    for (const step of all.escalationStep) if (step[5] !== null) expect(users.has(step[5])).toBe(true);
    expect(new Set(all.serviceContract.map((c) => c[1]))).toEqual(new Set(all.institution.map((i) => i[0])));

    // organizations-service's events: each organization recorded, each filing, and the status each ended in last.
    expect(events(all.organizationOutbox, 'organization.created')).toHaveLength(all.organization.length);
    expect(events(all.organizationOutbox, 'organization.evidence-changed').filter((e) => e.evidence === 'FILING')).toHaveLength(all.filing.length);
    const lastStatus = new Map(events(all.organizationOutbox, 'organization.status-changed').map((e) => [e.organizationId, e.status]));
    for (const organization of all.organization) expect(lastStatus.get(organization[0]) ?? 'FORMING').toBe(organization[4]);
  });
});

describe('Random', () => {
  it('repeats a stream for the same seed and path', () => {
    const draw = (seed: number, ...path: (string | number)[]) => {
      const random = Random.of(seed, ...path);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(1, 'a', 2)).toEqual(draw(1, 'a', 2));
    expect(draw(1, 'a', 2)).not.toEqual(draw(2, 'a', 2));
    expect(draw(1, 'a', 2)).not.toEqual(draw(1, 'a', 3));
  });

  it('makes version-4 UUIDs', () => {
    const random = Random.of(9, 'uuid');
    for (let i = 0; i < 100; i++) expect(random.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
