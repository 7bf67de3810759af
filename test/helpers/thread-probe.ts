// A processor that says where it ran: every document becomes a dead letter whose message names the thread.
import { isMainThread } from 'node:worker_threads';
import { deadLetter } from '../../src/core/contract/dead-letter.ts';
import type { Processor } from '../../queues/processor.ts';

export function createProbe(): Processor {
  return {
    ruleset: 'probe',
    process: (raw, input) => ({ ok: false, deadLetter: deadLetter(raw.id ?? null, input, 'extract', 'internal-error', isMainThread ? 'main' : 'worker') }),
  };
}
