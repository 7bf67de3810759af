// Nothing lost, against the real Redis on 127.0.0.1: a worker process SIGKILLed mid-batch, worker
// connections dropped for seconds, and a batch with 5 % bad documents. Every document ends exactly once.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDeadLetters } from '../queues/bullmq/status.ts';
import { createBullmqRunner } from '../queues/bullmq/runner.ts';
import type { Outcome, Runner } from '../queues/runner.ts';
import { log } from '../src/log.ts';
import { rulesetVersion } from '../src/core/ruleset.ts';
import { cleanPrefix, REDIS_URL, requireRedis, uniquePrefix } from './helpers/redis.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = path.join(ROOT, 'bin/incident-extract.js');
const DOCS = 2000;
const LOCK_MS = 3000;

let admin: Redis;
const prefixes: string[] = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  admin = await requireRedis();
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  for (const p of prefixes) await cleanPrefix(admin, p);
  admin?.disconnect();
});

function workerProcess(prefix: string): ChildProcess {
  const c = spawn(process.execPath, [BIN, 'worker', '--redis', REDIS_URL, '--prefix', prefix, '--workers', '2', '--lock-ms', String(LOCK_MS)], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
  children.push(c);
  return c;
}

/** Short documents, distinct ids: what matters here is how many there are, not how long. */
const shortDocs = (tag: string) =>
  Array.from({ length: DOCS }, (_, i) => ({
    raw: { id: `${tag}-${i}`, text: `Hackers attacked the city of Springfield ${i} in May 2023 and encrypted ${(i % 40) + 1} servers.` },
    input: `${tag}-${i}`,
  }));

async function submitAll(prefix: string, tag: string, during: (done: () => number) => Promise<void>): Promise<Outcome[]> {
  const got: Outcome[] = [];
  const runner: Runner = await createBullmqRunner({
    url: REDIS_URL,
    prefix,
    ruleset: rulesetVersion(),
    workers: 0,
    log: log.child({ test: tag }),
    sink: (o) => {
      got.push(o);
    },
  });
  try {
    for (const item of shortDocs(tag)) await runner.submit(item);
    await Promise.all([runner.drain(), during(() => got.length)]);
  } finally {
    await runner.close();
  }
  return got;
}

const waitFor = async (cond: () => boolean, ms = 60_000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

function expectExactlyOnce(got: Outcome[], tag: string): void {
  const ids = got.map((o) => (o.kind === 'record' ? o.record.id : o.kind));
  expect(got.filter((o) => o.kind !== 'record')).toEqual([]);
  expect(ids).toHaveLength(DOCS);
  expect(new Set(ids)).toEqual(new Set(Array.from({ length: DOCS }, (_, i) => `${tag}-${i}`)));
}

describe('BullMQ runner: nothing lost', () => {
  it(`a worker process SIGKILLed mid-batch of ${DOCS}, then a new one: exactly one record per document`, async () => {
    const prefix = uniquePrefix('kill');
    prefixes.push(prefix);
    const first = workerProcess(prefix);
    let killedAt = 0;
    const got = await submitAll(prefix, 'kill', async (done) => {
      await waitFor(() => done() >= 300);
      killedAt = done();
      first.kill('SIGKILL');
      workerProcess(prefix);
    });
    expect(killedAt).toBeLessThan(DOCS);
    expectExactlyOnce(got, 'kill');
  }, 120_000);

  it('worker connections dropped (CLIENT KILL) for 3 s: every document accounted for', async () => {
    const prefix = uniquePrefix('drop');
    prefixes.push(prefix);
    workerProcess(prefix);
    let kills = 0;
    const got = await submitAll(prefix, 'drop', async (done) => {
      await waitFor(() => done() >= 200);
      const until = Date.now() + 3000;
      while (Date.now() < until) {
        const list = (await admin.client('LIST')) as string;
        for (const line of list.split('\n')) {
          const id = /\bid=(\d+)/.exec(line)?.[1];
          if (id && line.includes(`name=${prefix}`)) {
            await admin.client('KILL', 'ID', id);
            kills++;
          }
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    });
    expect(kills).toBeGreaterThan(0);
    expectExactlyOnce(got, 'drop');
  }, 120_000);

  it('5 % bad documents (empty, binary, 10 MB, broken JSON): exactly those dead-lettered, with reasons; the rest extracted', async () => {
    const prefix = uniquePrefix('bad');
    prefixes.push(prefix);
    const dir = mkdtempSync(path.join(tmpdir(), 'bad-'));
    try {
      const inputs = path.join(dir, 'in');
      mkdirSync(inputs);
      const good = Array.from({ length: 190 }, (_, i) => JSON.stringify({ id: `good-${i}`, text: `Ransomware hit the town of Example ${i} in June 2022.` }));
      const broken = ['{"id": "broken-1", "text": "unterminated', '{not json at all}', '{"id": "broken-3", "text": }'];
      writeFileSync(path.join(inputs, 'batch.jsonl'), [...good.slice(0, 100), ...broken, ...good.slice(100)].join('\n') + '\n');
      const bad: Record<string, string> = {};
      for (let i = 0; i < 3; i++) {
        writeFileSync(path.join(inputs, `empty-${i}.txt`), i ? ' \n\n ' : '');
        bad[`empty-${i}.txt`] = 'empty-text';
        writeFileSync(path.join(inputs, `binary-${i}.txt`), Buffer.from(Array.from({ length: 4096 }, (_, k) => (k * 37 + i) % 256)));
        bad[`binary-${i}.txt`] = 'binary';
      }
      writeFileSync(path.join(inputs, 'huge.txt'), 'The hospital was hit by ransomware. '.repeat(300_000)); // ~10.8 MB
      bad['huge.txt'] = 'too-large';
      const out = path.join(dir, 'records.jsonl');
      const dead = path.join(dir, 'dead.jsonl');
      const r = spawnSync(
        process.execPath,
        [BIN, 'extract', inputs, '--redis', REDIS_URL, '--prefix', prefix, '--workers', '2', '-o', out, '--dead-letters', dead],
        { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'warn' } },
      );
      expect(r.status, r.stderr).toBe(0);

      const records = readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { id: string });
      expect(new Set(records.map((x) => x.id))).toEqual(new Set(Array.from({ length: 190 }, (_, i) => `good-${i}`)));
      expect(records).toHaveLength(190);

      const letters = readFileSync(dead, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { input: string; reason: string; stage: string; message: string });
      expect(letters).toHaveLength(10); // 10 of 200 inputs: 5 %
      expect(letters.filter((d) => d.reason === 'broken-json')).toHaveLength(3);
      for (const [file, reason] of Object.entries(bad)) {
        const d = letters.find((x) => path.basename(x.input) === file);
        expect(d, file).toMatchObject({ reason });
        expect(d!.message.length).toBeGreaterThan(5);
      }
      // One limit (--max-bytes, 5 MB by default) for bytes and characters: the huge text is refused as it is read,
      // so nothing bad reaches the workers and Redis's dead-letter queue stays empty.
      expect(letters.find((x) => path.basename(x.input) === 'huge.txt')).toMatchObject({ stage: 'read' });
      expect(await listDeadLetters(REDIS_URL, prefix)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
