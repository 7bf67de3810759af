// When no outcome has arrived for a while (or the Redis connection came back), ask Redis about every document
// still awaited. The queue is never the truth of what is done; an answer on this run's stream is. So:
// - a job that vanished (Redis restarted without persistence, or evicted) is submitted again;
// - a finished job whose answer did not reach this run (it went to a run that died) is replaced;
// - a job this run submitted that failed without answering becomes a dead letter;
// - a live job is taken over again (another run may have claimed it), and the wait is logged with what it waits
//   for: jobs held under a lock (a killed worker's come back when the lock expires) and jobs no worker takes.
// A document submitted MAX_SUBMISSIONS times without an answer becomes a dead letter: nothing waits forever.
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../../src/log.ts';
import { runnerDeadLetter } from '../dead-letters.ts';
import type { Outcome } from '../runner.ts';
import { claimJobs, resubmit, type JobState, type NewJob, type Pending } from './enqueue.ts';
import type { JobData } from './names.ts';

const MAX_SUBMISSIONS = 5;
const CHUNK = 2000;

export interface ReconcileContext {
  conn: Redis;
  prefix: string;
  queue: Queue<JobData>;
  reply: string;
  pending: Map<string, Pending>;
  reader: Redis;
  lastId: string;
  log: Logger;
  /** Seconds since the last outcome, for the log. */
  quietS: number;
  deliver: (jobId: string, o: Outcome) => Promise<void>;
}

export async function reconcile(ctx: ReconcileContext): Promise<void> {
  const ids = [...ctx.pending.keys()];
  const states: JobState[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) states.push(...(await claimJobs(ctx.conn, ctx.prefix, ids.slice(i, i + CHUNK), ctx.reply)));
  // A finished job of ours wrote its answer before finishing: let those answers count first.
  const res = (await ctx.reader.xread('COUNT', 1_000_000, 'STREAMS', ctx.reply, ctx.lastId)) as [string, [string, string[]][]][] | null;
  const answered = new Set((res?.[0]?.[1] ?? []).map(([, f]) => f[1]));

  const again: NewJob[] = [];
  const finished: NewJob[] = [];
  const dead: [string, Outcome][] = [];
  const n = { vanished: 0, replaced: 0, held: 0, queued: 0, maxLockMs: 0 };
  for (const [i, jobId] of ids.entries()) {
    const p = ctx.pending.get(jobId);
    const state = states[i]!;
    if (!p || answered.has(jobId)) continue;
    if (state.startsWith('active')) {
      n.held++;
      n.maxLockMs = Math.max(n.maxLockMs, Number(state.split(' ')[1]));
      continue;
    }
    if (state === 'queued') {
      n.queued++;
      continue;
    }
    if (p.submissions >= MAX_SUBMISSIONS) {
      const why = new Error(`no answer after ${p.submissions} submissions (last: ${state})`);
      dead.push([jobId, { kind: 'dead', deadLetter: runnerDeadLetter(p.docId, p.input, why) }]);
      continue;
    }
    if (state === 'failed' && p.submissions === 1 && !p.takenOver) {
      // Ours, and it failed without its dead letter reaching us: say why it failed.
      const job = await ctx.queue.getJob(jobId);
      dead.push([jobId, { kind: 'dead', deadLetter: runnerDeadLetter(p.docId, p.input, new Error(job?.failedReason || 'job failed')) }]);
      continue;
    }
    p.submissions++;
    again.push(p.job);
    if (state === 'missing') n.vanished++;
    else {
      n.replaced++;
      finished.push(p.job);
    }
  }
  await resubmit(ctx.queue, again, finished);
  for (const [jobId, o] of dead) await ctx.deliver(jobId, o);
  const counts = { awaited: ctx.pending.size, quietS: ctx.quietS, ...n, deadLettered: dead.length };
  if (n.vanished) ctx.log.warn(counts, 'jobs vanished from Redis (restarted without persistence, or evicted): submitted again');
  if (n.replaced) ctx.log.warn(counts, 'jobs finished without their answer reaching this run: submitted again');
  if (n.held || n.queued) {
    // CLIENT LIST may be refused (managed Redis): then the count is unknown, and the message does not guess.
    const workers = await ctx.queue.getWorkersCount().catch(() => -1);
    const lockS = Math.ceil(n.maxLockMs / 1000);
    const why = [
      ...(n.held ? [`${n.held} held under a worker's lock; a killed worker's jobs are retried when the lock expires (in <= ${lockS} s)`] : []),
      ...(n.queued ? [`${n.queued} queued or stalled, for a worker to take`] : []),
      ...(workers === 0 ? ['no worker is connected: start one with `worker --redis`'] : []),
    ].join('; ');
    ctx.log.info({ ...counts, workers }, `waiting for answers: ${why}`);
  }
}
