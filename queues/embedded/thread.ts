// One worker thread: loads the processor once, then answers batches of documents with their results.
// A processor that throws is a bug: the document becomes an internal-error dead letter, the thread lives on.
// Before each document the thread writes which one it is on and since when into memory shared with the pool
// (watch.ts), so the pool can tell a document that runs past its deadline and pre-empt it.
import { parentPort, workerData } from 'node:worker_threads';
import { loadProcessor, processSafely, type ProcessorRef } from '../processor.ts';
import type { ThreadReply, ThreadRequest } from './pool.ts';
import { Watch } from './watch.ts';

const WARM_UP =
  'Hackers attacked the City of Dallas, Texas, on May 3, 2023. Acme Corp said 40 servers were encrypted and the LockBit gang demanded $1 million.';
const port = parentPort!;
const { ref, watch } = workerData as { ref: ProcessorRef; watch: SharedArrayBuffer };
const processor = await loadProcessor(ref);
const seen = new Watch(watch);
// Word lists and gazetteers load on first use, which takes seconds: paid here, before the thread says it is ready,
// so that a fresh thread's first document is not charged for them against its deadline.
processSafely(processor, { id: 'warm-up', text: WARM_UP }, 'warm-up');

port.on('message', (msg: ThreadRequest) => {
  const results = msg.items.map(({ raw, input }, i) => {
    seen.starting(msg.seq, i);
    return processSafely(processor, raw, input);
  });
  seen.idle();
  port.postMessage({ seq: msg.seq, results } satisfies ThreadReply);
});
port.postMessage({ ready: true, ruleset: processor.ruleset } satisfies ThreadReply);
