// npm run bench stream: memory on a long stream. A JSONL stream of short documents (the VCDB dev texts, cycled
// with fresh ids, the kind of input the issue measured) is generated on the fly and piped into
// `incident-extract extract - --no-store --out /dev/null`; the child's RSS is read from /proc when 10 %, 50 % and
// 100 % of the stream has been written (the pipe holds at most 64 KB, so written is about read), with its peak
// and its CPU time (all threads) until it exits.
// Then the same stream into a SQLite store: what storing costs in time and on disk. STREAM_MB sets the size;
// STREAM_STORE=0 leaves out the store run; STREAM_PAIRS=N alternates N pairs of the two runs. The machine's load
// average is printed at the start and end of each run. Each run's CPU is also split by thread (the extraction threads
// name themselves: src/thread-name.ts), which gives the store's cost in a way that does not depend on the host running
// both runs of a pair at the same speed: the whole process with the --no-store run scaled by the extraction threads'
// CPU (the same work in both runs). The store writes from the main thread.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import ensureBuild from '../scripts/ensure-build.ts';
import { processCpu, threadStats } from './proc-stat.ts';
import type { BenchContext } from './core.ts';

const MB = 2 ** 20;
// CPU seconds by thread (each thread's last reading: a thread that has exited keeps the figure it had), grouped by the
// names the threads give themselves (src/thread-name.ts): the main thread (which also writes the store), the extraction
// threads, and the rest (V8's compiler and garbage collector helpers, libuv's pool), which Node leaves named "node".
type Role = 'main' | 'extraction' | 'helpers';
const THREAD_ROLES: Readonly<Record<string, Role>> = { 'ie-extract': 'extraction' };
const readThreads = (pid: number, into: Map<string, { role: Role; cpu: number }>): void => {
  for (const [tid, { name, cpu }] of threadStats(pid)) into.set(tid, { role: tid === String(pid) ? 'main' : (THREAD_ROLES[name] ?? 'helpers'), cpu });
};
const byRole = (threads: Map<string, { role: Role; cpu: number }>): Record<Role, number> => {
  const out: Record<Role, number> = { main: 0, extraction: 0, helpers: 0 };
  for (const t of threads.values()) out[t.role] += t.cpu;
  return out;
};
const status = (pid: number, key: string): number => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

interface StreamRun {
  seconds: number;
  /** CPU seconds of the child (all threads), last read 200 ms or less before it exited: a busy machine bends it less than wall time. */
  cpu: number;
  rssAt: number[];
  peakMb: number;
  docs: number;
  load: string;
  /** CPU seconds by thread role: main, extraction, helpers (V8's and libuv's threads). */
  threads: Record<Role, number>;
}

const MARKS = [0.1, 0.25, 0.5, 0.75, 1];
const load = () => loadavg()[0]!.toFixed(1);

async function pipeStream(ctx: BenchContext, texts: string[], bytes: number, extra: string[]): Promise<StreamRun> {
  const bin = path.join(ctx.root, 'bin/incident-extract.js');
  const t0 = performance.now();
  const child = spawn(process.execPath, [bin, 'extract', '-', '--out', '/dev/null', '--no-progress', ...extra], {
    cwd: ctx.root,
    stdio: ['pipe', 'ignore', 'pipe'],
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
  let err = '';
  child.stderr.on('data', (d: Buffer) => {
    err = (err + d.toString()).slice(-2000);
  });
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  const load0 = load();
  const marks = [...MARKS];
  const rssAt: number[] = [];
  let peakMb = 0;
  let written = 0;
  let docs = 0;
  let cpu = 0;
  const threads = new Map<string, { role: Role; cpu: number }>();
  const sample = () => {
    try {
      peakMb = Math.max(peakMb, status(child.pid!, 'VmHWM'));
      cpu = processCpu(child.pid!);
      readThreads(child.pid!, threads);
      return status(child.pid!, 'VmRSS');
    } catch {
      return 0;
    }
  };
  while (written < bytes) {
    const line = JSON.stringify({ id: `stream-${docs}`, text: texts[docs % texts.length] }) + '\n';
    docs++;
    written += Buffer.byteLength(line);
    if (!child.stdin.write(line)) await new Promise((r) => child.stdin.once('drain', r));
    while (marks.length && written >= marks[0]! * bytes) {
      marks.shift();
      rssAt.push(sample());
    }
  }
  child.stdin.end();
  // the peak and the CPU time until the child has finished its work and exits (its threads closed, RSS falls)
  const poll = setInterval(sample, 200);
  const code = await exited;
  clearInterval(poll);
  if (code !== 0) throw new Error(`extract exited ${code}: ${err}`);
  return { seconds: (performance.now() - t0) / 1000, cpu, rssAt, peakMb, docs, load: `${load0} → ${load()}`, threads: byRole(threads) };
}

export async function benchStream(ctx: BenchContext): Promise<void> {
  ensureBuild();
  const bytes = Number(process.env.STREAM_MB ?? 20) * MB;
  const texts = readFileSync(path.join(ctx.shared, 'corpus/vcdb-dev.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { text: string }).text);
  // STREAM_WORKERS=1: one worker, which runs in process (queues/embedded/in-process.ts)
  const workers = process.env.STREAM_WORKERS ? ['--workers', process.env.STREAM_WORKERS] : [];
  const running = workers.length ? `${workers[1]} worker(s)` : 'default workers';
  ctx.log(`stream: ${(bytes / MB).toFixed(0)} MB of JSONL (VCDB dev texts cycled with fresh ids), ${running}, compiled package`);
  const fmt = (r: StreamRun) =>
    `${r.docs} docs in ${r.seconds.toFixed(1)} s, ${r.cpu.toFixed(1)} CPU s (${(bytes / MB / r.seconds).toFixed(2)} MB/s); ` +
    `RSS at ${MARKS.map((m, i) => `${m * 100} % ${r.rssAt[i]!.toFixed(0)} MB`).join(', ')}; peak ${r.peakMb.toFixed(0)} MB; load average ${r.load}`;
  const roles = (r: StreamRun) =>
    `CPU by thread: main ${r.threads.main.toFixed(1)} s, extraction ${r.threads.extraction.toFixed(1)} s, ` +
    `V8 and libuv helpers ${r.threads.helpers.toFixed(1)} s`;
  // STREAM_PAIRS=N: N pairs of runs, a --no-store run and a --store run, so the host's drift falls on both; the
  // store's cost is the median of the pairs' ratios (one run's CPU moves by ~5 % on a loaded machine, about the whole
  // store cost). Every other pair runs the store first: a host that slows (or speeds up) through the pairs would
  // otherwise always bend the second run, the store's, the same way
  const pairs = Math.max(1, Number(process.env.STREAM_PAIRS ?? 1));
  const cpuCosts: number[] = [];
  const wallCosts: number[] = [];
  // the whole process's extra CPU, the --no-store run's CPU scaled by how fast the host ran each run: the extraction
  // threads do the same work in both, so the ratio of their CPU times is the host's drift (and any slowing the store
  // causes them, which this leaves out). Only with extraction threads (not STREAM_WORKERS=1).
  const scaledCosts: number[] = [];
  const withoutStore = async () => {
    const run = await pipeStream(ctx, texts, bytes, ['--no-store', ...workers]);
    ctx.log(`  --no-store      ${fmt(run)}`);
    ctx.log(`                  ${roles(run)}`);
    return run;
  };
  for (let pair = 1; pair <= pairs; pair++) {
    const storeFirst = pair % 2 === 0 && process.env.STREAM_STORE !== '0';
    const first = storeFirst ? null : await withoutStore();
    if (process.env.STREAM_STORE === '0') continue;
    const dir = mkdtempSync(path.join(tmpdir(), 'ie-stream-'));
    try {
      const db = path.join(dir, 'store.db');
      const stored = await pipeStream(ctx, texts, bytes, ['--store', db, ...workers]);
      ctx.log(`  --store sqlite  ${fmt(stored)}`);
      ctx.log(`                  ${roles(stored)}`);
      const plain = first ?? (await withoutStore());
      const size = ['', '-wal', '-shm'].reduce((s, ext) => {
        try {
          return s + statSync(db + ext).size;
        } catch {
          return s;
        }
      }, 0);
      cpuCosts.push(stored.cpu / plain.cpu - 1);
      wallCosts.push(stored.seconds / plain.seconds - 1);
      const delta = (role: Role) => {
        const d = stored.threads[role] - plain.threads[role];
        return `${role} ${d >= 0 ? '+' : ''}${d.toFixed(1)} s`;
      };
      const drift = plain.threads.extraction > 0 ? stored.threads.extraction / plain.threads.extraction : 0;
      if (drift) scaledCosts.push(stored.cpu / (plain.cpu * drift) - 1);
      ctx.log(
        `  against the --no-store run: ${(['main', 'extraction', 'helpers'] as const).map(delta).join(', ')}` +
          (drift ? `; the whole process, scaled by the extraction threads' CPU: ${(scaledCosts.at(-1)! * 100).toFixed(1)} %` : ''),
      );
      ctx.log(
        `  storing costs ${(wallCosts.at(-1)! * 100).toFixed(1)} % of the wall time, ` +
          `${(cpuCosts.at(-1)! * 100).toFixed(1)} % of the CPU time (target <= 10 %); ` +
          `store file ${(size / MB).toFixed(1)} MB = ${(size / bytes).toFixed(2)}x the input (target <= 1x)`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (cpuCosts.length > 1) {
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const pct = (xs: number[]) => xs.map((x) => `${(x * 100).toFixed(1)} %`).join(', ');
    ctx.log(
      `  storing costs, ${cpuCosts.length} pairs: CPU ${pct(cpuCosts)}, median ${(median(cpuCosts) * 100).toFixed(1)} % (target <= 10 %); ` +
        `wall median ${(median(wallCosts) * 100).toFixed(1)} %` +
        (scaledCosts.length ? `; scaled by the extraction threads: ${pct(scaledCosts)}, median ${(median(scaledCosts) * 100).toFixed(1)} %` : ''),
    );
  }
}
