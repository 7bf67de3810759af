// `incident-extract extract PATH…|-`: records as JSONL, dead letters aside, progress and a summary on stderr.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DeadLetter } from '../contract/record.ts';
import { newStats, readInputs } from '../ingest/read.ts';
import type { Logger } from '../log.ts';
import type { RawDocument } from '../pipeline/document.ts';
import { createExtractor, type Extractor } from '../pipeline/engine.ts';
import { deadLetter, type ProcessResult } from '../pipeline/extract.ts';
import { createProgress } from './progress.ts';
import { LineSink } from './sink.ts';
import { UsageError } from './usage.ts';
import { formatSummary, newCounts, summaryFields, type RunCounts } from './summary.ts';

export interface ExtractOptions {
  out?: string;
  deadLetters?: string;
  maxBytes: number;
  pretty?: boolean;
  progress: boolean;
}

/** Runs an extraction; resolves to the exit status (0: every input accounted for, 1: internal failure). */
export async function runExtract(paths: string[], opts: ExtractOptions, log: Logger): Promise<number> {
  const t0 = performance.now();
  for (const f of [opts.out, opts.deadLetters]) {
    if (f && !existsSync(path.dirname(path.resolve(f)))) throw new UsageError(`cannot write ${f}: its directory does not exist`);
  }
  const ex = await createExtractor();
  const tty = !!process.stderr.isTTY;
  const out = opts.out ? LineSink.toFile(opts.out) : new LineSink(process.stdout, false);
  const deadPath = opts.deadLetters ?? (opts.out ? `${opts.out}.dead.jsonl` : undefined);
  const dead = deadPath ? LineSink.toFile(deadPath) : new LineSink(process.stderr, false);
  const progress = createProgress({ tty, enabled: opts.progress, log });
  const stats = newStats();
  const counts = newCounts();
  counts.loadMs = performance.now() - t0;
  log.debug({ ruleset: ex.ruleset, rules: ex.rules.length }, 'extractor loaded');

  const deadLettered = async (d: DeadLetter) => {
    counts.deadLettered++;
    counts.reasons[d.reason] = (counts.reasons[d.reason] ?? 0) + 1;
    await dead.write(JSON.stringify(d));
  };

  try {
    for await (const item of readInputs(paths, { maxBytes: opts.maxBytes, stats, onPlan: (p) => progress.plan(p) })) {
      counts.read++;
      if (item.kind === 'dead') {
        await deadLettered(item.deadLetter);
      } else {
        const r = processSafely(ex.process, item.raw, item.input, counts, log);
        if (r.ok) {
          counts.extracted++;
          await out.write(JSON.stringify(r.record, null, opts.pretty ? 2 : undefined));
        } else {
          await deadLettered(r.deadLetter);
        }
      }
      progress.tick(counts.read, stats.bytesRead);
      if (out.closed) break;
    }
  } finally {
    progress.stop();
  }
  await out.end();
  await dead.end();
  counts.skipped = stats.skipped;
  counts.elapsedMs = performance.now() - t0;
  report(counts, stats.skippedFiles, { out: opts.out ?? 'stdout', deadLetters: deadPath ?? 'stderr' }, tty, log, out.closed);
  return counts.internalFailures ? 1 : 0;
}

// The processor never throws for bad input; if it throws anyway that is a bug: keep the document as a
// dead letter, carry on with the rest, and fail the run at the end.
function processSafely(process: Extractor['process'], raw: RawDocument, input: string, counts: RunCounts, log: Logger): ProcessResult {
  try {
    return process(raw, input);
  } catch (err) {
    counts.internalFailures++;
    log.error({ input, err }, 'extraction failed');
    return { ok: false, deadLetter: deadLetter(raw.id ?? null, input, 'extract', 'internal-error', `extraction threw: ${(err as Error).message}`) };
  }
}

function report(c: RunCounts, skippedFiles: string[], where: { out: string; deadLetters: string }, tty: boolean, log: Logger, stoppedEarly: boolean): void {
  for (const f of skippedFiles.slice(0, 20)) log.debug({ file: f }, 'skipped: unknown file type');
  if (stoppedEarly) log.debug('output closed by the reader; stopped early');
  if (!tty) log.info({ ...summaryFields(c), stoppedEarly }, 'summary');
  process.stderr.write(formatSummary(c, where));
}
