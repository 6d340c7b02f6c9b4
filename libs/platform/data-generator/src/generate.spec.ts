import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { STAGES, type Stage } from '@peiyu/contracts';
import { generateDataset } from './generate.js';
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
    for (const type of types) expect(['cultivation.started', 'cultivation.stage-changed', 'cultivation.status-changed', 'cultivation.deadline-extended', 'cultivation.escalation-raised', 'cultivation.escalation-acknowledged', 'cultivation.escalation-resolved']).toContain(type);
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
