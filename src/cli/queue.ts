// The BullMQ commands: `worker` (workers only, on any machine), `enqueue` (only enqueue) and `status`
// (queue counts). `extract --redis` does both sides in one process; see extract.ts and runners.ts.
// BullMQ and the pipeline load only when a command runs, so `--help` answers at once.
import type { Command } from 'commander';
import type { NewJob } from '../../queues/bullmq/enqueue.ts';
import type { JobData } from '../../queues/bullmq/names.ts';
import { DEFAULT_MAX_BYTES } from '../ingest/types.ts';
import type { Logger } from '../log.ts';
import { rulesetVersion } from '../core/ruleset.ts';
import { DEFAULT_PREFIX, parseCount, PROCESSOR, redisUrl } from './runners.ts';
import { LineSink } from '../sinks/lines.ts';
import { UsageError } from './usage.ts';

interface RedisOpts {
  redis?: string;
  prefix: string;
}

/** --redis and --prefix, shared by every command that talks to Redis. */
function redisOptions(cmd: Command, required = false): Command {
  return cmd
    .option('--redis <url>', `Redis URL, e.g. redis://127.0.0.1:6379 (default: $REDIS_URL)${required ? '' : '; without it, worker threads on this machine'}`)
    .option('--prefix <prefix>', 'Redis key prefix; keep the {hash tag} for Redis Cluster', DEFAULT_PREFIX);
}

function needRedis(o: { redis?: string }): string {
  const url = redisUrl(o);
  if (!url) throw new UsageError('no Redis: pass --redis URL or set REDIS_URL');
  return url;
}

/** Runs until SIGINT/SIGTERM, then lets the jobs in hand finish (or go back to the queue) and exits 0. */
async function runWorker(o: RedisOpts & { workers?: number; lockMs?: number }, log: Logger): Promise<number> {
  const { startWorkers } = await import('../../queues/bullmq/worker.ts');
  const { defaultWorkers } = await import('../../queues/embedded/pool.ts');
  const workers = await startWorkers({
    url: needRedis(o),
    prefix: o.prefix,
    processor: PROCESSOR,
    threads: Math.max(o.workers ?? defaultWorkers(), 1),
    log,
    lockMs: o.lockMs,
  });
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  log.info({ signal }, 'stopping: finishing the jobs in hand');
  await workers.close();
  return 0;
}

async function runEnqueue(paths: string[], o: RedisOpts & { maxBytes: number; deadLetters?: string }, log: Logger): Promise<number> {
  const url = needRedis(o);
  const { Queue } = await import('bullmq');
  const { connect, outageReporter, probeRedis } = await import('../../queues/bullmq/connection.ts');
  const { addJobs, ADD_BATCH, newJob } = await import('../../queues/bullmq/enqueue.ts');
  const { JOB_OPTIONS, JOBS_QUEUE } = await import('../../queues/bullmq/names.ts');
  const { readInputs } = await import('../ingest/read.ts');
  await probeRedis(url);
  const onError = outageReporter(log);
  const conn = connect(url, o.prefix, 'enqueue', onError);
  const queue = new Queue<JobData>(JOBS_QUEUE, { connection: conn, prefix: o.prefix, defaultJobOptions: JOB_OPTIONS });
  queue.on('error', onError);
  const dead = o.deadLetters ? LineSink.toFile(o.deadLetters) : new LineSink(process.stderr, false);
  const ruleset = rulesetVersion();
  // A live job of the same document and ruleset is left to run; a finished one is queued again (its outcome
  // may never have been kept anywhere: only the store says a document is done).
  const c = { read: 0, queued: 0, requeued: 0, alreadyQueued: 0, deadLettered: 0 };
  let batch: NewJob[] = [];
  const flush = async () => {
    for (const v of await addJobs(conn, queue, o.prefix, batch)) c[v === 'added' ? 'queued' : v === 'replaced' ? 'requeued' : 'alreadyQueued']++;
    batch = [];
  };
  try {
    for await (const item of readInputs(paths, { maxBytes: o.maxBytes })) {
      c.read++;
      if (item.kind === 'dead') {
        c.deadLettered++;
        await dead.write(JSON.stringify(item.deadLetter));
      } else {
        batch.push(newJob(item, ruleset));
        if (batch.length >= ADD_BATCH) await flush();
      }
    }
    await flush();
  } finally {
    await dead.end();
    await queue.close();
    await conn.quit().catch(() => {});
  }
  log.info({ ...c, ruleset, prefix: o.prefix }, 'enqueued');
  return 0;
}

export function registerQueueCommands(program: Command, log: Logger, done: (status: number) => void): void {
  redisOptions(program.command('worker'), true)
    .description('run workers that take documents from Redis (BullMQ), on this or any machine, until SIGINT/SIGTERM')
    .option('--workers <n>', 'worker threads (default: one per core)', parseCount)
    .option('--lock-ms <ms>', "job lock duration: a lost worker's jobs are retried after about this long", parseCount)
    .action(async (o: RedisOpts & { workers?: number; lockMs?: number }) => done(await runWorker(o, log)));

  redisOptions(program.command('enqueue'), true)
    .description('only enqueue documents to Redis (BullMQ); workers started with `worker` process them')
    .argument('<paths...>', 'files, directories, or - for stdin (as for extract)')
    .option('--max-bytes <size>', 'largest file or JSONL line accepted (bytes)', parseCount, DEFAULT_MAX_BYTES)
    .option('--dead-letters <file>', 'write the inputs that cannot be read (JSONL) here (default: stderr)')
    .action(async (paths: string[], o: RedisOpts & { maxBytes: number; deadLetters?: string }) => done(await runEnqueue(paths, o, log)));

  redisOptions(program.command('status'), true)
    .description('print the queue counts: waiting, active, delayed, completed, failed, dead letters')
    .option('--json', 'print the counts as JSON')
    .action(async (o: RedisOpts & { json?: boolean }) => {
      const { queueStatus } = await import('../../queues/bullmq/status.ts');
      const s = await queueStatus(needRedis(o), o.prefix);
      process.stdout.write(
        o.json
          ? JSON.stringify(s) + '\n'
          : Object.entries(s)
              .map(([k, v]) => `${k.padEnd(12)} ${v}`)
              .join('\n') + '\n',
      );
    });
}
