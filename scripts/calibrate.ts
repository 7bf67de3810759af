// Regenerates calibration/calibration.json: the precision measured for each winning rule (by agreement and,
// for dates, by the value's precision) on the answerable subsets of the dev corpora and on the fixtures.
// Resolve turns a winner's raw score into this measured probability. Prints the ECE the table gives.
//   npm run calibrate
import { writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import type { FieldName } from '../src/core/contract/record.ts';
import { loadFixtures } from '../src/eval/fixtures.ts';
import { evaluateGold } from '../src/eval/evaluate.ts';
import { DEV_CORPORA } from '../src/eval/paths.ts';
import { ece } from '../src/eval/score.ts';
import { CALIBRATION_FILE, calibrationKeys, type CalibrationTable } from '../src/core/calibration.ts';
import type { RawDocument } from '../src/core/document.ts';
import { processDocument } from '../src/core/extract.ts';
import type { Decision } from '../src/core/resolve.ts';
import { loadRules } from '../src/core/registry.ts';

// Strength of the prior: a key seen a few times stays near its rule's precision, a rule near its raw score.
const PRIOR_WEIGHT = 5;
// The scorer's views and the record field each judges. A date's confidence is the probability that it is right
// at the precision the label states (the scorer's `date`); `date_year` is a lenient view of the same field and
// is not fitted (a confidence cannot match two accuracies at once).
const VIEWS: Record<string, FieldName> = {
  victim: 'victim', date: 'date', country: 'location', origin: 'origin', server_count: 'serverCount', ransom_demanded: 'ransom',
};

interface Observation { source: string; view: string; keys: [string, string]; raw: number; ok: boolean }
const observations: Observation[] = [];

const rules = await loadRules();
const decisions = new Map<string, Decision>();
// calibration: null, so resolve reports raw scores, not the table being rebuilt
const ctx = { rules, ruleset: 'calibration', calibration: null, observe: (id: string, d: Decision) => decisions.set(`${id}\u0000${d.field}`, d) };
const observe = (source: string, view: string, d: Decision | undefined, ok: boolean) => {
  if (d) observations.push({ source, view, keys: calibrationKeys(d), raw: d.score, ok });
};

const observing = { process: (raw: RawDocument, input?: string) => processDocument(raw, ctx, input) };
for (const [source, file] of Object.entries(DEV_CORPORA)) {
  for (const j of evaluateGold(file, observing).judgements) {
    const field = VIEWS[j.field];
    if (j.subset === 'answerable' && field) observe(source, j.field, decisions.get(`${j.id}\u0000${field}`), j.ok);
  }
}
for (const fx of await loadFixtures()) {
  const r = processDocument(fx.raw, ctx);
  if (!r.ok) continue;
  for (const [field, expected] of Object.entries(fx.expected) as [FieldName, unknown][]) {
    const got = r.record.fields[field];
    if (got) observe('fixtures', field, decisions.get(`${r.record.id}\u0000${field}`), isDeepStrictEqual(got.value, expected));
  }
}

// Each dev corpus weighs the same for a view, however many documents it has: one corpus's style must not
// set the confidence the other sees. Fixtures count one per judgement.
const perSourceView = new Map<string, number>();
for (const o of observations) perSourceView.set(`${o.source}|${o.view}`, (perSourceView.get(`${o.source}|${o.view}`) ?? 0) + 1);
const corpusTotal = (view: string) => Object.keys(DEV_CORPORA).reduce((s, c) => s + (perSourceView.get(`${c}|${view}`) ?? 0), 0);
const corpora = (view: string) => Object.keys(DEV_CORPORA).filter((c) => perSourceView.has(`${c}|${view}`)).length;
function weight(o: Observation): number {
  if (o.source === 'fixtures') return 1;
  return (corpusTotal(o.view)) / (corpora(o.view) * perSourceView.get(`${o.source}|${o.view}`)!);
}

interface Tally { hits: number; n: number; raw: number; count: number }
const add = (m: Map<string, Tally>, k: string, o: Observation, w: number) => {
  const t = m.get(k) ?? { hits: 0, n: 0, raw: 0, count: 0 };
  t.hits += o.ok ? w : 0;
  t.n += w;
  t.raw += o.raw * w;
  t.count += 1;
  m.set(k, t);
};
const byRule = new Map<string, Tally>();
const byKey = new Map<string, Tally>();
for (const o of observations) {
  const w = weight(o);
  add(byKey, o.keys[0], o, w);
  add(byRule, o.keys[1], o, w);
}
const round = (x: number) => Math.round(x * 1000) / 1000;
const table: CalibrationTable = {};
for (const [rule, t] of byRule) table[rule] = { p: round((t.hits + PRIOR_WEIGHT * (t.raw / t.n)) / (t.n + PRIOR_WEIGHT)), n: t.count };
for (const [key, t] of byKey) {
  const rulePrior = table[key.split('|')[0]!]!.p;
  table[key] = { p: round((t.hits + PRIOR_WEIGHT * rulePrior) / (t.n + PRIOR_WEIGHT)), n: t.count };
}
const sorted = Object.fromEntries(Object.entries(table).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(CALIBRATION_FILE, JSON.stringify({
  comment: 'Measured precision of each winning rule: "rule" overall, "rule|agreeing rules|date precision" in detail. Generated by `npm run calibrate`; do not edit.',
  entries: sorted,
}, null, 2) + '\n');

// What the table gives back on the data it was fitted on, per source and view.
const lines: string[] = [];
const groups = new Map<string, Array<[number, boolean]>>();
for (const o of observations) {
  const k = `${o.source}|${o.view}`;
  const p = table[o.keys[0]]?.p ?? table[o.keys[1]]!.p;
  groups.set(k, [...(groups.get(k) ?? []), [p, o.ok]]);
}
for (const [k, pairs] of [...groups].sort()) {
  const acc = pairs.filter(([, ok]) => ok).length / pairs.length;
  lines.push(`${k.padEnd(28)} n ${String(pairs.length).padStart(5)}  precision ${acc.toFixed(3)}  ECE ${(ece(pairs) ?? 0).toFixed(3)}`);
}
process.stdout.write(`wrote ${Object.keys(table).length} entries to ${CALIBRATION_FILE}\n${lines.join('\n')}\n`);
