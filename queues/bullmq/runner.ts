// The BullMQ runner, submitting side: documents go to Redis with addBulk in batches, outcomes come back on
// a reply stream private to this run and reach the same sinks as in embedded mode. Local workers are
// optional (`extract --redis` runs some; workers on other machines join with `worker --redis`).
// What this run counts as done is what it saw answered on its stream, never what exists in Redis: a document
// whose job was already there is taken over or submitted again (enqueue.ts), and one whose job is lost is
// submitted again (reconcile.ts), so every document the caller submits gets exactly one outcome.
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import type { Logger } from '../../src/log.ts';
import { DeadLetter } from '../../src/core/contract/record.ts';
import { runnerDeadLetter } from '../dead-letters.ts';
import type { ProcessorRef } from '../processor.ts';
import { Capacity, type OutcomeSink, type Runner, type WorkItem } from '../runner.ts';
import { addJobs, ADD_BATCH, newJob, type NewJob, type Pending } from './enqueue.ts';
import { JOB_OPTIONS, JOBS_QUEUE, replyKey, type JobData } from './names.ts';
import { connect, outageReporter, probeRedis } from './connection.ts';
import { reconcile } from './reconcile.ts';
import { startWorkers, type Workers } from './worker.ts';
import { defaultWorkers } from '../embedded/pool.ts';

const MAX_PENDING = 10_000;
const READ_BLOCK_MS = 1000;
const RECONCILE_AFTER_MS = 5000;
const CLOSE_LIMIT_MS = 10_000;

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

export async function createBullmqRunner(opts: BullmqOptions): Promise<Runner> {
  const { prefix, log } = opts;
  await probeRedis(opts.url); // Redis down at start: one clear error now, not a wait without end
  const onError = outageReporter(log);
  const conn = connect(opts.url, prefix, 'submit', onError);
  const reader = connect(opts.url, prefix, 'results', onError);
  const queue = new Queue<JobData>(JOBS_QUEUE, { connection: conn, prefix, defaultJobOptions: JOB_OPTIONS });
  queue.on('error', onError);
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
  // A Redis that comes back may have come back empty: look for lost jobs at once rather than after a quiet spell.
  let readies = 0;
  let recheck = false;
  conn.on('ready', () => {
    if (++readies > 1) {
      recheck = true;
      log.info('Redis connection back: checking the jobs this run waits for');
    }
  });

  const deliver = async (jobId: string, outcome: Parameters<OutcomeSink>[0]) => {
    if (!pending.delete(jobId)) return; // a retried or resubmitted job answers twice: the first answer counts
    lastOutcome = performance.now();
    try {
      await opts.sink(outcome);
    } catch (err) {
      failure ??= err;
    } finally {
      capacity.release();
    }
  };

  let flushing = 0; // jobs on their way to Redis look lost to reconcile: it waits for them
  const flush = async () => {
    const jobs = batch;
    batch = [];
    flushing++;
    const verdicts = await addJobs(conn, queue, prefix, jobs, reply).finally(() => {
      flushing--;
    });
    const n = { taken: 0, replaced: 0 };
    for (const [i, v] of verdicts.entries()) {
      if (v === 'added') continue;
      n[v === 'live' ? 'taken' : 'replaced']++;
      const p = pending.get(jobs[i]!.jobId);
      if (p) p.takenOver = v === 'live';
    }
    if (n.taken || n.replaced) {
      log.info({ takenOver: n.taken, replaced: n.replaced }, 'documents already had a job in Redis (an earlier run): waiting for their answer here');
    }
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
        await deliver(
          jobId,
          kind === 'record'
            ? { kind: 'record', record: JSON.parse(payload) }
            : { kind: 'dead', deadLetter: parseDeadLetter(payload, { id: p.docId, input: p.input }) },
        );
      }
      if (entries.length) await reader.xtrim(reply, 'MINID', last);
      const quiet = performance.now() - lastOutcome;
      if (pending.size && !batch.length && !flushing && (recheck || (!entries.length && quiet > RECONCILE_AFTER_MS))) {
        recheck = false;
        lastOutcome = performance.now();
        await reconcile({ conn, prefix, queue, reply, pending, reader, lastId: last, log, quietS: Math.round(quiet / 1000), deliver });
      }
    }
  })().catch((err: unknown) => {
    failure ??= err;
    for (const jobId of [...pending.keys()]) {
      pending.delete(jobId);
      capacity.release();
    }
  });

  return {
    async submit(item: WorkItem) {
      if (failure) throw failure;
      const job = newJob(item, opts.ruleset, reply);
      const {
        jobId,
        data: { docId },
      } = job;
      if (capacity.inFlight >= capacity.limit) await flush(); // what we wait for must be in Redis
      await capacity.take();
      if (pending.has(jobId)) {
        // The same document twice in one run: one job, one outcome; the copy is reported as skipped.
        capacity.release();
        await opts.sink({ kind: 'skipped', id: docId, input: item.input });
        return;
      }
      pending.set(jobId, { job, docId, input: item.input, submissions: 1, takenOver: false });
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
      const graceful = (async () => {
        await readLoop;
        await workers?.close();
        await conn.del(reply).catch(() => {});
        await queue.close();
        await Promise.all([conn.quit().catch(() => {}), reader.quit().catch(() => {})]);
      })();
      // Closing talks to Redis (jobs in hand finish, connections quit): with Redis away it would wait for ever.
      // Past the limit the connections are dropped; jobs left in Redis are taken over by the next run.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<boolean>((r) => {
        timer = setTimeout(() => r(true), CLOSE_LIMIT_MS);
      });
      const gaveUp = await Promise.race([graceful.then(() => false), late]).finally(() => clearTimeout(timer));
      if (gaveUp) {
        graceful.catch(() => {});
        log.warn({ waitedMs: CLOSE_LIMIT_MS, awaited: pending.size }, 'Redis did not answer while closing: connections dropped');
        conn.disconnect();
        reader.disconnect();
      }
    },
  };
}

/** Parses a dead letter that travelled through Redis; a malformed one is itself reported as internal-error. */
function parseDeadLetter(json: string, fallback: { id: string | null; input: string }): DeadLetter {
  try {
    return DeadLetter.parse(JSON.parse(json));
  } catch (err) {
    return runnerDeadLetter(fallback.id, fallback.input, new Error(`unreadable dead letter (${(err as Error).message})`));
  }
}
