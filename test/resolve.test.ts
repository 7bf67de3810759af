// Resolve, the only place candidates meet, table by table: dedupe within a rule, grouping of agreeing values,
// merging of the details the winner lacks, abstaining on weak victims, and round-ups of several incidents.
// Calibration is off (null) unless a case is about it, so the expected confidences follow from the raw scores.
import { describe, expect, it } from 'vitest';
import { analyse } from '../src/core/analyse/analyse.ts';
import { rankKey, type CalibrationTable } from '../src/core/calibration.ts';
import type { FieldName, FieldValue } from '../src/core/contract/record.ts';
import { resolve, type ResolveContext } from '../src/core/resolve.ts';
import type { Candidate } from '../src/core/rule.ts';

/** A candidate whose evidence is `len` characters at `start` (text filled in from a dummy document). */
function cand<F extends FieldName>(field: F, value: FieldValue[F], confidence: number, rule: string, start = 0, len = 4): Candidate<F> {
  return { field, value, confidence, rule: `${field}/${rule}`, evidence: [{ start, end: start + len, text: 'x'.repeat(len) }] } as Candidate<F>;
}
const RAW: ResolveContext = { calibration: null };
const noisyOr = (...p: number[]) => Math.round((1 - p.reduce((q, x) => q * (1 - x), 1)) * 1000) / 1000;

describe('resolve: picking and agreeing', () => {
  it('gives null for a field without candidates', () => {
    const out = resolve([], RAW);
    expect(Object.values(out)).toEqual([null, null, null, null, null, null]);
  });

  it.each([
    ['one candidate keeps its raw score', [cand('serverCount', 5, 0.6, 'a')], 5, 0.6],
    ['two rules agreeing raise the score (noisy-or)', [cand('serverCount', 5, 0.6, 'a'), cand('serverCount', 5, 0.5, 'b', 20)], 5, noisyOr(0.6, 0.5)],
    ['one rule twice counts once', [cand('serverCount', 5, 0.6, 'a'), cand('serverCount', 5, 0.6, 'a', 20)], 5, 0.6],
    ['the stronger group wins', [cand('serverCount', 5, 0.4, 'a'), cand('serverCount', 9, 0.7, 'b', 20)], 9, 0.7],
    [
      'agreement beats a single stronger rule',
      [cand('serverCount', 5, 0.5, 'a'), cand('serverCount', 5, 0.5, 'b', 10), cand('serverCount', 9, 0.7, 'c', 20)],
      5,
      0.75,
    ],
    [
      'dates agree by year',
      [cand('date', '2023-07', 0.5, 'a'), cand('date', '2023', 0.4, 'b', 20), cand('date', '2022', 0.6, 'c', 40)],
      '2023-07',
      noisyOr(0.5, 0.4),
    ],
    [
      'countries agree by code',
      [cand('location', { country: 'BE', region: null, city: null }, 0.5, 'a'), cand('location', { country: 'BE', region: 'Namur', city: null }, 0.3, 'b', 20)],
      { country: 'BE', region: 'Namur', city: null },
      noisyOr(0.5, 0.3),
    ],
  ] as [string, Candidate[], unknown, number][])('%s', (_name, cands, value, confidence) => {
    const field = cands[0]!.field;
    const got = resolve(cands, RAW)[field];
    expect(got?.value).toEqual(value);
    expect(got?.confidence).toBe(confidence);
  });

  it('on a tie, the value met first in the text wins', () => {
    expect(resolve([cand('serverCount', 9, 0.5, 'a', 50), cand('serverCount', 5, 0.5, 'b', 10)], RAW).serverCount?.value).toBe(5);
  });

  it("dedupe: where one rule's proposals overlap, only the stronger counts", () => {
    const out = resolve([cand('serverCount', 5, 0.6, 'a', 0, 10), cand('serverCount', 7, 0.9, 'a', 5, 10), cand('serverCount', 5, 0.5, 'b', 40)], RAW);
    // 7 (0.9, rule a) hides a's overlapping 5; 5 keeps only rule b's 0.5
    expect(out.serverCount?.value).toBe(7);
    expect(out.serverCount?.alternatives?.map((a) => [a.value, a.rule])).toEqual([[5, 'serverCount/b']]);
  });

  it('lists up to three alternatives, none more likely than the winner is wrong', () => {
    const cands = [9, 8, 7, 6, 5].map((v, i) => cand('serverCount', v, 0.9 - i * 0.1, String(i), i * 10));
    const out = resolve(cands, RAW).serverCount!;
    expect(out.value).toBe(9);
    expect(out.alternatives?.map((a) => a.value)).toEqual([8, 7, 6]);
    for (const a of out.alternatives!) expect(a.confidence).toBeLessThanOrEqual(Math.round((1 - out.confidence) * 1000) / 1000);
  });

  it('keeps at most three distinct evidence spans', () => {
    const cands = [0, 10, 20, 30, 0].map((start, i) => cand('serverCount', 5, 0.5, String(i), start));
    expect(resolve(cands, RAW).serverCount?.evidence.map((e) => e.start)).toEqual([0, 10, 20]);
  });
});

describe('resolve: merging what the winner lacks', () => {
  it.each([
    [
      'the most precise date of the same year',
      [cand('date', '2023', 0.6, 'a'), cand('date', '2023-07', 0.3, 'b', 10), cand('date', '2023-07-04', 0.2, 'c', 20)],
      'date',
      '2023-07-04',
    ],
    ['not a date of another month', [cand('date', '2023-06', 0.6, 'a'), cand('date', '2023-07-04', 0.3, 'b', 10)], 'date', '2023-06'],
    [
      'region and city from agreeing locations',
      [
        cand('location', { country: 'BE', region: null, city: null }, 0.6, 'a'),
        cand('location', { country: 'BE', region: 'Namur', city: null }, 0.3, 'b', 10),
        cand('location', { country: 'BE', region: null, city: 'Namur' }, 0.2, 'c', 20),
      ],
      'location',
      { country: 'BE', region: 'Namur', city: 'Namur' },
    ],
    [
      'a ransom amount from an agreeing candidate',
      [
        cand('ransom', { demanded: true, amount: null, currency: null }, 0.6, 'a'),
        cand('ransom', { demanded: true, amount: 50000, currency: 'USD' }, 0.3, 'b', 10),
      ],
      'ransom',
      { demanded: true, amount: 50000, currency: 'USD' },
    ],
    [
      'an actor from an agreeing origin',
      [cand('origin', { country: 'RU', actor: null }, 0.6, 'a'), cand('origin', { country: 'RU', actor: 'LockBit' }, 0.3, 'b', 10)],
      'origin',
      { country: 'RU', actor: 'LockBit' },
    ],
    [
      'nothing from a disagreeing origin',
      [cand('origin', { country: 'RU', actor: null }, 0.6, 'a'), cand('origin', { country: 'CN', actor: 'APT41' }, 0.3, 'b', 10)],
      'origin',
      { country: 'RU', actor: null },
    ],
  ] as [string, Candidate[], FieldName, unknown][])('%s', (_name, cands, field, value) => {
    expect(resolve(cands, RAW)[field]?.value).toEqual(value);
  });
});

describe('resolve: victims', () => {
  it('a shorter name supports the longer one it is part of', () => {
    const out = resolve([cand('victim', 'El Centro', 0.5, 'a', 100), cand('victim', 'El Centro Regional Medical Center', 0.5, 'b', 0)], RAW).victim!;
    expect(out.value).toBe('El Centro Regional Medical Center');
    expect(out.alternatives).toBeUndefined();
  });

  it('names that differ by "the" and case agree', () => {
    const out = resolve([cand('victim', 'The City of Dallas', 0.5, 'a'), cand('victim', 'city of dallas', 0.5, 'b', 0)], RAW).victim!;
    expect(out.confidence).toBe(noisyOr(0.5, 0.5));
  });

  it.each([
    ['keeps a victim the table trusts', 0.5, 'Acme'],
    ['abstains below the measured threshold', 0.1, null],
  ])('%s', (_name, p, expected) => {
    const calibration: CalibrationTable = { [rankKey('summary', 'victim/a')]: { p, n: 100 } };
    expect(resolve([cand('victim', 'Acme', 0.9, 'a')], { calibration }).victim?.value ?? null).toBe(expected);
  });

  it("ranks by the measured precision of each rule, not by the rules' own scores", () => {
    const cands = [cand('victim', 'Acme', 0.9, 'bold'), cand('victim', 'Globex', 0.3, 'careful', 0)];
    expect(resolve(cands, RAW).victim?.value).toBe('Acme');
    const calibration: CalibrationTable = {
      [rankKey('summary', 'victim/bold')]: { p: 0.2, n: 100 },
      [rankKey('summary', 'victim/careful')]: { p: 0.8, n: 100 },
    };
    expect(resolve(cands, { calibration }).victim?.value).toBe('Globex');
  });

  it("ranks by the figure of the document's genre: an article and a summary may pick different rules", () => {
    const cands = [cand('victim', 'Acme', 0.5, 'bold'), cand('victim', 'Globex', 0.5, 'careful', 0)];
    const calibration: CalibrationTable = {
      [rankKey('summary', 'victim/bold')]: { p: 0.2, n: 100 },
      [rankKey('summary', 'victim/careful')]: { p: 0.8, n: 100 },
      [rankKey('article', 'victim/bold')]: { p: 0.8, n: 100 },
      [rankKey('article', 'victim/careful')]: { p: 0.2, n: 100 },
    };
    expect(resolve(cands, { calibration, genre: 'summary' }).victim?.value).toBe('Globex');
    expect(resolve(cands, { calibration, genre: 'article' }).victim?.value).toBe('Acme');
  });

  it('weighs a name by where it stands: the default prior favours the lead, a given prior replaces it', () => {
    const cands = [cand('victim', 'Early', 0.5, 'a', 0), cand('victim', 'Late', 0.55, 'b', 2900)];
    expect(resolve(cands, RAW).victim?.value).toBe('Early');
    expect(resolve(cands, { calibration: null, rankingPrior: () => 1 }).victim?.value).toBe('Late');
  });
});

describe('resolve: round-ups of several incidents', () => {
  const lead = 'Acme Corp was hit by ransomware.';
  const items =
    '- Rubymar Logistics: the Rotterdam freight forwarder confirmed that 40 servers were encrypted\n' +
    '- Hochschule Heilbronn: the university confirmed that its systems were attacked last week';
  const ctxOf = (text: string): ResolveContext => ({ calibration: null, text, blocks: analyse({ id: 't', text }).blocks });

  it('drops candidates found only in digest items that do not name the victim', () => {
    const text = `${lead}\n\n${items}`;
    const at = text.indexOf('40 servers');
    const out = resolve([cand('victim', 'Acme Corp', 0.8, 'a', 0, 9), cand('serverCount', 40, 0.8, 'a', at, 2)], ctxOf(text));
    expect(out.victim?.value).toBe('Acme Corp');
    expect(out.serverCount).toBeNull();
  });

  it('keeps them when an item names the victim, or when there is only one other item', () => {
    const naming = `${lead}\n\n${items.replace('Rubymar Logistics', 'Acme Corp')}`;
    const one = `${lead}\n\n${items.split('\n')[0]}`;
    for (const text of [naming, one]) {
      const at = text.indexOf('40 servers');
      const out = resolve([cand('victim', 'Acme Corp', 0.8, 'a', 0, 9), cand('serverCount', 40, 0.8, 'a', at, 2)], ctxOf(text));
      expect(out.serverCount?.value).toBe(40);
    }
  });
});
