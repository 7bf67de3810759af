// Redis connections for the BullMQ runner's processes, and what they do when Redis is away: a command that is
// not a long-running worker checks Redis first and fails in a few seconds with one line; once running, every
// connection waits out an outage (a Redis restart) and says so once per interval, not once per attempt.
import { Redis } from 'ioredis';
import type { Logger } from '../../src/log.ts';

const PROBE_TIMEOUT_MS = 3000;
const SAY_EVERY_MS = 10_000;

/** Redis could not be reached: the CLI prints the message alone (no stack) and exits non-zero. */
class RedisUnavailableError extends Error {
  override readonly name = 'RedisUnavailableError';
  /** Exit status for a queue that cannot be opened. */
  readonly exitStatus = 3;
}

/** The URL without its password, for messages. */
function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable Redis URL)';
  }
}

/** Logs errors at most once per interval with the number left unsaid: an outage is one line, not a flood. */
export function outageReporter(log: Logger, msg = 'Redis unreachable; retrying', everyMs = SAY_EVERY_MS): (err: Error) => void {
  let last = -Infinity;
  let unsaid = 0;
  return (err) => {
    const now = performance.now();
    if (now - last < everyMs) {
      unsaid++;
      return;
    }
    log.warn({ err: err.message, unsaidSinceLastLine: unsaid }, msg);
    last = now;
    unsaid = 0;
  };
}

/**
 * A connection that waits out a Redis outage instead of failing the command: BullMQ requires
 * `maxRetriesPerRequest: null` for workers, and a batch submitter is better off waiting too. The name
 * (CLIENT LIST) starts with the prefix, like BullMQ's own connections. Errors go to `onError` (else ioredis
 * prints "[ioredis] Unhandled error event" with a stack for every reconnection attempt).
 */
export function connect(url: string, prefix: string, role: string, onError: (err: Error) => void, opts: { autoPipelining?: boolean } = {}): Redis {
  const r = new Redis(url, {
    maxRetriesPerRequest: null,
    connectionName: `${prefix}:ie-${role}`,
    lazyConnect: false,
    enableAutoPipelining: opts.autoPipelining ?? false,
  });
  r.on('error', onError);
  return r;
}

/** Connects once with a short timeout and no retry: throws RedisUnavailableError with the reason when Redis does not answer. */
export async function probeRedis(url: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<void> {
  const r = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  let cause: Error | null = null; // the socket's error (ECONNREFUSED…) says more than "Connection is closed"
  r.on('error', (err: Error) => {
    cause ??= err;
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([r.connect().then(() => r.ping()), timeout]);
  } catch (err) {
    const why = (cause as Error | null)?.message || (err as Error).message || String(err);
    throw new RedisUnavailableError(`cannot reach Redis at ${safeUrl(url)}: ${why}`);
  } finally {
    clearTimeout(timer);
    r.disconnect();
  }
}

/** For long-running workers: probes until Redis answers, with backoff up to 10 s, saying so once per interval. */
export async function waitForRedis(url: string, log: Logger): Promise<void> {
  const say = outageReporter(log);
  for (let delay = 500; ; delay = Math.min(delay * 2, SAY_EVERY_MS)) {
    try {
      await probeRedis(url);
      return;
    } catch (err) {
      say(err as Error);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
