// When no outcome has arrived for a while, ask Redis about the documents still awaited. A job that another
// run had already queued or finished answers that run, not this one: it is reported as skipped. A job of
// this run that failed without answering (it stalled too often) becomes a dead letter. Nothing waits forever.
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../../src/log.ts';
import { runnerDeadLetter } from '../dead-letters.ts';
import type { OutcomeSink } from '../runner.ts';
import type { JobData } from './names.ts';
import type { Pending } from './runner.ts';

const SAMPLE = 200;

export interface ReconcileContext {
  queue: Queue<JobData>;
  reply: string;
  pending: Map<string, Pending>;
  reader: Redis;
  lastId: string;
  log: Logger;
  deliver: (jobId: string, o: Parameters<OutcomeSink>[0]) => Promise<void>;
}

type Verdict = { jobId: string; outcome: Parameters<OutcomeSink>[0] };

export async function reconcile(ctx: ReconcileContext): Promise<void> {
  const verdicts: Verdict[] = [];
  for (const [jobId, p] of [...ctx.pending].slice(0, SAMPLE)) {
    const job = await ctx.queue.getJob(jobId);
    const state = job ? await job.getState() : 'unknown';
    const ours = job?.data.reply === ctx.reply;
    const skipped: Verdict = { jobId, outcome: { kind: 'skipped', id: p.docId, input: p.input } };
    if (state === 'completed' || state === 'unknown') verdicts.push(skipped);
    else if (state === 'failed') {
      verdicts.push(ours ? { jobId, outcome: { kind: 'dead', deadLetter: runnerDeadLetter(p.docId, p.input, new Error(job?.failedReason ?? 'job failed')) } } : skipped);
    } else if (!ours) verdicts.push(skipped);
  }
  if (!verdicts.length) return;
  // A finished job of ours wrote its answer before finishing: let the read loop take it first.
  const res = (await ctx.reader.xread('COUNT', 100_000, 'STREAMS', ctx.reply, ctx.lastId)) as [string, [string, string[]][]][] | null;
  const answered = new Set((res?.[0]?.[1] ?? []).map(([, f]) => f[1]));
  const settled = verdicts.filter((v) => !answered.has(v.jobId));
  ctx.log.info({ awaited: ctx.pending.size, settled: settled.length }, 'reconciled documents without an answer');
  for (const v of settled) await ctx.deliver(v.jobId, v.outcome);
}
