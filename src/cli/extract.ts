// `incident-extract extract PATH…|-`: records as JSONL, dead letters aside, progress and a summary on stderr.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Outcome } from '../../queues/runner.ts';
import type { DeadLetter, IncidentRecord } from '../core/contract/record.ts';
import { prepare, type RawDocument } from '../core/document.ts';
import { newStats, readInputs } from '../ingest/read.ts';
import { BATCH } from '../config.ts';
import type { Logger } from '../log.ts';
import { createProgress } from './progress.ts';
import { rulesetVersion } from '../core/ruleset.ts';
import { createRunner, type RunnerOptions } from './runners.ts';
import { StoreSink, type StoreOptions } from './store-sink.ts';
import { LineSink } from './sink.ts';
import { UsageError } from './usage.ts';
import { accountedFor, formatSummary, newCounts, summaryFields, type RunCounts } from './summary.ts';
import { writeRollup } from '../export/rollup.ts';

const ADMIT_BATCH = BATCH.admit;

export interface ExtractOptions extends RunnerOptions, StoreOptions {
  /** Also upsert records into incident_records in this PostgreSQL database. */
  sink?: string;
  out?: string;
  deadLetters?: string;
  maxBytes: number;
  pretty?: boolean;
  progress: boolean;
}

/**
 * Runs an extraction: ingest → runner (threads or BullMQ) → sinks. Resolves to the exit status
 * (0: every input accounted for, 1: internal failures or documents unaccounted for).
 */
export async function runExtract(paths: string[], opts: ExtractOptions, log: Logger): Promise<number> {
  const t0 = performance.now();
  for (const f of [opts.out, opts.deadLetters]) {
    if (f && !existsSync(path.dirname(path.resolve(f)))) throw new UsageError(`cannot write ${f}: its directory does not exist`);
  }
  const tty = !!process.stderr.isTTY;
  const out = opts.out ? LineSink.toFile(opts.out) : new LineSink(process.stdout, false);
  const deadPath = opts.deadLetters ?? (opts.out ? `${opts.out}.dead.jsonl` : undefined);
  const dead = deadPath ? LineSink.toFile(deadPath) : new LineSink(process.stderr, false);
  const progress = createProgress({ tty, enabled: opts.progress, log });
  const stats = newStats();
  const counts = newCounts();
  const stored = await StoreSink.open(opts, 'extract', rulesetVersion(), log);
  // pg costs ~0.4 s to load: only when there is a PostgreSQL sink
  const pgSink = opts.sink ? await (await import('../sinks/postgres-records.ts')).IncidentRecordsSink.open(opts.sink) : null;

  const deadLettered = async (d: DeadLetter) => {
    counts.deadLettered++;
    counts.reasons[d.reason] = (counts.reasons[d.reason] ?? 0) + 1;
    // The processor never throws for bad input: an internal error is a bug, and fails the run at the end.
    if (d.reason === 'internal-error') counts.internalFailures++;
    await dead.write(JSON.stringify(d));
    await stored?.deadLetter(d);
  };
  // `stored`: a document skipped as already done still has its (stored) record in the output
  const stop = interruption(log);
  const sink = async (o: Outcome, storedRecord?: IncidentRecord) => {
    // After SIGINT the runner drops the work in hand: a document failed by that is not done, not a dead letter.
    if (stop.signal && o.kind === 'dead' && o.deadLetter.reason === 'internal-error') return;
    if (o.kind === 'record') {
      counts.extracted++;
      await out.write(JSON.stringify(o.record, null, opts.pretty ? 2 : undefined));
      await stored?.record(o.record);
      await pgSink?.write(o.record);
    } else if (o.kind === 'dead') {
      await deadLettered(o.deadLetter);
    } else {
      counts.alreadyDone++;
      if (storedRecord) await out.write(JSON.stringify(storedRecord, null, opts.pretty ? 2 : undefined));
    }
    progress.tick(counts.extracted + counts.deadLettered + counts.alreadyDone, stats.bytesRead);
  };
  const runner = await createRunner(opts, sink, log);
  counts.loadMs = performance.now() - t0;

  // Documents go to the store's already-done check in batches: one query per batch, not per document.
  let batch: { raw: RawDocument; input: string }[] = [];
  const submitBatch = async () => {
    // with a store, each document is prepared here once: the store keys it, the runner and processor reuse it
    const items = stored ? batch.map((it) => ({ raw: prepare(it.raw), input: it.input })) : batch;
    const verdicts = stored ? await stored.admit(items) : batch.map(() => null);
    for (const [i, item] of items.entries()) {
      const known = verdicts[i];
      if (known) await sink({ kind: 'skipped', id: known.id, input: item.input }, known);
      else await runner.submit(item);
    }
    batch = [];
  };
  const feed = async () => {
    for await (const item of readInputs(paths, { maxBytes: opts.maxBytes, stats, onPlan: (p) => progress.plan(p) })) {
      counts.read++;
      if (item.kind === 'dead') {
        await deadLettered(item.deadLetter);
        continue;
      }
      batch.push(item);
      if (batch.length >= ADMIT_BATCH) await submitBatch();
      if (out.closed || stop.signal) break;
    }
    if (!out.closed && !stop.signal) await submitBatch();
    await runner.drain();
  };
  try {
    // An interrupted run keeps what has arrived: the runner is closed with documents in flight (BullMQ keeps their jobs).
    const fed = feed();
    fed.catch(() => {});
    await Promise.race([fed, stop.stopped]);
  } finally {
    stop.dispose();
    progress.stop();
    await runner.close();
  }
  await out.end();
  await dead.end();
  await pgSink?.close();
  // incident_rollup beside incident_records: the store's incidents after this run
  if (opts.sink && stored) {
    await stored.flush();
    await writeRollup(opts.sink, stored.store.incidents.list());
  }
  counts.skipped = stats.skipped;
  const interrupted = stop.signal ? { interrupted: stop.signal } : {};
  await stored?.close({ ...summaryFields({ ...counts, elapsedMs: performance.now() - t0 }), ...interrupted });
  counts.elapsedMs = performance.now() - t0;
  report(counts, stats.skippedFiles, { out: opts.out ?? 'stdout', deadLetters: deadPath ?? 'stderr' }, tty, log, out.closed);
  if (stop.signal) return stop.signal === 'SIGINT' ? 130 : 143;
  return counts.internalFailures || (!accountedFor(counts) && !out.closed) ? 1 : 0;
}

/** SIGINT/SIGTERM: the first stops the run (what arrived is written, the summary printed); a second exits at once. */
function interruption(log: Logger) {
  const state = { signal: null as NodeJS.Signals | null, stopped: null as unknown as Promise<void>, dispose: () => {} };
  let wake = () => {};
  state.stopped = new Promise<void>((r) => { wake = r; });
  const on = (sig: NodeJS.Signals) => {
    if (state.signal) process.exit(sig === 'SIGINT' ? 130 : 143);
    state.signal = sig;
    log.warn({ signal: sig }, 'interrupted: writing what has arrived, then stopping (again to quit at once)');
    wake();
  };
  process.on('SIGINT', on);
  process.on('SIGTERM', on);
  state.dispose = () => { process.off('SIGINT', on); process.off('SIGTERM', on); };
  return state;
}

function report(c: RunCounts, skippedFiles: string[], where: { out: string; deadLetters: string }, tty: boolean, log: Logger, stoppedEarly: boolean): void {
  for (const f of skippedFiles.slice(0, 20)) log.debug({ file: f }, 'skipped: unknown file type');
  if (stoppedEarly) log.debug('output closed by the reader; stopped early');
  if (!tty) log.info({ ...summaryFields(c), accountedFor: accountedFor(c), stoppedEarly }, 'summary');
  process.stderr.write(formatSummary(c, where));
}
