// How large a calibration error (ECE, the scorer's 10 bins) a perfectly calibrated table would still show on a dev
// corpus, field by field: each prediction keeps the confidence the record gives it, its outcome is drawn as right
// with exactly that probability, and the ECE of the draw is averaged over many draws. On a few dozen predictions the
// sampling noise alone is far above 0.05, so a measured ECE there says little (the README's Accuracy section).
//   npx tsx scripts/ece-noise.ts [corpus]     (corpus: news | vcdb | eurepoc; default news)
import { createExtractor } from '../src/core/engine.ts';
import { evaluateGold } from '../src/eval/evaluate.ts';
import { DEV_CORPORA } from '../src/eval/paths.ts';
import { ece } from '../src/eval/score.ts';

const corpus = (process.argv[2] ?? 'news') as keyof typeof DEV_CORPORA;
const DRAWS = 4000;
// a fixed linear congruential generator: the same figures on every run
let seed = 20261205;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

const { judgements } = evaluateGold(DEV_CORPORA[corpus], await createExtractor());
const byField = new Map<string, Array<[number, boolean]>>();
for (const j of judgements) {
  if (j.subset !== 'all' || j.confidence == null) continue;
  byField.set(j.field, [...(byField.get(j.field) ?? []), [j.confidence, j.ok]]);
}
process.stdout.write(`${corpus}: field, predictions, measured ECE, ECE of a perfectly calibrated table (mean; share of draws <= 0.05)\n`);
for (const [field, pairs] of [...byField].sort(([a], [b]) => a.localeCompare(b))) {
  let sum = 0;
  let under = 0;
  for (let d = 0; d < DRAWS; d++) {
    const e = ece(pairs.map(([c]) => [c, random() < c])) ?? 0;
    sum += e;
    if (e <= 0.05) under++;
  }
  const measured = (ece(pairs) ?? 0).toFixed(3);
  process.stdout.write(`${field.padEnd(16)} ${String(pairs.length).padStart(5)}  ${measured}  ${(sum / DRAWS).toFixed(3)}; ${(under / DRAWS).toFixed(2)}\n`);
}
