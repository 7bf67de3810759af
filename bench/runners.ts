// Scaling of the two runners on this machine: the embedded runner with 1 worker thread vs one per core,
// and BullMQ with 1 worker process vs 2 (one thread each), over the same 5,000+ news-length documents
// (the VCDB dev texts of >= 1,000 characters, cycled with distinct ids). Wall-clock docs/s, measured
// after the workers have loaded the rules; the ratios compare figures taken minutes apart in one run.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import path from 'node:path';
import { createBullmqRunner } from '../queues/bullmq/runner.ts';
import { createEmbeddedRunner } from '../queues/embedded/runner.ts';
import type { Runner, WorkItem } from '../queues/runner.ts';
import { PROCESSOR } from '../src/cli/runners.ts';
import { createLogger } from '../src/log.ts';
import { rulesetVersion } from '../src/pipeline/ruleset.ts';
import { cleanPrefix, REDIS_URL, requireRedis, uniquePrefix } from '../test/helpers/redis.ts';
import { benchTexts, type BenchContext } from './core.ts';

const DOCS = 5000;
const log = createLogger('warn');

function items(ctx: BenchContext): WorkItem[] {
  const texts = benchTexts(ctx).docs.filter((d) => d.raw.text.length >= 1000);
  return Array.from({ length: DOCS }, (_, i) => {
    const d = texts[i % texts.length]!;
    // A pass number in the text too, so cycled copies are distinct documents, not only distinct ids.
    return { raw: { ...d.raw, id: `bench-${i}`, text: `${d.raw.text}\n\n(copy ${Math.floor(i / texts.length)})` }, input: `bench-${i}` };
  });
}

async function timeRunner(make: (sink: () => void) => Promise<Runner>, docs: WorkItem[]): Promise<number> {
  let done = 0;
  const runner = await make(() => { done++; });
  const t0 = performance.now();
  for (const d of docs) await runner.submit(d);
  await runner.drain();
  const s = (performance.now() - t0) / 1000;
  await runner.close();
  if (done !== docs.length) throw new Error(`${done} of ${docs.length} answered`);
  return docs.length / s;
}

function workerProcess(root: string, prefix: string): Promise<ChildProcess> {
  const c = spawn(process.execPath, [path.join(root, 'bin/incident-extract.js'), 'worker', '--redis', REDIS_URL, '--prefix', prefix, '--workers', '1'],
    { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LOG_LEVEL: 'info' } });
  return new Promise((resolve, reject) => {
    c.stderr!.on('data', (b: Buffer) => { if (b.toString().includes('workers ready')) resolve(c); });
    c.on('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

async function bullmq(ctx: BenchContext, docs: WorkItem[], processes: number): Promise<number> {
  const admin = await requireRedis();
  const prefix = uniquePrefix('bench');
  const workers = await Promise.all(Array.from({ length: processes }, () => workerProcess(ctx.root, prefix)));
  try {
    return await timeRunner((sink) => createBullmqRunner({ url: REDIS_URL, prefix, ruleset: rulesetVersion(), workers: 0, sink, log }), docs);
  } finally {
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(workers.map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : w.once('exit', r)))));
    await cleanPrefix(admin, prefix);
    admin.disconnect();
  }
}

export async function benchRunners(ctx: BenchContext): Promise<void> {
  const docs = items(ctx);
  const mb = docs.reduce((s, d) => s + Buffer.byteLength(d.raw.text), 0) / 1e6;
  const n = cpus().length;
  ctx.log(`documents: ${docs.length} news-length (${mb.toFixed(1)} MB), wall-clock docs/s after the rules are loaded`);
  const embedded = (w: number) => timeRunner((sink) => createEmbeddedRunner({ processor: PROCESSOR, workers: w, sink }), docs);
  const e1 = await embedded(1);
  ctx.log(`embedded, 1 worker thread      ${e1.toFixed(1).padStart(8)} docs/s`);
  const eN = await embedded(n);
  ctx.log(`embedded, ${n} worker threads     ${eN.toFixed(1).padStart(8)} docs/s   ${(eN / e1).toFixed(2)}x  (target >= 1.7x on 2 cores)`);
  const b1 = await bullmq(ctx, docs, 1);
  ctx.log(`BullMQ, 1 worker process       ${b1.toFixed(1).padStart(8)} docs/s   ${(b1 / e1).toFixed(2)} of embedded at 1 (target >= 0.75)`);
  const b2 = await bullmq(ctx, docs, 2);
  ctx.log(`BullMQ, 2 worker processes     ${b2.toFixed(1).padStart(8)} docs/s   ${(b2 / b1).toFixed(2)}x  (target >= 1.7x); ${(b2 / (n === 2 ? eN : e1 * 2)).toFixed(2)} of embedded at 2`);
}
