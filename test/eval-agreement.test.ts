// Our scorer (src/eval/score.ts, what `incident-extract eval` prints) must give the same figures as the
// reference scorer shipped in shared/eval/score.mjs, run as its own process on the same files. Checked on
// pipeline records for a deterministic sample of both dev corpora, and on synthetic records built from the
// same gold so that every field, every matching rule and every confidence bin is exercised even while the
// rules are still sparse.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IncidentRecord } from '../src/core/contract/record.ts';
import { goldToRaw } from '../src/eval/gold.ts';
import { score, type FieldScore, type GoldLine } from '../src/eval/score.ts';
import { createExtractor } from '../src/core/engine.ts';
import { DEV_CORPORA, REFERENCE_SCORER } from '../src/eval/paths.ts';

const SCORER = REFERENCE_SCORER;
const CORPORA = Object.values(DEV_CORPORA);
// news-dev is small and judged (null gold counts predicted values as false positives): every line is checked
const every = (file: string) => (file === DEV_CORPORA.news ? 1 : 10);
const TOL = 1e-9;

const tmp = mkdtempSync(path.join(tmpdir(), 'eval-agreement-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Reference {
  docs: number;
  missing: number;
  fields: Record<string, FieldScore>;
}

/** Every n-th line of a corpus, as raw lines (the reference reads the very same bytes). */
function sample(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .filter((_, i) => i % every(file) === 0);
}

function reference(name: string, goldLines: string[], records: unknown[]): Reference {
  const g = path.join(tmp, `${name}.gold.jsonl`);
  const p = path.join(tmp, `${name}.pred.jsonl`);
  writeFileSync(g, goldLines.join('\n') + '\n');
  writeFileSync(p, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const out = execFileSync(process.execPath, [SCORER, '--gold', g, '--pred', p, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out) as Reference;
}

function expectAgreement(ours: Reference, ref: Reference): void {
  expect(ours.docs).toBe(ref.docs);
  expect(ours.missing).toBe(ref.missing);
  expect(Object.keys(ours.fields).sort()).toEqual(Object.keys(ref.fields).sort());
  for (const [key, r] of Object.entries(ref.fields)) {
    const o = ours.fields[key]!;
    for (const k of ['labelled', 'predicted', 'correct', 'negatives'] as const) expect(o[k], `${key}.${k}`).toBe(r[k]);
    for (const k of ['P', 'R', 'F1'] as const) expect(Math.abs(o[k] - r[k]), `${key}.${k}: ours ${o[k]}, reference ${r[k]}`).toBeLessThanOrEqual(TOL);
    if (r.ECE == null) expect(o.ECE, `${key}.ECE`).toBeNull();
    else expect(Math.abs((o.ECE ?? NaN) - r.ECE), `${key}.ECE: ours ${o.ECE}, reference ${r.ECE}`).toBeLessThanOrEqual(TOL);
  }
}

// A tiny deterministic generator, so the synthetic records are the same on every run.
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const CONFIDENCES = [0, 0.05, 0.1, 0.1999999, 0.3, 0.45, 0.5, 0.7, 0.8, 0.9, 0.95, 1];
const VICTIM_VARIANTS = [
  (v: string) => v,
  (v: string) => v.toUpperCase(),
  (v: string) => `The ${v} Inc.`,
  (v: string) => `${v}'s`,
  (v: string) => v.split(/\s+/)[0] ?? v,
  (v: string) => `${v} Hospital Group`,
  () => 'Acme Widgets',
];
const iso = (d: { year: number; month: number | null; day: number | null }) =>
  [d.year, d.month, d.day]
    .filter((x) => x != null)
    .map((x, i) => (i ? String(x).padStart(2, '0') : String(x)))
    .join('-');

/** Records that agree, partly agree and disagree with the gold, with confidences on and between bin edges. */
function synthetic(gold: GoldLine[], seed: number): Array<Pick<IncidentRecord, 'id' | 'fields'>> {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const maybe = <T>(make: () => T) => (rnd() < 0.2 ? null : { value: make(), confidence: pick(CONFIDENCES), evidence: [], rule: 'synthetic/x' });
  const out: unknown[] = [];
  for (const g of gold) {
    if (rnd() < 0.05) continue; // a record missing for some gold lines
    const G = g.gold;
    const d = G.date ?? { year: 2015, month: 3, day: 9 };
    out.push({
      id: g.id,
      fields: {
        victim: maybe(() => pick(VICTIM_VARIANTS)(G.victim ?? 'Northwind Traders')),
        date: maybe(() =>
          pick([iso(d), String(d.year), `${d.year}-${String(((d.month ?? 1) % 12) + 1).padStart(2, '0')}`, String(d.year + 1), `${iso(d)}-01`.slice(0, 10)]),
        ),
        location: maybe(() => ({ country: pick([G.country ?? 'US', 'US', 'GB', (G.country ?? 'fr').toLowerCase(), null]), region: null, city: null })),
        serverCount: maybe(() => pick([G.server_count ?? 1, 1, 2, 5])),
        ransom: maybe(() => ({
          demanded: pick([true, true, false]),
          amount: pick([null, G.ransom?.amount ?? 1000, 1_000_000, 5000.5]),
          currency: pick([null, G.ransom?.currency ?? 'USD', 'usd', 'BTC']),
        })),
        origin: maybe(() => ({ country: pick([G.origin_country ?? 'RU', 'RU', 'CN', null]), actor: null })),
      },
    });
  }
  return out as Array<Pick<IncidentRecord, 'id' | 'fields'>>;
}

describe('score() agrees with shared/eval/score.mjs', async () => {
  const extractor = await createExtractor();
  for (const [n, file] of CORPORA.entries()) {
    const name = path.basename(file, '-dev.jsonl');
    const lines = sample(file);
    const gold = lines.map((l) => JSON.parse(l) as GoldLine);

    it(`${name}: pipeline records on every ${every(file)}th document (${gold.length})`, () => {
      const records = [];
      for (const g of gold) {
        const r = extractor.process(goldToRaw(g), `${file}#${g.id}`);
        if (r.ok) records.push(r.record);
      }
      expectAgreement(score(gold, records), reference(`${name}-pipeline`, lines, records));
    });

    it(`${name}: synthetic records over the same gold`, () => {
      const records = synthetic(gold, 17 + n);
      const ref = reference(`${name}-synthetic`, lines, records);
      // the synthetic set is only worth something if it holds both right and wrong predictions
      for (const f of ['victim', 'date', 'date_year', 'country', 'origin', 'ransom_demanded']) {
        const r = ref.fields[`all.${f}`]!;
        if (r.labelled) expect(r.correct > 0 && r.correct < r.predicted, `all.${f} ${JSON.stringify(r)}`).toBe(true);
      }
      expectAgreement(score(gold, records), ref);
    });
  }
});
