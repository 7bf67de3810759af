// Accuracy floors on the answerable rows of the dev corpora (labels that show up in the text), measured
// exactly as `incident-extract eval` measures them. A rule change that drops a field below its floor, or
// confidences that stop meaning probabilities (ECE), fails here.
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateGold, type Evaluation } from '../src/eval/evaluate.ts';
import { formatScores } from '../src/eval/score.ts';
import { createExtractor } from '../src/core/engine.ts';
import { DEV_CORPORA } from '../src/eval/paths.ts';

type Corpus = 'vcdb' | 'eurepoc';
type Metric = 'F1' | 'P' | 'R';

/**
 * The floors, on the answerable subset. Raise them as the rules improve; never lower them to pass. Where the
 * floor is below the target the issue set, `target` records it: the gap is open work, not a new standard.
 */
const FLOORS: ReadonlyArray<{ corpus: Corpus; field: string; metric: Metric; min: number; target?: number }> = [
  { corpus: 'vcdb', field: 'victim', metric: 'F1', min: 0.66 }, // issue target 0.65
  { corpus: 'vcdb', field: 'country', metric: 'F1', min: 0.75 },
  { corpus: 'eurepoc', field: 'country', metric: 'F1', min: 0.80 },
  { corpus: 'vcdb', field: 'date_year', metric: 'F1', min: 0.75 },
  { corpus: 'vcdb', field: 'date', metric: 'F1', min: 0.60 }, // full labelled precision
  { corpus: 'eurepoc', field: 'origin', metric: 'F1', min: 0.80 },
  { corpus: 'vcdb', field: 'ransom_demanded', metric: 'F1', min: 0.95 },
];
/** Calibration: the largest expected calibration error for any field that makes predictions. */
const MAX_ECE = 0.10;
/**
 * `date_year` is not a field but a lenient view of `date`: a date's confidence is the probability that it is
 * right at the labelled precision (the `date` row), and one confidence cannot also match the higher accuracy
 * of the year alone. Its ECE is printed in the table, not held to the bound.
 */
const ECE_VIEWS_NOT_FITTED = new Set(['date_year']);
/** Known shortfalls, each with the bound it is held to until fixed (never loosen one to pass). */
const ECE_EXCEPTIONS: Partial<Record<`${Corpus}.${string}`, number>> = {};

const TIMEOUT = 300_000;

for (const corpus of ['vcdb', 'eurepoc'] as const) {
  const file = DEV_CORPORA[corpus];
  describe(`accuracy on ${corpus}-dev (answerable)`, () => {
    let res: Evaluation;
    beforeAll(async () => {
      res = evaluateGold(file, await createExtractor());
      // the table in the test output, so a failure shows the whole picture
      console.log(`== ${corpus}-dev\n${formatScores(res)}`);
    }, TIMEOUT);

    it('turns every document into a record', () => {
      expect(res.deadLetters).toBe(0);
    });

    for (const { field, metric, min } of FLOORS.filter((f) => f.corpus === corpus)) {
      it(`${field} ${metric} >= ${min}`, () => {
        const s = res.fields[`answerable.${field}`];
        expect(s, `no score for answerable.${field}`).toBeDefined();
        expect(s![metric], `answerable.${field}: ${JSON.stringify(s)}`).toBeGreaterThanOrEqual(min);
      });
    }

    it(`ECE <= ${MAX_ECE} for every field with predictions`, () => {
      for (const [key, s] of Object.entries(res.fields)) {
        const field = key.replace(/^answerable\./, '');
        if (!key.startsWith('answerable.') || !s.predicted || ECE_VIEWS_NOT_FITTED.has(field)) continue;
        const bound = ECE_EXCEPTIONS[`${corpus}.${field}`] ?? MAX_ECE;
        // predictions without an ECE mean the confidences went missing: a failure, never a perfect 0
        expect.soft(s.ECE, `${key}: ${s.predicted} predictions but no ECE`).not.toBeNull();
        if (s.ECE != null) expect.soft(s.ECE, `${key} ECE (${s.predicted} predictions)`).toBeLessThanOrEqual(bound);
      }
    });
  });
}
