// Faults, `npm run bench faults`: documents submitted vs stored when something dies mid-run, over 5,000
// documents (the VCDB dev texts cycled with distinct ids), each through the real CLI on a redis-server of
// the bench's own (ports 6410-6413, never the shared Redis):
//   - the submitter (`extract --redis`, with its local workers) SIGKILLed, then the same command run again;
//   - one of two `worker` processes SIGKILLed (its jobs come back when their lock expires);
//   - Redis SIGKILLed and restarted without persistence (it comes back empty), and with AOF (everysec).
// "lost" = documents with neither a record nor a dead letter in the store; "duplicated" = documents whose
// record the final run wrote to its output file more than once (the store keys records by document and
// ruleset, so it cannot hold one twice; the bench checks that too).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../src/store/open.ts';
import { ownRedis, type OwnRedis } from '../test/helpers/redis-server.ts';
import type { BenchContext } from './core.ts';

const DOCS = 5000;
const KILL_AT = 2000; // records written before the fault
const LOCK_MS = 10_000;
const RUN_LIMIT_MS = 15 * 60_000;

interface Cli {
  child: ChildProcess;
  done: Promise<number | null>;
  err: () => string;
}

function cli(root: string, args: string[]): Cli {
  const child = spawn(process.execPath, [path.join(root, 'bin/incident-extract.js'), ...args], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
  let err = '';
  child.stderr!.on('data', (b: Buffer) => {
    err += b.toString();
  });
  const done = new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_LIMIT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
  return { child, done, err: () => err };
}

const lines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);

async function whenLines(file: string, n: number, run: Cli): Promise<void> {
  while (lines(file).length < n) {
    if (run.child.exitCode !== null) throw new Error(`the run ended before ${n} records: ${run.err()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function account(store: string, out: string, ids: string[]): Promise<{ lost: number; duplicated: number; stored: number; dead: number; output: number }> {
  const s = await openStore(store);
  try {
    const recorded = new Map<string, number>();
    for await (const r of s.latestRecords()) recorded.set(r.id, (recorded.get(r.id) ?? 0) + 1);
    const dead = new Set((await s.deadLetters()).map((d) => d.id));
    const printed = new Map<string, number>();
    const output = lines(out);
    for (const l of output) {
      const id = (JSON.parse(l) as { id: string }).id;
      printed.set(id, (printed.get(id) ?? 0) + 1);
    }
    const lost = ids.filter((id) => !recorded.has(id) && !dead.has(id)).length;
    const duplicated = ids.filter((id) => (printed.get(id) ?? 0) > 1 || (recorded.get(id) ?? 0) > 1).length;
    return { lost, duplicated, stored: recorded.size, dead: dead.size, output: output.length };
  } finally {
    await s.close();
  }
}

export async function benchFaults(ctx: BenchContext): Promise<void> {
  const texts = readFileSync(path.join(ctx.shared, 'corpus/vcdb-dev.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { text: string }).text);
  const ids = Array.from({ length: DOCS }, (_, i) => `k-${String(i).padStart(5, '0')}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-faults-'));
  const input = path.join(dir, 'docs5k.jsonl');
  writeFileSync(input, ids.map((id, i) => JSON.stringify({ id, text: texts[i % texts.length] })).join('\n') + '\n');
  const servers: OwnRedis[] = [];
  const children: ChildProcess[] = [];
  const extract = (redis: OwnRedis, name: string, out: string, workers: number) => {
    const run = cli(ctx.root, [
      'extract',
      input,
      '--redis',
      redis.url,
      '--prefix',
      '{faults}',
      '--workers',
      String(workers),
      '--store',
      path.join(dir, `${name}.db`),
      '-o',
      out,
      '--no-progress',
    ]);
    children.push(run.child);
    return run;
  };
  const report = async (label: string, name: string, redis: OwnRedis, out: string, status: number | null, t0: number) => {
    const a = await account(path.join(dir, `${name}.db`), out, ids);
    ctx.log(
      `${label.padEnd(24)} submitted ${DOCS}, stored ${a.stored}, dead-lettered ${a.dead}, output ${a.output} (exit ${status}, ` +
        `${((performance.now() - t0) / 1000).toFixed(0)} s): lost ${a.lost}, duplicated ${a.duplicated}`,
    );
    await redis.kill();
  };
  try {
    {
      const redis = await ownRedis(6410);
      servers.push(redis);
      const t0 = performance.now();
      const first = extract(redis, 'submitter', path.join(dir, 'submitter-1.jsonl'), 2);
      await whenLines(path.join(dir, 'submitter-1.jsonl'), KILL_AT, first);
      first.child.kill('SIGKILL');
      await first.done;
      const out = path.join(dir, 'submitter-2.jsonl');
      const again = extract(redis, 'submitter', out, 2);
      await report('submitter SIGKILL', 'submitter', redis, out, await again.done, t0);
    }
    {
      const redis = await ownRedis(6411);
      servers.push(redis);
      const t0 = performance.now();
      const worker = () => {
        const w = cli(ctx.root, ['worker', '--redis', redis.url, '--prefix', '{faults}', '--workers', '1', '--lock-ms', String(LOCK_MS)]);
        children.push(w.child);
        return w;
      };
      const [victim, survivor] = [worker(), worker()];
      const out = path.join(dir, 'worker.jsonl');
      const run = extract(redis, 'worker', out, 0);
      await whenLines(out, KILL_AT, run);
      victim!.child.kill('SIGKILL');
      const status = await run.done;
      survivor!.child.kill('SIGTERM');
      await survivor!.done;
      await report('worker SIGKILL', 'worker', redis, out, status, t0);
    }
    for (const aof of [false, true]) {
      const name = aof ? 'redis-aof' : 'redis-empty';
      const redis = await ownRedis(aof ? 6413 : 6412, aof ? { aofDir: mkdtempSync(path.join(dir, 'aof-')) } : {});
      servers.push(redis);
      const t0 = performance.now();
      const out = path.join(dir, `${name}.jsonl`);
      const run = extract(redis, name, out, 2);
      await whenLines(out, KILL_AT, run);
      await redis.kill();
      await redis.start();
      await report(aof ? 'Redis restart, AOF' : 'Redis restart, no AOF', name, redis, out, await run.done, t0);
    }
  } finally {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    for (const s of servers) await s.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
