import type { Redis } from 'ioredis';
import { createBullmqRunner } from '../queues/bullmq/runner.ts';
import { log } from '../src/log.ts';
import { rulesetVersion } from '../src/core/ruleset.ts';
import { cleanPrefix, REDIS_URL, requireRedis, uniquePrefix } from './helpers/redis.ts';
import { PROCESSOR, runnerContract } from './runner-contract.ts';

const prefix = uniquePrefix('contract');
let admin: Redis;

runnerContract(
  'BullMQ on Redis, 2 local threads',
  async (sink) => {
    admin = await requireRedis();
    return createBullmqRunner({
      url: REDIS_URL,
      prefix,
      ruleset: rulesetVersion(),
      sink,
      log: log.child({ test: 'contract' }),
      workers: 2,
      processor: PROCESSOR,
    });
  },
  async () => {
    if (!admin) return;
    await cleanPrefix(admin, prefix);
    admin.disconnect();
  },
);
