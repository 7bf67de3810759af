// The dead letter's constructor, beside its schema: every layer (ingest, runners, processor) makes them the same way
// without loading the extraction stack.
import type { DeadLetter } from './record.ts';

export function deadLetter(
  id: string | null,
  input: string,
  stage: DeadLetter['stage'],
  reason: DeadLetter['reason'],
  message: string,
  at = new Date(),
): DeadLetter {
  return { deadLetter: true, id, input, stage, reason, message, at: at.toISOString() };
}
