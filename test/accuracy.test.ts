// Accuracy floors on the answerable rows of the dev corpora (labels that show up in the text), measured
// exactly as `incident-extract eval` measures them. A rule change that drops a field below its floor, or
// confidences that stop meaning probabilities (ECE), fails here.
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateGold, type Evaluation } from '../src/eval/evaluate.ts';
import { formatScores } from '../src/eval/score.ts';
import { createExtractor } from '../src/core/engine.ts';
import { DEV_CORPORA } from '../src/eval/paths.ts';

type Corpus = 'vcdb' | 'eurepoc' | 'news';
type Metric = 'F1' | 'P' | 'R';

/**
 * The floors, on the answerable subset. Raise them as the rules improve; never lower them to pass. Where the
 * floor is below the target the issue set, `target` records it: the gap is open work, not a new standard.
 */
const FLOORS: ReadonlyArray<{ corpus: Corpus; field: string; metric: Metric; min: number; target?: number; subset?: 'all' }> = [
  { corpus: 'vcdb', field: 'victim', metric: 'F1', min: 0.66 }, // issue target 0.65
  { corpus: 'vcdb', field: 'country', metric: 'F1', min: 0.75 },
  { corpus: 'eurepoc', field: 'country', metric: 'F1', min: 0.8 },
  { corpus: 'vcdb', field: 'date_year', metric: 'F1', min: 0.75 },
  { corpus: 'vcdb', field: 'date', metric: 'F1', min: 0.6 }, // full labelled precision
  { corpus: 'eurepoc', field: 'origin', metric: 'F1', min: 0.8 },
  { corpus: 'vcdb', field: 'ransom_demanded', metric: 'F1', min: 0.95 },
  // news-dev: judged gold, all documents (a value where the article says nothing is a false positive); issue #11 targets
  // 0.698: a 'what we know' explainer headline is about one incident, not a general story
  // 0.867: a scam aimed at a brand's users, a fake app or game, a headline's described victim, research-report headlines
  { corpus: 'news', subset: 'all', field: 'victim', metric: 'F1', min: 0.86 }, // issue target 0.85
  // 0.586 / 0.714: background 'last year', statement days and weekdays of last week no longer taken for the incident's date
  // 0.662 / 0.801: product, patch, trend, example, closure and testimony dates abstain; recent spans and report-only days recovered
  // 0.810 / 0.889: trend pieces' recent years, reports' and statistics' dates abstain; "Friday's attack" dates the incident
  // 0.820 / 0.892: a later act (a warning or notice sent, stolen data dumped or sold) is dated, not the incident
  // 0.841 / 0.906: an earlier episode set against a later one is background; "not aware of it until …" is a late step
  { corpus: 'news', subset: 'all', field: 'date', metric: 'F1', min: 0.84 }, // issue target 0.75
  { corpus: 'news', subset: 'all', field: 'date_year', metric: 'F1', min: 0.9 }, // issue target 0.9
  // 0.883: another incident's sentence and sentences of three or more countries place no victim
  { corpus: 'news', subset: 'all', field: 'country', metric: 'F1', min: 0.88 }, // issue target 0.88
  // 0.927: many victims' summed payments and an earlier incident's demand are not the demand
  { corpus: 'news', subset: 'all', field: 'ransom_amount', metric: 'F1', min: 0.92 }, // issue target 0.85
  // 0.816: a maker's nationality in an apposition, scam call centres, doubted links and forums' nationality
  { corpus: 'news', subset: 'all', field: 'origin', metric: 'F1', min: 0.81 }, // issue target 0.8
  // 0.962: "holding the company ransom"; general talk of a series of attacks and impersonation swindles are no demand
  { corpus: 'news', subset: 'all', field: 'ransom_demanded', metric: 'F1', min: 0.96 }, // issue target 0.95
  { corpus: 'news', subset: 'all', field: 'server_count', metric: 'F1', min: 0.91 }, // issue target 0.75
];
/** Calibration: the largest expected calibration error for any field that makes predictions. */
const MAX_ECE = 0.1;
/**
 * `date_year` is not a field but a lenient view of `date`: a date's confidence is the probability that it is
 * right at the labelled precision (the `date` row), and one confidence cannot also match the higher accuracy
 * of the year alone. Its ECE is printed in the table, not held to the bound.
 */
const ECE_VIEWS_NOT_FITTED = new Set(['date_year']);
/** Known shortfalls, each with the bound it is held to until fixed (never loosen one to pass). */
const ECE_EXCEPTIONS: Partial<Record<`${Corpus}.${string}`, number>> = {
  // four predictions, all right, at a confidence the news-weighted table gives machines counts
  'vcdb.server_count': 0.13,
  // 69 predictions; the summary genre is fitted mostly on VCDB's victims
  'eurepoc.victim': 0.11,
  // news-dev (in sample here; `npm run calibrate` prints the out-of-fold figures): the target is 0.05.
  // Tightened at stop 11 to just above the table's in-sample figures (victim 0.033, date 0.077, country 0.046,
  // amount 0.013, origin 0.018, demanded 0.008, server count 0.012); date at stop 12 (0.027 after the fixed-point refit,
  // `npm run calibrate:fixed-point`, with an article's date buckets leaning on the genre's figure); a perfectly calibrated table
  // would still show about 0.055, 0.034, 0.048, 0.063, 0.080, 0.039 and 0.019 on these sample sizes on average
  // (`npx tsx scripts/ece-noise.ts news`), so these bounds hold the fit, not a standard.
  'news.victim': 0.045,
  'news.date': 0.035,
  'news.country': 0.06,
  'news.ransom_amount': 0.03,
  'news.origin': 0.035,
  'news.ransom_demanded': 0.025,
  'news.server_count': 0.025,
};

const TIMEOUT = 300_000;

for (const corpus of ['vcdb', 'eurepoc', 'news'] as const) {
  const file = DEV_CORPORA[corpus];
  describe(`accuracy on ${corpus}-dev`, () => {
    let res: Evaluation;
    beforeAll(async () => {
      res = evaluateGold(file, await createExtractor());
      // the table in the test output, so a failure shows the whole picture
      console.log(`== ${corpus}-dev\n${formatScores(res)}`);
    }, TIMEOUT);

    it('turns every document into a record', () => {
      expect(res.deadLetters).toBe(0);
    });

    for (const { field, metric, min, subset = 'answerable' } of FLOORS.filter((f) => f.corpus === corpus)) {
      it(`${subset} ${field} ${metric} >= ${min}`, () => {
        const s = res.fields[`${subset}.${field}`];
        expect(s, `no score for ${subset}.${field}`).toBeDefined();
        expect(s![metric], `${subset}.${field}: ${JSON.stringify(s)}`).toBeGreaterThanOrEqual(min);
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
