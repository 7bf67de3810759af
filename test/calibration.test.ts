// Calibration: which table key a decision of resolve is looked up under, the fallback from the specific key to the
// rule's overall precision to the raw score, and that the table is chosen by the caller (no global switch).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrate, calibrationKeys, loadCalibration, type CalibrationCase, type CalibrationTable } from '../src/core/calibration.ts';
import { createExtractor } from '../src/core/engine.ts';
import type { ProcessResult } from '../src/core/extract.ts';
import { fitCalibration, type Observation } from '../src/eval/calibration-fit.ts';
import { SEED_REPORT } from '../src/eval/paths.ts';

const c = (over: Partial<CalibrationCase>): CalibrationCase => ({ field: 'victim', rule: 'victim/r', agreeingRules: 1, value: 'Acme', ...over });

describe('calibrationKeys', () => {
  it.each([
    ['one rule', c({}), 'summary:victim/r|1|'],
    ['three rules or more share a key', c({ agreeingRules: 5 }), 'summary:victim/r|3+|'],
    ['a year-only date', c({ field: 'date', rule: 'date/r', value: '2023' }), 'summary:date/r|1|Y'],
    ['a month date', c({ field: 'date', rule: 'date/r', agreeingRules: 2, value: '2023-07' }), 'summary:date/r|2|YM'],
    ['a day date', c({ field: 'date', rule: 'date/r', value: '2023-07-04' }), 'summary:date/r|1|YMD'],
    ['a ransom with an amount', c({ field: 'ransom', rule: 'ransom/r', value: { demanded: true, amount: 5, currency: 'BTC' } }), 'summary:ransom/r|1|amount'],
    ['an article', c({ genre: 'article' }), 'article:victim/r|1|'],
  ])('%s', (_name, kase, specific) => {
    const genre = kase.genre ?? 'summary';
    expect(calibrationKeys(kase)).toEqual([specific, `${genre}:${kase.rule}`, `${genre}:${kase.field}`]);
  });
});

describe('a victim the learned ranking chose', () => {
  it('is keyed as one rule by the band of its probability, whatever rule found the name', () => {
    const kase = c({ genre: 'article', ranked: true });
    expect(calibrationKeys(kase, 0.93)).toEqual(['article:victim/ranked|p4', 'article:victim/ranked', 'article:victim']);
    expect(calibrationKeys(kase, 0.41)[0]).toBe('article:victim/ranked|p2');
  });
  it('fitted: a band leans on its own mean probability and stays out of the rank figures', () => {
    const o = (raw: number, ok: boolean, use?: Observation['use'], rule = 'victim/r'): Observation => ({
      source: 'news',
      view: 'victim',
      id: String(raw),
      keys: use === 'ranked' ? calibrationKeys(c({ genre: 'article', ranked: true }), raw) : calibrationKeys(c({ genre: 'article', rule }), raw),
      raw,
      ok,
      ...(use ? { use } : {}),
    });
    const table = fitCalibration([o(0.9, true, 'ranked'), o(0.9, true, 'ranked'), o(0.3, false, 'hand'), o(0.3, false, 'hand')]);
    // two right at 0.9, shrunk towards 0.9 (not towards a rule's figure)
    expect(table['article:victim/ranked|p4']!.p).toBeGreaterThan(0.9);
    expect(table['rank:article:victim/r']!.n).toBe(2);
    expect(table['rank:article:victim/ranked']).toBeUndefined();
  });
});

describe('a rank figure', () => {
  it('from one judgement stays near its hand-set score, however much that judgement weighs', () => {
    const o = (source: string, rule: string, i: number, ok: boolean, raw = 0.9): Observation => ({
      source,
      view: 'victim',
      id: `${source}${rule}${i}`,
      keys: calibrationKeys(c({ genre: 'article', rule }), raw),
      raw,
      ok,
    });
    // 20 news judgements against 200 of VCDB: each news one weighs as five of VCDB's in the rank figures
    const common = [
      ...Array.from({ length: 20 }, (_, i) => o('news', 'victim/common', i, i % 10 < 7)),
      ...Array.from({ length: 200 }, (_, i) => o('vcdb', 'victim/common', i, i % 10 < 7)),
    ];
    const table = fitCalibration([...common, o('news', 'victim/once', 0, true, 0.5)]);
    // one right judgement moves the rule's figure a quarter of the way from its hand-set score (0.5) to 1
    expect(table['rank:article:victim/once']!.p).toBeCloseTo(0.625, 3);
    expect(table['rank:article:victim/common']!.p).toBeCloseTo(0.7, 2);
  });
});

describe('a field news judges only a few dozen times', () => {
  it('keeps a rule whose handful of judgements were all right near its field, not near 1', () => {
    const o = (field: 'ransom' | 'country', rule: string, i: number, ok: boolean): Observation => ({
      source: 'news',
      view: field,
      id: `${rule}${i}`,
      keys: calibrationKeys({ field: field === 'country' ? 'location' : 'ransom', rule, agreeingRules: 1, value: null, genre: 'article' }, 0.9),
      raw: 0.9,
      ok,
    });
    const obs = (field: 'ransom' | 'country', lucky: string, other: string) => [
      ...[0, 1, 2, 3].map((i) => o(field, lucky, i, true)),
      ...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => o(field, other, i, i % 2 === 0)),
    ];
    const sparse = fitCalibration(obs('ransom', 'ransom/lucky', 'ransom/other'));
    const dense = fitCalibration(obs('country', 'location/lucky', 'location/other'));
    // four right of four: a ransom rule stays within a few points of its field's figure, a location rule rises further
    expect(sparse['article:ransom/lucky']!.p - sparse['article:ransom']!.p).toBeLessThan(0.05);
    expect(dense['article:location/lucky']!.p - dense['article:location']!.p).toBeGreaterThan(0.1);
  });
  it("gives its detailed keys their bucket's figure, whatever the rule and agreement; the buckets differ", () => {
    const o = (rule: string, agreeingRules: number, value: string, i: number, ok: boolean): Observation => ({
      source: 'news',
      view: 'date',
      id: `${rule}${agreeingRules}${value}${i}`,
      keys: calibrationKeys({ field: 'date', rule, agreeingRules, value, genre: 'article' }, 0.9),
      raw: 0.9,
      ok,
    });
    const years = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((i) => [o('date/a', 1, '2023', i, true), o('date/b', 3, '2021', i, i < 2)]);
    const days = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => o('date/a', 1, '2023-07-04', i, i < 3));
    const table = fitCalibration([...years, ...days]);
    expect(table['article:date/a|1|Y']!.p).toBe(table['article:date/b|3+|Y']!.p);
    expect(table['article:date/a|1|Y']!.p).toBeGreaterThan(table['article:date/a|1|YMD']!.p);
    // the bucket is a level of the fit, not an entry resolve would look up
    expect(table['article:date|Y']).toBeUndefined();
    expect(table['article:date/a|1|Y']!.n).toBe(10);
  });
});

describe("a field's figure in a genre", () => {
  // n judgements of a field in a genre, `right` of them right
  const judged = (field: 'ransom' | 'origin', genre: 'article' | 'summary', source: string, n: number, right: number): Observation[] =>
    Array.from({ length: n }, (_, i) => ({
      source,
      view: field,
      id: `${field}${genre}${i}`,
      keys: calibrationKeys({ field, rule: `${field}/r`, agreeingRules: 1, value: null, genre }, 0.9),
      raw: 0.9,
      ok: i < right,
    }));
  it('is the pooled figure of every genre where the genres agree within noise', () => {
    // 12 of 14 in articles, 45 of 48 in summaries: no wider apart than 14 and 48 judgements explain
    const table = fitCalibration([...judged('ransom', 'article', 'news', 14, 12), ...judged('ransom', 'summary', 'vcdb', 48, 45)]);
    expect(table['article:ransom']!.p).toBe(table['summary:ransom']!.p);
    expect(table['article:ransom']!.p).toBeCloseTo(57 / 62, 1);
    expect(table['article:ransom']!.n).toBe(14);
  });
  it('stays its own where the genres differ beyond noise', () => {
    // 16 of 20 in articles, 98 of 100 in summaries
    const table = fitCalibration([...judged('origin', 'article', 'news', 20, 16), ...judged('origin', 'summary', 'vcdb', 100, 98)]);
    expect(table['article:origin']!.p).toBeLessThan(0.85);
    expect(table['summary:origin']!.p).toBeGreaterThan(0.95);
  });
});

describe('calibrate', () => {
  const table: CalibrationTable = {
    'summary:victim/r|2|': { p: 0.9, n: 40 },
    'summary:victim/r': { p: 0.6, n: 200 },
    'article:victim': { p: 0.4, n: 90 },
  };
  it.each([
    ['the specific key first', table, c({ agreeingRules: 2 }), 0.3, 0.9],
    ['else the rule in its genre', table, c({ agreeingRules: 1 }), 0.3, 0.6],
    ['else the field in its genre', table, c({ genre: 'article' }), 0.3, 0.4],
    ['else the raw score', table, c({ rule: 'victim/other' }), 0.3, 0.3],
    ['no table: the raw score', null, c({ agreeingRules: 2 }), 0.3, 0.3],
    ['clamped to [0, 1]', null, c({}), 1.7, 1],
    ['rounded to three places', null, c({}), 0.12345, 0.123],
  ])('%s', (_name, t, kase, raw, expected) => {
    expect(calibrate(t, kase, raw)).toBe(expected);
  });
});

describe('loadCalibration', () => {
  it('reads the entries of a table file; a missing or broken file is an empty table', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'calibration-'));
    try {
      writeFileSync(path.join(dir, 'ok.json'), JSON.stringify({ comment: 'x', entries: { 'victim/r': { p: 0.5, n: 3 } } }));
      writeFileSync(path.join(dir, 'broken.json'), '{ not json');
      expect(loadCalibration(path.join(dir, 'ok.json'))).toEqual({ 'victim/r': { p: 0.5, n: 3 } });
      expect(loadCalibration(path.join(dir, 'broken.json'))).toEqual({});
      expect(loadCalibration(path.join(dir, 'missing.json'))).toEqual({});
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the shipped table is not empty', () => {
    expect(Object.keys(loadCalibration()).length).toBeGreaterThan(0);
  });
});

describe('createExtractor chooses its table', () => {
  it('the shipped table by default, raw scores with null, a given table otherwise; none changes another', async () => {
    const raw = { id: 'seed', text: readFileSync(SEED_REPORT, 'utf8') };
    const fieldOf = (r: ProcessResult) => (r.ok ? r.record.fields.serverCount : null);
    const shipped = await createExtractor();
    const before = fieldOf(shipped.process(raw));
    expect(before?.value).toBe(5);
    const uncalibrated = fieldOf((await createExtractor({ calibration: null })).process(raw));
    const mine = { p: 0.321, n: 10 };
    const given = fieldOf((await createExtractor({ calibration: { [`article:${before!.rule}`]: mine, [`summary:${before!.rule}`]: mine } })).process(raw));
    expect(given?.confidence).toBe(0.321);
    expect(uncalibrated?.value).toBe(5);
    expect(uncalibrated?.confidence).not.toBe(before?.confidence);
    expect(fieldOf(shipped.process(raw))).toEqual(before);
  });
});
