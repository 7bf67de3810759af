// Queue counts for `incident-extract status`, and the dead letters held in Redis.
import { Queue } from 'bullmq';
import { DeadLetter } from '../../src/core/contract/record.ts';
import { DEAD_QUEUE, JOBS_QUEUE } from './names.ts';
import { connect, probeRedis } from './connection.ts';

export interface QueueStatus {
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
  deadLetters: number;
}

async function withQueues<T>(url: string, prefix: string, fn: (jobs: Queue, dead: Queue) => Promise<T>): Promise<T> {
  await probeRedis(url); // Redis down: one clear error in a few seconds
  // Errors past the probe (Redis gone in between) reach the caller through the failing command.
  const conn = connect(url, prefix, 'status', () => {});
  const jobs = new Queue(JOBS_QUEUE, { connection: conn, prefix });
  const dead = new Queue(DEAD_QUEUE, { connection: conn, prefix });
  for (const q of [jobs, dead]) q.on('error', () => {});
  try {
    return await fn(jobs, dead);
  } finally {
    await jobs.close();
    await dead.close();
    await conn.quit().catch(() => {});
  }
}

export function queueStatus(url: string, prefix: string): Promise<QueueStatus> {
  return withQueues(url, prefix, async (jobs, dead) => {
    const c = await jobs.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed');
    return {
      waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
      active: c.active ?? 0,
      delayed: c.delayed ?? 0,
      completed: c.completed ?? 0,
      failed: c.failed ?? 0,
      deadLetters: await dead.getWaitingCount(),
    };
  });
}

/** The dead letters in the dead-letter queue (oldest first), with the job id they belong to. */
export function listDeadLetters(url: string, prefix: string, limit = 1000): Promise<(DeadLetter & { jobId: string })[]> {
  return withQueues(url, prefix, async (_jobs, dead) => {
    const list = await dead.getJobs(['waiting'], 0, limit - 1, true);
    return list.map((j) => ({ ...DeadLetter.parse(j.data), jobId: String(j.id) }));
  });
}
