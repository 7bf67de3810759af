// Faults of issue 12 against real Redis: the queue is never the truth of what is done (re-runs, a dead run's
// jobs, Redis restarted empty), ids that are not well-formed UTF-16, Redis down at start. Tests that kill or
// start Redis use a redis-server of their own (ports 6401-6419), never the shared one.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBullmqRunner } from '../queues/bullmq/runner.ts';
import { addJobs, newJob } from '../queues/bullmq/enqueue.ts';
import type { JobData } from '../queues/bullmq/names.ts';
import { startWorkers } from '../queues/bullmq/worker.ts';
import type { Outcome, Runner, WorkItem } from '../queues/runner.ts';
import { PROCESSOR } from '../src/cli/runners.ts';
import { log } from '../src/log.ts';
import { rulesetVersion } from '../src/core/ruleset.ts';
import { cleanPrefix, REDIS_URL, requireRedis, uniquePrefix } from './helpers/redis.ts';
import { ownRedis, type OwnRedis } from './helpers/redis-server.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = path.join(ROOT, 'bin/incident-extract.js');
const quiet = log.child({ test: 'faults' });
quiet.level = 'warn';

let admin: Redis;
const prefixes: string[] = [];
const servers: OwnRedis[] = [];
let dir: string;

beforeAll(async () => {
  admin = await requireRedis();
  dir = mkdtempSync(path.join(tmpdir(), 'bullmq-faults-'));
});
afterAll(async () => {
  for (const s of servers) await s.kill();
  for (const p of prefixes) await cleanPrefix(admin, p);
  admin?.disconnect();
  rmSync(dir, { recursive: true, force: true });
});

const prefixFor = (name: string) => {
  const p = uniquePrefix(name);
  prefixes.push(p);
  return p;
};
const docs = (tag: string, n: number, from = 0): WorkItem[] =>
  Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const text = `Hackers attacked the city of Springfield ${i} in May 2023 and encrypted ${(i % 40) + 1} servers.`;
    return { raw: { id: `${tag}-${i}`, text }, input: `${tag}-${i}` };
  });

interface RunOpts {
  workers?: number;
  during?: (done: () => number) => Promise<void>;
}

async function run(url: string, prefix: string, items: WorkItem[], opts: RunOpts = {}): Promise<Outcome[]> {
  const got: Outcome[] = [];
  const sink = (o: Outcome) => {
    got.push(o);
  };
  const ruleset = rulesetVersion();
  const runner: Runner = await createBullmqRunner({ url, prefix, ruleset, workers: opts.workers ?? 2, processor: PROCESSOR, log: quiet, sink });
  try {
    for (const item of items) await runner.submit(item);
    await Promise.all([runner.drain(), opts.during?.(() => got.length)]);
  } finally {
    await runner.close();
  }
  return got;
}

const recordIds = (got: Outcome[]) => got.map((o) => (o.kind === 'record' ? o.record.id : `${o.kind}`));

function cli(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, LOG_LEVEL: 'warn' } });
}

describe('BullMQ: the store or the output is the truth of what is done, never the queue', () => {
  it('`extract --redis --no-store` run twice prints every record both times; `--force` re-extracts what the store has', () => {
    const prefix = prefixFor('rerun');
    const input = path.join(dir, 'rerun.jsonl');
    writeFileSync(
      input,
      docs('rerun', 20)
        .map((d) => JSON.stringify(d.raw))
        .join('\n') + '\n',
    );
    const base = [input, '--redis', REDIS_URL, '--prefix', prefix, '--workers', '1'];
    for (const _ of [1, 2]) {
      const r = cli(['extract', ...base, '--no-store']);
      expect(r.status, r.stderr).toBe(0);
      expect(
        r.stdout
          .trim()
          .split('\n')
          .map((l) => (JSON.parse(l) as { id: string }).id)
          .sort(),
      ).toEqual(
        docs('rerun', 20)
          .map((d) => d.raw.id)
          .sort(),
      );
    }
    const store = path.join(dir, 'rerun.db');
    expect(cli(['extract', ...base, '--store', store]).status).toBe(0);
    const forced = cli(['extract', ...base, '--store', store, '--force']);
    expect(forced.status, forced.stderr).toBe(0);
    expect(forced.stderr).toMatch(/extracted\s+20\b/);
  }, 120_000);

  it("a dead run's jobs (finished with answers nobody read, and still waiting) do not count: the next run answers every document", async () => {
    const prefix = prefixFor('dead-run');
    // What a run killed with -9 leaves: its jobs, answering a stream nobody reads any more.
    const { Queue } = await import('bullmq');
    const conn = new (await import('ioredis')).Redis(REDIS_URL, { maxRetriesPerRequest: null });
    const q = new Queue<JobData>('documents', { connection: conn, prefix });
    const stream = `${prefix}:results:dead`;
    const deadRun = (items: WorkItem[]) =>
      addJobs(
        conn,
        q,
        prefix,
        items.map((d) => newJob(d, rulesetVersion(), stream)),
        stream,
      );
    await deadRun(docs('dr', 40));
    const w = await startWorkers({ url: REDIS_URL, prefix, processor: PROCESSOR, threads: 1, log: quiet });
    for (let t = 0; (await q.getCompletedCount()) < 40; t++) {
      if (t > 600) throw new Error("the worker did not finish the dead run's jobs");
      await new Promise((r) => setTimeout(r, 100));
    }
    await w.close();
    await deadRun(docs('dr', 20, 40)); // these stay waiting
    expect(await q.getWaitingCount()).toBe(20);
    await q.close();
    conn.disconnect();
    // Run 2: the same 60 and 20 new ones.
    const got = await run(REDIS_URL, prefix, docs('dr', 80), { workers: 2 });
    expect(got.filter((o) => o.kind !== 'record')).toEqual([]);
    expect(recordIds(got).sort()).toEqual(
      docs('dr', 80)
        .map((d) => d.raw.id)
        .sort(),
    );
  }, 120_000);

  it('Redis restarted empty mid-run: every document answered exactly once', async () => {
    const redis = await ownRedis(6401);
    servers.push(redis);
    const prefix = uniquePrefix('restart');
    let at = 0;
    const got = await run(redis.url, prefix, docs('rs', 1500), {
      workers: 2,
      during: async (done) => {
        while (done() < 200) await new Promise((r) => setTimeout(r, 20));
        at = done();
        await redis.kill();
        await redis.start();
      },
    });
    expect(at).toBeLessThan(1500);
    expect(got.filter((o) => o.kind !== 'record')).toEqual([]);
    expect(recordIds(got)).toHaveLength(1500);
    expect(new Set(recordIds(got))).toEqual(new Set(docs('rs', 1500).map((d) => d.raw.id)));
    await redis.kill();
  }, 180_000);
});

describe('BullMQ: ids that are not well-formed UTF-16', () => {
  it('a lone surrogate id does not abort the run, and stays distinct from U+FFFD', async () => {
    const prefix = prefixFor('surrogate');
    const text = 'Ransomware hit the town of Example in June 2022 and encrypted 12 servers.';
    const ids = ['\ud800', '\ufffd', 'x\udc00y', 'ok'];
    const got = await run(
      REDIS_URL,
      prefix,
      ids.map((id) => ({ raw: { id, text }, input: JSON.stringify(id) })),
      { workers: 1 },
    );
    expect(got.map((o) => o.kind)).toEqual(ids.map(() => 'record'));
    expect(recordIds(got).sort()).toEqual([...ids].sort());
  }, 60_000);
});

describe('BullMQ: Redis down at start', () => {
  const down = 'redis://127.0.0.1:6402';
  it.each([['extract'], ['status'], ['enqueue']])(
    '`%s` exits non-zero with one line, no ioredis flood',
    (cmd) => {
      const input = path.join(dir, 'one.txt');
      writeFileSync(input, 'Hackers hit the city of Dallas in May 2023.');
      const r = cli([cmd, ...(cmd === 'status' ? [] : [input]), '--redis', down, ...(cmd === 'extract' ? ['--no-store'] : [])]);
      expect(r.signal, 'it must end by itself').toBeNull();
      expect(r.status).toBe(3);
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error: cannot reach Redis at redis:\/\/127\.0\.0\.1:6402.*ECONNREFUSED/)]);
    },
    60_000,
  );

  it('`worker` waits for Redis, saying so once per interval, and starts when it comes up', async () => {
    const port = 6403;
    const c = spawn(process.execPath, [BIN, 'worker', '--redis', `redis://127.0.0.1:${port}`, '--prefix', prefixFor('wait'), '--workers', '1'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, LOG_LEVEL: 'info' },
    });
    let err = '';
    c.stderr!.on('data', (b: Buffer) => {
      err += b.toString();
    });
    try {
      const wait = async (re: RegExp) => {
        for (let t = 0; !re.test(err); t++) {
          if (t > 600) throw new Error(err);
          await new Promise((r) => setTimeout(r, 100));
        }
      };
      await wait(/Redis unreachable/);
      await new Promise((r) => setTimeout(r, 5000)); // several reconnection attempts
      const redis = await ownRedis(port);
      servers.push(redis);
      await wait(/workers ready/);
      expect(err.match(/Redis unreachable/g)).toHaveLength(1);
      expect(err).not.toMatch(/Unhandled error event|\n\s+at /);
      await redis.kill();
    } finally {
      c.kill('SIGKILL');
    }
  }, 90_000);
});
