// What `extract` and `rerun` do with the store: before a document is submitted, is it already done under
// this ruleset (same content, a record)? After the runner answers, its record and document are written,
// batched in transactions (one per BATCH outcomes, so storing stays a small share of the run).
import type { DeadLetter, IncidentRecord } from '../core/contract/record.ts';
import { BATCH as BATCHES } from '../config.ts';
import type { Logger } from '../log.ts';
import { prepare, type RawDocument } from '../core/document.ts';
import { articlesOf } from '../incidents/update.ts';
import type { Incident } from '../incidents/incident.ts';
import { openStore, storeSpec } from '../store/open.ts';
import { contentHash, type NewDocument, type Store } from '../store/store.ts';
import type { Sink } from './sink.ts';

const BATCH = BATCHES.storeWrite;
const BATCH_CHARS = BATCHES.storeWriteChars;

export interface StoreOptions {
  /** A SQLite path or postgres:// URL; false with --no-store. */
  store?: string | boolean;
  force?: boolean;
  /** Commands that read a store (rerun) never create one at a mistyped path. */
  mustExist?: boolean;
}

/** The document as the processor will see it: normalised text and the id the record will carry. */
export function storedForm(raw: RawDocument, input: string): NewDocument {
  const { id, text, source } = prepare(raw);
  return { id, text, meta: { ...source, input } };
}

/** The raw document a stored one stands for, to extract it again. */
export function rawFromStored(d: NewDocument): RawDocument {
  const m = d.meta;
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const [uri, title, publishedAt] = [str(m.uri), str(m.title), str(m.publishedAt)];
  return { id: d.id, text: d.text, ...(uri ? { uri } : {}), ...(title ? { title } : {}), ...(publishedAt ? { publishedAt } : {}) };
}

/**
 * The content hash of each document admit() is given: the caller's, else computed; with --force only the caller's.
 */
const admitHashes = (docs: readonly NewDocument[], known: readonly string[], force: boolean): string[] =>
  force ? [...known] : docs.map((d, i) => known[i] ?? contentHash(d.text));

/**
 * What `extract` writes to the store, on the thread that reads the input and writes the output (SQLite and PostgreSQL
 * alike). From stop 20 to stop 28 a SQLite store wrote from a thread of its own, in a bounded heap; that thread parsed
 * each record again from its JSON line, had each text copied to it, and its small heap was collected far more often.
 * On the 64 MB stream the store cost 12.4 % of the run's CPU there against 7.9 % here, and peak RSS was 280–287 MB
 * against 262–280 MB (medians and ranges of 3 pairs, #10).
 */
export class StoreSink implements Sink {
  private pending = new Map<string, NewDocument>();
  private documents: NewDocument[] = [];
  /** The content hash admit() computed of a document, so that the store does not hash its text again. */
  private hashes = new Map<NewDocument, string>();
  private records: IncidentRecord[] = [];
  /** The JSON the caller made of a record (extract's JSONL line), so that the store does not serialise it again. */
  private json = new Map<IncidentRecord, string>();
  private dead: DeadLetter[] = [];
  /** Characters of text and JSON in the batch: long documents make smaller transactions, so a batch's memory stays bounded. */
  private chars = 0;

  private constructor(
    readonly store: Store,
    readonly runId: number,
    readonly ruleset: string,
    private readonly force: boolean,
  ) {}

  get description(): string {
    return this.store.description;
  }

  static async open(opts: StoreOptions, command: string, ruleset: string, log: Logger): Promise<StoreSink | null> {
    if (opts.store === false) return null;
    const store = await openStore(storeSpec(typeof opts.store === 'string' ? opts.store : undefined), { mustExist: opts.mustExist });
    log.debug({ store: store.description }, 'store opened');
    return new StoreSink(store, await store.startRun(command, ruleset), ruleset, !!opts.force);
  }

  /**
   * Before submitting a batch of documents: for each, the stored record when this content was already
   * extracted under this ruleset (and not --force), else null, and the document is remembered until its
   * outcome comes back. One query for the whole batch. (storedForm's normalised text is always storable.)
   * `known`: each document's contentHash where the caller has computed it (extract's duplicate-id check).
   */
  async admit(docs: readonly NewDocument[], known: readonly string[] = []): Promise<(IncidentRecord | null)[]> {
    const hashes = admitHashes(docs, known, this.force);
    const done = await this.done(docs.map((d, i) => ({ id: d.id, contentHash: hashes[i]! })));
    return docs.map((doc, i) => {
      const record = done.get(doc.id);
      if (record) return record;
      this.expect(doc, hashes[i]);
      return null;
    });
  }

  /** Of these documents, those stored with this content and a record under this ruleset (none with --force): id → record. */
  async done(keys: readonly { id: string; contentHash: string }[]): Promise<Map<string, IncidentRecord>> {
    return this.force || !keys.length ? new Map() : this.store.done(keys, this.ruleset);
  }

  /** A document whose record will come: stored with it (`hash`: its contentHash, when known). */
  expect(doc: NewDocument, hash?: string): void {
    this.pending.set(doc.id, doc);
    if (hash) this.hashes.set(doc, hash);
  }

  /**
   * A record to store, with its document when admit() saw it (rerun: the document is stored already). `json`:
   * JSON.stringify(r) when the caller has made it.
   */
  async write(r: IncidentRecord, json?: string): Promise<void> {
    const doc = this.pending.get(r.id);
    this.pending.delete(r.id);
    if (doc) this.documents.push(doc);
    this.records.push(r);
    if (json !== undefined) this.json.set(r, json);
    this.chars += (doc?.text.length ?? 0) + (json?.length ?? 0);
    if (this.records.length >= BATCH || this.chars >= BATCH_CHARS) await this.flush();
  }

  async deadLetter(d: DeadLetter): Promise<void> {
    const doc = d.id ? this.pending.get(d.id) : undefined;
    if (doc) {
      this.pending.delete(d.id!);
      this.hashes.delete(doc);
    }
    this.dead.push(d);
    if (this.dead.length >= BATCH) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.documents.length && !this.records.length && !this.dead.length) return;
    const { documents, records, dead, json } = this;
    this.documents = [];
    this.records = [];
    this.json = new Map();
    this.dead = [];
    this.chars = 0;
    const hashes = new Map<NewDocument, string>();
    for (const d of documents) {
      const h = this.hashes.get(d);
      if (h) hashes.set(d, h);
      this.hashes.delete(d);
    }
    // incidents follow the records, in the same transaction: each new record joins or starts one (src/incidents)
    const incidents = await articlesOf(this.store, records, new Map(documents.map((d) => [d.id, d.text])));
    await this.store.write({ documents, hashes, records, json, deadLetters: dead, runId: this.runId, incidents });
  }

  incidents(): AsyncIterable<Incident> {
    return this.store.incidents.list();
  }

  /** Writes what is left, closes the run with its counts, closes the store. */
  async close(counts: object = {}): Promise<void> {
    try {
      await this.flush();
      await this.store.finishRun(this.runId, { ...counts });
    } finally {
      await this.store.close();
    }
  }
}
