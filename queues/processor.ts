// The processor a runner calls, and how a worker thread or process obtains it: by importing a module and
// calling one of its exports. Runners receive this reference from their caller, so queues/ never imports
// the rules (DESIGN.md, rule 7) and every thread, process or machine builds the very same processor.
import type { RawDocument } from '../src/core/document.ts';
import type { ProcessResult } from '../src/core/extract.ts';
import { deadLetter } from './dead-letters.ts';

export type { ProcessResult };

/** A raw document → a record or a dead letter. Never throws for bad input. */
export interface Processor {
  readonly ruleset: string;
  process(raw: RawDocument, input: string): ProcessResult;
}

/** Where to find the processor: `await import(module)[exportName](...args)` yields a Processor. */
export interface ProcessorRef {
  /** An absolute file: URL (or path) of the module. */
  module: string;
  /** An export that is a (possibly async) factory returning a Processor. */
  exportName: string;
  /** Structured-cloneable arguments for the factory. */
  args?: unknown[];
  /**
   * Milliseconds one document may hold a worker thread (0 or absent: no bound). Past it, plus a grace, the pool
   * terminates the thread, dead-letters the document as `timeout` and starts a fresh thread (queues/embedded/pool.ts).
   */
  deadlineMs?: number;
  /**
   * Megabytes of old generation (V8's long-lived heap) one worker thread may use (absent: V8's default, which lets a
   * thread's heap grow to several times what it holds). A thread that runs out is replaced and the document it was on
   * is dead-lettered `too-large` (queues/embedded/pool.ts); size it so the largest accepted document fits.
   */
  heapMb?: number;
}

export async function loadProcessor(ref: ProcessorRef): Promise<Processor> {
  const mod = (await import(ref.module)) as Record<string, unknown>;
  const factory = mod[ref.exportName];
  if (typeof factory !== 'function') throw new Error(`${ref.module} has no export ${ref.exportName}()`);
  const p = (await (factory as (...a: unknown[]) => unknown)(...(ref.args ?? []))) as Processor;
  if (typeof p?.process !== 'function') throw new Error(`${ref.module}#${ref.exportName}() did not return a processor`);
  return p;
}

/** Runs the processor on one document; a processor that throws is a bug: an internal-error dead letter, not a crash. */
export function processSafely(processor: Processor, raw: RawDocument, input: string): ProcessResult {
  try {
    return processor.process(raw, input);
  } catch (err) {
    return { ok: false, deadLetter: deadLetter(raw.id ?? null, input, 'extract', 'internal-error', `extraction threw: ${(err as Error).message}`) };
  }
}

const WARM_UP =
  'Hackers attacked the City of Dallas, Texas, on May 3, 2023. Acme Corp said 40 servers were encrypted and the LockBit gang demanded $1 million.';
// Deadlines from which first-use loading is a small part (0.3 s on a quiet machine, a few seconds on a busy one).
const WARM_UP_BELOW_MS = 30_000;

/**
 * Before its first document, a runner with a short deadline (--doc-timeout under 30 s) puts one short document through
 * a freshly loaded processor: word lists and gazetteers load on first use, and the first real document is then not
 * charged for them against its deadline. Under the default deadline (120 s) it is skipped: it costs more than it saves
 * (~0.25 s of CPU a thread or process, most of it serverCount's 6.6 KB count pattern run once in V8's regexp
 * interpreter on its short text, where the real texts compile it at once).
 */
export function warmUp(processor: Processor, deadlineMs = 0): void {
  if (deadlineMs > 0 && deadlineMs < WARM_UP_BELOW_MS) processSafely(processor, { id: 'warm-up', text: WARM_UP }, 'warm-up');
}
