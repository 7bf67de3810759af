// Incidents in the store: placed one article at a time as records arrive (reading only the candidate incidents
// that share a victim key, never the other articles), rebuilt from every latest record on `rerun`.
// An incident's row keeps what placing an article reads (names, dates, a tally of its claims: merge.ts) and grows
// with its distinct values, not its articles; its sources, in order (`pos`), are rows of incident_sources, and its
// claims are read back from those articles' records (`ruleset` null: the document's latest record) when it is
// listed, or when an article brings a new value, leaves, or merges two incidents. Rows written before (the whole
// Incident as JSON, ledger included) are read as they are and take this form when an article is next placed in them.
// In SQLite an article that changes only an incident's counts leaves its row as it was (Head.saved): the row's
// `sources` column and tally then count the sources before its `next`, and reading the row adds those after it.
import type { FieldName, IncidentRecord } from '../core/contract/record.ts';
import { insertRows, padded, type Db, type Param, type Queries, type Row as DbRow } from '../store/db.ts';
import { unpack } from '../store/pack.ts';
import { storageKey } from '../store/store.ts';
import { claimsOf, type Article, type Claim } from './article.ts';
import { monthOf } from './dates.ts';
import { chooseIncident, groupArticles, joined } from './group.ts';
import { baseIncidentId, freeId, removeArticle, sourceOf, type Incident } from './incident.ts';
import { addRecordTo, fieldsOf, mergeLedger, tallyOf, type Ledger, type Tally } from './merge.ts';
import { assignIds } from './stable-ids.ts';

export type Serial = <T>(fn: (q: Queries) => Promise<T>) => Promise<T>;
/** The records in a column of the records table, as stored (blocks resolved). */
export type RecordReader = (column: readonly unknown[]) => Promise<IncidentRecord[]>;

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
const PAGE = 500;
/**
 * How a dialect writes: whether a source row keeps when it joined (SQLite: no, migration 6). An incident's row is
 * plain JSON in both: it was rewritten for each article placed in it (in PostgreSQL it still is), and deflating it
 * (pack.ts) cost more than all the rest of placing the article; rows written deflated before are read as they are.
 */
interface Writer {
  joinedAt: boolean;
}
const UPSERT_ALIAS = 'INSERT INTO incident_aliases (alias, incident_id) VALUES (?, ?) ON CONFLICT (alias) DO UPDATE SET incident_id = excluded.incident_id';

/** An incident's row: the Incident without its sources, claims and conflicts; `count` sources, the next `pos` free. */
/** The fields placing an article reads of a head (group.ts Placeable; the victim's value is the head's `victim`). */
const PLACED_FIELDS = ['victim', 'location'] as const;
type PlacedFields = Pick<Incident['fields'], (typeof PLACED_FIELDS)[number]>;
interface Head extends Omit<Incident, 'sources' | 'ledger' | 'fields' | 'conflicts'> {
  count: number;
  next: number;
  tally: Tally;
  /**
   * The `next` its row holds (SQLite): the sources from there on joined without the row being written (they changed
   * only its counts: joinCached), and are added to it again when the row is read (IncidentStore.rows).
   */
  saved: number;
  /** placedFields of the tally: set once the cache keeps the head (HeadCache). */
  fields: PlacedFields | undefined;
}
type Placed = Head & { fields: PlacedFields };
const placedFields = (tally: Tally): PlacedFields => fieldsOf(tally, PLACED_FIELDS);
/** A row as read: its head, and the whole incident when the row was written before heads (its ledger is in it). */
interface Row {
  head: Placed;
  old: Incident | null;
}

type HeadParts = Omit<Head, 'fields' | 'saved'> & { saved?: number };
/**
 * Every head is made here, its properties in one order: one hidden class in V8, so that the code placing articles
 * (which reads the heads of new, read and cached incidents alike) is not optimised again for each new shape.
 */
function makeHead<F extends PlacedFields | undefined>(h: HeadParts, fields: F): Head & { fields: F } {
  const { id, aliases, victim, names, incidentDates, publishedDates, count, next, tally } = h;
  return { id, aliases, victim, names, incidentDates, publishedDates, count, next, tally, saved: h.saved ?? next, fields };
}

function headOf(inc: Incident, next: number): Head {
  return makeHead({ ...inc, count: inc.sources.length, next, tally: tallyOf(inc.ledger) }, undefined);
}

/** The JSON of an incident's row: its head but for what the row's columns hold (id, victim, sources). */
const rowJson = ({ aliases, names, incidentDates, publishedDates, next, tally }: Head) =>
  JSON.stringify({ aliases, names, incidentDates, publishedDates, next, tally });

function parseRow(r: DbRow): Row {
  const o = JSON.parse(unpack('incident', r.incident)) as Omit<HeadParts, 'id' | 'victim' | 'count'> | Incident;
  if ('ledger' in o) return { head: makeHead(headOf(o, o.sources.length), o.fields), old: o };
  const head = { ...o, id: String(r.id), victim: r.victim == null ? null : String(r.victim), count: Number(r.sources) };
  return { head: makeHead(head, placedFields(o.tally)), old: null };
}
/** What the queries read of an incident's row. */
const ROW = 'id, victim, sources, incident';

// a source's record: the one it was placed with (`ruleset`), or the document's latest
const sourceRecords = (and: string) => `SELECT s.document_id, s.pos, r.record FROM incident_sources s JOIN records r ON r.document_id = s.document_id
  AND r.ruleset = coalesce(s.ruleset, (SELECT r2.ruleset FROM records r2 WHERE r2.document_id = s.document_id ORDER BY r2.seq DESC LIMIT 1))
  WHERE s.incident_id = ?${and} ORDER BY s.pos`;
const SOURCE_RECORDS = sourceRecords('');
/** The sources a row has not counted yet: those from its `next` on (Head.saved). */
const UNCOUNTED_SOURCES = sourceRecords(' AND s.pos >= ?');
/** Sources at most that join an incident without its row being written (joinCached), that reading it adds again. */
const UNCOUNTED_MAX = 32;

/** The whole incident of a row: sources and claims from its articles' records, in the order they joined. */
async function whole(q: Queries, records: RecordReader, row: Row): Promise<Incident> {
  if (row.old) return row.old;
  const { id, aliases, victim, names, incidentDates, publishedDates, tally } = row.head;
  const rs = await records((await q.all(SOURCE_RECORDS, [id])).map((r) => r.record));
  const ledger: Ledger = {};
  // the ledger's fields in the order they came (the tally keeps it), each field's claims in the articles' order
  for (const f of Object.keys(tally) as (keyof Tally)[]) ledger[f] = [];
  for (const r of rs) for (const [f, c] of Object.entries(claimsOf(r))) ledger[f as keyof Tally]?.push(c);
  const { fields, conflicts } = mergeLedger(ledger);
  return { id, aliases, victim, names, incidentDates, publishedDates, sources: rs.map((r) => sourceOf(r)), ledger, fields, conflicts };
}

/**
 * SQLite: incident rows and name keys as this connection last wrote or read them, kept across transactions so that
 * placing an article reads no incident row and no name row (their SQL and JSON.parse were most of placing). Valid
 * while no other connection has committed: `PRAGMA data_version` changes only with their commits, and is checked
 * once a transaction, under its write lock. A transaction that fails empties it (its writes were rolled back). Each
 * head is what parseRow would give of the row just written (the same JSON values, fields from the tally); a name
 * key's list is every incident id its incident_names rows hold, sorted. Bounded: the oldest entries go first, and
 * what is not kept is read as before.
 */
class HeadCache {
  private readonly heads = new Map<string, Placed>();
  private readonly byName = new Map<string, string[]>();
  private version: unknown = null;

  constructor(private readonly max = 4096) {}

  /** At the start of a write transaction: forgets all when another connection committed since the last. */
  async check(q: Queries): Promise<void> {
    const [row] = await q.all('PRAGMA data_version');
    const version = row?.data_version;
    if (version !== this.version) this.clear();
    this.version = version;
  }

  clear(): void {
    this.heads.clear();
    this.byName.clear();
  }

  head(id: string): Placed | undefined {
    return this.heads.get(id);
  }

  /** A row written: kept as parseRow would read it (`fields`: placedFields of its tally, when the caller has them). */
  setHead(head: Head, fields = placedFields(head.tally)): void {
    // the head itself, its fields set (a copy a row written would be garbage soon after; the row's JSON leaves them out)
    head.fields = fields;
    this.keep(head as Placed);
  }

  /** A row read (in the form heads have). */
  keep(placed: Placed): void {
    this.heads.delete(placed.id);
    this.heads.set(placed.id, placed);
    if (this.heads.size > this.max) this.heads.delete(this.heads.keys().next().value!);
  }

  ids(key: string): readonly string[] | undefined {
    return this.byName.get(key);
  }

  setIds(key: string, ids: string[]): void {
    this.byName.set(key, ids);
    if (this.byName.size > 2 * this.max) this.byName.delete(this.byName.keys().next().value!);
  }

  /** A name row added (incident_names): its key's list, when kept, holds the id. */
  addName(key: string, id: string): void {
    const ids = this.byName.get(key);
    if (ids && !ids.includes(id)) this.byName.set(key, [...ids, id].sort(byId));
  }

  /** An incident removed, its name rows with it. */
  drop(id: string): void {
    this.heads.delete(id);
    for (const [key, ids] of this.byName) {
      if (ids.includes(id))
        this.byName.set(
          key,
          ids.filter((x) => x !== id),
        );
    }
  }
}

// ids are ASCII (baseIncidentId): code-unit order is SQLite's byte order
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A transaction's writing of incidents: the cache to keep up to date (SQLite), and rows not yet written. With the
 * cache (SQLite), incident rows and name rows wait until the transaction's end (or until a statement reads the tables):
 * an incident that several articles join is written once, and the rows go several a statement. Source rows wait
 * in both databases.
 */
interface Tx {
  q: Queries;
  w: Writer;
  cache: HeadCache | null;
  /** Source rows (document key, incident id, pos, ruleset) inserted several a statement, before anything reads them. */
  sources: Param[][];
  /** The document keys of `sources` (one statement never upserts a document twice: PostgreSQL refuses it). */
  sourceKeys: Set<string>;
  /** SQLite: each incident's row as last saved (its head), by id, not yet written. */
  rows: Map<string, { head: Head; at: string }>;
  /** SQLite: name rows (name key, incident id) not yet inserted. */
  names: Param[][];
}

const SOURCE_ROWS = 32;
const ROWS = 32;
const UPSERT_INCIDENT = `ON CONFLICT (id) DO UPDATE SET victim = excluded.victim, sources = excluded.sources, incident = excluded.incident,
  updated_at = excluded.updated_at`;

/** Writes the incident rows and name rows waiting (SQLite); before anything reads or changes those tables or their sources. */
async function flushIncidents(t: Tx): Promise<void> {
  if (t.rows.size) {
    const rows = [...t.rows.values()].map(({ head, at }): Param[] => {
      head.saved = head.next;
      return [head.id, head.victim, head.count, rowJson(head), at];
    });
    t.rows.clear();
    await insertRows(t.q, `INSERT INTO incidents (id, victim, sources, incident, updated_at) VALUES # ${UPSERT_INCIDENT}`, '(?, ?, ?, ?, ?)', rows, ROWS);
  }
  if (t.names.length) {
    const names = t.names;
    t.names = [];
    await insertRows(t.q, 'INSERT INTO incident_names (name_key, incident_id) VALUES # ON CONFLICT DO NOTHING', '(?, ?)', names, ROWS);
  }
}

const sourcesSql = (cols: string) => `INSERT INTO incident_sources ${cols} VALUES #
      ON CONFLICT (document_id) DO UPDATE SET incident_id = excluded.incident_id, pos = excluded.pos, ruleset = excluded.ruleset`;
const SOURCES = [sourcesSql('(document_id, incident_id, pos, ruleset)'), '(?, ?, ?, ?)'] as const;
const SOURCES_JOINED = [sourcesSql('(document_id, incident_id, pos, ruleset, joined_at)'), '(?, ?, ?, ?, ?)'] as const;

/** Inserts the source rows waiting (the incident rows first); called before any statement that reads or changes incident_sources. */
async function flushSources(t: Tx): Promise<void> {
  await flushIncidents(t);
  if (t.sources.length) {
    const [sql, row] = t.w.joinedAt ? SOURCES_JOINED : SOURCES;
    await insertRows(t.q, sql, row, t.sources, SOURCE_ROWS);
  }
  t.sources = [];
  t.sourceKeys.clear();
}

/** With the cache (SQLite): an incident's row waits for the transaction's end, written once however many articles join it. */
function rowWaits(t: Tx, cache: HeadCache, head: Head, at: string, fields?: Placed['fields']): void {
  t.rows.delete(head.id);
  t.rows.set(head.id, { head, at });
  cache.setHead(head, fields);
}

/** With the cache (SQLite): a name row waits for the transaction's end, the cache's list of its key updated now. */
function nameWaits(t: Tx, cache: HeadCache, key: string, id: string): void {
  t.names.push([key, id]);
  cache.addName(key, id);
}

/** A source row waiting: a document (its storage key) at `pos` in incident `id`, with the time it joined where the table has it. */
function sourceWaits(t: Tx, key: string, id: string, pos: number, ruleset: string | null, at: string): void {
  t.sourceKeys.add(key);
  t.sources.push(t.w.joinedAt ? [key, id, pos, ruleset, at] : [key, id, pos, ruleset]);
}

/**
 * Writes an incident's row, and the source rows given: `sources` as [article, ruleset (null: its latest record)],
 * numbered from `pos`. `names` and `aliases`: the rows to add (the others are stored already under this id).
 */
async function save(
  t: Tx,
  head: Head,
  at: string,
  rows: { sources: [string, string | null][]; pos: number; names: readonly string[]; aliases: readonly string[] },
  fields?: Placed['fields'],
): Promise<void> {
  const { q } = t;
  if (t.cache) rowWaits(t, t.cache, head, at, fields);
  else {
    head.saved = head.next;
    await q.run(`INSERT INTO incidents (id, victim, sources, incident, updated_at) VALUES (?, ?, ?, ?, ?) ${UPSERT_INCIDENT}`, [
      head.id,
      head.victim,
      head.count,
      rowJson(head),
      at,
    ]);
  }
  for (const [i, [article, ruleset]] of rows.sources.entries()) {
    const key = storageKey(article);
    // one statement never upserts a document twice (PostgreSQL refuses it)
    if (t.sourceKeys.has(key)) await flushSources(t);
    sourceWaits(t, key, head.id, rows.pos + i, ruleset, at);
  }
  for (const k of rows.names) {
    if (t.cache) nameWaits(t, t.cache, k, head.id);
    else await q.run('INSERT INTO incident_names (name_key, incident_id) VALUES (?, ?) ON CONFLICT DO NOTHING', [k, head.id]);
  }
  // an alias names its incident's row: written first
  if (rows.aliases.length) await flushIncidents(t);
  for (const a of rows.aliases) {
    await q.run(UPSERT_ALIAS, [a, head.id]);
  }
}

const uniq = <T>(xs: T[]) => [...new Set(xs)].sort();

/**
 * headOf(startIncident(a)) with its fields, made without the Incident: one claim a field, so no merging of claims
 * (the fields are the tally's, as the cache keeps them), no sources or conflicts to drop again.
 */
function startHead(a: Article, id: string): { head: Head; fields: Placed['fields'] } {
  const ledger: Ledger = {};
  for (const [f, c] of Object.entries(claimsOf(a.record)) as [keyof Ledger, Claim][]) ledger[f] = [c];
  const tally = tallyOf(ledger);
  const fields = placedFields(tally);
  const victim = fields.victim ? String(fields.victim.value) : (a.record.fields.victim?.value ?? null);
  const dated = (d: string | null) => (d ? [d] : []);
  const head = makeHead(
    { id, aliases: [], victim, names: uniq(a.keys), incidentDates: dated(a.incidentDate), publishedDates: dated(a.publishedAt), count: 1, next: 1, tally },
    undefined,
  );
  return { head, fields };
}
/** uniq([...sorted, ...more]): `sorted` itself when it is uniq's and holds them all already (most articles bring no new name or date). */
function withAll(sorted: string[], more: readonly string[] | string): string[] {
  let same = typeof more === 'string' ? sorted.includes(more) : more.every((x) => sorted.includes(x));
  for (let i = 1; same && i < sorted.length; i++) same = sorted[i - 1]! < sorted[i]!;
  return same ? sorted : uniq(sorted.concat(more));
}

/** Where an article goes: the head to save (its fields when known), and the position of its source row. */
interface Placing {
  head: Head;
  fields: Placed['fields'] | undefined;
  pos: number;
}

/** The cached head an article joins with values it has already, updated in place as its tally was (a copy for each article would be garbage soon after). */
function joinHead(k: Placed, a: Article): Placing {
  const fields = placedFields(k.tally);
  const pos = k.next;
  if (fields.victim) k.victim = String(fields.victim.value);
  k.names = withAll(k.names, a.keys);
  if (a.incidentDate) k.incidentDates = withAll(k.incidentDates, a.incidentDate);
  if (a.publishedAt) k.publishedDates = withAll(k.publishedDates, a.publishedAt);
  k.count++;
  k.next++;
  return { head: k, fields, pos };
}

/**
 * The candidates (IncidentStore.candidates) of these keys when the cache holds them all: each key's incident ids, and
 * each of those incidents' head; null when one is not held (candidates reads it).
 */
function cachedCandidates(cache: HeadCache, keys: readonly string[]): Placed[] | null {
  let ids = cache.ids(keys[0]!);
  if (!ids) return null;
  if (keys.length > 1) {
    const all = new Set<string>(ids);
    for (let i = 1; i < keys.length; i++) {
      const more = cache.ids(keys[i]!);
      if (!more) return null;
      for (const id of more) all.add(id);
    }
    ids = [...all].sort(byId);
  }
  const heads: Placed[] = [];
  for (const id of ids) {
    const head = cache.head(id);
    if (!head) return null;
    if (head.count) heads.push(head);
  }
  return heads;
}

const NO_NAMES: readonly string[] = [];

/** Whether a record states a field the tally has no claim of yet. */
function bringsField(tally: Tally, record: IncidentRecord): boolean {
  const fields = record.fields as Partial<Record<FieldName, unknown>>;
  for (const f in fields) if (fields[f as FieldName] && !tally[f as FieldName]) return true;
  return false;
}

/** Removes an incident whose articles all went elsewhere; its id stays, as an alias of `into` when there is one. */
async function retire(t: Tx, id: string, into: string | null): Promise<void> {
  const { q } = t;
  await flushSources(t);
  await q.run('DELETE FROM incident_names WHERE incident_id = ?', [id]);
  if (into) await q.run('UPDATE incident_aliases SET incident_id = ? WHERE incident_id = ?', [into, id]);
  else await q.run('DELETE FROM incident_aliases WHERE incident_id = ?', [id]);
  await q.run('DELETE FROM incident_sources WHERE incident_id = ?', [id]);
  await q.run('DELETE FROM incidents WHERE id = ?', [id]);
  t.cache?.drop(id);
  if (into) await q.run(UPSERT_ALIAS, [id, into]);
}

export class IncidentStore {
  private readonly w: Writer;
  /** SQLite: incident rows and name keys kept across transactions (HeadCache); null in PostgreSQL. */
  private readonly cache: HeadCache | null;
  /** Incident ids and aliases that start with a base id (freeId's -2, -3…). */
  private readonly takenIds: string;
  private readonly takenParams: (base: string) => Param[];

  /** `records`: reads a column of records; `read`: runs reads in one snapshot (a record's block and its row). */
  constructor(
    private readonly db: Db,
    private readonly serial: Serial,
    private readonly records: RecordReader,
    private readonly read: Serial,
  ) {
    const sqlite = db.dialect === 'sqlite';
    this.w = { joinedAt: !sqlite };
    this.cache = sqlite ? new HeadCache() : null;
    // SQLite's LIKE ignores case, so it cannot use the primary keys and read every incident for each article placed;
    // ids are ASCII (baseIncidentId), so those starting with the base are the range [base, base + DEL).
    const cond = (col: string) => (sqlite ? `${col} >= ? AND ${col} < ?` : `${col} LIKE ?`);
    // (UNION ALL: the ids go into a Set, no temporary index is needed to drop repeats)
    this.takenIds = `SELECT id FROM incidents WHERE ${cond('id')} UNION ALL SELECT alias FROM incident_aliases WHERE ${cond('alias')}`;
    this.takenParams = sqlite ? (base) => [base, `${base}\x7f`, base, `${base}\x7f`] : (base) => [`${base}%`, `${base}%`];
  }

  /** Places each article (in order) among the stored incidents; one transaction. Articles without a victim are skipped. */
  add(articles: readonly Article[], at = new Date()): Promise<void> {
    return this.forgetOnFailure(this.serial((q) => this.placeIn(q, articles, at, false)));
  }

  /** A transaction that wrote incidents failed (rolled back): what the cache kept of its writes is gone. */
  forgetOnFailure<T>(tx: Promise<T>): Promise<T> {
    return tx.catch((err: unknown) => {
      this.cache?.clear();
      throw err;
    });
  }

  /**
   * `add` within the caller's transaction (the store's write of the same records: one commit for both; a caller
   * whose transaction fails calls forgetOnFailure). The incident each article was in is read for the whole batch in
   * one query, then kept as the placements move it. `latest`: the articles' records are their documents' latest (just
   * written), so a source row need not name its ruleset. `fresh`: storage keys of documents this transaction stored
   * for the first time, which are in no incident yet (a source row is written only for a stored document's record,
   * and documents are never deleted), so their incident is not looked for.
   */
  async placeIn(q: Queries, articles: readonly Article[], at = new Date(), latest = true, fresh?: ReadonlySet<string>): Promise<void> {
    const stamp = at.toISOString();
    const t = this.tx(q);
    await this.cache?.check(q);
    const was = new Map<string, string>();
    const keys = [...new Set(articles.map((a) => storageKey(a.id)))].filter((k) => !fresh?.has(k));
    for (let i = 0; i < keys.length; i += PAGE) {
      const page = padded(keys.slice(i, i + PAGE));
      const rows = await q.all(`SELECT document_id, incident_id FROM incident_sources WHERE document_id IN (${marks(page.length)})`, page);
      for (const r of rows) was.set(String(r.document_id), String(r.incident_id));
    }
    if (t.cache) await this.nameIds(t, [...new Set(articles.flatMap((a) => a.keys))]);
    for (const a of articles) {
      // an article without a victim that was in no incident: nothing to do (a stream's many such need no await)
      if (!a.keys.length && !was.has(storageKey(a.id))) continue;
      const ruleset = latest ? null : a.record.ruleset;
      if (!this.joinCached(t, a, stamp, was, ruleset)) await this.addOne(t, a, stamp, was, ruleset);
    }
    await flushSources(t);
  }

  /** A transaction's incident writing: this store's cache, no source rows waiting yet. */
  private tx(q: Queries): Tx {
    return { q, w: this.w, cache: this.cache, sources: [], sourceKeys: new Set(), rows: new Map(), names: [] };
  }

  /** Incident rows for placing; a row written before heads is rewritten as one (its sources numbered) as it is read. */
  private async rows(t: Tx, sql: string, params: Param[], at: string): Promise<Row[]> {
    const rows = (await t.q.all(sql, params)).map(parseRow);
    for (const [i, { head, old }] of rows.entries()) {
      if (old) await save(t, head, at, { sources: old.sources.map((s) => [s.articleId, null]), pos: 0, names: [], aliases: [] });
      else if (t.cache) t.cache.keep((rows[i] = await this.counted(t, rows[i]!)).head);
    }
    return rows;
  }

  /**
   * SQLite: a row read, with the sources it has not counted added to it (joinCached left it as it was): their claims
   * added to its tally in the order they joined, as they were then. The whole incident read back when one does not
   * add (its record changed since: the article leaves it in this batch).
   */
  private async counted(t: Tx, row: Row): Promise<Row> {
    const { head } = row;
    // its source rows still waiting go first
    if (t.sources.some((s) => s[1] === head.id)) await flushSources(t);
    const rows = await t.q.all(UNCOUNTED_SOURCES, [head.id, head.next]);
    if (!rows.length) return row;
    const next = Number(rows[rows.length - 1]!.pos) + 1;
    for (const r of await this.records(rows.map((x) => x.record))) {
      if (!addRecordTo(head.tally, r)) {
        const read = headOf(await whole(t.q, this.records, row), next);
        read.saved = head.saved;
        return { head: makeHead(read, placedFields(read.tally)), old: null };
      }
    }
    head.count += rows.length;
    head.next = next;
    head.fields = placedFields(head.tally);
    return row;
  }

  /** The rows of these incidents (those that exist), in the order of `ids`: from the cache, else read. */
  private async rowsById(t: Tx, ids: readonly string[], at: string): Promise<Row[]> {
    const cache = t.cache!;
    // a row waiting to be written (flushIncidents) that the cache let go is read from the transaction
    const waiting = (id: string): Row | undefined => {
      const w = t.rows.get(id);
      return w && { head: makeHead(w.head, placedFields(w.head.tally)), old: null };
    };
    const missing = ids.filter((id) => !cache.head(id) && !t.rows.has(id));
    const read = new Map<string, Row>();
    for (let i = 0; i < missing.length; i += PAGE) {
      const page = padded(missing.slice(i, i + PAGE));
      for (const r of await this.rows(t, `SELECT ${ROW} FROM incidents WHERE id IN (${marks(page.length)})`, page, at)) read.set(r.head.id, r);
    }
    const out: Row[] = [];
    for (const id of ids) {
      const r = read.get(id) ?? (cache.head(id) ? { head: cache.head(id)!, old: null } : waiting(id));
      if (r) out.push(r);
    }
    return out;
  }

  /** SQLite: the incident ids of these name keys into the cache, those it does not hold read (a batch's keys: one query a page). */
  private async nameIds(t: Tx, keys: readonly string[]): Promise<void> {
    const cache = t.cache!;
    const missing = keys.filter((k) => !cache.ids(k));
    for (let i = 0; i < missing.length; i += PAGE) {
      const page = missing.slice(i, i + PAGE);
      const found = new Map<string, string[]>(page.map((k) => [k, []]));
      const asked = padded(page);
      const rows = await t.q.all(`SELECT name_key, incident_id FROM incident_names WHERE name_key IN (${marks(asked.length)})`, asked);
      for (const r of rows) found.get(String(r.name_key))?.push(String(r.incident_id));
      // and the name rows of this transaction not written yet
      for (const [k, id] of t.names) {
        const ids = found.get(String(k));
        if (ids && !ids.includes(String(id))) ids.push(String(id));
      }
      for (const [k, ids] of found) cache.setIds(k, ids.sort(byId));
    }
  }

  /** The incidents an article meets on its keys (any of them in incident_names), by id. */
  private async candidates(t: Tx, keys: readonly string[], at: string): Promise<Row[]> {
    const cache = t.cache;
    if (!cache) {
      const sql = `SELECT ${ROW} FROM incidents WHERE id IN (SELECT incident_id FROM incident_names WHERE name_key IN (${marks(keys.length)})) ORDER BY id`;
      return this.rows(t, sql, [...keys], at);
    }
    await this.nameIds(t, keys);
    // one key (most articles): its list is sorted and holds each id once already
    if (keys.length === 1) return this.rowsById(t, cache.ids(keys[0]!) ?? [], at);
    const ids = new Set<string>();
    for (const k of keys) for (const id of cache.ids(k) ?? []) ids.add(id);
    return this.rowsById(t, [...ids].sort(byId), at);
  }

  /**
   * SQLite: addOne for an article that joins a cached incident whose values it brings, its keys and their incidents
   * all in the cache (most articles of a stream): the same placement and rows, without a query or an await. False,
   * nothing changed, when the article takes another way (addOne places it).
   */
  private joinCached(t: Tx, a: Article, at: string, was: Map<string, string>, ruleset: string | null): boolean {
    const cache = t.cache;
    if (!cache || !a.keys.length) return false;
    const key = storageKey(a.id);
    // (a source row of the document waiting: save flushes it first)
    if (was.has(key) || t.sourceKeys.has(key)) return false;
    const heads = cachedCandidates(cache, a.keys);
    if (!heads) return false;
    const chosen = chooseIncident(a, heads, (h) => h.count);
    if (!chosen || chosen.absorbed.length) return false;
    const keep = chosen.keep;
    const newField = bringsField(keep.tally, a.record);
    if (!addRecordTo(keep.tally, a.record)) return false;
    // the name rows of the incident joined are there already (names only grow, each saved as it came)
    const { victim, names: named, incidentDates, publishedDates } = keep;
    const names = a.keys.every((k) => named.includes(k)) ? NO_NAMES : a.keys.filter((k) => !named.includes(k));
    const { head, fields, pos } = joinHead(keep, a);
    // save's writing with the cache, none of which has to wait on a statement here. A row that would change in its
    // counts alone (its tally's sums, its number of sources) is not written: its sources past it say them (`counted`),
    // and rewriting the rows of a long stream's incidents at random was most of what placing wrote
    const countsOnly =
      !newField &&
      head.victim === victim &&
      head.names === named &&
      head.incidentDates === incidentDates &&
      head.publishedDates === publishedDates &&
      head.next - head.saved <= UNCOUNTED_MAX;
    if (countsOnly) cache.setHead(head, fields);
    else rowWaits(t, cache, head, at, fields);
    sourceWaits(t, key, head.id, pos, ruleset, at);
    for (const k of names) nameWaits(t, cache, k, head.id);
    was.set(key, head.id);
    return true;
  }

  /**
   * `was`: document key → its incident, for the batch's articles; kept up to date as sources move. What most articles
   * take (join a cached incident whose values they bring, or start one) is here; leaving, merging and retiring, which
   * few take, are methods of their own: a short function V8 optimises quickly (this one runs for every article).
   */
  private async addOne(t: Tx, a: Article, at: string, was: Map<string, string>, ruleset: string | null): Promise<void> {
    // a record that changed leaves the incident it was in first, then is placed again
    const key = storageKey(a.id);
    const wasIn = was.get(key);
    const left = wasIn === undefined ? null : await this.leave(t, a, wasIn, at, was);
    if (!a.keys.length) {
      if (left && !left.count) await this.retireIn(t, was, left.id, null);
      return;
    }
    const candidates = (await this.candidates(t, a.keys, at)).filter((r) => r.head.count);
    const chosen = chooseIncident(
      a,
      candidates.map((r) => r.head),
      (h) => h.count,
    );
    const absorbed = chosen ? chosen.absorbed : null;
    // the name rows of the incident joined are there already (names only grow, each saved as it came)
    const named = chosen ? chosen.keep.names : null;
    // joining an incident with values it has already: its row alone; else the whole incidents, read back
    // (its cached tally changed in place: a transaction that fails empties the cache)
    const placed =
      chosen && !absorbed!.length && addRecordTo(chosen.keep.tally, a.record)
        ? joinHead(chosen.keep, a)
        : chosen
          ? await this.merge(t, a, chosen, candidates)
          : // the ids taken are read only when the article starts an incident of its own
            await this.start(t, a, left);
    const { head } = placed;
    const names = named ? a.keys.filter((k) => !named.includes(k)) : a.keys;
    await save(
      t,
      head,
      at,
      {
        sources: [[a.id, ruleset]],
        pos: placed.pos,
        names: absorbed?.length ? [...names, ...absorbed.flatMap((g) => g.names)] : names,
        aliases: absorbed?.length ? absorbed.flatMap((g) => [g.id, ...g.aliases]) : [],
      },
      placed.fields,
    );
    if (absorbed?.length) {
      const gone = new Set(absorbed.map((g) => g.id));
      for (const [k, v] of was) if (gone.has(v)) was.set(k, head.id);
    }
    was.set(key, head.id);
    if (absorbed?.length) for (const g of absorbed) await this.retireIn(t, was, g.id, head.id);
    if (left && left.id !== head.id && !left.count) await this.retireIn(t, was, left.id, head.id);
  }

  /** An article whose record changed leaves the incident it was in (`wasIn`): that incident's head as it is left, or null. */
  private async leave(t: Tx, a: Article, wasIn: string, at: string, was: Map<string, string>): Promise<Head | null> {
    const { q } = t;
    const [prev] = t.cache ? await this.rowsById(t, [wasIn], at) : await this.rows(t, `SELECT ${ROW} FROM incidents WHERE id = ?`, [wasIn], at);
    if (!prev) return null;
    await flushSources(t);
    const left = headOf(removeArticle(await whole(q, this.records, prev), a.id), prev.head.next);
    const key = storageKey(a.id);
    await q.run('DELETE FROM incident_sources WHERE document_id = ?', [key]);
    was.delete(key);
    // only the incident's own row changed: its other sources, names and aliases stay as they are
    await save(t, left, at, { sources: [], pos: 0, names: [], aliases: [] });
    return left;
  }

  /** retire, and the batch's articles that were in it are in it no more. */
  private async retireIn(t: Tx, was: Map<string, string>, id: string, into: string | null): Promise<void> {
    await retire(t, id, into);
    for (const [k, v] of was) if (v === id) was.delete(k);
  }

  /** An article that proves incidents one (`absorbed` into `keep`), or brings a value not seen: the whole incidents, read back. */
  private async merge(t: Tx, a: Article, chosen: { keep: Placed; absorbed: Placed[] }, candidates: readonly Row[]): Promise<Placing> {
    const { q } = t;
    await flushSources(t);
    const wholeOf = (h: Placed) => whole(q, this.records, candidates.find((r) => r.head === h)!);
    const others: Incident[] = [];
    for (const g of chosen.absorbed) others.push(await wholeOf(g));
    const p = joined(a, await wholeOf(chosen.keep), others);
    // the absorbed incidents' sources follow the kept one's, in their order
    let pos = chosen.keep.next;
    for (const g of chosen.absorbed) {
      await q.run('UPDATE incident_sources SET incident_id = ?, pos = pos + ? WHERE incident_id = ?', [chosen.keep.id, pos, g.id]);
      pos += g.next;
    }
    return { head: headOf(p.incident, pos + 1), fields: undefined, pos };
  }

  /** A new incident of one article, under the first id free; `left`: the incident it left, whose id it may take again. */
  private async start(t: Tx, a: Article, left: Head | null): Promise<Placing> {
    const base = baseIncidentId(a.keys[0]!, monthOf(a.incidentDate) ?? monthOf(a.publishedAt));
    const taken = new Set((await t.q.all(this.takenIds, this.takenParams(base))).map((r) => String(r.id)));
    // and those of this transaction not written yet (ids are ASCII: those in the range start with the base)
    for (const id of t.rows.keys()) if (id.startsWith(base)) taken.add(id);
    // an article that was alone in its incident (a re-extraction) may start it again under the same id
    if (left && !left.count) taken.delete(left.id);
    return {
      ...startHead(
        a,
        freeId(base, (id) => taken.has(id)),
      ),
      pos: 0,
    };
  }

  /**
   * Groups every article again (after `rerun`: their records are their documents' latest). Old ids live on: each new
   * incident takes the id most of its articles had; ids no incident takes any more resolve, as aliases, to where most
   * of their articles went.
   */
  async rebuild(articles: readonly Article[], at = new Date()): Promise<{ incidents: number; aliases: number }> {
    // document ids are stored under their storage key (ids PostgreSQL would merge stay distinct): map them back
    const idOf = new Map(articles.map((a) => [storageKey(a.id), a.id]));
    const prevSources = new Map(
      (await this.db.all('SELECT document_id, incident_id FROM incident_sources')).map((r) => [
        idOf.get(String(r.document_id)) ?? String(r.document_id),
        String(r.incident_id),
      ]),
    );
    const prevAliases = new Map((await this.db.all('SELECT alias, incident_id FROM incident_aliases')).map((r) => [String(r.alias), String(r.incident_id)]));
    const grouped = assignIds(groupArticles(articles), prevSources, prevAliases);
    const stamp = at.toISOString();
    await this.forgetOnFailure(
      this.serial(async (q) => {
        await this.cache?.check(q);
        // every incident row is written again: what the cache kept of the old ones does not hold
        this.cache?.clear();
        const t = this.tx(q);
        for (const table of ['incident_aliases', 'incident_names', 'incident_sources', 'incidents']) await q.run(`DELETE FROM ${table}`);
        for (const inc of grouped) {
          const sources = inc.sources.map((s): [string, null] => [s.articleId, null]);
          await save(t, headOf(inc, sources.length), stamp, { sources, pos: 0, names: inc.names, aliases: inc.aliases });
        }
        await flushSources(t);
      }),
    );
    return { incidents: grouped.length, aliases: grouped.reduce((n, i) => n + i.aliases.length, 0) };
  }

  /** The id an incident has now: itself, or the incident an old id was merged into; null when unknown. */
  async resolve(id: string): Promise<string | null> {
    if ((await this.db.all('SELECT 1 FROM incidents WHERE id = ?', [id])).length) return id;
    const [row] = await this.db.all('SELECT incident_id FROM incident_aliases WHERE alias = ?', [id]);
    return row ? String(row.incident_id) : null;
  }

  async get(id: string): Promise<Incident | null> {
    const now = await this.resolve(id);
    if (!now) return null;
    return this.read(async (q) => {
      const [row] = await q.all(`SELECT ${ROW} FROM incidents WHERE id = ?`, [now]);
      return row ? whole(q, this.records, parseRow(row)) : null;
    });
  }

  /** Every incident, by id, page by page. */
  async *list(): AsyncGenerator<Incident> {
    let after = '';
    for (;;) {
      const [rows, page] = await this.read(async (q) => {
        const rows = await q.all(`SELECT ${ROW} FROM incidents WHERE id > ? ORDER BY id LIMIT ${PAGE}`, [after]);
        const page: Incident[] = [];
        for (const r of rows) page.push(await whole(q, this.records, parseRow(r)));
        return [rows, page] as const;
      });
      yield* page;
      if (rows.length < PAGE) return;
      after = String(rows[rows.length - 1]!.id);
    }
  }
}
