// What the readers hand to the processor: a raw document, or the reason an input could not become one.
import { LIMITS } from '../config.ts';
import type { DeadLetter } from '../core/contract/record.ts';
import type { RawDocument } from '../core/document.ts';

export type IngestItem = { kind: 'doc'; raw: RawDocument; input: string } | { kind: 'dead'; deadLetter: DeadLetter };

/** Counters a reader fills as it goes; the CLI prints them in its summary. */
export interface ReadStats {
  /** Input files found (directories expanded), stdin counts as one. */
  files: number;
  /** Files skipped because their extension is not a known input type. */
  skipped: number;
  skippedFiles: string[];
  /** Bytes consumed so far, for progress and ETA. */
  bytesRead: number;
}

export interface ReadPlan {
  files: number;
  /** Total bytes of all files, or null when stdin makes it unknowable. */
  bytes: number | null;
  /** Documents to expect when every input is one document (no JSON, JSONL or stdin), else null. */
  docs: number | null;
}

export interface ReadOptions {
  /** A file, or a JSONL line, bigger than this is dead-lettered as too-large. Default 5 MB. */
  maxBytes?: number;
  stats?: ReadStats;
  /** Called once, after directories are expanded and before the first document. */
  onPlan?: (plan: ReadPlan) => void;
  /** Called as input bytes are consumed. */
  onBytes?: (bytes: number) => void;
  /** Stands in for process.stdin when a path is '-'. */
  stdin?: AsyncIterable<Buffer | string>;
}

export const DEFAULT_MAX_BYTES = LIMITS.maxInputBytes;

export function newStats(): ReadStats {
  return { files: 0, skipped: 0, skippedFiles: [], bytesRead: 0 };
}
