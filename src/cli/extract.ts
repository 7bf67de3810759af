// `incident-extract extract PATH…|-`: records as JSONL, dead letters aside, progress and a summary on stderr.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Outcome } from '../../queues/runner.ts';
import type { DeadLetter, IncidentRecord } from '../core/contract/record.ts';
import { prepare, type PreparedDocument } from '../core/document.ts';
import { newStats, readInputs } from '../ingest/read.ts';
import { SeenIds } from '../ingest/seen-ids.ts';
import { PAUSE, withPauses } from '../ingest/idle.ts';
import { BATCH } from '../config.ts';
import type { Logger } from '../log.ts';
import { createProgress } from './progress.ts';
import { rulesetVersion } from '../core/ruleset.ts';
import { createRunner, type RunnerOptions } from './runners.ts';
import type { StoreOptions } from '../sinks/store.ts';
import { contentHash, type NewDocument } from '../store/store.ts';
import { deadLetter } from '../core/contract/dead-letter.ts';
import { JsonlSink } from '../sinks/jsonl.ts';
import type { IncidentRecordsSink } from '../sinks/postgres-records.ts';
import { EXIT, UsageError } from './usage.ts';
import { accountedFor, formatSummary, newCounts, summaryFields, type RunCounts } from './summary.ts';

const ADMIT_BATCH = BATCH.admit;
// a pause in the input this long submits the documents held for the store's check (a slow `extract -` streams)
const INPUT_PAUSE_MS = 100;

export interface ExtractOptions extends RunnerOptions, StoreOptions {
  /** Also upsert records into incident_records in this PostgreSQL database. */
  sink?: string;
  out?: string;
  deadLetters?: string;
  maxBytes: number;
  pretty?: boolean;
  progress: boolean;
  /** Dead letters make the exit status EXIT.deadLetters. */
  strict?: boolean;
}

/** `<out>.dead.jsonl` beside a regular output file; none beside /dev/null or a pipe (dead letters go to stderr). */
function defaultDeadLetters(out: string | undefined): string | undefined {
  if (!out) return undefined;
  try {
    if (!statSync(out).isFile()) return undefined;
  } catch {
    // not there yet: a file extract creates
  }
  return `${out}.dead.jsonl`;
}

/**
 * Runs an extraction: ingest → runner (threads or BullMQ) → sinks. Resolves to the exit status (EXIT).
 */
export async function runExtract(paths: string[], opts: ExtractOptions, log: Logger): Promise<number> {
  const t0 = performance.now();
  for (const f of [opts.out, opts.deadLetters]) {
    if (f && !existsSync(path.dirname(path.resolve(f)))) throw new UsageError(`cannot write ${f}: its directory does not exist`);
  }
  const missing = paths.filter((p) => p !== '-' && !existsSync(p));
  if (missing.length) throw new UsageError(`no such file or directory: ${missing.join(', ')}`);
  const tty = !!process.stderr.isTTY;
  const deadPath = opts.deadLetters ?? defaultDeadLetters(opts.out);
  // the store's modules (and the incident grouping they load) only for a run that has a store: --no-store loads none
  const storeSinks = opts.store === false ? null : await import('../sinks/store.ts');
  const stored = storeSinks ? await storeSinks.StoreSink.open(opts, 'extract', rulesetVersion(), log) : null;
  let pgSink: IncidentRecordsSink | null = null;
  try {
    // pg costs ~0.4 s to load: only when there is a PostgreSQL sink
    pgSink = opts.sink ? await (await import('../sinks/postgres-records.ts')).IncidentRecordsSink.open(opts.sink) : null;
  } catch (err) {
    await stored?.close({ failed: (err as Error).message });
    throw err;
  }
  const out = JsonlSink.open(opts.out, deadPath, opts.pretty);
  const progress = createProgress({ tty, enabled: opts.progress, log });
  const stats = newStats();
  const counts = newCounts();
  // each id with its first text: a later document under the same id with another text is dead-lettered
  const seen = new SeenIds();

  const deadLettered = async (d: DeadLetter) => {
    counts.deadLettered++;
    counts.reasons[d.reason] = (counts.reasons[d.reason] ?? 0) + 1;
    // The processor never throws for bad input: an internal error is a bug, and fails the run at the end.
    if (d.reason === 'internal-error') counts.internalFailures++;
    await out.deadLetter(d);
    await stored?.deadLetter(d);
  };
  // `stored`: a document skipped as already done still has its (stored) record in the output and the sink
  const stop = interruption(log);
  const sink = async (o: Outcome, storedRecord?: IncidentRecord) => {
    // After SIGINT the runner drops the work in hand: a document failed by that is not done, not a dead letter.
    if (stop.signal && o.kind === 'dead' && o.deadLetter.reason === 'internal-error') return;
    if (o.kind === 'record') {
      counts.extracted++;
      // serialised once for the JSONL line and the store (pretty output serialises its own)
      const json = stored || !opts.pretty ? JSON.stringify(o.record) : undefined;
      await out.write(o.record, json);
      await stored?.write(o.record, json);
      await pgSink?.write(o.record);
    } else if (o.kind === 'dead') {
      await deadLettered(o.deadLetter);
    } else {
      counts.alreadyDone++;
      if (storedRecord) {
        await out.write(storedRecord);
        await pgSink?.write(storedRecord);
      }
    }
    progress.tick(counts.extracted + counts.deadLettered + counts.alreadyDone, stats.bytesRead);
  };
  const runner = await createRunner(opts, sink, log);
  counts.loadMs = performance.now() - t0;

  // Documents go to the store's already-done check in batches: one query per batch, not per document. A batch's
  // question is asked as soon as the batch is full, and its documents go to the runner once the answer has come and
  // the batch before has gone to it, so the next batch is read and prepared while the store answers (an answer waits
  // for the transaction being written; #10). At most two batches are held: submitBatch returns once the one before
  // has gone.
  let batch: { raw: PreparedDocument; input: string; doc?: NewDocument; hash: string }[] = [];
  let handing: Promise<void> = Promise.resolve();
  const submitBatch = async () => {
    const taken = batch;
    batch = [];
    const asked = stored?.admit(
      taken.map((b) => b.doc!),
      taken.map((b) => b.hash),
    );
    const before = handing;
    handing = (async () => {
      const verdicts = asked ? await asked : null;
      await before;
      for (const [i, item] of taken.entries()) {
        const known = verdicts?.[i];
        if (known) await sink({ kind: 'skipped', id: known.id, input: item.input }, known);
        else await runner.submit({ raw: item.raw, input: item.input });
      }
    })();
    // a failure surfaces where handing is awaited (the next batch, a pause, the end); marked handled meanwhile
    handing.catch(() => {});
    await before;
  };
  /** Every document read so far handed to the runner (or answered as done). */
  const submitAll = async () => {
    await submitBatch();
    await handing;
  };

  const feed = async () => {
    const items = readInputs(paths, { maxBytes: opts.maxBytes, stats, onPlan: (p) => progress.plan(p) });
    for await (const item of withPauses(items, INPUT_PAUSE_MS)) {
      if (item === PAUSE) {
        await submitAll();
        await runner.pause?.();
        continue;
      }
      counts.read++;
      if (item.kind === 'dead') {
        await deadLettered(item.deadLetter);
        continue;
      }
      // each document is prepared here once: the duplicate check and the store key it, the runner and processor reuse it
      const raw = prepare(item.raw);
      // the text's hash: the duplicate check's, and the store's (storedForm keeps the prepared text as it is)
      const hash = contentHash(raw.text);
      if (seen.conflicts(raw.id, hash)) {
        await deadLettered(
          deadLetter(raw.id, item.input, 'ingest', 'duplicate-id', 'an earlier document of this run has this id and another text; the first keeps the id'),
        );
        continue;
      }
      batch.push({ raw, input: item.input, doc: stored ? storeSinks?.storedForm(raw, item.input) : undefined, hash });
      if (batch.length >= ADMIT_BATCH) await submitBatch();
      if (out.closed || stop.signal) break;
    }
    if (!out.closed && !stop.signal) await submitAll();
    else await handing;
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
    seen.close();
    await runner.close();
  }
  await out.close();
  await pgSink?.close();
  // incident_rollup beside incident_records: the store's incidents after this run
  if (opts.sink && stored) {
    await stored.flush();
    await (await import('../export/rollup.ts')).writeRollup(opts.sink, stored.incidents());
  }
  counts.skipped = stats.skipped;
  const interrupted = stop.signal ? { interrupted: stop.signal } : {};
  await stored?.close({ ...summaryFields({ ...counts, elapsedMs: performance.now() - t0 }), ...interrupted });
  counts.elapsedMs = performance.now() - t0;
  report(counts, stats.skippedFiles, { out: opts.out ?? 'stdout', deadLetters: deadPath ?? 'stderr' }, tty, log, out.closed);
  if (stop.signal) return stop.signal === 'SIGINT' ? EXIT.sigint : EXIT.sigterm;
  if (counts.internalFailures || (!accountedFor(counts) && !out.closed)) return EXIT.failure;
  return opts.strict && counts.deadLettered ? EXIT.deadLetters : EXIT.ok;
}

/** SIGINT/SIGTERM: the first stops the run (what arrived is written, the summary printed); a second exits at once. */
function interruption(log: Logger) {
  const state = { signal: null as NodeJS.Signals | null, stopped: null as unknown as Promise<void>, dispose: () => {} };
  let wake = () => {};
  state.stopped = new Promise<void>((r) => {
    wake = r;
  });
  const on = (sig: NodeJS.Signals) => {
    if (state.signal) process.exit(sig === 'SIGINT' ? EXIT.sigint : EXIT.sigterm);
    state.signal = sig;
    log.warn({ signal: sig }, 'interrupted: writing what has arrived, then stopping (again to quit at once)');
    wake();
  };
  process.on('SIGINT', on);
  process.on('SIGTERM', on);
  state.dispose = () => {
    process.off('SIGINT', on);
    process.off('SIGTERM', on);
  };
  return state;
}

function report(c: RunCounts, skippedFiles: string[], where: { out: string; deadLetters: string }, tty: boolean, log: Logger, stoppedEarly: boolean): void {
  for (const f of skippedFiles.slice(0, 20)) log.info({ file: f }, 'skipped: unknown file type');
  if (stoppedEarly) log.debug('output closed by the reader; stopped early');
  if (!tty) log.info({ ...summaryFields(c), accountedFor: accountedFor(c), stoppedEarly }, 'summary');
  process.stderr.write(formatSummary(c, where, skippedFiles));
}
