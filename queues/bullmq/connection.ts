// Redis connections for the BullMQ runner's processes.
import { Redis } from 'ioredis';

/**
 * A connection that waits out a Redis outage instead of failing the command: BullMQ requires
 * `maxRetriesPerRequest: null` for workers, and a batch submitter is better off waiting too. The name
 * (CLIENT LIST) starts with the prefix, like BullMQ's own connections.
 */
export function connect(url: string, prefix: string, role: string, opts: { autoPipelining?: boolean } = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null, connectionName: `${prefix}:ie-${role}`, lazyConnect: false,
    enableAutoPipelining: opts.autoPipelining ?? false,
  });
}
