// The end-of-run account: every input is a record, a dead letter, or a skipped file of unknown type.
import type { DeadLetter } from '../core/contract/record.ts';

export interface RunCounts {
  read: number;
  extracted: number;
  deadLettered: number;
  reasons: Partial<Record<DeadLetter['reason'], number>>;
  skipped: number;
  /** Documents the store holds under this ruleset (or repeated in the input), not processed again. */
  alreadyDone: number;
  internalFailures: number;
  /** Wall time of the whole run, and the part spent loading the rules before the first document. */
  elapsedMs: number;
  loadMs: number;
}

export function newCounts(): RunCounts {
  return { read: 0, extracted: 0, deadLettered: 0, reasons: {}, skipped: 0, alreadyDone: 0, internalFailures: 0, elapsedMs: 0, loadMs: 0 };
}

/** Every document read ended as a record, a dead letter or an already-done skip. */
export const accountedFor = (c: RunCounts) => c.read === c.extracted + c.deadLettered + c.alreadyDone;

// Throughput counts document time only: loading the rules is a one-off cost, reported apart; and only
// documents extracted in this run (an already-done document costs a lookup, not an extraction).
const docsPerSec = (c: RunCounts) => {
  const ms = c.elapsedMs - c.loadMs;
  return ms > 0 ? c.extracted / (ms / 1000) : 0;
};

const SKIPPED_NAMED = 5;

export function summaryFields(c: RunCounts) {
  return { ...c, elapsedMs: Math.round(c.elapsedMs), loadMs: Math.round(c.loadMs), docsPerSec: Math.round(docsPerSec(c) * 10) / 10 };
}

export function formatSummary(c: RunCounts, where: { out: string; deadLetters: string }, skippedFiles: readonly string[] = []): string {
  const reasons = Object.entries(c.reasons)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([r, n]) => `${r} ${n}`)
    .join(', ');
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return (
    [
      `incident-extract: ${plural(c.read, 'document')} read in ${(c.elapsedMs / 1000).toFixed(1)} s` +
        ` (${docsPerSec(c).toFixed(1)} extracted/s; rules loaded in ${(c.loadMs / 1000).toFixed(1)} s)`,
      `  extracted      ${c.extracted}  → ${where.out}`,
      `  dead-lettered  ${c.deadLettered}${reasons ? `  (${reasons})` : ''}${c.deadLettered ? `  → ${where.deadLetters}` : ''}`,
      `  skipped        ${plural(c.skipped, 'file')} of unknown type${namedFiles(skippedFiles)}`,
      ...(c.alreadyDone ? [`  skipped        ${plural(c.alreadyDone, 'document')} already done (same ruleset)`] : []),
      ...(c.internalFailures ? [`  internal failures ${c.internalFailures} (bugs: see the internal-error dead letters)`] : []),
    ].join('\n') + '\n'
  );
}

function namedFiles(files: readonly string[]): string {
  if (!files.length) return '';
  const more = files.length > SKIPPED_NAMED ? `, and ${files.length - SKIPPED_NAMED} more` : '';
  return `: ${files.slice(0, SKIPPED_NAMED).join(', ')}${more}`;
}
