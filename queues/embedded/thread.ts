// One worker thread: loads the processor once, then answers batches of documents with their results.
// A processor that throws is a bug: the document becomes an internal-error dead letter, the thread lives on.
import { parentPort, workerData } from 'node:worker_threads';
import { deadLetter } from '../dead-letters.ts';
import { loadProcessor, type ProcessorRef, type ProcessResult } from '../processor.ts';
import type { ThreadReply, ThreadRequest } from './pool.ts';

const port = parentPort!;
const processor = await loadProcessor((workerData as { ref: ProcessorRef }).ref);

port.on('message', (msg: ThreadRequest) => {
  const results: ProcessResult[] = msg.items.map(({ raw, input }) => {
    try {
      return processor.process(raw, input);
    } catch (err) {
      return { ok: false, deadLetter: deadLetter(raw.id ?? null, input, 'extract', 'internal-error', `extraction threw: ${(err as Error).message}`) };
    }
  });
  port.postMessage({ seq: msg.seq, results } satisfies ThreadReply);
});
port.postMessage({ ready: true, ruleset: processor.ruleset } satisfies ThreadReply);
