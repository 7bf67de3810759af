// Every setting of the project in one place: where things are, the environment variables it reads, the size
// limits, the batch sizes. Each option carries its default and why it is what it is; modules import from here
// instead of reading process.env or walking up from their own file. Nothing here loads anything.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The code root: the repository when run from the sources, dist/ when compiled; calibration/ and the code's data live here. */
export const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The package root (where package.json, fixtures/ and the README are): the code root, or the folder above dist/. */
export const PACKAGE_ROOT = existsSync(path.join(REPO_ROOT, 'package.json')) ? REPO_ROOT : path.resolve(REPO_ROOT, '..');

/** What the environment can change; read when asked, so a test or a child process can set it first. */
export interface EnvOptions {
  /**
   * Redis URL for the BullMQ runner and the `worker`, `enqueue` and `status` commands when `--redis` is not given.
   * @env REDIS_URL
   * @default undefined (extract runs on worker threads on this machine)
   */
  redisUrl?: string;
  /**
   * The store: a SQLite file or a `postgres://` URL, when `--store` is not given.
   * @env INCIDENT_EXTRACT_STORE
   * @default ./incident-extract.db
   */
  store?: string;
  /**
   * pino log level (`trace` … `fatal`, or `silent`).
   * @env LOG_LEVEL
   * @default 'info' (an unknown level is 'info' too)
   */
  logLevel?: string;
  /**
   * The shared folder with the labelled dev corpora, the reference scorer and the seed report.
   * @env INCIDENT_EXTRACT_SHARED
   * @default ../shared beside the repository
   */
  sharedDir?: string;
}

/** The environment's settings; unset variables stay undefined and the caller's default applies. */
export function envOptions(env: NodeJS.ProcessEnv = process.env): EnvOptions {
  return { redisUrl: env.REDIS_URL, store: env.INCIDENT_EXTRACT_STORE, logLevel: env.LOG_LEVEL, sharedDir: env.INCIDENT_EXTRACT_SHARED };
}

/** Sizes and time past which an input is refused with a dead letter rather than processed. Two units, two stages. */
export interface Limits {
  /**
   * Bytes: the largest file or JSONL line ingest reads (`--max-bytes` changes it). Checked before decoding, so a
   * huge file costs nothing.
   * @default 5 MiB
   */
  readonly maxInputBytes: number;
  /**
   * UTF-16 characters: the longest normalised text the processor analyses (HTML shrinks to text, so this is checked
   * again after ingest). The same number as maxInputBytes, since a text of N bytes has at most N characters: the CLI
   * passes its `--max-bytes` here too, so one limit holds and no hidden cap sits below it.
   * @default 5 MiB (= maxInputBytes)
   */
  readonly maxTextChars: number;
  /**
   * Milliseconds one document's extraction may take (`--doc-timeout` in seconds changes it; 0: none). Past it the
   * document is dead-lettered (`timeout`) and the worker moves on; checked between rules, so one rule is never cut short.
   * @default 120,000
   */
  readonly docTimeoutMs: number;
}

const MAX_INPUT_BYTES = 5 * 1024 * 1024;
export const LIMITS: Limits = { maxInputBytes: MAX_INPUT_BYTES, maxTextChars: MAX_INPUT_BYTES, docTimeoutMs: 120_000 };

/** How many items travel together between stages: large enough to amortise a round trip, small enough to stream. */
export interface BatchSizes {
  /**
   * Documents checked against the store at once (one query) before `extract` submits them to the runner.
   * @default 64
   */
  readonly admit: number;
  /**
   * Outcomes (records, documents, dead letters) the store sink writes per transaction.
   * @default 250
   */
  readonly storeWrite: number;
  /**
   * Characters (texts and records' JSON) past which the store sink writes its transaction before storeWrite outcomes:
   * a batch of long documents stays bounded in memory. Short documents never reach it (250 stream documents are ~0.2 M).
   * @default 32 M
   */
  readonly storeWriteChars: number;
  /**
   * Records upserted into PostgreSQL's incident_records per statement by the `--sink` sink.
   * @default 500
   */
  readonly recordsUpsert: number;
}

export const BATCH: BatchSizes = { admit: 64, storeWrite: 250, storeWriteChars: 32 * 2 ** 20, recordsUpsert: 500 };
