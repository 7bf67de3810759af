// One worker thread: loads the processor once, then answers batches of documents with their results.
// A processor that throws is a bug: the document becomes an internal-error dead letter, the thread lives on.
import { parentPort, workerData } from 'node:worker_threads';
import { loadProcessor, processSafely, type ProcessorRef } from '../processor.ts';
import type { ThreadReply, ThreadRequest } from './pool.ts';

const port = parentPort!;
const processor = await loadProcessor((workerData as { ref: ProcessorRef }).ref);

port.on('message', (msg: ThreadRequest) => {
  const results = msg.items.map(({ raw, input }) => processSafely(processor, raw, input));
  port.postMessage({ seq: msg.seq, results } satisfies ThreadReply);
});
port.postMessage({ ready: true, ruleset: processor.ruleset } satisfies ThreadReply);
