// Dead letters: every document that will not become a record ends as one, with its id, stage and reason.
// The runners make them (a thread that crashed, a job that exhausted its retries) the same way the processor does.
import { DeadLetter } from '../src/core/contract/record.ts';
import { deadLetter } from '../src/core/contract/dead-letter.ts';

export { DeadLetter, deadLetter };

/** A dead letter for a document the runner could not get processed (crash, retries exhausted). */
export function runnerDeadLetter(id: string | null, input: string, err: unknown): DeadLetter {
  const message = err instanceof Error ? err.message : String(err);
  return deadLetter(id, input, 'extract', 'internal-error', `processing failed: ${message}`);
}

/** Parses a dead letter that travelled through Redis; a malformed one is itself reported as internal-error. */
export function parseDeadLetter(json: string, fallback: { id: string | null; input: string }): DeadLetter {
  try {
    return DeadLetter.parse(JSON.parse(json));
  } catch (err) {
    return runnerDeadLetter(fallback.id, fallback.input, new Error(`unreadable dead letter (${(err as Error).message})`));
  }
}
