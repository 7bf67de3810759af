// Dead letters: every document that will not become a record ends as one, with its id, stage and reason.
// The runners make them (a thread that crashed, a job that exhausted its retries) the same way the processor does.
// The record schema (zod) only as a type: the in-process path loads this module, and zod is in the processor's bundle.
import type { DeadLetter } from '../src/core/contract/record.ts';
import { deadLetter } from '../src/core/contract/dead-letter.ts';

export { type DeadLetter, deadLetter };

/** A dead letter for a document the runner could not get processed (crash, retries exhausted). */
export function runnerDeadLetter(id: string | null, input: string, err: unknown): DeadLetter {
  const message = err instanceof Error ? err.message : String(err);
  return deadLetter(id, input, 'extract', 'internal-error', `processing failed: ${message}`);
}
