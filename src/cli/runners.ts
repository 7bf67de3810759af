// Which runner a command uses: worker threads on this machine by default, BullMQ when given --redis
// (or REDIS_URL). The processor reaches the threads as a module reference, so queues/ never imports the rules.
import { existsSync } from 'node:fs';
import { DEFAULT_PREFIX } from '../../queues/bullmq/names.ts';
import { moduleUrl } from '../../queues/module-url.ts';
import type { ProcessorRef } from '../../queues/processor.ts';
import type { OutcomeSink, Runner } from '../../queues/runner.ts';
import { InvalidArgumentError } from 'commander';
import { envOptions, LIMITS } from '../config.ts';
import type { Logger } from '../log.ts';
import { rulesetVersion } from '../core/ruleset.ts';

// A worker thread's old-generation bound, from the largest text it may be given. A thread holds ~66 MB once warm
// (rules, lexicons, gazetteers, compiled code); a text needs ~15 MB of heap a MB at its peak (a 10 MB text 305 MB
// of RSS, a 50 MB one 0.85 GB, whole process): 20 MB a MB over a base of 128 MB leaves room. Never below 256 MB:
// at or under it V8 grows an old generation by at most 1.3× what it holds after a collection (heap-controller.cc,
// 256 MB on 64-bit without pointer compression), against up to 4× unbounded, which is what let a long stream's
// RSS grow with its length; above it the factor rises slowly (1.64× at 1.1 GB, --max-bytes 50MB).
const HEAP_BASE_MB = 128;
const HEAP_PER_TEXT_MB = 20;
const HEAP_MIN_MB = 256;

export const workerHeapMb = (maxChars: number = LIMITS.maxTextChars): number =>
  Math.max(HEAP_MIN_MB, Math.ceil(HEAP_BASE_MB + (HEAP_PER_TEXT_MB * maxChars) / 2 ** 20));

// The processor's module: from dist/, its one-file bundle when the build wrote it (scripts/bundle-engine.mjs: a third
// of a one-document run's start-up was loading ~320 modules one by one), loaded as a script with V8's code cache of
// it (engine.cached.js: no parse and compile of the bundle's functions on first use) or else as a module; from the
// sources (tsx), engine.ts.
const BUILT = ['../core/engine.cached.js', '../core/engine.bundle.js'].map((f) => new URL(f, import.meta.url));
const ENGINE = (import.meta.url.endsWith('.js') && BUILT.find((u) => existsSync(u))) || moduleUrl('../core/engine.ts', import.meta.url);

// The deadline also bounds how long a document may hold a worker thread (a thread past it is pre-empted).
export const PROCESSOR: ProcessorRef = {
  module: ENGINE.href,
  exportName: 'createExtractor',
  deadlineMs: LIMITS.docTimeoutMs,
  heapMb: workerHeapMb(),
};

export interface RunnerOptions {
  /** Worker threads on this machine (default: one per core; 1 without --redis: in process; 0 with --redis: enqueue and wait for remote workers). */
  workers?: number;
  redis?: string;
  prefix: string;
  lockMs?: number;
  /** Per-document limits handed to the processor: --max-bytes as its character limit, --doc-timeout in seconds. */
  maxBytes?: number;
  docTimeout?: number;
}

/** The processor reference with this run's per-document limits as its factory's arguments. */
function processorFor(o: RunnerOptions): ProcessorRef {
  const deadlineMs = o.docTimeout == null ? LIMITS.docTimeoutMs : o.docTimeout * 1000;
  return { ...PROCESSOR, args: [{ maxChars: o.maxBytes, deadlineMs }], deadlineMs, heapMb: workerHeapMb(o.maxBytes) };
}

export { DEFAULT_PREFIX };

export function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number >= 0');
  return n;
}

export const redisUrl = (o: { redis?: string }): string | undefined => o.redis ?? envOptions().redisUrl ?? undefined;

export async function createRunner(o: RunnerOptions, sink: OutcomeSink, log: Logger): Promise<Runner> {
  const url = redisUrl(o);
  if (url) {
    const { createBullmqRunner } = await import('../../queues/bullmq/runner.ts');
    return createBullmqRunner({
      url,
      prefix: o.prefix,
      ruleset: rulesetVersion(),
      sink,
      log,
      workers: o.workers,
      processor: processorFor(o),
      lockMs: o.lockMs,
    });
  }
  // A handful of documents runs in process; threads start only for more (queues/embedded/deferred.ts).
  const { createDeferredRunner } = await import('../../queues/embedded/deferred.ts');
  return createDeferredRunner({ processor: processorFor(o), workers: o.workers || undefined, sink, log });
}
