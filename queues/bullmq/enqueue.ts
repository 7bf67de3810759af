// Adding jobs. A job that exists already in Redis says nothing about whether its document is done: only the
// store or the output knows that, and the caller asked for these documents because they are not. So an existing
// job is either still live (waiting, delayed, active), and this run takes it over (its reply now comes to this
// run's stream), or it is finished (completed or failed) with an answer that went to a run nobody reads any more,
// and it is replaced. Used by the runner, its reconciliation and `enqueue`.
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { WorkItem } from '../runner.ts';
import { docIdOf, jobIdOf, jobKey, JOBS_QUEUE, REPLY_FIELD, type JobData } from './names.ts';

export const ADD_BATCH = 500;

export interface NewJob {
  jobId: string;
  data: JobData;
}

/** A document this run waits for: enough to submit it again if its job is lost. */
export interface Pending {
  job: NewJob;
  input: string;
  docId: string;
  submissions: number;
  /** It was another run's live job when this run submitted the document. */
  takenOver: boolean;
}

export function newJob(item: WorkItem, ruleset: string, reply?: string): NewJob {
  const docId = docIdOf(item.raw);
  return { jobId: jobIdOf(docId, ruleset), data: { raw: item.raw, input: item.input, docId, ...(reply ? { reply } : {}) } };
}

/** missing | completed | failed | active <lock ms left> | queued (waiting, delayed, or stalled without a lock). */
export type JobState = 'missing' | 'completed' | 'failed' | 'queued' | `active ${number}`;

// Atomic, so a live job cannot finish between the check and the take-over going unnoticed: a job found live
// answers the stream named here (the worker reads the field when it replies; worker.ts).
const CLAIM = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'missing' end
if redis.call('ZSCORE', KEYS[2], ARGV[1]) then return 'completed' end
if redis.call('ZSCORE', KEYS[3], ARGV[1]) then return 'failed' end
if ARGV[2] ~= '' then redis.call('HSET', KEYS[1], '${REPLY_FIELD}', ARGV[2]) end
local ttl = redis.call('PTTL', KEYS[1] .. ':lock')
if ttl >= 0 then return 'active ' .. ttl end
return 'queued'`;

/** The state of each job; live ones are taken over by `reply` (when given). One round trip. */
export async function claimJobs(conn: Redis, prefix: string, jobIds: readonly string[], reply = ''): Promise<JobState[]> {
  // ioredis aborts a pipeline cut by a dropped connection instead of resending it; the claim is idempotent, so send it again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await claimOnce(conn, prefix, jobIds, reply);
    } catch (err) {
      if ((err as Error).name !== 'AbortError' || attempt >= 20) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

async function claimOnce(conn: Redis, prefix: string, jobIds: readonly string[], reply: string): Promise<JobState[]> {
  if (!jobIds.length) return [];
  const q = `${prefix}:${JOBS_QUEUE}`;
  const p = conn.pipeline();
  for (const id of jobIds) p.eval(CLAIM, 3, jobKey(prefix, id), `${q}:completed`, `${q}:failed`, id, reply);
  const res = (await p.exec()) ?? [];
  return res.map(([err, v]) => {
    if (err) throw err;
    return v as JobState;
  });
}

export type AddVerdict = 'added' | 'replaced' | 'live';

/**
 * Submits the jobs: new ones are added, finished ones replaced, live ones taken over (`reply`) or, for
 * `enqueue` (no reply), left as they are. Returns what happened to each, in order.
 */
export async function addJobs(conn: Redis, queue: Queue<JobData>, prefix: string, jobs: readonly NewJob[], reply?: string): Promise<AddVerdict[]> {
  const states = await claimJobs(
    conn,
    prefix,
    jobs.map((j) => j.jobId),
    reply,
  );
  const verdicts = states.map((s): AddVerdict => (s === 'missing' ? 'added' : s === 'completed' || s === 'failed' ? 'replaced' : 'live'));
  await resubmit(
    queue,
    jobs.filter((_, i) => verdicts[i] !== 'live'),
    jobs.filter((_, i) => verdicts[i] === 'replaced'),
  );
  return verdicts;
}

/** Removes the finished jobs among them, then adds all of them again. */
export async function resubmit(queue: Queue<JobData>, jobs: readonly NewJob[], finished: readonly NewJob[]): Promise<void> {
  for (const j of finished) await queue.remove(j.jobId);
  if (jobs.length) await queue.addBulk(jobs.map((j) => ({ name: 'extract', data: j.data, opts: { jobId: j.jobId } })));
}
