// Real Redis for the queue tests. Unreachable Redis fails the tests (never skips them): `.ci/run` starts it.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A connection that fails fast, after checking Redis answers; throws with the reason when it does not. */
export async function requireRedis(): Promise<Redis> {
  const r = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, retryStrategy: () => null, lazyConnect: true });
  try {
    await r.connect();
    await r.ping();
  } catch (err) {
    r.disconnect();
    throw new Error(`Redis is not reachable at ${REDIS_URL} (${(err as Error).message}); start it (.ci/run does) — these tests never skip`);
  }
  return r;
}

/** A key prefix of its own for each test run, with the hash tag the runner expects. */
export const uniquePrefix = (name: string) => `{iet-${name}-${randomUUID().slice(0, 8)}}`;

/** Deletes every key of a test run's prefix. */
export async function cleanPrefix(r: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix.replace(/[{}*?[\]]/g, '\\$&')}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await r.del(...keys);
  } while (cursor !== '0');
}
