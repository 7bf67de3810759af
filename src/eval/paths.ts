// Where the project's shared material lives: shared/ sits beside the repository (in CI too), with the
// labelled dev corpora, the reference scorer and the seed report.
import path from 'node:path';
import { envOptions, PACKAGE_ROOT, REPO_ROOT } from '../config.ts';

export { REPO_ROOT };
export const SHARED_DIR = path.resolve(envOptions().sharedDir ?? path.join(PACKAGE_ROOT, '../shared'));
export const DEV_CORPORA = {
  vcdb: path.join(SHARED_DIR, 'corpus/vcdb-dev.jsonl'),
  eurepoc: path.join(SHARED_DIR, 'corpus/eurepoc-dev.jsonl'),
  // hand-labelled news articles, every field judged: the main input
  news: path.join(SHARED_DIR, 'corpus/news-dev.jsonl'),
};
export const REFERENCE_SCORER = path.join(SHARED_DIR, 'eval/score.mjs');
export const SEED_REPORT = path.join(SHARED_DIR, 'seed/province-de-namur.txt');
