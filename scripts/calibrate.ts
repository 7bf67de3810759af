// Regenerates calibration/calibration.json: the precision measured for each winning rule (by agreement and,
// for dates, by the value's precision) on the three dev corpora, news weighted as the main input, and on the
// fixtures. Resolve turns a winner's raw score into this measured probability. Prints the calibration error the
// table gives in sample and, the figure that counts, out of fold: fitted on one half of every corpus (split by a
// hash of the id), scored on the other, both ways.
//   npm run calibrate [-- --dry-run]
import { writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import type { FieldName } from '../src/core/contract/record.ts';
import { loadFixtures } from '../src/eval/fixtures.ts';
import { evaluateGold } from '../src/eval/evaluate.ts';
import { DEV_CORPORA } from '../src/eval/paths.ts';
import { ece } from '../src/eval/score.ts';
import { halfOf } from '../src/eval/split.ts';
import { eceBy, fitCalibration, lookup, type Observation } from '../src/eval/calibration-fit.ts';
import { CALIBRATION_FILE, calibrationKeys } from '../src/core/calibration.ts';
import type { RawDocument } from '../src/core/document.ts';
import { processDocument } from '../src/core/extract.ts';
import type { Decision } from '../src/core/resolve.ts';
import { loadRules } from '../src/core/registry.ts';
import { loadVictimRank, rankVictims, type VictimRanker } from '../src/core/victim-rank.ts';

// The scorer's views and the record field each judges. A date's confidence is the probability that it is right
// at the precision the label states (the scorer's `date`); `date_year` is a lenient view of the same field and
// is not fitted (a confidence cannot match two accuracies at once). A ransom with an amount is judged by the
// amount (the stricter view), one without by whether a demand was made.
const VIEWS: Record<string, FieldName> = {
  victim: 'victim',
  date: 'date',
  country: 'location',
  origin: 'origin',
  server_count: 'serverCount',
  ransom_demanded: 'ransom',
  ransom_amount: 'ransom',
};
const hasAmount = (d: Decision) => (d.value as { amount?: number | null } | null)?.amount != null;
const viewOf = (view: string, d: Decision) => (view !== 'ransom_demanded' && view !== 'ransom_amount') || (view === 'ransom_amount') === hasAmount(d);
// Judged news gold scores every document; on the other corpora only labels that show up in the text are fitted.
const SUBSET: Record<string, 'all' | 'answerable'> = { news: 'all', vcdb: 'answerable', eurepoc: 'answerable' };

const observations: Observation[] = [];
const rules = await loadRules();
const decisions = new Map<string, Decision>();
// Two passes. The hand pass (no learned ranking) measures every rule as before, and with it the rank figures that the
// hand weights, and the learned ranking's `measured` feature, rank victims by. The ranked pass measures the victims
// the learned ranking chooses in news articles (keyed apart: victim/ranked); those, not the hand pass's, are what records
// carry, so in the articles it ranks they are what the calibration error is scored on.
// calibration: null, so resolve reports raw scores, not the table being rebuilt
const weights = loadVictimRank();
const rankedIds = new Set<string>();
let current = '';
const rankVictimsWith: VictimRanker | null =
  weights &&
  ((groups, doc) => {
    rankedIds.add(current);
    return rankVictims(weights, groups, doc);
  });
const ctxOf = (rankVictims: VictimRanker | null) => ({
  rules,
  ruleset: 'calibration',
  calibration: null,
  rankVictims,
  observe: (id: string, d: Decision) => decisions.set(`${id}\u0000${d.field}`, d),
});
type Use = Observation['use'];
const observe = (source: string, view: string, id: string, d: Decision | undefined, ok: boolean, use?: Use) => {
  if (d && viewOf(view, d)) observations.push({ source, view, id, keys: calibrationKeys(d, d.score), raw: d.score, ok, ...(use ? { use } : {}) });
};

function pass(ctx: ReturnType<typeof ctxOf>, sources: readonly string[], use: (id: string, field: FieldName) => Use | 'skip') {
  decisions.clear();
  const observing = {
    process: (raw: RawDocument, input?: string) => {
      current = String(raw.id);
      return processDocument(raw, ctx, input);
    },
  };
  const add = (source: string, view: string, id: string, field: FieldName, ok: boolean) => {
    const u = use(id, field);
    if (u !== 'skip') observe(source, view, id, decisions.get(`${id}\u0000${field}`), ok, u);
  };
  for (const [source, file] of Object.entries(DEV_CORPORA)) {
    if (!sources.includes(source)) continue;
    for (const j of evaluateGold(file, observing).judgements) {
      const field = VIEWS[j.field];
      if (j.subset === SUBSET[source] && field) add(source, j.field, j.id, field, j.ok);
    }
  }
  for (const fx of FIXTURES) {
    current = fx.raw.id ?? '';
    const r = processDocument(fx.raw, ctx);
    if (!r.ok) continue;
    for (const [field, expected] of Object.entries(fx.expected) as [FieldName, unknown][]) {
      const got = r.record.fields[field];
      if (got) add('fixtures', field, r.record.id, field, isDeepStrictEqual(got.value, expected));
    }
  }
}
const FIXTURES = await loadFixtures();
if (rankVictimsWith) pass(ctxOf(rankVictimsWith), ['news'], (id, field) => (field === 'victim' && rankedIds.has(id) ? 'ranked' : 'skip'));
pass(ctxOf(null), Object.keys(DEV_CORPORA), (id, field) => (field === 'victim' && rankedIds.has(id) ? 'hand' : undefined));
// what records carry is scored
const fitted = observations.filter((o) => o.use !== 'hand');

const table = fitCalibration(observations);
if (!process.argv.includes('--dry-run')) {
  writeFileSync(
    CALIBRATION_FILE,
    JSON.stringify(
      {
        comment:
          'Measured precision of each winning rule: "rule" overall, "rule|agreeing rules|bucket" in detail. Generated by `npm run calibrate`; do not edit.',
        entries: table,
      },
      null,
      2,
    ) + '\n',
  );
}

const fmt = (k: string, v: { n: number; precision: number; ece: number }) =>
  `${k.padEnd(30)} n ${String(v.n).padStart(5)}  precision ${v.precision.toFixed(3)}  ECE ${v.ece.toFixed(3)}`;
const lines = [`wrote ${Object.keys(table).length} entries to ${CALIBRATION_FILE}`, '-- in sample (fitted and scored on the same data)'];
for (const [k, v] of eceBy(table, fitted)) lines.push(fmt(k, v));

// Out of fold: fit on half A of every corpus (fixtures always in), score half B with it, and the other way;
// the held-out confidences of both halves are pooled per source and view.
const inHalf = (h: 'A' | 'B') => (o: Observation) => o.source === 'fixtures' || halfOf(o.id) === h;
const pooled = new Map<string, Array<[number, boolean]>>();
for (const [fitOn, scoreOn] of [
  ['A', 'B'],
  ['B', 'A'],
] as const) {
  const t = fitCalibration(observations.filter(inHalf(fitOn)));
  for (const o of fitted.filter((x) => x.source !== 'fixtures' && halfOf(x.id) === scoreOn)) {
    const k = `${o.source}|${o.view}`;
    pooled.set(k, [...(pooled.get(k) ?? []), [lookup(t, o), o.ok]]);
  }
}
lines.push('-- out of fold (fitted on one half by id hash, scored on the other, both ways, pooled)');
for (const [k, pairs] of [...pooled].sort(([a], [b]) => a.localeCompare(b))) {
  lines.push(fmt(k, { n: pairs.length, precision: pairs.filter(([, ok]) => ok).length / pairs.length, ece: ece(pairs) ?? 0 }));
}
process.stdout.write(lines.join('\n') + '\n');
