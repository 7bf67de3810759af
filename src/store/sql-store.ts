// The Store over either database: the SQL is shared (both speak ON CONFLICT … DO UPDATE and RETURNING),
// reads stream in keyset pages so no cursor stays open while the same store is written to.
import type { DeadLetter, IncidentRecord } from '../core/contract/record.ts';
import { insertRows, padded, type Db, type Param, type Queries, type Row } from './db.ts';
import { IncidentStore } from '../incidents/store.ts';
import { packerFor, unpack, type PackedKind } from './pack.ts';
import { BlockCache, readValues, releaseBlocks, writeBlocks } from './blocks.ts';
import {
  contentHash,
  storageKey as key,
  StoreError,
  unstorableText,
  type Batch,
  type Correction,
  type RecordPair,
  type RulesetRow,
  type RunRow,
  type Store,
  type StoreCounts,
  type StoredDocument,
} from './store.ts';

const PAGE = 500;

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));
// SQLite keeps a document's ingest times as milliseconds since 1970 (13 characters, not 24; rows written before: ISO text)
const MILLIS = /^-?\d+$/;
const ingestTime = (v: unknown) => (typeof v === 'number' || (typeof v === 'string' && MILLIS.test(v)) ? new Date(Number(v)).toISOString() : iso(v));
const isoOrNull = (v: unknown) => (v == null ? null : iso(v));
const parse = <T>(v: unknown): T => JSON.parse(String(v)) as T;
const parseRecord = (v: string): IncidentRecord => JSON.parse(v) as IncidentRecord;
const unpackText = (v: unknown) => unpack('text', v);
const unpackRecord = (v: unknown) => unpack('record', v);
const HASH = 'sha256-';
// SQLite keeps the content hash as its 32 bytes (rows written before: the 'sha256-…' text)
const hashOf = (v: unknown): string => (v instanceof Uint8Array ? HASH + Buffer.from(v).toString('hex') : String(v));

// An id stored under another key (storageKey) keeps its original in the metadata's `originalId`.
const toDocument = (r: Row, text: string): StoredDocument => {
  const { originalId, ...meta } = parse<StoredDocument['meta']>(r.meta);
  return {
    id: typeof originalId === 'string' ? originalId : String(r.id),
    text,
    meta,
    contentHash: hashOf(r.content_hash),
    firstIngested: ingestTime(r.first_ingested),
    lastIngested: ingestTime(r.last_ingested),
  };
};

const UPSERT_DOCUMENT = `INSERT INTO documents (id, content_hash, text, meta, first_ingested, last_ingested) VALUES #
  ON CONFLICT (id) DO UPDATE SET content_hash = excluded.content_hash, text = excluded.text, meta = excluded.meta,
  last_ingested = excluded.last_ingested`;
const UPSERT_RECORD = `INSERT INTO records (document_id, ruleset, record, extracted_at, seq) VALUES #
  ON CONFLICT (document_id, ruleset) DO UPDATE SET record = excluded.record, extracted_at = excluded.extracted_at, seq = excluded.seq`;
const INSERT_DEAD = `INSERT INTO dead_letters (run_id, document_id, input, stage, reason, message, at) VALUES (?, ?, ?, ?, ?, ?, ?)`;
/** The last row of each key, in the order their keys first came. */
function lastOf<T>(rows: readonly T[], keyOf: (r: T) => string): T[] {
  const last = new Map<string, T>();
  for (const r of rows) last.set(keyOf(r), r);
  return [...last.values()];
}
const LATEST_RULESET = '(SELECT r.ruleset FROM records r WHERE r.document_id = d.id ORDER BY r.seq DESC LIMIT 1)';

export class SqlStore implements Store {
  private writing: Promise<unknown> = Promise.resolve();
  private readonly pack: ReturnType<typeof packerFor>;
  /** A content hash as its column holds it. */
  private readonly hash: (hash: string) => Param;
  /** SQLite: short texts and records kept in blocks (blocks.ts). */
  private readonly blocks: boolean;
  private readonly blockCache = new BlockCache();
  readonly incidents: IncidentStore;

  /**
   * `seq`: how a record write is numbered: `perRow`, an SQL expression each row's INSERT evaluates (a sequence), or
   * `first`, a query read once a batch for the first number, the rows then numbered on from it in order (SQLite: a
   * subquery in a many-row INSERT would give every row the same number). `rowsPerStatement`: rows one INSERT carries
   * (a round trip saved per row on a server; a statement's set-up saved per row in SQLite).
   */
  constructor(
    private readonly db: Db,
    readonly description: string,
    private readonly seq: { perRow: string } | { first: string },
    private readonly rowsPerStatement = 1,
  ) {
    this.pack = packerFor(db.dialect);
    const sqlite = db.dialect === 'sqlite';
    this.blocks = sqlite;
    this.hash = sqlite ? (hash) => Buffer.from(hash.slice(HASH.length), 'hex') : (hash) => hash;
    this.incidents = new IncidentStore(
      db,
      (fn) => this.transaction(fn),
      (column) => this.records(column),
      (fn) => this.snapshot(() => fn(db)),
    );
  }

  /** A transaction queued behind the writes before it: one connection never interleaves two. */
  private transaction<T>(fn: (q: Queries) => Promise<T>): Promise<T> {
    const next = this.writing.then(() => this.db.tx(fn));
    this.writing = next.catch(() => undefined);
    return next;
  }

  /** Upserts rows (the last of each key only: a key twice in one statement is an error), several per statement. */
  private upsertRows(q: Queries, sql: string, rows: Param[][], placeholders: string): Promise<void> {
    return insertRows(q, sql, placeholders, rows, this.rowsPerStatement);
  }

  /**
   * The values these rows held before (blocks.ts: the blocks they pointed into count them no more); `found`, when
   * given, gets the keys of the rows there were (the query's `id`).
   */
  private async previous(q: Queries, sql: (marks: string) => string, keys: readonly string[], first: Param[] = [], found?: Set<string>): Promise<unknown[]> {
    const out: unknown[] = [];
    for (let i = 0; i < keys.length; i += PAGE) {
      const page = padded(keys.slice(i, i + PAGE));
      for (const r of await q.all(sql(page.map(() => '?').join(', ')), [...first, ...page])) {
        out.push(r.v);
        found?.add(String(r.id));
      }
    }
    return out;
  }

  /** Writes run one after another: a transaction never interleaves with another on the same connection. */
  write(batch: Batch, at = new Date()): Promise<void> {
    // a string: a JS number would be bound as a REAL ('1.7e12' kept as text '…0.0')
    const stamp = this.db.dialect === 'sqlite' ? String(at.getTime()) : at.toISOString();
    const next = this.writing.then(() =>
      this.incidents.forgetOnFailure(
        this.db.tx(async (q) => {
          const fresh = await this.writeBatch(q, batch, stamp);
          if (batch.incidents?.length) await this.incidents.placeIn(q, batch.incidents, at, true, fresh);
        }),
      ),
    );
    this.writing = next.catch(() => undefined);
    return next;
  }

  /** The storage keys of the batch's documents that were not stored before, when it looked for them (SQLite). */
  private async writeBatch(q: Queries, b: Batch, at: string): Promise<ReadonlySet<string> | undefined> {
    const documents = lastOf(b.documents ?? [], (d) => key(d.id));
    for (const d of documents) {
      const bad = unstorableText(d.text);
      if (bad) throw new StoreError(`document ${d.id}: ${bad}; normalise the text before storing it`);
    }
    // the batch's documents that were not stored before: none of them has a record yet (records.document_id is a
    // foreign key), so their records' old values are not looked for
    const stored = new Set<string>();
    let looked = false;
    const texts = await this.packMany(
      q,
      'text',
      documents.map((d) => d.text),
      () => {
        looked = true;
        return this.previous(
          q,
          (m) => `SELECT id, text AS v FROM documents WHERE id IN (${m})`,
          documents.map((d) => key(d.id)),
          [],
          stored,
        );
      },
    );
    const fresh = new Set(documents.map((d) => key(d.id)).filter((k) => !stored.has(k)));
    const documentRows = documents.map((d, i): Param[] => {
      const k = key(d.id);
      const meta = JSON.stringify(k === d.id ? d.meta : { ...d.meta, originalId: d.id });
      return [k, this.hash(b.hashes?.get(d) ?? contentHash(d.text)), texts[i]!, meta, at, at];
    });
    await this.upsertRows(q, UPSERT_DOCUMENT, documentRows, '(?, ?, ?, ?, ?, ?)');
    // (a storage key holds no U+0000: the pair as one string is unambiguous)
    const records = lastOf(b.records ?? [], (r) => `${key(r.id)}\u0000${r.ruleset}`);
    const packed = await this.packMany(
      q,
      'record',
      records.map((r) => b.json?.get(r) ?? JSON.stringify(r)),
      async () => {
        const old: unknown[] = [];
        for (const ruleset of new Set(records.map((r) => r.ruleset))) {
          const ids = records.filter((r) => r.ruleset === ruleset && !fresh.has(key(r.id))).map((r) => key(r.id));
          old.push(...(await this.previous(q, (m) => `SELECT record AS v FROM records WHERE ruleset = ? AND document_id IN (${m})`, ids, [ruleset])));
        }
        return old;
      },
    );
    const first = 'first' in this.seq && records.length ? Number((await q.all(this.seq.first))[0]!.seq) : null;
    const recordRows = records.map((r, i): Param[] =>
      first == null ? [key(r.id), r.ruleset, packed[i]!, r.extractedAt] : [key(r.id), r.ruleset, packed[i]!, r.extractedAt, first + i],
    );
    await this.upsertRows(q, UPSERT_RECORD, recordRows, 'perRow' in this.seq ? `(?, ?, ?, ?, ${this.seq.perRow})` : '(?, ?, ?, ?, ?)');
    for (const d of b.deadLetters ?? []) {
      await q.run(INSERT_DEAD, [b.runId ?? null, d.id == null ? null : key(d.id), d.input, d.stage, d.reason, d.message, d.at]);
    }
    return looked ? fresh : undefined;
  }

  /**
   * What a batch's column holds for these values: in SQLite the short ones share blocks (blocks.ts), whose rows
   * being rewritten (`previous`) release their old blocks first; in PostgreSQL the strings themselves.
   */
  private async packMany(q: Queries, kind: PackedKind, values: string[], previous: () => Promise<unknown[]>): Promise<Param[]> {
    if (!this.blocks) return values.map((v) => this.pack(kind, v));
    if (!values.length) return [];
    await releaseBlocks(q, await previous());
    return writeBlocks(q, kind, values);
  }

  /** Values of a kind as read from their column, block references resolved. */
  private values(kind: PackedKind, column: readonly unknown[]): Promise<string[]> {
    return this.blocks
      ? readValues(this.db, kind, column, kind === 'text' ? unpackText : unpackRecord, this.blockCache)
      : Promise.resolve(column.map(kind === 'text' ? unpackText : unpackRecord));
  }

  private async documents(rows: Row[]): Promise<StoredDocument[]> {
    const texts = await this.values(
      'text',
      rows.map((r) => r.text),
    );
    return rows.map((r, i) => toDocument(r, texts[i]!));
  }

  private async records(column: readonly unknown[]): Promise<IncidentRecord[]> {
    return (await this.values('record', column)).map(parseRecord);
  }

  /**
   * Rows whose values may lie in blocks (SQLite) and those blocks, read in one snapshot: another process's write
   * between the two reads could otherwise drop a block the rows point into. Queued with this store's writes
   * (one connection: a read transaction never interleaves with a write).
   */
  private snapshot<T>(fn: () => Promise<T>): Promise<T> {
    if (!this.blocks) return fn();
    const next = this.writing.then(async () => {
      await this.db.run('BEGIN');
      try {
        return await fn();
      } finally {
        await this.db.run('COMMIT');
      }
    });
    this.writing = next.catch(() => undefined);
    return next;
  }

  /** A read queued behind this store's writes (one connection: never inside another's transaction). */
  private afterWrites<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.writing.then(fn);
    this.writing = next.catch(() => undefined);
    return next;
  }

  async document(id: string): Promise<StoredDocument | null> {
    const [doc] = await this.snapshot(async () => this.documents(await this.db.all('SELECT * FROM documents WHERE id = ?', [key(id)])));
    return doc ?? null;
  }

  private async oneRecord(sql: string, params: Param[]): Promise<IncidentRecord | null> {
    const [record] = await this.snapshot(async () => this.records((await this.db.all(sql, params)).map((r) => r.record)));
    return record ?? null;
  }

  record(id: string, ruleset: string): Promise<IncidentRecord | null> {
    return this.oneRecord('SELECT record FROM records WHERE document_id = ? AND ruleset = ?', [key(id), ruleset]);
  }

  latestRecord(id: string): Promise<IncidentRecord | null> {
    return this.oneRecord('SELECT record FROM records WHERE document_id = ? ORDER BY seq DESC LIMIT 1', [key(id)]);
  }

  async done(docs: readonly { id: string; contentHash: string }[], ruleset: string): Promise<Map<string, IncidentRecord>> {
    const out = new Map<string, IncidentRecord>();
    for (let i = 0; i < docs.length; i += PAGE) {
      const page = docs.slice(i, i + PAGE);
      const query = () =>
        this.db.all(
          `SELECT d.id, d.content_hash, r.record FROM documents d JOIN records r ON r.document_id = d.id AND r.ruleset = ?
         WHERE d.id IN (${page.map(() => '?').join(', ')})`,
          [ruleset, ...page.map((d) => key(d.id))],
        );
      // a stream's documents are new: asked first without a snapshot (no BEGIN and COMMIT), which only reading their
      // records' blocks needs
      if (this.blocks && !(await this.afterWrites(query)).length) continue;
      const [same, records] = await this.snapshot(async () => {
        const rows = await query();
        const byId = new Map(rows.map((r) => [String(r.id), r]));
        const same = page.filter((d) => {
          const row = byId.get(key(d.id));
          return row && hashOf(row.content_hash) === d.contentHash;
        });
        return [same, await this.records(same.map((d) => byId.get(key(d.id))!.record))] as const;
      });
      for (const [i, d] of same.entries()) out.set(d.id, records[i]!);
    }
    return out;
  }

  documentsToRerun(ruleset: string, opts: { all?: boolean } = {}): AsyncIterable<StoredDocument> {
    const where = opts.all ? '' : `AND coalesce(${LATEST_RULESET}, '') <> ?`;
    return this.pages(
      (after) => [`SELECT d.* FROM documents d WHERE d.id > ? ${where} ORDER BY d.id LIMIT ${PAGE}`, opts.all ? [after] : [after, ruleset]],
      (rows) => this.documents(rows),
    );
  }

  latestRecords(opts: { ruleset?: string } = {}): AsyncIterable<IncidentRecord> {
    const toRecord = (rows: Row[]) => this.records(rows.map((r) => r.record));
    if (opts.ruleset) {
      const ruleset = opts.ruleset;
      return this.pages(
        (after) => [
          `SELECT document_id AS id, record FROM records WHERE ruleset = ? AND document_id > ?
        ORDER BY document_id LIMIT ${PAGE}`,
          [ruleset, after],
        ],
        toRecord,
      );
    }
    return this.pages(
      (after) => [
        `SELECT d.id, r.record FROM documents d JOIN records r ON r.document_id = d.id
      AND r.seq = (SELECT max(r2.seq) FROM records r2 WHERE r2.document_id = d.id)
      WHERE d.id > ? ORDER BY d.id LIMIT ${PAGE}`,
        [after],
      ],
      toRecord,
    );
  }

  recordPairs(from: string, to: string): AsyncIterable<RecordPair> {
    return this.pages(
      (after) => [
        `SELECT a.document_id AS id, a.record AS from_record, b.record AS to_record FROM records a
      JOIN records b ON b.document_id = a.document_id AND b.ruleset = ?
      WHERE a.ruleset = ? AND a.document_id > ? ORDER BY a.document_id LIMIT ${PAGE}`,
        [to, from, after],
      ],
      async (rows) => {
        const from = await this.records(rows.map((r) => r.from_record));
        const to = await this.records(rows.map((r) => r.to_record));
        return rows.map((r, i) => ({ id: String(r.id), from: from[i]!, to: to[i]! }));
      },
    );
  }

  /** Streams a query page by page, each page starting after the last id of the one before. */
  private async *pages<T>(query: (after: string) => [string, Param[]], map: (rows: Row[]) => Promise<T[]>): AsyncGenerator<T> {
    let after = '';
    for (;;) {
      const [rows, items] = await this.snapshot(async () => {
        const rows = await this.db.all(...query(after));
        return [rows, await map(rows)] as const;
      });
      yield* items;
      if (rows.length < PAGE) return;
      after = String(rows[rows.length - 1]!.id);
    }
  }

  async rulesets(): Promise<RulesetRow[]> {
    const rows = await this.db.all(`SELECT ruleset, count(*) AS n, max(extracted_at) AS last_at, max(seq) AS last_seq
      FROM records GROUP BY ruleset ORDER BY max(seq) DESC`);
    return rows.map((r) => ({ ruleset: String(r.ruleset), records: Number(r.n), lastExtractedAt: iso(r.last_at) }));
  }

  async startRun(command: string, ruleset: string, at = new Date()): Promise<number> {
    const [row] = await this.db.all('INSERT INTO runs (command, ruleset, started_at) VALUES (?, ?, ?) RETURNING id', [command, ruleset, at.toISOString()]);
    return Number(row!.id);
  }

  async finishRun(id: number, counts: Record<string, unknown>, at = new Date()): Promise<void> {
    await this.writing;
    await this.db.run('UPDATE runs SET finished_at = ?, counts = ? WHERE id = ?', [at.toISOString(), JSON.stringify(counts), id]);
  }

  async runs(): Promise<RunRow[]> {
    const rows = await this.db.all('SELECT * FROM runs ORDER BY id');
    return rows.map((r) => ({
      id: Number(r.id),
      command: String(r.command),
      ruleset: String(r.ruleset),
      startedAt: iso(r.started_at),
      finishedAt: isoOrNull(r.finished_at),
      counts: r.counts == null ? null : parse(r.counts),
    }));
  }

  async deadLetters(): Promise<(DeadLetter & { runId: number | null })[]> {
    const rows = await this.db.all('SELECT * FROM dead_letters ORDER BY id');
    return rows.map((r) => ({
      deadLetter: true,
      id: r.document_id == null ? null : String(r.document_id),
      input: String(r.input),
      stage: r.stage as DeadLetter['stage'],
      reason: r.reason as DeadLetter['reason'],
      message: String(r.message),
      at: iso(r.at),
      runId: r.run_id == null ? null : Number(r.run_id),
    }));
  }

  async counts(): Promise<StoreCounts> {
    const [r] = await this.db.all(`SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM records) AS records,
      (SELECT count(*) FROM runs) AS runs, (SELECT count(*) FROM dead_letters) AS dead_letters`);
    return { documents: Number(r!.documents), records: Number(r!.records), runs: Number(r!.runs), deadLetters: Number(r!.dead_letters) };
  }

  async addCorrection(c: Correction): Promise<void> {
    await this.writing;
    await this.db.run('INSERT INTO corrections (document_id, field, value, action, ruleset, at) VALUES (?, ?, ?, ?, ?, ?)', [
      key(c.documentId),
      c.field,
      JSON.stringify(c.value ?? null),
      c.action,
      c.ruleset,
      c.at,
    ]);
  }

  async corrections(documentId?: string): Promise<(Correction & { seq: number })[]> {
    // the document's own id comes back from its row when it is stored under another key (storageKey)
    const select = 'SELECT c.*, d.meta FROM corrections c LEFT JOIN documents d ON d.id = c.document_id';
    const rows =
      documentId == null
        ? await this.db.all(`${select} ORDER BY c.id`)
        : await this.db.all(`${select} WHERE c.document_id = ? ORDER BY c.id`, [key(documentId)]);
    const idOf = (r: Row) => {
      const original = r.meta == null ? undefined : parse<{ originalId?: unknown }>(r.meta).originalId;
      return typeof original === 'string' ? original : String(r.document_id);
    };
    return rows.map((r) => ({
      seq: Number(r.id),
      documentId: idOf(r),
      field: String(r.field),
      value: parse(r.value),
      action: r.action as Correction['action'],
      ruleset: String(r.ruleset),
      at: iso(r.at),
    }));
  }

  async close(): Promise<void> {
    await this.writing;
    await this.db.close();
  }
}
