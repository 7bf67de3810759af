// Everything the BullMQ processes must agree on: queue names, key prefix, job ids, job options, connections.
import { createHash } from 'node:crypto';
import type { DefaultJobOptions } from 'bullmq';
import { prepare, type RawDocument } from '../../src/core/document.ts';

/** The braces are a Redis Cluster hash tag: every key of every queue lands in one slot, as BullMQ requires. */
export const DEFAULT_PREFIX = '{incident-extract}';
export const JOBS_QUEUE = 'documents';
export const DEAD_QUEUE = 'dead-letters';
/** A field of the job's hash naming the reply stream, set when a later run takes the job over (enqueue.ts). */
export const REPLY_FIELD = 'ie-reply';

export interface JobData {
  raw: RawDocument;
  input: string;
  docId: string;
  /** The stream the submitting process reads outcomes from; absent for `enqueue`-only jobs. */
  reply?: string;
}
/** Kept small: the record itself travels on the reply stream, not in Redis for the job's lifetime. */
export interface JobResult {
  id: string;
  ok: boolean;
}

// A job is retried for transient failures (a thread crash, Redis away) with exponential backoff; bad input
// fails at once (UnrecoverableError). Finished jobs are kept a day for `status`, then removed so Redis does not
// grow without limit. A kept job never means "done": the store or the output says that (enqueue.ts).
export const JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 200_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 50_000 },
};

export function docIdOf(raw: RawDocument): string {
  return prepare(raw).id;
}

// Unpaired UTF-16 surrogates: valid in a JSON string, but encodeURIComponent throws on them.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_ID = 200;

/**
 * Document id + ruleset: the same document under the same rules is one job. BullMQ ids must not contain ':'.
 * An id that is long or not well-formed UTF-16 becomes a hash of its UTF-16 code units (so "\ud800" and
 * "\ufffd" stay two jobs, which hashing its UTF-8 form would merge).
 */
export function jobIdOf(docId: string, ruleset: string): string {
  const rules = encodeURIComponent(ruleset);
  if (!LONE_SURROGATE.test(docId)) {
    const id = `${encodeURIComponent(docId)}@${rules}`;
    if (id.length <= MAX_ID) return id;
  }
  return `sha256-${createHash('sha256').update(Buffer.from(docId, 'utf16le')).digest('hex').slice(0, 32)}@${rules}`;
}

export function replyKey(prefix: string, runId: string): string {
  return `${prefix}:results:${runId}`;
}

export const jobKey = (prefix: string, jobId: string) => `${prefix}:${JOBS_QUEUE}:${jobId}`;
