// The BullMQ runner, submitting side: documents go to Redis with addBulk in batches, outcomes come back on
// a reply stream private to this run and reach the same sinks as in embedded mode. Local workers are
// optional (`extract --redis` runs some; workers on other machines join with `worker --redis`).
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import type { Logger } from '../../src/log.ts';
import { parseDeadLetter } from '../dead-letters.ts';
import type { ProcessorRef } from '../processor.ts';
import { Capacity, type OutcomeSink, type Runner, type WorkItem } from '../runner.ts';
import { addJobs, ADD_BATCH, newJob, type NewJob } from './enqueue.ts';
import { JOB_OPTIONS, JOBS_QUEUE, replyKey, type JobData } from './names.ts';
import { connect } from './connection.ts';
import { reconcile } from './reconcile.ts';
import { startWorkers, type Workers } from './worker.ts';
import { defaultWorkers } from '../embedded/pool.ts';

const MAX_PENDING = 10_000;
const READ_BLOCK_MS = 1000;
const RECONCILE_AFTER_MS = 5000;

export interface BullmqOptions {
  url: string;
  prefix: string;
  ruleset: string;
  sink: OutcomeSink;
  log: Logger;
  /** Local worker threads (default: one per core; 0: none, the workers run elsewhere) and the processor they load. */
  workers?: number;
  processor?: ProcessorRef;
  lockMs?: number;
  maxPending?: number;
}

export interface Pending { docId: string; input: string }

export async function createBullmqRunner(opts: BullmqOptions): Promise<Runner> {
  const { prefix, log } = opts;
  const conn = connect(opts.url, prefix, 'submit');
  const reader = connect(opts.url, prefix, 'results');
  const queue = new Queue<JobData>(JOBS_QUEUE, { connection: conn, prefix, defaultJobOptions: JOB_OPTIONS });
  await queue.waitUntilReady();
  let workers: Workers | null = null;
  const threads = opts.workers ?? defaultWorkers();
  if (threads > 0) {
    if (!opts.processor) throw new Error('local workers need a processor');
    workers = await startWorkers({ url: opts.url, prefix, processor: opts.processor, threads, log, lockMs: opts.lockMs });
  }
  const reply = replyKey(prefix, randomUUID());
  const pending = new Map<string, Pending>();
  const capacity = new Capacity(opts.maxPending ?? MAX_PENDING);
  let batch: NewJob[] = [];
  let failure: unknown = null;
  let stopped = false;
  let lastOutcome = performance.now();

  const deliver = async (jobId: string, outcome: Parameters<OutcomeSink>[0]) => {
    if (!pending.delete(jobId)) return; // a retried job answers twice: the first answer counts
    lastOutcome = performance.now();
    try {
      await opts.sink(outcome);
    } catch (err) {
      failure ??= err;
    } finally {
      capacity.release();
    }
  };

  const flush = async () => {
    const jobs = batch;
    batch = [];
    // Enqueuing a document again does nothing (same job id); say so instead of waiting for an answer.
    for (const j of await addJobs(conn, queue, prefix, jobs)) await deliver(j.jobId, { kind: 'skipped', id: j.data.docId, input: j.data.input });
  };

  const readLoop = (async () => {
    let last = '0-0';
    while (!stopped) {
      const res = (await reader.xread('COUNT', ADD_BATCH, 'BLOCK', READ_BLOCK_MS, 'STREAMS', reply, last)) as [string, [string, string[]][]][] | null;
      const entries = res?.[0]?.[1] ?? [];
      for (const [id, f] of entries) {
        last = id;
        const [jobId, kind, payload] = [f[1]!, f[3]!, f[5]!];
        const p = pending.get(jobId);
        if (!p) continue;
        await deliver(jobId, kind === 'record'
          ? { kind: 'record', record: JSON.parse(payload) }
          : { kind: 'dead', deadLetter: parseDeadLetter(payload, { id: p.docId, input: p.input }) });
      }
      if (entries.length) await reader.xtrim(reply, 'MINID', last);
      if (!entries.length && pending.size && !batch.length && performance.now() - lastOutcome > RECONCILE_AFTER_MS) {
        lastOutcome = performance.now();
        await reconcile({ queue, reply, pending, reader, lastId: last, log, deliver });
      }
    }
  })().catch((err: unknown) => {
    failure ??= err;
    for (const jobId of [...pending.keys()]) { pending.delete(jobId); capacity.release(); }
  });

  return {
    async submit(item: WorkItem) {
      if (failure) throw failure;
      const job = newJob(item, opts.ruleset, reply);
      const { jobId, data: { docId } } = job;
      if (capacity.inFlight >= capacity.limit) await flush(); // what we wait for must be in Redis
      await capacity.take();
      if (pending.has(jobId)) {
        // The same document twice in one run: one job, one outcome; the copy is reported as skipped.
        capacity.release();
        await opts.sink({ kind: 'skipped', id: docId, input: item.input });
        return;
      }
      pending.set(jobId, { docId, input: item.input });
      batch.push(job);
      if (batch.length >= ADD_BATCH) await flush();
    },
    async drain() {
      await flush();
      await capacity.empty();
      if (failure) throw failure;
    },
    async close() {
      stopped = true;
      await readLoop;
      await workers?.close();
      await conn.del(reply).catch(() => {});
      await queue.close();
      await Promise.all([conn.quit().catch(() => {}), reader.quit().catch(() => {})]);
    },
  };
}
