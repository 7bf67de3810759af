// The store: every ingested document, every record tied to the ruleset that made it, runs and dead letters.
// One interface, two databases (sqlite.ts, the embedded default; postgres.ts, for teams and shared runners).
import { createHash } from 'node:crypto';
import { textPieces } from '../core/document.ts';
import type { DeadLetter, IncidentRecord } from '../core/contract/record.ts';
import type { Article } from '../incidents/article.ts';
import type { IncidentStore } from '../incidents/store.ts';

/** Where a document came from; kept as given (JSON), whatever characters it holds. */
export interface DocumentMeta {
  uri?: string;
  title?: string;
  publishedAt?: string;
  /** The input it was read from (file, file:line). */
  input?: string;
  [key: string]: unknown;
}

export interface NewDocument {
  id: string;
  /** The normalised text (normaliseText): the one evidence offsets point into. */
  text: string;
  meta: DocumentMeta;
}

export interface StoredDocument extends NewDocument {
  contentHash: string;
  firstIngested: string;
  lastIngested: string;
}

/** What one transaction writes: documents first, then their records, then dead letters. */
export interface Batch {
  documents?: readonly NewDocument[];
  /** contentHash of these document objects' texts, where the caller has computed it already (they are not hashed again). */
  hashes?: ReadonlyMap<NewDocument, string>;
  records?: readonly IncidentRecord[];
  /** JSON.stringify of these record objects, where the caller has made it already (written as they are). */
  json?: ReadonlyMap<IncidentRecord, string>;
  deadLetters?: readonly DeadLetter[];
  runId?: number;
  /** The records' articles, placed among the incidents in the same transaction (src/incidents): one commit for both. */
  incidents?: readonly Article[];
}

export interface RunRow {
  id: number;
  command: string;
  ruleset: string;
  startedAt: string;
  finishedAt: string | null;
  counts: Record<string, unknown> | null;
}

export interface RulesetRow {
  ruleset: string;
  records: number;
  lastExtractedAt: string;
}

export interface RecordPair {
  id: string;
  from: IncidentRecord;
  to: IncidentRecord;
}

export interface StoreCounts {
  documents: number;
  records: number;
  runs: number;
  deadLetters: number;
}

/** A reviewer's word on one field of a record (incident-extract review); value null = not in the text. */
export interface Correction {
  documentId: string;
  field: string;
  value: unknown;
  action: 'accept' | 'alternative' | 'typed' | 'none';
  /** The ruleset whose record was corrected. */
  ruleset: string;
  at: string;
}

export interface Store {
  /** What it is, without credentials: a file path or host/database/schema. */
  readonly description: string;
  /** Upserts documents by id, records by (document, ruleset), appends dead letters, places the articles: one transaction. */
  write(batch: Batch, at?: Date): Promise<void>;
  document(id: string): Promise<StoredDocument | null>;
  record(id: string, ruleset: string): Promise<IncidentRecord | null>;
  latestRecord(id: string): Promise<IncidentRecord | null>;
  /** Of these documents, those stored with the same content and a record under this ruleset: id → that record. */
  done(docs: readonly { id: string; contentHash: string }[], ruleset: string): Promise<Map<string, IncidentRecord>>;
  /** Documents whose latest record is from another ruleset or missing (every document with `all`), by id. */
  documentsToRerun(ruleset: string, opts?: { all?: boolean }): AsyncIterable<StoredDocument>;
  /** The latest record of each document (or its record under `ruleset`), by document id. */
  latestRecords(opts?: { ruleset?: string }): AsyncIterable<IncidentRecord>;
  /** Documents that have a record under both rulesets, by id. */
  recordPairs(from: string, to: string): AsyncIterable<RecordPair>;
  /** Rulesets that have records, most recently written first. */
  rulesets(): Promise<RulesetRow[]>;
  startRun(command: string, ruleset: string, at?: Date): Promise<number>;
  finishRun(id: number, counts: Record<string, unknown>, at?: Date): Promise<void>;
  runs(): Promise<RunRow[]>;
  deadLetters(): Promise<(DeadLetter & { runId: number | null })[]>;
  counts(): Promise<StoreCounts>;
  addCorrection(c: Correction): Promise<void>;
  /** Every correction in the order written (of one document when given). */
  corrections(documentId?: string): Promise<(Correction & { seq: number })[]>;
  /** Incidents across articles (src/incidents): placed as records arrive, rebuilt on rerun. */
  readonly incidents: IncidentStore;
  close(): Promise<void>;
}

export class StoreError extends Error {}

export function contentHash(text: string): string {
  // in pieces: a 50 MB text is not copied into one 50 MB UTF-8 buffer just to be hashed
  const hash = createHash('sha256');
  for (const piece of textPieces(text)) hash.update(piece);
  return 'sha256-' + hash.digest('hex');
}

/**
 * Text the store can keep byte for byte in both databases: PostgreSQL text cannot hold U+0000, and a lone
 * surrogate has no UTF-8 form (either driver would turn it into U+FFFD). The pipeline's normaliseText
 * already replaces NUL; metadata is kept as JSON, whose escapes carry both.
 */
// String.prototype.isWellFormed (ES2024, Node 20): false exactly when a lone surrogate is there; native, where the
// regex it replaces scanned every text in V8's regex engine (the target's lib does not declare it yet)
const wellFormed = (s: string) => (s as string & { isWellFormed(): boolean }).isWellFormed();
/** U+0000 and lone surrogates: what PostgreSQL text and jsonb cannot hold, and what UTF-8 turns into U+FFFD. */
export const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The key a document id is stored under. Ids that both databases keep as they are stay unchanged; an id holding
 * U+0000 or a lone surrogate would become another id on the way in ("col\ud800x" and "col\ufffdx" both arrive as
 * "col\ufffdx"), so it gets U+FFFD in their place plus a hash of the original: distinct ids stay distinct.
 */
export function storageKey(id: string): string {
  if (wellFormed(id) && !id.includes('\u0000')) return id;
  const safe = id.replace(UNSTORABLE, '\uFFFD');
  return safe === id ? id : `${safe}~${createHash('sha256').update(JSON.stringify(id)).digest('hex').slice(0, 12)}`;
}

export function unstorableText(text: string): string | null {
  if (text.includes('\u0000')) return 'the text contains U+0000 (NUL)';
  if (!wellFormed(text)) return 'the text contains a lone UTF-16 surrogate';
  return null;
}
