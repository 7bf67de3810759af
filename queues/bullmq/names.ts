// Everything the BullMQ processes must agree on: queue names, key prefix, job ids, job options, connections.
import { createHash } from 'node:crypto';
import type { DefaultJobOptions } from 'bullmq';
import { prepare, type RawDocument } from '../../src/core/document.ts';

/** The braces are a Redis Cluster hash tag: every key of every queue lands in one slot, as BullMQ requires. */
export const DEFAULT_PREFIX = '{incident-extract}';
export const JOBS_QUEUE = 'documents';
export const DEAD_QUEUE = 'dead-letters';

export interface JobData {
  raw: RawDocument;
  input: string;
  docId: string;
  /** The stream the submitting process reads outcomes from; absent for `enqueue`-only jobs. */
  reply?: string;
}
/** Kept small: the record itself travels on the reply stream, not in Redis for the job's lifetime. */
export interface JobResult { id: string; ok: boolean }

// A job is retried for transient failures (a thread crash, Redis away) with exponential backoff; bad input
// fails at once (UnrecoverableError). Finished jobs are kept a day, which is also how long enqueuing the same
// document again does nothing (the job id still exists), then removed so Redis does not grow without limit.
export const JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 200_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 50_000 },
};

export function docIdOf(raw: RawDocument): string {
  return prepare(raw).id;
}

/** Document id + ruleset: the same document under the same rules is one job. BullMQ ids must not contain ':'. */
export function jobIdOf(docId: string, ruleset: string): string {
  const id = `${encodeURIComponent(docId)}@${encodeURIComponent(ruleset)}`;
  return id.length <= 200 ? id : `sha256-${createHash('sha256').update(docId).digest('hex').slice(0, 32)}@${encodeURIComponent(ruleset)}`;
}

export function replyKey(prefix: string, runId: string): string {
  return `${prefix}:results:${runId}`;
}
