// BullMQ workers: a BullMQ Worker whose jobs run on a pool of worker threads, so the CPU-bound extraction
// never blocks the event loop that renews job locks. Outcomes go to the submitter's reply stream; documents
// that will not succeed go to the dead-letter queue with their id, stage and reason.
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Logger } from '../../src/log.ts';
import { runnerDeadLetter, type DeadLetter } from '../dead-letters.ts';
import { ThreadPool } from '../embedded/pool.ts';
import type { ProcessorRef } from '../processor.ts';
import { DEAD_QUEUE, JOB_OPTIONS, jobKey, JOBS_QUEUE, REPLY_FIELD, type JobData, type JobResult } from './names.ts';
import { connect, outageReporter, waitForRedis } from './connection.ts';

// Jobs held per thread: enough to keep each thread busy while results travel back and forth, also when the
// worker's event loop waits for a core (2 worker processes + Redis + submitter on 2 cores: 24 ran 4-13 % faster
// than 8 in three paired runs; 48 no faster). A killed worker's jobs are retried after the lock expires.
const JOBS_PER_THREAD = 24;
const REPLY_TTL_S = 24 * 3600;
// The reply goes to the stream a later run took the job over with (enqueue.ts), else to the one it was added with.
const REPLY = `
local s = redis.call('HGET', KEYS[1], '${REPLY_FIELD}')
if not s then s = ARGV[1] end
if s == '' then return 0 end
redis.call('XADD', s, '*', 'job', ARGV[2], 'kind', ARGV[3], 'payload', ARGV[4])
redis.call('EXPIRE', s, ARGV[5])
return 1`;

export interface WorkerOptions {
  url: string;
  prefix: string;
  processor: ProcessorRef;
  threads: number;
  log: Logger;
  /** Lock duration: a killed worker's jobs are retried after about this long (default 30 s). */
  lockMs?: number;
}

export interface Workers {
  ruleset: string;
  /** Finishes the jobs in hand (or lets them go back to the queue), then stops. */
  close(): Promise<void>;
}

export async function startWorkers(opts: WorkerOptions): Promise<Workers> {
  const { prefix, log } = opts;
  const pool = new ThreadPool(opts.processor, opts.threads);
  await pool.start();
  await waitForRedis(opts.url, log); // a worker outlives outages: it waits for Redis, saying so once per interval
  const onError = outageReporter(log);
  const conn = connect(opts.url, prefix, 'worker', onError);
  const dlq = new Queue(DEAD_QUEUE, { connection: conn, prefix });
  dlq.on('error', onError);
  // Replies only: the results of a thread's batch come back in one tick and go out in one write.
  const replies = connect(opts.url, prefix, 'worker-replies', onError, { autoPipelining: true });

  const reply = async (data: JobData, jobId: string, kind: 'record' | 'dead', payload: unknown) => {
    await replies.eval(REPLY, 1, jobKey(prefix, jobId), data.reply ?? '', jobId, kind, JSON.stringify(payload), REPLY_TTL_S);
  };
  const deadLetter = async (job: Job<JobData>, d: DeadLetter) => {
    // Same job id in the dead-letter queue: a retry that dead-letters again adds nothing.
    await dlq.add('dead', { jobId: job.id, ...d }, { jobId: job.id, removeOnComplete: true });
    await reply(job.data, job.id!, 'dead', d);
  };

  const jobsConn = connect(opts.url, prefix, 'worker-jobs', onError);
  const worker = new Worker<JobData, JobResult>(
    JOBS_QUEUE,
    async (job) => {
      const r = await pool.run(job.data.raw, job.data.input); // a thread crash throws: retried with backoff
      if (r.ok) {
        await reply(job.data, job.id!, 'record', r.record);
        return { id: job.data.docId, ok: true };
      }
      await deadLetter(job, r.deadLetter);
      throw new UnrecoverableError(`${r.deadLetter.reason}: ${r.deadLetter.message}`);
    },
    {
      connection: jobsConn,
      prefix,
      concurrency: opts.threads * JOBS_PER_THREAD,
      lockDuration: opts.lockMs ?? 30_000,
      stalledInterval: Math.min(opts.lockMs ?? 30_000, 30_000),
      maxStalledCount: 3,
      removeOnComplete: JOB_OPTIONS.removeOnComplete as { age: number; count: number },
      removeOnFail: JOB_OPTIONS.removeOnFail as { age: number; count: number },
    },
  );

  // While Redis restarts, every job in hand fails the same way: one line per interval says so.
  const sayFailed = outageReporter(log, 'jobs failed; retried with backoff');
  worker.on('failed', (job, err) => {
    if (!job || err instanceof UnrecoverableError || err.name === 'UnrecoverableError') return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    if (final) log.warn({ jobId: job.id, docId: job.data.docId, attempt: job.attemptsMade, final, err: err.message }, 'job failed');
    else sayFailed(err);
    if (final) {
      deadLetter(job, runnerDeadLetter(job.data.docId, job.data.input, err)).catch((e: Error) => log.error({ jobId: job.id, err: e }, 'could not dead-letter'));
    }
  });
  worker.on('error', outageReporter(log, 'worker error; carrying on'));
  await worker.waitUntilReady();
  log.info({ threads: opts.threads, concurrency: opts.threads * JOBS_PER_THREAD, prefix, ruleset: pool.ruleset }, 'workers ready');

  return {
    ruleset: pool.ruleset,
    async close() {
      await worker.close();
      await pool.close();
      await dlq.close();
      await Promise.all([conn, jobsConn, replies].map((c) => c.quit().catch(() => {})));
    },
  };
}
