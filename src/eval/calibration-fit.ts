// Fits the calibration table (calibration/calibration.json) from observed decisions: for each winning rule, and
// for each rule|agreement|bucket key, the precision measured on labelled data, shrunk towards the rule's own
// figure when a key is seen only a few times. Pure, so the calibration script can fit on one half of the
// corpora and score the other (out-of-fold calibration error).
import { RANKED_VICTIM, rankKey, type CalibrationTable, type Genre } from '../core/calibration.ts';
import { ece } from './score.ts';
import { halfOf } from './split.ts';

/** One decision of resolve and whether the scorer judged it right. */
export interface Observation {
  source: string;
  view: string;
  keys: [string, string, string];
  raw: number;
  ok: boolean;
  id: string;
  /**
   * 'hand': a victim the hand weights chose where records carry the learned ranking's (fitted as before, not scored);
   * 'ranked': a victim the learned ranking chose (not counted in the rank figures, which measure the hand weights).
   */
  use?: 'hand' | 'ranked';
}

// Strength of the prior: a key seen a few times stays near the level above it (out-of-fold ECE on news: 15 beats 5).
const PRIOR_WEIGHT = 15;
// A rule's own figure leans less on its field's: resolve ranks victims by it, and a flattened figure ranks worse.
const RULE_PRIOR_WEIGHT = 5;
/**
 * A rank figure leans on the rule's hand-set score (its mean raw score) as if it had RANK_PRIOR_JUDGEMENTS more
 * judgements, counted as judgements, not by their weight. A rank figure weighs each corpus the same, so a news
 * judgement weighs as about five of VCDB's, and against a prior of 5 weighted judgements one of them decided a rule news
 * seldom sees (a refit that lost one of victim/it-office-of's two news judgements took its figure from 0.776 to 0.619);
 * now one judgement moves a figure a quarter of the way. Out of fold on the hand pass's winners (fitted on one half,
 * the held-out winners' rank figures scored as probabilities), news ECE 0.089 with the weighted prior of 5; counted, by
 * pseudo-count: 3 0.087, 5 0.091, 10 0.088, 20 0.092 (VCDB 0.081, 0.076, 0.071, 0.070). Measured and not kept: the
 * field's figure in the genre as the prior (news ECE 0.085 at 5, 0.058 at 15): it flattens the hand-set priors the
 * ranking needs (victim/report-header 0.991 -> 0.81 lost the porto-de-lisboa fixture's victim, victim/named-incident
 * 0.095 -> 0.55 rose above the victim floor of 0.13), and at the fixed point news victim F1 fell (15: half A -1.4,
 * B -0.6; 5: A 0, B -1.4).
 */
const RANK_PRIOR_JUDGEMENTS = 3;
/**
 * Fields news judges only a few dozen times (ransom 56 demands and amounts, origin 25) have a handful of judgements per
 * rule|agreement|bucket key: where one half's handful happened to be all right, its figure rose towards 1 and missed
 * on the other half. Their figures lean on the field's in the genre as if each level had SPARSE_PRIOR_WEIGHT more
 * judgements. Out of fold on news (`npm run calibrate`), before the ransom and origin rules of issue #11: amount 0.32 ->
 * 0.10, demanded 0.20 -> 0.02; with them: amount 0.114 -> 0.086, demanded 0.148 -> 0.111, origin 0.098 -> 0.062, every
 * other view equal. Dates too: news judges 149 of them, but spread over 35 rule|agreement|bucket keys (most seen 1-8
 * times), and out of fold the keys' own figures flipped between halves. Measured with date in (same table otherwise):
 * news date OOF 0.152 -> 0.038 (in sample 0.093 -> 0.064), VCDB 0.105 -> 0.066, EuRepoC 0.100 -> 0.081 (in sample
 * 0.039 -> 0.059), and the out-of-fold Brier score of dates lower on all three, so the keys' spread was noise, not
 * resolution. Victim and country (one key in a few holds most judgements) lost by it in sample: not applied.
 *
 * Even so shrunk, a sparse field's rule|agreement keys still parted its few dozen confidences into two bins by
 * differences that flipped between halves (news ransom demanded out of fold: demand-phrase|1, 6 judgements, 4 right,
 * got 0.97 from the half where its one judgement was right; the rest 0.85-0.98 by rule and agreement), and the
 * field's figure mixed the value's precisions (a date to the day is right less often than a year). So a sparse
 * field's detailed key takes the figure of its bucket in the genre (the value's precision, `genre:field|bucket`:
 * Y/YM/YMD for dates, amount or demand for ransom), leaning on the genre's field as if it had SPARSE_PRIOR_WEIGHT
 * more judgements; the rule and agreement are not used. Out of fold (`npm run calibrate`), from the shrunk keys:
 * news ransom demanded 0.111 -> 0.052, date 0.022 -> 0.004, origin 0.062 -> 0.046, amount 0.086 -> 0.110 (its
 * Brier score lower all the same, 0.0950 -> 0.0939: the halves' amounts are right 12/14 and 7/7), EuRepoC date
 * 0.081 -> 0.029, VCDB date 0.069 -> 0.063; the out-of-fold Brier score lower on every news view and on the dates
 * of all three (VCDB origin and demanded +0.0002 and +0.0007); alike for a bucket prior weight from 60 to 200.
 */
const SPARSE_FIELDS: ReadonlySet<string> = new Set(['ransom', 'origin', 'date']);
const SPARSE_PRIOR_WEIGHT = 120;
/**
 * An article's date bucket (Y, YM or YMD) leans on the genre's date figure as if it had only ARTICLE_DATE_BUCKET_WEIGHT
 * more judgements: news judges 140 dates in articles (16 to the year, 37 to the month, 87 to the day, right 0.63, 0.73
 * and 0.87 of the time) and the long VCDB texts as many again (0.50, 0.58, 0.66), so each bucket is measured on dozens;
 * leaning with 120 pressed the three to within 0.07 of each other (0.74-0.84 out of fold), above the year's and below
 * the day's precision. Out of fold on news (same observations): date 0.075 -> 0.011, Brier 0.1580 -> 0.1560; VCDB
 * 0.082 -> 0.078, EuRepoC 0.027 -> 0.028; by weight, news 120 0.075, 40 0.056, 20 0.019, 15 0.016, 10 0.011 (the
 * smallest). Measured and not kept: news alone in the article genre (the long VCDB texts weighed 0 instead of 40 %
 * of news): news 0.111 at 120, 0.034 at 40, its Brier score higher at every weight (0.1614-0.1631); with 20 % the
 * same as with 40 % within noise; the lower weight on the rule level too, alike.
 */
const ARTICLE_DATE_BUCKET_WEIGHT = 10;
const afterGenre = (key: string) => key.slice(key.indexOf(':') + 1);
const genreOfKey = (o: Observation) => o.keys[1].slice(0, o.keys[1].indexOf(':')) as Genre;
const ruleOfKey = (o: Observation) => afterGenre(o.keys[1]);
// a detailed key ends in its bucket (calibrationKeys): `genre:field|bucket`
const bucketOf = (o: Observation) => `${o.keys[2]}|${o.keys[0].slice(o.keys[0].lastIndexOf('|') + 1)}`;
/**
 * Ranking is a choice between a document's own candidates: each dev corpus weighs the same for a view (within a
 * group of observations), however many documents it has (the figure must serve every style of text), and fixtures
 * count one per judgement.
 */
function rankWeights(obs: readonly Observation[], group: (o: Observation) => string): number[] {
  const per = new Map<string, number>();
  const corpora = new Map<string, Set<string>>();
  for (const o of obs) {
    per.set(`${o.source}|${group(o)}`, (per.get(`${o.source}|${group(o)}`) ?? 0) + 1);
    if (o.source !== 'fixtures') corpora.set(group(o), (corpora.get(group(o)) ?? new Set()).add(o.source));
  }
  return obs.map((o) => {
    if (o.source === 'fixtures') return 1;
    const cs = [...corpora.get(group(o))!];
    const total = cs.reduce((s, c) => s + per.get(`${c}|${group(o)}`)!, 0);
    return total / (cs.length * per.get(`${o.source}|${group(o)}`)!);
  });
}
/**
 * How much each source weighs for a view. News is the main input: each judged article counts one, and the
 * coder-written summaries together weigh SUMMARY_SHARE of what the news judgements weigh, so that their thousands of
 * lines do not set the confidence an article gets (and never count as more evidence than there is). Where news has
 * no judgement (summaries, or a view few articles state) each corpus weighs the same. Fixtures count a tenth.
 */
const NEWS_SOURCE = 'news';
// The fixtures are written so that the rules pass them: right by construction, they would lift every
// confidence; they count only a little, so that a rule news never sees still has a figure.
const FIXTURE_WEIGHT = 0.1;
const SUMMARY_SHARE = 0.4;

function weights(obs: readonly Observation[]): number[] {
  // counted per genre and view: a summary is weighed only against summaries, an article against articles
  const group = (o: Observation) => `${o.keys[1].slice(0, o.keys[1].indexOf(':'))}|${o.view}`;
  const perSource = new Map<string, number>();
  const sourcesOf = new Map<string, Set<string>>();
  const groupTotal = new Map<string, number>();
  for (const o of obs) {
    perSource.set(`${o.source}|${group(o)}`, (perSource.get(`${o.source}|${group(o)}`) ?? 0) + 1);
    if (o.source === 'fixtures') continue;
    sourcesOf.set(group(o), (sourcesOf.get(group(o)) ?? new Set()).add(o.source));
    groupTotal.set(group(o), (groupTotal.get(group(o)) ?? 0) + 1);
  }
  return obs.map((o) => {
    const news = perSource.get(`${NEWS_SOURCE}|${group(o)}`);
    if (o.source === 'fixtures') return FIXTURE_WEIGHT;
    if (o.source === NEWS_SOURCE) return 1;
    // no news in the group: each corpus weighs the same, however many documents it has
    if (!news) return groupTotal.get(group(o))! / (sourcesOf.get(group(o))!.size * perSource.get(`${o.source}|${group(o)}`)!);
    const others = sourcesOf.get(group(o))!.size - 1;
    return Math.min(1, (news * SUMMARY_SHARE) / (others * perSource.get(`${o.source}|${group(o)}`)!));
  });
}

/**
 * A field's figure in a genre (`genre:field`) is kept apart only where the genres are shown to differ: where the
 * spread of the genres' precisions is no wider than their judgements' sampling noise explains (the chi-square
 * statistic of the genres' counts, weighted as fitted, at most its degrees of freedom: the method-of-moments
 * estimate of the between-genre variance is 0), every genre takes the field's figure pooled over all genres,
 * corpora and fixtures. So a field news judges a few dozen times (ransom: 21 amounts and 34 demands) leans on the
 * ransoms of every corpus, and its confidence no longer follows whichever handful of news judgements one half holds;
 * a field whose genres differ (origin: articles 0.80, summaries 0.99) keeps them apart as before. Out of fold on news
 * (`npm run calibrate -- --noise`), from the genre's own figure: ransom amount 0.111 -> 0.038 (its 21 confidences
 * 0.89 and 0.97 by half -> 0.90 and 0.96, one bin), demanded 0.052 -> 0.025, server count 0.042 -> 0.026 (news
 * and VCDB), VCDB ransom demanded 0.016 -> 0.003, EuRepoC date 0.028 -> 0.027; every other view equal. Measured
 * and not kept: the genres leaning on the pooled figure with the moment estimate's prior weight (origin got 1.5
 * judgements' worth and rose 0.046 -> 0.058 out of fold, country 0.011 -> 0.017); the same test between a sparse
 * field's buckets (within 0.001 of this everywhere). Over 20 other splits (`--splits 20`) the amount's figure is
 * 0.050 on average before and after (that split flattered it): on 21 judgements 0.05 is the sampling noise itself;
 * server count gains on every split (news 0.033 -> 0.024, VCDB 0.074 -> 0.029), ransom demanded 0.041 -> 0.040.
 */
function genresDiffer(groups: readonly Tally[]): boolean {
  const n = groups.reduce((s, g) => s + g.n, 0);
  const p = groups.reduce((s, g) => s + g.hits, 0) / n;
  if (groups.length < 2 || p <= 0 || p >= 1) return false;
  const chi2 = groups.reduce((s, g) => s + (g.n * (g.hits / g.n - p) ** 2) / (p * (1 - p)), 0);
  return chi2 > groups.length - 1;
}

interface Tally {
  hits: number;
  n: number;
  raw: number;
  count: number;
}
const round = (x: number) => Math.round(x * 1000) / 1000;

export function fitCalibration(obs: readonly Observation[]): CalibrationTable {
  const ranking = obs.filter((o) => o.use !== 'ranked');
  const w = weights(obs);
  // Articles rank by a figure over every genre (news and the summaries: more evidence for rules news seldom fires);
  // summaries by summaries alone, so that judged news, weighed as the main input, leaves their ranking as it was
  // (measured: summaries ranked with news in lost EuRepoC 1.3 points of victim F1).
  const rwAll = rankWeights(ranking, (o) => o.view);
  const rwGenre = rankWeights(ranking, (o) => `${genreOfKey(o)}|${o.view}`);
  const byRule = new Map<string, Tally>();
  // a field over every genre and source
  const byField = new Map<string, Tally>();
  const byRank = new Map<string, Tally>();
  const byGenre = new Map<string, Tally>();
  const byKey = new Map<string, Tally>();
  const byBucket = new Map<string, Tally>();
  // a sparse field's detailed keys take their bucket's figure: only how often each is seen is counted
  const sparseKeyCount = new Map<string, number>();
  const add = (m: Map<string, Tally>, k: string, o: Observation, wt: number) => {
    const t = m.get(k) ?? { hits: 0, n: 0, raw: 0, count: 0 };
    t.hits += o.ok ? wt : 0;
    t.n += wt;
    t.raw += o.raw * wt;
    t.count += 1;
    m.set(k, t);
  };
  // one place says which field a key is of (from its observation's genre:field key), and which key each shrinks towards:
  // genre:rule towards genre:field, a detailed key towards genre:rule, or for a sparse field towards its bucket
  const fieldOf = new Map<string, string>();
  const parentOf = new Map<string, string>();
  obs.forEach((o, i) => {
    const field = afterGenre(o.keys[2]);
    const sparse = SPARSE_FIELDS.has(field);
    fieldOf.set(o.keys[1], field);
    parentOf.set(o.keys[1], o.keys[2]);
    parentOf.set(o.keys[0], sparse ? bucketOf(o) : o.keys[1]);
    if (sparse) {
      parentOf.set(bucketOf(o), o.keys[2]);
      add(byBucket, bucketOf(o), o, w[i]!);
      sparseKeyCount.set(o.keys[0], (sparseKeyCount.get(o.keys[0]) ?? 0) + 1);
    } else add(byKey, o.keys[0], o, w[i]!);
    add(byGenre, o.keys[1], o, w[i]!);
    add(byRule, o.keys[2], o, w[i]!);
    add(byField, field, o, w[i]!);
  });
  ranking.forEach((o, i) => {
    add(byRank, rankKey('article', ruleOfKey(o)), o, rwAll[i]!);
    if (genreOfKey(o) === 'summary') add(byRank, rankKey('summary', ruleOfKey(o)), o, rwGenre[i]!);
  });
  const table: CalibrationTable = {};
  // the rule alone in a genre: the figure resolve ranks disagreeing victim rules by, leaning on the rule's hand-set
  // score while it is seldom seen (its weighted precision counted as t.count judgements)
  for (const [rule, t] of byRank) {
    const p = (t.count * (t.hits / t.n) + RANK_PRIOR_JUDGEMENTS * (t.raw / t.n)) / (t.count + RANK_PRIOR_JUDGEMENTS);
    table[rule] = { p: round(p), n: t.count };
  }
  // the field level leans on the rules' own mean score only as much as one judgement would
  // (genresDiffer: or the field's, pooled over the genres, where they do not differ beyond noise)
  const own = (t: Tally) => (t.hits + t.raw / t.n) / (t.n + 1);
  const genresOf = new Map<string, Tally[]>();
  for (const [key, t] of byRule) genresOf.set(afterGenre(key), [...(genresOf.get(afterGenre(key)) ?? []), t]);
  // decided once a field: the genres' own figures, or the field's pooled one
  const pooled = new Map([...genresOf].map(([field, ts]) => [field, genresDiffer(ts) ? undefined : byField.get(field)!]));
  for (const [key, t] of byRule) table[key] = { p: round(own(pooled.get(afterGenre(key)) ?? t)), n: t.count };
  // each level shrinks towards the one above it (parentOf), with its own prior weight: a sparse field's genre level
  // leans on its field with SPARSE_PRIOR_WEIGHT, its buckets (only sparse fields have them) too, the article date's
  // buckets with ARTICLE_DATE_BUCKET_WEIGHT; its detailed keys take their bucket's figure (below); a band of the learned
  // victim ranking shrinks towards the ranking's own mean probability in it, not the rule's figure
  const shrink = (m: Map<string, Tally>, weightOf: (key: string) => number) => {
    for (const [key, t] of m) {
      const weight = weightOf(key);
      const prior = key.includes(`:${RANKED_VICTIM}|`) ? t.raw / t.n : table[parentOf.get(key)!]!.p;
      table[key] = { p: round((t.hits + weight * prior) / (t.n + weight)), n: t.count };
    }
  };
  shrink(byGenre, (key) => (SPARSE_FIELDS.has(fieldOf.get(key)!) ? SPARSE_PRIOR_WEIGHT : RULE_PRIOR_WEIGHT));
  shrink(byBucket, (key) => (key.startsWith('article:date|') ? ARTICLE_DATE_BUCKET_WEIGHT : SPARSE_PRIOR_WEIGHT));
  shrink(byKey, () => PRIOR_WEIGHT);
  for (const [key, n] of sparseKeyCount) table[key] = { p: table[parentOf.get(key)!]!.p, n };
  // the buckets are levels of the fit only: resolve looks a case up by its detailed key, rule and field
  for (const key of byBucket.keys()) delete table[key];
  return Object.fromEntries(Object.entries(table).sort(([a], [b]) => a.localeCompare(b)));
}

/** The confidence a table gives an observed decision (the raw score when the table has never seen its rule). */
const lookup = (table: CalibrationTable, o: Observation) => table[o.keys[0]]?.p ?? table[o.keys[1]]?.p ?? table[o.keys[2]]?.p ?? o.raw;

/** Calibration error per source|view of the table on the given observations. */
export function eceBy(table: CalibrationTable, obs: readonly Observation[]): Map<string, { n: number; precision: number; ece: number }> {
  const groups = new Map<string, Array<[number, boolean]>>();
  for (const o of obs) {
    const k = `${o.source}|${o.view}`;
    const list = groups.get(k) ?? [];
    list.push([lookup(table, o), o.ok]);
    groups.set(k, list);
  }
  const out = new Map<string, { n: number; precision: number; ece: number }>();
  for (const [k, pairs] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    out.set(k, { n: pairs.length, precision: pairs.filter(([, ok]) => ok).length / pairs.length, ece: ece(pairs) ?? 0 });
  }
  return out;
}

/**
 * Out of fold: fitted on half A of every corpus (fixtures always in), half B scored with it, and the other way; the
 * held-out confidences of both halves pooled per source|view (what the fitted observations, `scored`, would get);
 * `only`: that half alone, scored by the table fitted on the other; `salt`: another split by id hash (halfOf).
 */
export function outOfFold(
  obs: readonly Observation[],
  scored: readonly Observation[],
  { only, salt = '' }: { only?: 'A' | 'B'; salt?: string } = {},
): Map<string, Array<[number, boolean]>> {
  const inHalf = (h: 'A' | 'B') => (o: Observation) => o.source === 'fixtures' || halfOf(o.id, salt) === h;
  const pooled = new Map<string, Array<[number, boolean]>>();
  for (const [fitOn, scoreOn] of (
    [
      ['A', 'B'],
      ['B', 'A'],
    ] as const
  ).filter(([, h]) => !only || h === only)) {
    const t = fitCalibration(obs.filter(inHalf(fitOn)));
    for (const o of scored.filter((x) => x.source !== 'fixtures' && halfOf(x.id, salt) === scoreOn)) {
      const k = `${o.source}|${o.view}`;
      pooled.set(k, [...(pooled.get(k) ?? []), [lookup(t, o), o.ok]]);
    }
  }
  return new Map([...pooled].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The out-of-fold ECE a perfectly calibrated table would still show, per source|view: every judgement of a dev
 * corpus is redrawn as right with the probability `table` gives it (fixtures stay as they are), the fit is rerun out
 * of fold on the draw, and the ECE of each draw is returned (ascending; their mean is the noise floor). Fitting on one
 * half adds the half's own sampling error to the scored half's, so this floor lies above the in-sample one of
 * scripts/ece-noise.ts.
 */
export function outOfFoldNoise(table: CalibrationTable, obs: readonly Observation[], draws: number): Map<string, number[]> {
  // a fixed linear congruential generator: the same figures on every run
  let seed = 20261205;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const all = new Map<string, number[]>();
  for (let d = 0; d < draws; d++) {
    const drawn = obs.map((o) => (o.source === 'fixtures' ? o : { ...o, ok: random() < lookup(table, o) }));
    for (const [k, pairs] of outOfFold(
      drawn,
      drawn.filter((o) => o.use !== 'hand'),
    ))
      all.set(k, [...(all.get(k) ?? []), ece(pairs) ?? 0]);
  }
  return new Map([...all].map(([k, xs]) => [k, xs.sort((a, b) => a - b)]));
}
