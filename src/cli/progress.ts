// Progress on stderr: a live bar when a person is watching (TTY), periodic structured log lines otherwise.
// Percentage and ETA follow bytes consumed, which is known up front even for JSONL files of unknown length.
import cliProgress from 'cli-progress';
import type { ReadPlan } from '../ingest/read.ts';
import type { Logger } from '../log.ts';

export interface Progress {
  plan(p: ReadPlan): void;
  tick(docs: number, bytes: number): void;
  stop(): void;
}

const LOG_EVERY_MS = 2000;

export function createProgress(opts: { tty: boolean; enabled: boolean; log: Logger }): Progress {
  if (!opts.enabled) return { plan() {}, tick() {}, stop() {} };
  return opts.tty ? barProgress() : logProgress(opts.log);
}

const rate = (docs: number, t0: number) => docs / Math.max((performance.now() - t0) / 1000, 1e-3);

function barProgress(): Progress {
  const t0 = performance.now();
  let bar: cliProgress.SingleBar | null = null;
  let plan: ReadPlan | null = null;
  return {
    plan(p) {
      plan = p;
      const done = p.docs != null ? '{docs}/{docsTotal} docs' : '{docs} docs';
      const format = p.bytes != null
        ? `extract [{bar}] {percentage}% | ${done} | {rate} docs/s | ETA {eta_formatted}`
        : `extract ${done} | {rate} docs/s | {duration_formatted}`;
      bar = new cliProgress.SingleBar(
        { format, stream: process.stderr, hideCursor: true, clearOnComplete: false, etaBuffer: 50, fps: 8 },
        cliProgress.Presets.shades_classic,
      );
      bar.start(Math.max(p.bytes ?? 1, 1), 0, { docs: 0, docsTotal: p.docs ?? '?', rate: '0' });
    },
    tick(docs, bytes) {
      bar?.update(plan?.bytes != null ? bytes : 0, { docs, rate: rate(docs, t0).toFixed(1) });
    },
    stop() {
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
      const fraction = plan?.bytes ? Math.min(bytes / plan.bytes, 1) : null;
      const elapsed = (now - t0) / 1000;
      const etaS = fraction ? Math.round((elapsed / fraction) * (1 - fraction)) : null;
      log.info({ done: docs, total: plan?.docs ?? null, percent: fraction == null ? null : Math.round(fraction * 1000) / 10,
        docsPerSec: Math.round(rate(docs, t0) * 10) / 10, etaS }, 'progress');
    },
    stop() {},
  };
}
