// Adding jobs: addBulk in batches, after asking which job ids already exist (same document, same ruleset),
// so the caller knows which documents were already queued or done. Used by the runner and by `enqueue`.
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { WorkItem } from '../runner.ts';
import { docIdOf, JOBS_QUEUE, jobIdOf, type JobData } from './names.ts';

export const ADD_BATCH = 500;

export interface NewJob { jobId: string; data: JobData }

export function newJob(item: WorkItem, ruleset: string, reply?: string): NewJob {
  const docId = docIdOf(item.raw);
  return { jobId: jobIdOf(docId, ruleset), data: { raw: item.raw, input: item.input, docId, ...(reply ? { reply } : {}) } };
}

/** Adds the jobs that do not exist yet; returns those that did (already queued or done). */
export async function addJobs(conn: Redis, queue: Queue<JobData>, prefix: string, jobs: NewJob[]): Promise<NewJob[]> {
  if (!jobs.length) return [];
  const exists = (await conn.pipeline(jobs.map((j) => ['exists', `${prefix}:${JOBS_QUEUE}:${j.jobId}`])).exec()) ?? [];
  const fresh = jobs.filter((_, i) => exists[i]?.[1] !== 1);
  if (fresh.length) await queue.addBulk(fresh.map((j) => ({ name: 'extract', data: j.data, opts: { jobId: j.jobId } })));
  return jobs.filter((_, i) => exists[i]?.[1] === 1);
}
