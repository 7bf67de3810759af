// Where the project's shared material lives: shared/ sits beside the repository (in CI too), with the
// labelled dev corpora, the reference scorer, the first-hit peer and the seed report.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SHARED_DIR = path.resolve(process.env.INCIDENT_EXTRACT_SHARED ?? path.join(REPO_ROOT, '../shared'));
export const DEV_CORPORA = {
  vcdb: path.join(SHARED_DIR, 'corpus/vcdb-dev.jsonl'),
  eurepoc: path.join(SHARED_DIR, 'corpus/eurepoc-dev.jsonl'),
  // hand-labelled news articles, every field judged: the main input
  news: path.join(SHARED_DIR, 'corpus/news-dev.jsonl'),
};
export const REFERENCE_SCORER = path.join(SHARED_DIR, 'eval/score.mjs');
export const NAIVE_PEER = path.join(SHARED_DIR, 'eval/naive-baseline.mjs');
export const SEED_REPORT = path.join(SHARED_DIR, 'seed/province-de-namur.txt');
