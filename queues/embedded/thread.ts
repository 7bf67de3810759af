// One worker thread: loads the processor once, then answers batches of documents with their results.
// A processor that throws is a bug: the document becomes an internal-error dead letter, the thread lives on.
// Before each document the thread writes which one it is on and since when into memory shared with the pool
// (watch.ts), so the pool can tell a document that runs past its deadline and pre-empt it.
import { parentPort, workerData } from 'node:worker_threads';
import { loadProcessor, processSafely, type ProcessorRef, warmUp } from '../processor.ts';
import type { ThreadReply, ThreadRequest } from './pool.ts';
import { nameThisThread } from '../../src/thread-name.ts';
import { Watch } from './watch.ts';

const port = parentPort!;
nameThisThread('ie-extract');
const { ref, watch } = workerData as { ref: ProcessorRef; watch: SharedArrayBuffer };
const processor = await loadProcessor(ref);
const seen = new Watch(watch);
// before the thread says it is ready, so that under a short deadline its first document is not charged for first-use loading
warmUp(processor, ref.deadlineMs);

port.on('message', (msg: ThreadRequest) => {
  const results = msg.items.map(({ raw, input }, i) => {
    seen.starting(msg.seq, i);
    return processSafely(processor, raw, input);
  });
  seen.idle();
  port.postMessage({ seq: msg.seq, results } satisfies ThreadReply);
});
port.postMessage({ ready: true, ruleset: processor.ruleset } satisfies ThreadReply);
