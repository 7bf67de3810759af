// The thread pool runner: worker threads on this machine, one per core unless told otherwise. At most
// IN_FLIGHT_PER_THREAD documents per thread are held at once, so memory stays flat on a stream of any length.
import type { Logger } from '../../src/log.ts';
import { runnerDeadLetter } from '../dead-letters.ts';
import type { ProcessorRef } from '../processor.ts';
import { Capacity, type OutcomeSink, type Runner, type WorkItem } from '../runner.ts';
import { defaultWorkers, PoolClosedError, ThreadPool } from './pool.ts';

const IN_FLIGHT_PER_THREAD = 16;

export interface EmbeddedOptions {
  processor: ProcessorRef;
  workers?: number;
  sink: OutcomeSink;
  log?: Logger;
}

export async function createEmbeddedRunner(opts: EmbeddedOptions): Promise<Runner & { ruleset: string }> {
  const pool = new ThreadPool(opts.processor, opts.workers ?? defaultWorkers());
  await pool.start();
  opts.log?.debug({ workers: pool.size, ruleset: pool.ruleset }, 'embedded runner started');
  const capacity = new Capacity(pool.size * IN_FLIGHT_PER_THREAD);
  let failure: unknown = null;

  const settle = async (item: WorkItem): Promise<void> => {
    try {
      const r = await pool.run(item.raw, item.input).catch((err: Error) => {
        // closed with the document still queued (an interrupted run drops the work in hand): not a failure to report
        if (err instanceof PoolClosedError) opts.log?.debug({ input: item.input }, 'dropped: the pool was closed');
        else opts.log?.error({ input: item.input, err }, 'worker thread failed');
        return { ok: false as const, deadLetter: runnerDeadLetter(item.raw.id ?? null, item.input, err) };
      });
      await opts.sink(r.ok ? { kind: 'record', record: r.record } : { kind: 'dead', deadLetter: r.deadLetter });
    } catch (err) {
      failure ??= err; // the sink failed (disk full…): surfaced by drain()
    } finally {
      capacity.release();
    }
  };

  return {
    ruleset: pool.ruleset,
    async submit(item) {
      if (failure) throw failure;
      await capacity.take();
      void settle(item);
    },
    async drain() {
      await capacity.empty();
      if (failure) throw failure;
    },
    close: () => pool.close(),
  };
}
