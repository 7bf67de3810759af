// A child of `npm run bench runners`: the processor alone in one process, with no runner around it, so the
// bench can show how far N independent processes scale on this machine, the ceiling for any runner.
//   tsx bench/solo.ts ROOT SHARED WARMUP DOCS
// Warms up on WARMUP documents, prints "ready", then for every "go" line on stdin processes DOCS documents
// (fresh ids each round) and prints "done MS".
import { createInterface } from 'node:readline';
import { loadProcessor } from '../queues/processor.ts';
import { PROCESSOR } from '../src/cli/runners.ts';
import { newsItems } from './core.ts';

const [root, shared, warmup, docs] = process.argv.slice(2);
const ctx = { root: root!, shared: shared!, log: () => {} };
const processor = await loadProcessor(PROCESSOR);
for (const d of newsItems(ctx, Number(warmup), `solo${process.pid}-warm`)) processor.process(d.raw, d.input);
let round = 0;
const rounds = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
for await (const line of rounds) {
  if (line.trim() !== 'go') continue;
  const batch = newsItems(ctx, Number(docs), `solo${process.pid}-${round++}`);
  const t0 = performance.now();
  for (const d of batch) processor.process(d.raw, d.input);
  process.stdout.write(`done ${performance.now() - t0}\n`);
}
