// One worker's documents on the main thread. With one worker a thread buys no parallel work, only its costs: a
// second Node environment, the processor loaded and compiled in it, each document and result cloned across, and on
// one core the two threads taking turns (npm run bench e2e: ~10 % of the run's CPU). What the thread gave is kept:
// - the deadline: each document runs under V8's watchdog (vm's `timeout`, which stops the main thread's JavaScript
//   as Worker.terminate stops a thread's, regular expressions included); the document past it becomes a `timeout`
//   dead letter, and since a stopped processor may have left its per-module state half-written, it is not used
//   again: the rest of the run goes to a fresh worker thread, as a pre-empted thread is replaced (pool.ts);
// - the heap bound: a text long enough to need a bounded heap (IN_PROCESS_MAX_CHARS) runs on a worker thread,
//   awaited in its turn, so records still come out in input order.
// Documents are taken in batches and run in one watchdog call each (starting one costs a thread, ~70 µs of CPU);
// a call takes no new document after BUDGET_MS, so a document still gets the full deadline and nearly all its grace.
import vm from 'node:vm';
import type { Logger } from '../../src/log.ts';
import { type DeadLetter, deadLetter } from '../dead-letters.ts';
import { loadProcessor, type Processor, type ProcessorRef, type ProcessResult, processSafely, warmUp } from '../processor.ts';
import type { OutcomeSink, Runner, WorkItem } from '../runner.ts';
import { hardDeadlineMs } from './pool.ts';
import { createEmbeddedRunner } from './runner.ts';

// Characters above which a text could take seconds (about 100 kB/s per core on news text) or need a bounded heap.
const IN_PROCESS_MAX_CHARS = 200_000;
const BATCH = 16;
const BUDGET_MS = 100;

// The batch the watchdog runs: a global the script reaches by a symbol, since a vm.Script sees globals only.
const TASK = Symbol.for('incident-extract.in-process-task');
const CALL = new vm.Script(`globalThis[Symbol.for(${JSON.stringify(TASK.description)})]()`, { filename: 'in-process-watchdog' });
type Global = typeof globalThis & { [TASK]?: () => void };

/** Runs `task` on this thread, stopped after `ms` (0: no bound). Resolves false when the watchdog stopped it. */
function within(task: () => void, ms: number): boolean {
  if (!ms) {
    task();
    return true;
  }
  (globalThis as Global)[TASK] = task;
  try {
    CALL.runInThisContext({ timeout: ms });
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return false;
    throw err;
  } finally {
    delete (globalThis as Global)[TASK];
  }
}

export interface InProcessOptions {
  processor: ProcessorRef;
  sink: OutcomeSink;
  log?: Logger;
}

export function createInProcessRunner(opts: InProcessOptions): Runner {
  const ref = opts.processor;
  // vm takes a whole number of milliseconds that fits 32 bits
  const hardMs = Math.min(Math.ceil(hardDeadlineMs(ref.deadlineMs)), 2 ** 32 - 1);
  let loading: Promise<Processor> | null = null;
  // the one thread: long texts, and every document after a pre-emption
  let thread: Promise<Runner> | null = null;
  let spoiled = false;
  let closed = false;
  let held: WorkItem[] = [];

  const load = () =>
    (loading ??= loadProcessor(ref).then((p) => {
      warmUp(p, ref.deadlineMs); // as a thread does (under a short deadline only)
      return p;
    }));
  const onThread = () => (thread ??= createEmbeddedRunner({ processor: ref, workers: 1, sink: opts.sink, log: opts.log }));
  const emit = (r: ProcessResult) => opts.sink(r.ok ? { kind: 'record', record: r.record } : { kind: 'dead', deadLetter: r.deadLetter });
  const timedOut = (item: WorkItem): DeadLetter =>
    deadLetter(
      item.raw.id ?? null,
      item.input,
      'extract',
      'timeout',
      `extraction took longer than ${ref.deadlineMs} ms; it was stopped after ${Math.round(hardMs)} ms and the rest of the run went to a worker thread`,
    );

  /** Runs `items` here in order; once a document is pre-empted, the rest go to the thread. */
  const runHere = async (items: WorkItem[]): Promise<void> => {
    const processor = await load();
    let next = 0;
    while (next < items.length && !spoiled && !closed) {
      const results: ProcessResult[] = [];
      const start = next;
      const ran = within(() => {
        const t0 = performance.now();
        while (next < items.length && (next === start || performance.now() - t0 < BUDGET_MS)) {
          const item = items[next]!;
          results.push(processSafely(processor, item.raw, item.input));
          next++;
        }
      }, hardMs);
      // after close (an interrupted run) the work in hand is dropped, as the thread pool drops its own
      for (const r of results) if (!closed) await emit(r);
      if (!ran) {
        // items[next] was running when the watchdog stopped it
        spoiled = true;
        opts.log?.warn({ input: items[next]!.input }, 'a document ran past its deadline in process; the rest of the run goes to a worker thread');
        await opts.sink({ kind: 'dead', deadLetter: timedOut(items[next]!) });
        next++;
      }
      // let signals, timers and the progress bar in between batches
      await new Promise<void>((r) => setImmediate(r));
    }
    for (const item of items.slice(next)) if (!closed) await (await onThread()).submit(item);
  };

  const flush = async () => {
    const items = held;
    held = [];
    let from = 0;
    for (const [i, item] of items.entries()) {
      if (spoiled || item.raw.text.length <= IN_PROCESS_MAX_CHARS) continue;
      // a long text: on the thread, where its heap is bounded, awaited so the order stays
      await runHere(items.slice(from, i));
      const t = await onThread();
      await t.submit(item);
      await t.drain();
      from = i + 1;
    }
    await runHere(items.slice(from));
  };

  return {
    async submit(item) {
      if (closed) return;
      if (spoiled) return (await onThread()).submit(item);
      held.push(item);
      if (held.length >= BATCH) await flush();
    },
    async drain() {
      if (held.length) await flush();
      if (thread) await (await thread).drain();
    },
    async close() {
      closed = true;
      held = [];
      if (thread) await (await thread).close();
    },
  };
}
