// Progress on stderr: a live bar when a person is watching (TTY), periodic structured log lines otherwise.
// Percentage and ETA follow bytes consumed, which is known up front even for JSONL files of unknown length.
import { createRequire } from 'node:module';
import type cliProgress from 'cli-progress';
import type { ReadPlan } from '../ingest/read.ts';
import type { Logger } from '../log.ts';

export interface Progress {
  plan(p: ReadPlan): void;
  tick(docs: number, bytes: number): void;
  stop(): void;
}

const LOG_EVERY_MS = 2000;
// All bytes can be read while documents are still in flight: until the run ends, progress stops short of 100 %.
const BEFORE_THE_END = 0.999;

export function createProgress(opts: { tty: boolean; enabled: boolean; log: Logger }): Progress {
  if (!opts.enabled) return { plan() {}, tick() {}, stop() {} };
  return opts.tty ? barProgress() : logProgress(opts.log);
}

const rate = (docs: number, t0: number) => docs / Math.max((performance.now() - t0) / 1000, 1e-3);

function barProgress(): Progress {
  // cli-progress (CommonJS, ~15 modules) only when a bar is drawn: not for a pipe, a log or --no-progress
  const { SingleBar, Presets } = createRequire(import.meta.url)('cli-progress') as typeof cliProgress;
  const t0 = performance.now();
  let bar: cliProgress.SingleBar | null = null;
  let plan: ReadPlan | null = null;
  return {
    plan(p) {
      plan = p;
      const done = p.docs != null ? '{docs}/{docsTotal} docs' : '{docs} docs';
      const format =
        p.bytes != null
          ? `extract [{bar}] {percentage}% | ${done} | {rate} docs/s | ETA {eta_formatted}`
          : `extract ${done} | {rate} docs/s | {duration_formatted}`;
      bar = new SingleBar({ format, stream: process.stderr, hideCursor: true, clearOnComplete: false, etaBuffer: 50, fps: 8 }, Presets.shades_classic);
      bar.start(Math.max(p.bytes ?? 1, 1), 0, { docs: 0, docsTotal: p.docs ?? '?', rate: '0' });
    },
    tick(docs, bytes) {
      const total = Math.max(plan?.bytes ?? 1, 1);
      bar?.update(plan?.bytes != null ? Math.min(bytes, Math.floor(total * BEFORE_THE_END)) : 0, { docs, rate: rate(docs, t0).toFixed(1) });
    },
    stop() {
      if (plan?.bytes != null) bar?.update(Math.max(plan.bytes, 1));
      bar?.stop();
    },
  };
}

function logProgress(log: Logger): Progress {
  const t0 = performance.now();
  let last = t0;
  let plan: ReadPlan | null = null;
  return {
    plan(p) {
      plan = p;
      log.info({ files: p.files, bytes: p.bytes, docsTotal: p.docs }, 'starting');
    },
    tick(docs, bytes) {
      const now = performance.now();
      if (now - last < LOG_EVERY_MS) return;
      last = now;
      const fraction = plan ? progressFraction(plan, docs, bytes) : null;
      const elapsed = (now - t0) / 1000;
      const etaS = fraction ? Math.round((elapsed / fraction) * (1 - fraction)) : null;
      log.info(
        {
          done: docs,
          total: plan?.docs ?? null,
          percent: fraction == null ? null : Math.round(fraction * 1000) / 10,
          docsPerSec: Math.round(rate(docs, t0) * 10) / 10,
          etaS,
        },
        'progress',
      );
    },
    stop() {},
  };
}

/** Share of the run done: bytes read, or documents finished when their total is known, whichever says less; below 1 until the end. */
export function progressFraction(plan: ReadPlan, docs: number, bytes: number): number | null {
  const byBytes = plan.bytes ? bytes / plan.bytes : null;
  const byDocs = plan.docs ? docs / plan.docs : null;
  const known = [byBytes, byDocs].filter((x): x is number => x != null);
  return known.length ? Math.min(...known, BEFORE_THE_END) : null;
}
