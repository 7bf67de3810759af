// The local runner as the CLI uses it: worker threads only pay off past a handful of documents (each thread loads
// the whole NLP stack, seconds and ~100 MB), so the first SMALL_INPUT + 1 documents are held back. If the input
// ends within SMALL_INPUT, they run here, in process, on the processor loaded once; otherwise the thread pool
// starts and gets them, then everything after. The same processor either way, so the same records.
// A long text goes to a thread even in a small input: only there can a document that runs past the processor's
// deadline be pre-empted (pool.ts); in process it would hold the run until it finished.
import type { Logger } from '../../src/log.ts';
import { loadProcessor, processSafely, type ProcessorRef } from '../processor.ts';
import type { OutcomeSink, Runner, WorkItem } from '../runner.ts';
import { defaultWorkers } from './pool.ts';
import { createEmbeddedRunner } from './runner.ts';

const SMALL_INPUT = 8;
// Characters above which a text could take seconds (about 100 kB/s per core on news text): it runs on a thread.
const IN_PROCESS_MAX_CHARS = 200_000;
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
  const small = opts.small ?? SMALL_INPUT;
  const held: WorkItem[] = [];
  let pool: Runner | null = null;
  const startPool = async (workers?: number) => {
    pool = await createEmbeddedRunner({ processor: opts.processor, workers, sink: opts.sink, log: opts.log });
    for (const h of held.splice(0)) await pool.submit(h);
    return pool;
  };

  const inProcess = async () => {
    const processor = await loadProcessor(opts.processor);
    opts.log?.debug({ documents: held.length }, 'small input: extracting in process, no worker threads');
    for (const item of held.splice(0)) {
      const r = processSafely(processor, item.raw, item.input);
      await opts.sink(r.ok ? { kind: 'record', record: r.record } : { kind: 'dead', deadLetter: r.deadLetter });
    }
  };

  return {
    async submit(item) {
      if (pool) return pool.submit(item);
      held.push(item);
      if (held.length <= small) return;
      await startPool(opts.workers);
    },
    async drain() {
      if (pool) return pool.drain();
      const long = opts.processor.deadlineMs && held.some((h) => h.raw.text.length > IN_PROCESS_MAX_CHARS);
      if (long) return (await startPool(Math.min(opts.workers ?? defaultWorkers(), held.length))).drain();
      if (held.length) await inProcess();
    },
    close: async () => {
      await pool?.close();
    },
  };
}
