// Item 7 of issue 12 against real Redis: a killed worker's jobs do not stall the run silently (the submitter
// says what it waits for), and SIGINT on `extract --redis` exits 130 with a summary and closes its run in the store.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBullmqRunner } from '../queues/bullmq/runner.ts';
import type { Outcome } from '../queues/runner.ts';
import { rulesetVersion } from '../src/core/ruleset.ts';
import { openStore } from '../src/store/open.ts';
import { cleanPrefix, REDIS_URL, requireRedis, uniquePrefix } from './helpers/redis.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = path.join(ROOT, 'bin/incident-extract.js');
const LOCK_MS = 15_000; // long enough that the dead worker's lock outlives the submitter's 5 s quiet interval
// Enough that the first worker cannot finish them all between the 5th answer and its SIGKILL.
const DOCS = 400;

let admin: Redis;
let dir: string;
const prefixes: string[] = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  admin = await requireRedis();
  dir = mkdtempSync(path.join(tmpdir(), 'bullmq-stall-'));
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const p of prefixes) await cleanPrefix(admin, p);
  admin?.disconnect();
  rmSync(dir, { recursive: true, force: true });
});

const text = (i: number) => `Hackers attacked the city of Springfield ${i} in May 2023 and encrypted ${(i % 40) + 1} servers.`;
const until = async (cond: () => boolean, what: string) => {
  for (let t = 0; !cond(); t++) {
    if (t > 1200) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

function spawnCli(args: string[], level = 'warn'): ChildProcess & { err: () => string; out: () => string } {
  const c = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: level } });
  children.push(c);
  let err = '';
  let out = '';
  c.stderr!.on('data', (b: Buffer) => {
    err += b.toString();
  });
  c.stdout!.on('data', (b: Buffer) => {
    out += b.toString();
  });
  return Object.assign(c, { err: () => err, out: () => out });
}

describe('BullMQ: stalls and interruptions are said', () => {
  it('a worker killed with jobs in hand: the submitter logs that it waits for their lock, then gets them all', async () => {
    const prefix = uniquePrefix('stall');
    prefixes.push(prefix);
    const lines: string[] = [];
    const log = pino(
      { level: 'info' },
      {
        write: (s: string) => {
          lines.push(s);
        },
      },
    );
    const got: Outcome[] = [];
    const runner = await createBullmqRunner({
      url: REDIS_URL,
      prefix,
      ruleset: rulesetVersion(),
      workers: 0,
      log,
      sink: (o) => {
        got.push(o);
      },
    });
    const worker = () => spawnCli(['worker', '--redis', REDIS_URL, '--prefix', prefix, '--workers', '1', '--lock-ms', String(LOCK_MS)]);
    try {
      const first = worker();
      for (let i = 0; i < DOCS; i++) await runner.submit({ raw: { id: `st-${i}`, text: text(i) }, input: `st-${i}` });
      const drained = runner.drain();
      await until(() => got.length >= 5, 'first answers');
      first.kill('SIGKILL');
      expect(got.length).toBeLessThan(DOCS);
      // no worker is left: the submitter must say, within its quiet interval, that jobs wait under the dead one's lock
      const heldLine = () => lines.some((l) => /waiting for answers/.test(l) && /lock expires/.test(l) && !/"held":0/.test(l));
      await until(heldLine, 'the waiting-for-lock line');
      worker();
      await drained;
    } finally {
      await runner.close();
    }
    expect(got.filter((o) => o.kind === 'record')).toHaveLength(DOCS);
    const waits = lines.map((l) => JSON.parse(l) as { msg: string; held?: number }).filter((l) => /waiting for answers/.test(l.msg));
    expect(waits.some((l) => (l.held ?? 0) > 0 && /lock expires/.test(l.msg))).toBe(true);
  }, 120_000);

  it('SIGINT on `extract --redis`: exit 130, a summary, and the run closed as interrupted in the store', async () => {
    const prefix = uniquePrefix('sigint');
    prefixes.push(prefix);
    const input = path.join(dir, 'in.jsonl');
    writeFileSync(input, Array.from({ length: 5000 }, (_, i) => JSON.stringify({ id: `si-${i}`, text: text(i) })).join('\n') + '\n');
    const store = path.join(dir, 'sigint.db');
    const c = spawnCli(['extract', input, '--redis', REDIS_URL, '--prefix', prefix, '--workers', '1', '--store', store]);
    await until(() => c.out().length > 0, 'the first records');
    const exited = new Promise<number | null>((r) => c.once('exit', (code) => r(code)));
    c.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(c.err()).toMatch(/documents? read/);
    expect(c.err()).not.toMatch(/\n\s+at /);
    const s = await openStore(store);
    try {
      const runs = await s.runs();
      expect(runs).toHaveLength(1);
      expect(runs[0]!.finishedAt).not.toBeNull();
      expect(runs[0]!.counts).toMatchObject({ interrupted: 'SIGINT' });
      expect((await s.counts()).records).toBeGreaterThan(0);
    } finally {
      await s.close();
    }
  }, 120_000);
});
