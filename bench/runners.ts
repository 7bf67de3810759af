// Scaling of the two runners on this machine: the embedded runner with 1 worker thread vs one per core,
// and BullMQ with 1 worker process vs 2 (one thread each), over the same 5,000+ news-length documents
// (the VCDB dev texts of >= 1,000 characters, cycled with distinct ids). Wall-clock docs/s, measured
// after the workers have loaded the rules; the ratios compare figures taken minutes apart in one run.
// A fresh thread or process runs its first few thousand documents slowly while V8 compiles and optimises
// the rules and compromise (measured: a pass over the 687 texts takes 2.8 s cold and 1.2 s from the sixth
// pass on). Every worker therefore gets WARMUP_PER_WORKER documents before the clock starts, so the
// figures compare steady states and 2 workers are not charged twice the compile time of 1; the cold
// figure (the same documents on fresh workers, warm-up included) is printed beside it.
// First the ceiling: 1 and N plain processes running the processor with no runner (bench/solo.ts). On a
// virtual machine whose cores share a host, N busy cores give less than N times one, and by how much varies
// from hour to hour; each runner's rate is also shown as a fraction of that ceiling, measured in the same run.
import { spawn, type ChildProcess } from 'node:child_process';
import { processCpu } from './proc-stat.ts';
import { cpus } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Redis } from 'ioredis';
import { createBullmqRunner } from '../queues/bullmq/runner.ts';
import { createEmbeddedRunner } from '../queues/embedded/runner.ts';
import type { Runner, WorkItem } from '../queues/runner.ts';
import { PROCESSOR } from '../src/cli/runners.ts';
import { createLogger } from '../src/log.ts';
import { rulesetVersion } from '../src/core/ruleset.ts';
import { cleanPrefix, REDIS_URL, requireRedis, uniquePrefix } from '../test/helpers/redis.ts';
import { newsItems, type BenchContext } from './core.ts';

const DOCS = 5000;
const WARMUP_PER_WORKER = 3000;
// Timed warm passes per configuration; the best counts (other work on a shared machine only ever slows a pass).
const ROUNDS = 3;
const log = createLogger('warn');

interface Rate {
  warm: number;
  passes: number[];
  cold: number;
  cpu: Cpu;
}
/** CPU seconds used so far, by part (this process, worker processes, Redis). */
type Cpu = Record<string, number>;
type Meter = () => Promise<Cpu>;

const selfCpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const redisCpu = async (admin: Redis): Promise<number> => {
  const info = await admin.info('cpu');
  const get = (k: string) => Number(new RegExp(`${k}:([\\d.]+)`).exec(info)?.[1] ?? NaN);
  return get('used_cpu_user') + get('used_cpu_sys');
};

async function pass(runner: Runner, docs: WorkItem[]): Promise<number> {
  const t0 = performance.now();
  for (const d of docs) await runner.submit(d);
  await runner.drain();
  return docs.length / ((performance.now() - t0) / 1000);
}

// Cold: the first DOCS documents through fresh workers. Warm: ROUNDS passes over DOCS more documents
// (new ids) after WARMUP_PER_WORKER per worker, so each worker has passed the compile-heavy start.
async function timeRunner(make: (sink: () => void) => Promise<Runner>, docs: Workload, meter: Meter): Promise<Rate> {
  let done = 0;
  const runner = await make(() => {
    done++;
  });
  try {
    const cold = await pass(runner, docs.cold);
    await pass(runner, docs.warmup);
    const passes: { rate: number; cpu: Cpu }[] = [];
    for (const timed of docs.timed) {
      const before = await meter();
      const rate = await pass(runner, timed);
      const after = await meter();
      passes.push({ rate, cpu: Object.fromEntries(Object.keys(after).map((k) => [k, (after[k]! - before[k]!) / timed.length])) });
    }
    const want = [docs.cold, docs.warmup, ...docs.timed].reduce((n, d) => n + d.length, 0);
    if (done !== want) throw new Error(`${done} of ${want} answered`);
    const best = passes.reduce((a, b) => (b.rate > a.rate ? b : a));
    return { warm: best.rate, passes: passes.map((p) => p.rate), cold, cpu: best.cpu };
  } finally {
    await runner.close();
  }
}

interface Workload {
  cold: WorkItem[];
  warmup: WorkItem[];
  timed: WorkItem[][];
}
function workload(ctx: BenchContext, workers: number): Workload {
  const extra = Math.max(0, WARMUP_PER_WORKER * workers - DOCS);
  return {
    cold: newsItems(ctx, DOCS, 'cold'),
    warmup: newsItems(ctx, extra, 'warmup'),
    timed: Array.from({ length: ROUNDS }, (_, r) => newsItems(ctx, DOCS, `bench${r}`)),
  };
}

function workerProcess(root: string, prefix: string): Promise<ChildProcess> {
  const c = spawn(process.execPath, [path.join(root, 'bin/incident-extract.js'), 'worker', '--redis', REDIS_URL, '--prefix', prefix, '--workers', '1'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LOG_LEVEL: 'info' },
  });
  return new Promise((resolve, reject) => {
    c.stderr!.on('data', (b: Buffer) => {
      if (b.toString().includes('workers ready')) resolve(c);
    });
    c.on('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

async function bullmq(ctx: BenchContext, processes: number): Promise<Rate> {
  const admin = await requireRedis();
  const prefix = uniquePrefix('bench');
  const workers = await Promise.all(Array.from({ length: processes }, () => workerProcess(ctx.root, prefix)));
  try {
    const meter: Meter = async () => ({
      'worker processes': workers.reduce((t, w) => t + processCpu(w.pid!), 0),
      submitter: selfCpu(),
      Redis: await redisCpu(admin),
    });
    return await timeRunner(
      (sink) => createBullmqRunner({ url: REDIS_URL, prefix, ruleset: rulesetVersion(), workers: 0, sink, log }),
      workload(ctx, processes),
      meter,
    );
  } finally {
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(workers.map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : w.once('exit', r)))));
    await cleanPrefix(admin, prefix);
    admin.disconnect();
  }
}

// The ceiling: N plain processes running the processor at once, no runner, no messages, no Redis. Each
// warms up alone, then all start each round together on DOCS / N documents; the round's rate is DOCS over
// the time until the last one finishes.
async function solo(ctx: BenchContext, processes: number): Promise<{ best: number; passes: number[] }> {
  const kids = Array.from({ length: processes }, () =>
    spawn(
      process.execPath,
      ['--import', 'tsx', path.join(ctx.root, 'bench/solo.ts'), ctx.root, ctx.shared, String(WARMUP_PER_WORKER), String(Math.ceil(DOCS / processes))],
      { cwd: ctx.root, stdio: ['pipe', 'pipe', 'inherit'] },
    ),
  );
  const lines = kids.map((k) => createInterface({ input: k.stdout! })[Symbol.asyncIterator]());
  const next = async (i: number) => {
    const r = await lines[i]!.next();
    if (r.done) throw new Error('bench/solo.ts ended early');
    return r.value;
  };
  try {
    await Promise.all(kids.map((_, i) => next(i)));
    const passes: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      for (const k of kids) k.stdin!.write('go\n');
      const ms = await Promise.all(kids.map(async (_, i) => Number((await next(i)).split(' ')[1])));
      passes.push((Math.ceil(DOCS / processes) * processes) / (Math.max(...ms) / 1000));
    }
    return { best: Math.max(...passes), passes };
  } finally {
    for (const k of kids) k.stdin!.end();
    await Promise.all(kids.map((k) => new Promise((r) => (k.exitCode !== null ? r(null) : k.once('exit', r)))));
  }
}

export async function benchRunners(ctx: BenchContext): Promise<void> {
  const sample = newsItems(ctx, DOCS, 'bench');
  const mb = sample.reduce((s, d) => s + Buffer.byteLength(d.raw.text), 0) / 1e6;
  const n = cpus().length;
  ctx.log(`documents: ${DOCS} news-length (${mb.toFixed(1)} MB) per timed pass, wall-clock docs/s after the rules are loaded;`);
  ctx.log(
    `warm = best of ${ROUNDS} passes after ${WARMUP_PER_WORKER} documents per worker` +
      ` (the cold pass counts towards them), cold = the first ${DOCS} through fresh workers`,
  );
  const fmt = (r: Rate) => `${r.warm.toFixed(1).padStart(7)} docs/s warm (passes ${r.passes.map((p) => p.toFixed(0)).join(', ')}; cold ${r.cold.toFixed(0)})`;
  const embedded = (w: number) =>
    timeRunner(
      (sink) => createEmbeddedRunner({ processor: PROCESSOR, workers: w, sink }),
      workload(ctx, w),
      async () => ({ 'process (all threads)': selfCpu() }),
    );
  // Where the cores went in the warm pass: CPU milliseconds per document by part, and the rate that much
  // work allows on this machine's cores if nothing ever waited.
  const cpuLine = (r: Rate) => {
    const total = Object.values(r.cpu).reduce((a, b) => a + b, 0);
    const parts = Object.entries(r.cpu)
      .map(([k, v]) => `${k} ${(v * 1000).toFixed(2)}`)
      .join(' + ');
    return `      CPU ms per document: ${parts} = ${(total * 1000).toFixed(2)}; ${n} cores allow at most ${(n / total).toFixed(0)} docs/s`;
  };
  const s1 = await solo(ctx, 1);
  const sN = await solo(ctx, n);
  const soloFmt = (r: { best: number; passes: number[] }) =>
    `${r.best.toFixed(1).padStart(7)} docs/s warm (passes ${r.passes.map((p) => p.toFixed(0)).join(', ')})`;
  ctx.log(`ceiling: 1 plain process     ${soloFmt(s1)}`);
  ctx.log(`ceiling: ${n} plain processes    ${soloFmt(sN)}   ${(sN.best / s1.best).toFixed(2)}x: what ${n} cores give the processor alone`);
  const e1 = await embedded(1);
  // How much of what the cores give the processor alone each runner delivers (1.00 = no runner cost at all)
  const ofCeiling = (r: Rate, ceiling: { best: number }) => `${(r.warm / ceiling.best).toFixed(2)} of the ceiling`;
  ctx.log(`embedded, 1 worker thread    ${fmt(e1)}   ${ofCeiling(e1, s1)}`);
  ctx.log(cpuLine(e1));
  const eN = await embedded(n);
  ctx.log(
    `embedded, ${n} worker threads   ${fmt(eN)}   ${(eN.warm / e1.warm).toFixed(2)}x warm,` +
      ` ${(eN.cold / e1.cold).toFixed(2)}x cold  (target >= 1.7x on 2 cores); ${ofCeiling(eN, sN)}`,
  );
  ctx.log(cpuLine(eN));
  const b1 = await bullmq(ctx, 1);
  ctx.log(
    `BullMQ, 1 worker process     ${fmt(b1)}   ${(b1.warm / e1.warm).toFixed(2)} of embedded` +
      ` at 1 warm, ${(b1.cold / e1.cold).toFixed(2)} cold (target >= 0.75); ${ofCeiling(b1, s1)}`,
  );
  ctx.log(cpuLine(b1));
  const b2 = await bullmq(ctx, 2);
  const e2 = n === 2 ? eN : { warm: e1.warm * 2, cold: e1.cold * 2 };
  ctx.log(
    `BullMQ, 2 worker processes   ${fmt(b2)}   ${(b2.warm / b1.warm).toFixed(2)}x warm, ${(b2.cold / b1.cold).toFixed(2)}x cold (target >= 1.7x); ` +
      `${(b2.warm / e2.warm).toFixed(2)} of embedded at 2 warm, ${(b2.cold / e2.cold).toFixed(2)} cold; ${ofCeiling(b2, sN)}`,
  );
  ctx.log(cpuLine(b2));
}
