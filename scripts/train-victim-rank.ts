// Fits the learned ranking of victim candidates in news articles (src/core/victim-rank.ts) on the judged news-dev
// gold and writes calibration/victim-rank.json. The groups ranked are the ones resolve builds; the target of each
// article is the groups that name its gold victim, or "no victim" when the gold is null or no group names it.
// Fitting is a conditional logit by plain gradient descent from zero, in a fixed order with fixed steps, and the
// weights are rounded: the same corpus and rules give the same file, byte for byte.
// Before writing, it checks the ranking out of fold: fitted on one half of news-dev (by a hash of the id), scored on
// the other, both ways, against the hand weights' victim F1 on the same half. The file says `use: true` only when
// the learned ranking beats the hand weights on both halves; otherwise resolve keeps the hand weights.
//   tsx scripts/train-victim-rank.ts [--dry-run]
import { writeFileSync } from 'node:fs';
import { loadCalibration } from '../src/core/calibration.ts';
import type { RawDocument } from '../src/core/document.ts';
import { processDocument } from '../src/core/extract.ts';
import { loadRules } from '../src/core/registry.ts';
import { groupFeatures, noneFeatures, softmax, VICTIM_RANK_FILE, type RankDoc, type RankGroup, type VictimRankWeights } from '../src/core/victim-rank.ts';
import { evaluateGold } from '../src/eval/evaluate.ts';
import { loadFixtures } from '../src/eval/fixtures.ts';
import { readGold } from '../src/eval/gold.ts';
import { DEV_CORPORA } from '../src/eval/paths.ts';
import { FIELDS, score, type GoldLine } from '../src/eval/score.ts';
import { halfOf, splitByHalf, type Half } from '../src/eval/split.ts';

// L2 penalty per article and the descent: enough steps for the loss to settle at this rate (measured).
const L2 = 0.001;
const STEPS = 3000;
const RATE = 0.5;
const DIGITS = 4;

interface Option {
  f: Record<string, number>;
  ok: boolean;
}
interface Article {
  id: string;
  /** not ranked (no headline, no candidate): the hand weights' answer stands, right or not */
  hand?: { gave: boolean; right: boolean };
  groups: Option[];
  none: Record<string, number>;
  /** the gold names a victim */
  labelled: boolean;
}

const gold = readGold(DEV_CORPORA.news);
const goldById = new Map(gold.map((g) => [g.id, g]));
const rules = await loadRules();
const calibration = loadCalibration();
const recorded = new Map<string, Article>();
let current = '';
// the victim the document being processed should get: the judged gold, or a fixture's expected victim
let judge: { ok: (v: unknown) => boolean; labelled: boolean } = { ok: () => false, labelled: false };
const judgeBy = (truth: unknown, line: Pick<GoldLine, 'meta'>) => ({
  ok: (v: unknown) => truth != null && FIELDS.victim!.ok({ value: v, confidence: 1 }, truth as never, line as GoldLine),
  labelled: truth != null,
});
const ctx = {
  rules,
  ruleset: 'train-victim-rank',
  calibration,
  // records what resolve would rank, gives no opinion: the records are the hand weights' own
  rankVictims: (groups: readonly RankGroup[], doc: RankDoc) => {
    recorded.set(current, {
      id: current,
      groups: groups.map((m) => ({ f: groupFeatures(m, doc), ok: judge.ok(m.members[0]!.value) })),
      none: noneFeatures(doc, groups.length),
      labelled: judge.labelled,
    });
    return null;
  },
};
const hand = evaluateGold(DEV_CORPORA.news, {
  process: (raw: RawDocument, input?: string) => {
    current = String(raw.id);
    const g = goldById.get(current)!;
    judge = judgeBy(FIELDS.victim!.gold(g), g);
    return processDocument(raw, ctx, input);
  },
});
const records = new Map(hand.records.map((r) => [r.id, r]));
const articles: Article[] = gold.map((g) => {
  const seen = recorded.get(g.id);
  if (seen) return seen;
  const truth = FIELDS.victim!.gold(g);
  const v = records.get(g.id)?.fields.victim;
  const right = !!v && truth != null && FIELDS.victim!.ok(v, truth as never, g);
  return { id: g.id, hand: { gave: !!v, right }, groups: [], none: {}, labelled: truth != null };
});

// The hand-written fixtures that state a victim (or none) are fitted on too, always, and never scored: they are the
// kinds the rules are written for ("our MongoDB servers" is the product, not the victim), and stay green.
const FIXTURE = 'fixture:';
for (const fx of await loadFixtures()) {
  if (!('victim' in fx.expected)) continue;
  current = `${FIXTURE}${fx.raw.id ?? fx.name}`;
  judge = judgeBy(fx.expected.victim, { meta: {} });
  processDocument(fx.raw, ctx);
  const seen = recorded.get(current);
  if (seen) articles.push(seen);
}
const scored = (a: Article) => !a.id.startsWith(FIXTURE);

const dot = (w: Map<string, number>, f: Record<string, number>) => Object.entries(f).reduce((s, [k, v]) => s + (w.get(k) ?? 0) * v, 0);

function fitWeights(all: readonly Article[]): VictimRankWeights {
  const train = all.filter((a) => !a.hand);
  const names = (pick: (a: Article) => Record<string, number>[]) => [...new Set(train.flatMap((a) => pick(a).flatMap((f) => Object.keys(f))))].sort();
  const gw = new Map(names((a) => a.groups.map((g) => g.f)).map((k) => [k, 0]));
  const nw = new Map(names((a) => [a.none]).map((k) => [k, 0]));
  for (let step = 0; step < STEPS; step++) {
    const gg = new Map([...gw.keys()].map((k) => [k, L2 * gw.get(k)!]));
    const ng = new Map([...nw.keys()].map((k) => [k, L2 * nw.get(k)!]));
    for (const a of train) {
      const p = softmax(
        a.groups.map((g) => dot(gw, g.f)),
        dot(nw, a.none),
      );
      // target: the right groups' share of their own mass, or no victim when no group is right
      const right = a.groups.map((g) => g.ok);
      const mass = right.some(Boolean) ? p.probs.reduce((s, x, i) => s + (right[i] ? x : 0), 0) : p.none;
      const grad = (pi: number, isTarget: boolean) => pi - (isTarget ? pi / mass : 0);
      a.groups.forEach((g, i) => {
        const d = grad(p.probs[i]!, right[i]!) / train.length;
        for (const [k, v] of Object.entries(g.f)) gg.set(k, gg.get(k)! + d * v);
      });
      const dn = grad(p.none, !right.some(Boolean)) / train.length;
      for (const [k, v] of Object.entries(a.none)) ng.set(k, ng.get(k)! + dn * v);
    }
    for (const [k, g] of gg) gw.set(k, gw.get(k)! - RATE * g);
    for (const [k, g] of ng) nw.set(k, nw.get(k)! - RATE * g);
  }
  const rounded = (m: Map<string, number>) => Object.fromEntries([...m].map(([k, v]) => [k, Number(v.toFixed(DIGITS))]));
  return { group: rounded(gw), none: rounded(nw) };
}

/** Victim F1 of a ranking on some articles, judged as the scorer judges (a victim where the gold has none is wrong). */
function f1(w: VictimRankWeights, test: readonly Article[]): number {
  let predicted = 0;
  let correct = 0;
  let labelled = 0;
  const m = (r: Record<string, number>) => new Map(Object.entries(r));
  for (const a of test) {
    if (a.labelled) labelled++;
    if (a.hand) {
      predicted += a.hand.gave ? 1 : 0;
      correct += a.hand.right ? 1 : 0;
      continue;
    }
    const p = softmax(
      a.groups.map((g) => dot(m(w.group), g.f)),
      dot(m(w.none), a.none),
    );
    const best = p.probs.indexOf(Math.max(...p.probs));
    if (p.none >= p.probs[best]!) continue;
    predicted++;
    if (a.groups[best]!.ok) correct++;
  }
  const P = predicted ? correct / predicted : 0;
  const R = labelled ? correct / labelled : 0;
  return P + R ? (2 * P * R) / (P + R) : 0;
}

const halves = splitByHalf(gold);
const other: Record<Half, Half> = { A: 'B', B: 'A' };
const lines: string[] = [];
const crossFit: Record<string, { hand: number; learned: number }> = {};
for (const h of ['A', 'B'] as const) {
  const learned = f1(
    fitWeights(articles.filter((a) => !scored(a) || halfOf(a.id) === other[h])),
    articles.filter((a) => scored(a) && halfOf(a.id) === h),
  );
  const handF1 = score(halves[h], hand.records).fields['all.victim']!.F1;
  crossFit[h] = { hand: Number(handF1.toFixed(DIGITS)), learned: Number(learned.toFixed(DIGITS)) };
  lines.push(`half ${h} (fitted on ${other[h]}): hand ${(100 * handF1).toFixed(1)}  learned ${(100 * learned).toFixed(1)}`);
}
const use = Object.values(crossFit).every((c) => c.learned > c.hand);
const weights = fitWeights(articles);
lines.push(
  `in sample: learned ${(100 * f1(weights, articles.filter(scored))).toFixed(1)}; ${use ? 'beats the hand weights on both halves: used' : 'not used'}`,
);
if (!process.argv.includes('--dry-run')) {
  const comment = 'Learned ranking of victim candidates in news articles (src/core/victim-rank.ts). Generated by scripts/train-victim-rank.ts; do not edit.';
  writeFileSync(VICTIM_RANK_FILE, JSON.stringify({ comment, use, crossFit, weights }, null, 2) + '\n');
  lines.push(`wrote ${VICTIM_RANK_FILE}`);
}
process.stdout.write(lines.join('\n') + '\n');
