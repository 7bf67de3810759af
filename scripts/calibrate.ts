// Regenerates calibration/calibration.json: the precision measured for each winning rule (by agreement and,
// for dates, by the value's precision) on the three dev corpora, news weighted as the main input, and on the
// fixtures. Resolve turns a winner's raw score into this measured probability. Prints the calibration error the
// table gives in sample and, the figure that counts, out of fold: fitted on one half of every corpus (split by a
// hash of the id), scored on the other, both ways.
//   npm run calibrate [-- --dry-run] [--noise] [--splits N]
import { writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import type { FieldName } from '../src/core/contract/record.ts';
import { loadFixtures } from '../src/eval/fixtures.ts';
import { evaluateGold } from '../src/eval/evaluate.ts';
import { DEV_CORPORA } from '../src/eval/paths.ts';
import { ece } from '../src/eval/score.ts';
import { eceBy, fitCalibration, outOfFold, outOfFoldNoise, type Observation } from '../src/eval/calibration-fit.ts';
import { CALIBRATION_FILE, calibrationKeys, rankFigures, type CalibrationTable } from '../src/core/calibration.ts';
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

const rules = await loadRules();
const decisions = new Map<string, Decision>();
// Three passes. The first measures the rank figures that the hand weights, and the learned ranking's `measured`
// feature, rank victims by: how often a rule is right when it wins, with victims ranked by the rules' hand-set scores
// (no table). The other two measure the confidences, with victims ranked by those figures as records rank them. The
// hand pass (no learned ranking) measures every rule; the ranked pass measures the victims the learned ranking
// chooses in news articles (keyed apart: victim/ranked), and those, not the hand pass's, are what records carry, so in
// the articles it ranks they are what the calibration error is scored on. Resolve gets the rank figures and nothing
// else: it reports raw scores, not the table being rebuilt, which depends on nothing but the rules and the ranking.
// Measured before the first pass was split off (both ranked victims by hand-set scores and fed the learned ranking a
// `measured` feature unlike the one it was trained on): of news-dev's 129 victims, 121 were fitted and 32 of those in
// another band or from another rule than the records'.
const weights = loadVictimRank();
const rankedIds = new Set<string>();
let current = '';
const rankVictimsWith: VictimRanker | null =
  weights &&
  ((groups, doc) => {
    rankedIds.add(current);
    return rankVictims(weights, groups, doc);
  });
const ctxOf = (rankVictims: VictimRanker | null, calibration: CalibrationTable | null) => ({
  rules,
  ruleset: 'calibration',
  calibration,
  rankVictims,
  observe: (id: string, d: Decision) => decisions.set(`${id}\u0000${d.field}`, d),
});
type Use = Observation['use'];

function pass(ctx: ReturnType<typeof ctxOf>, sources: readonly string[], use: (id: string, field: FieldName) => Use | 'skip', into: Observation[]) {
  decisions.clear();
  const observing = {
    process: (raw: RawDocument, input?: string) => {
      current = String(raw.id);
      return processDocument(raw, ctx, input);
    },
  };
  const add = (source: string, view: string, id: string, field: FieldName, ok: boolean) => {
    const u = use(id, field);
    const d = decisions.get(`${id}\u0000${field}`);
    if (u !== 'skip' && d && viewOf(view, d)) into.push({ source, view, id, keys: calibrationKeys(d, d.score), raw: d.score, ok, ...(u ? { use: u } : {}) });
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
const handScored: Observation[] = [];
pass(ctxOf(null, null), Object.keys(DEV_CORPORA), () => undefined, handScored);
const ranks = rankFigures(fitCalibration(handScored));
const observations: Observation[] = [];
if (rankVictimsWith) pass(ctxOf(rankVictimsWith, ranks), ['news'], (id, field) => (field === 'victim' && rankedIds.has(id) ? 'ranked' : 'skip'), observations);
pass(ctxOf(null, ranks), Object.keys(DEV_CORPORA), (id, field) => (field === 'victim' && rankedIds.has(id) ? 'hand' : undefined), observations);
// what records carry is scored
const fitted = observations.filter((o) => o.use !== 'hand');

// the confidences fitted on what records carry, the rank figures of the first pass
const fit = fitCalibration(observations);
const fitRanks = rankFigures(fit);
const table = Object.fromEntries([...Object.entries(fit).filter(([k]) => !(k in fitRanks)), ...Object.entries(ranks)].sort(([a], [b]) => a.localeCompare(b)));
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

// Out of fold: fit on one half of every corpus, score the other, both ways (outOfFold); with --noise, beside each
// figure the one a perfectly calibrated table would show on these judgements (the mean of NOISE_DRAWS redraws), the
// 90th percentile of those redraws and the share of them at or above the measured figure (how often a perfectly
// calibrated table would look as bad by chance)
const NOISE_DRAWS = 100;
const noise = process.argv.includes('--noise') ? outOfFoldNoise(table, observations, NOISE_DRAWS) : null;
lines.push(`-- out of fold (fitted on one half by id hash, scored on the other, both ways, pooled)${noise ? '; noise floor, its p90, draws >= ECE' : ''}`);
for (const [k, pairs] of outOfFold(observations, fitted)) {
  const e = ece(pairs) ?? 0;
  const line = fmt(k, { n: pairs.length, precision: pairs.filter(([, ok]) => ok).length / pairs.length, ece: e });
  const draws = noise?.get(k);
  const mean = draws && draws.reduce((s, x) => s + x, 0) / draws.length;
  const worse = draws && draws.filter((x) => x >= e).length / draws.length;
  lines.push(
    draws ? `${line}  noise ${mean!.toFixed(3)}  p90 ${draws[Math.floor(0.9 * (draws.length - 1))]!.toFixed(3)}  ${(100 * worse!).toFixed(0)} %` : line,
  );
}
// each half alone, scored by the table fitted on the other (the pooled figure above mixes the two)
const halves = (['A', 'B'] as const).map((h) => outOfFold(observations, fitted, { only: h }));
lines.push('-- out of fold, each half (scored on it, fitted on the other): n, precision, ECE');
for (const k of new Set(halves.flatMap((m) => [...m.keys()]))) {
  const cells = halves.map((m, i) => {
    const pairs = m.get(k) ?? [];
    const precision = pairs.length ? pairs.filter(([, ok]) => ok).length / pairs.length : 0;
    return `${'AB'[i]} ${String(pairs.length).padStart(4)} ${precision.toFixed(3)} ${(ece(pairs) ?? 0).toFixed(3)}`;
  });
  lines.push(`${k.padEnd(30)} ${cells.join('   ')}`);
}
// with --splits N: the pooled out-of-fold ECE over N other splits of the same documents (salted id hashes): one
// split's figure moves with which few judgements fall in which half, and a change to the fit is judged on many
const splitsAt = process.argv.indexOf('--splits');
const splits = splitsAt < 0 ? 0 : Number(process.argv[splitsAt + 1]);
if (splits > 0) {
  const bySplit = new Map<string, number[]>();
  for (let s = 1; s <= splits; s++) {
    for (const [k, pairs] of outOfFold(observations, fitted, { salt: String(s) })) bySplit.set(k, [...(bySplit.get(k) ?? []), ece(pairs) ?? 0]);
  }
  lines.push(`-- out of fold over ${splits} other splits (salted id hash): mean, median, max ECE, splits <= 0.05`);
  for (const [k, xs] of bySplit) {
    const sorted = [...xs].sort((a, b) => a - b);
    const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const under = sorted.filter((x) => x <= 0.05).length;
    lines.push(`${k.padEnd(30)} mean ${mean.toFixed(3)}  median ${median.toFixed(3)}  max ${sorted.at(-1)!.toFixed(3)}  ${under}/${sorted.length}`);
  }
}
process.stdout.write(lines.join('\n') + '\n');
