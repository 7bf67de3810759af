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

/** A processor whose one rule never ends on a text containing HANG (a runaway document); others come back at once. */
export function createHangingProbe(): Processor {
  return {
    ruleset: 'hanging-probe',
    process: (raw, input) => {
      while (raw.text.includes('HANG')) {
        // runs until the pool pre-empts the thread
      }
      return { ok: false, deadLetter: deadLetter(raw.id ?? null, input, 'extract', 'internal-error', 'done') };
    },
  };
}

/** A processor that, on a text containing HOG, holds ever more memory until its thread runs out of heap; others come back at once. */
export function createHungryProbe(): Processor {
  return {
    ruleset: 'hungry-probe',
    process: (raw, input) => {
      const held: number[][] = [];
      while (raw.text.includes('HOG')) held.push(new Array<number>(100_000).fill(held.length));
      return { ok: false, deadLetter: deadLetter(raw.id ?? null, input, 'extract', 'internal-error', 'done') };
    },
  };
}
