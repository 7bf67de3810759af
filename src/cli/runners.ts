// Which runner a command uses: worker threads on this machine by default, BullMQ when given --redis
// (or REDIS_URL). The processor reaches the threads as a module reference, so queues/ never imports the rules.
import { DEFAULT_PREFIX } from '../../queues/bullmq/names.ts';
import { moduleUrl } from '../../queues/module-url.ts';
import type { ProcessorRef } from '../../queues/processor.ts';
import type { OutcomeSink, Runner } from '../../queues/runner.ts';
import { InvalidArgumentError } from 'commander';
import { envOptions, LIMITS } from '../config.ts';
import type { Logger } from '../log.ts';
import { rulesetVersion } from '../core/ruleset.ts';

// The deadline also bounds how long a document may hold a worker thread (a thread past it is pre-empted).
export const PROCESSOR: ProcessorRef = {
  module: moduleUrl('../core/engine.ts', import.meta.url).href,
  exportName: 'createExtractor',
  deadlineMs: LIMITS.docTimeoutMs,
};

export interface RunnerOptions {
  /** Worker threads on this machine (default: one per core; 0 with --redis: enqueue and wait for remote workers). */
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
  return { ...PROCESSOR, args: [{ maxChars: o.maxBytes, deadlineMs }], deadlineMs };
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
