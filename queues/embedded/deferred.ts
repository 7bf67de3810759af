// The local runner as the CLI uses it. With one worker (--workers 1, or a process confined to one core) documents
// run on the main thread (in-process.ts): a thread would only add its costs. With more, worker threads only pay off
// past a handful of documents (each thread loads the whole NLP stack, seconds and ~100 MB), so the first
// SMALL_INPUT + 1 documents are held back. If the input ends within SMALL_INPUT, they run here, in process, on the
// processor loaded once; otherwise the thread pool starts and gets them, then everything after. The same processor
// either way, so the same records. When the input pauses (a slow `extract -`), what is held runs in process at
// once, and the choice waits for the next documents. In process, a document is stopped past its deadline as on a thread, and a long
// text still goes to a thread (in-process.ts).
import type { Logger } from '../../src/log.ts';
import type { ProcessorRef } from '../processor.ts';
import type { OutcomeSink, Runner, WorkItem } from '../runner.ts';
import { createInProcessRunner } from './in-process.ts';
import { defaultWorkers } from './pool.ts';
import { createEmbeddedRunner } from './runner.ts';

const SMALL_INPUT = 8;
// No V8 flags are changed here: --no-regexp-tier-up set at run time made the first document ~0.5 s cheaper, but V8's
// flags changed after start are unsupported (Node's docs: crashes, data loss), and stop 10 saw a SIGSEGV with it.

export interface DeferredOptions {
  processor: ProcessorRef;
  workers?: number;
  sink: OutcomeSink;
  log?: Logger;
  /** Documents that run in process when the input has no more than this many (default SMALL_INPUT). */
  small?: number;
}

export function createDeferredRunner(opts: DeferredOptions): Runner {
  const workers = opts.workers ?? defaultWorkers();
  const inProcess = () => createInProcessRunner({ processor: opts.processor, sink: opts.sink, log: opts.log });
  if (workers === 1) return inProcess();
  const small = opts.small ?? SMALL_INPUT;
  const held: WorkItem[] = [];
  let pool: Runner | null = null;
  // the documents run in process: the held ones at a pause, or all of a small input
  let local: Runner | null = null;
  const runHeld = async () => {
    local ??= inProcess();
    for (const h of held.splice(0)) await local.submit(h);
    await local.drain();
  };

  return {
    async submit(item) {
      if (pool) return pool.submit(item);
      held.push(item);
      if (held.length <= small) return;
      pool = await createEmbeddedRunner({ processor: opts.processor, workers, sink: opts.sink, log: opts.log });
      for (const h of held.splice(0)) await pool.submit(h);
    },
    async drain() {
      if (!pool && held.length) {
        opts.log?.debug({ documents: held.length }, 'small input: extracting in process, no worker threads');
        await runHeld();
      }
      await local?.drain();
      await pool?.drain();
    },
    async pause() {
      if (!pool && held.length) await runHeld();
    },
    close: async () => {
      await pool?.close();
      await local?.close();
    },
  };
}
