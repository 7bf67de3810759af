// The SQLite store keeps texts, records and incidents deflated with a preset dictionary, content hashes as bytes,
// reads them back exactly, and still reads rows stored before: plain text, deflated without a dictionary, and a
// store of schema version 3 (records in a rowid table) migrated with its rows.
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createExtractor } from '../src/core/engine.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { contentHash } from '../src/store/store.ts';
import { addToIncidents } from '../src/incidents/update.ts';
import { claimsOf, toArticle } from '../src/incidents/article.ts';
import { groupArticles, joinOrMerge } from '../src/incidents/group.ts';
import { recordOf } from './helpers/records.ts';
import { BLOCK_VALUE_MAX } from '../src/store/blocks.ts';
import { deflateWith } from '../src/store/pack.ts';
import { REPO_ROOT } from '../src/config.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'ie-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A store file as a past version made it: the migrations up to `version` applied, nothing else. */
function storeOfSchema(file: string, version: number): Database.Database {
  const db = new Database(file);
  const sqlDir = path.join(REPO_ROOT, 'src/store/migrations/sqlite');
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  for (const f of readdirSync(sqlDir).filter((n) => /^\d{4}_/.test(n) && Number(n.slice(0, 4)) <= version)) {
    db.exec(readFileSync(path.join(sqlDir, f), 'utf8'));
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(Number(f.slice(0, 4)), f, '2026-01-01T00:00:00.000Z');
  }
  return db;
}
/** The document 'old' as a past version stored it. */
function oldDocument(db: Database.Database, hash: string | Buffer, text: Buffer, [first, last]: [string, string]): void {
  db.prepare('INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?)').run('old', hash, text, '{"input":"x"}', first, last);
}
const OLD_RECORD = { schema: 'incident-record/1', id: 'old', ruleset: 'r1', fields: {}, extractedAt: '2026-01-02T00:00:00.000Z' };

describe('SQLite store compression', () => {
  it('stores the text and the record smaller than they are, and gives them back byte for byte', async () => {
    const file = path.join(dir, 'a.db');
    const text = 'Hackers breached the City of Springfield in March 2021 and demanded $50,000 in ransom. '.repeat(40) + 'Ünïcode ✓';
    const r = (await createExtractor()).process({ id: 'doc-1', text }, 'test');
    if (!r.ok) throw new Error(r.deadLetter.message);
    const store = await openSqliteStore(file);
    await store.write({ documents: [{ id: 'doc-1', text, meta: { input: 'test' } }], records: [r.record] });
    expect((await store.document('doc-1'))?.text).toBe(text);
    expect(JSON.stringify(await store.record('doc-1', r.record.ruleset))).toBe(JSON.stringify(r.record));
    await store.close();

    // the text and the record each in a block of their own kind, the rows holding where they lie in it
    const db = new Database(file, { readonly: true });
    const doc = db.prepare('SELECT text FROM documents').get() as { text: Buffer };
    const rec = db.prepare('SELECT record FROM records').get() as { record: Buffer };
    const blocks = db.prepare('SELECT id, live, length(data) AS size FROM packed_blocks ORDER BY id').all() as { id: number; live: number; size: number }[];
    db.close();
    expect(doc.text.length).toBeLessThan(12);
    expect(rec.record.length).toBeLessThan(12);
    expect(blocks.map((b) => b.live)).toEqual([1, 1]);
    expect(blocks[0]!.size).toBeLessThan(Buffer.byteLength(text) / 4);
    expect(blocks[1]!.size).toBeLessThan(Buffer.byteLength(JSON.stringify(r.record)) / 3);
  });

  it("keeps a batch's short texts and records in one block each, long texts alone, and drops a block when its last row is rewritten", async () => {
    const file = path.join(dir, 'blocks.db');
    const store = await openSqliteStore(file);
    const long = 'x'.repeat(BLOCK_VALUE_MAX + 1);
    const docs = [...Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, text: `short text ${i}`, meta: {} })), { id: 'long', text: long, meta: {} }];
    const record = (id: string, ruleset: string) =>
      ({ schema: 'incident-record/1', id, ruleset, fields: {}, extractedAt: '2026-01-02T00:00:00.000Z' }) as never;
    await store.write({ documents: docs, records: docs.map((d) => record(d.id, 'r1')) });
    const blocks = () => new Database(file, { readonly: true }).prepare('SELECT id, live FROM packed_blocks ORDER BY id').all();
    expect(blocks()).toEqual([
      { id: 1, live: 30 },
      { id: 2, live: 31 },
    ]);
    // the long text packed alone: a deflated value behind pack.ts's tag byte, not a reference
    const raw = new Database(file, { readonly: true }).prepare("SELECT text FROM documents WHERE id = 'long'").get() as { text: Buffer };
    expect(raw.text[0]).toBe(0x0e);
    expect((await store.document('long'))?.text).toBe(long);
    // 29 of the 30 short texts rewritten: the first block keeps one; records under another ruleset leave r1's block whole
    await store.write({ documents: docs.slice(1, 30).map((d) => ({ ...d, text: `new ${d.text}` })), records: docs.map((d) => record(d.id, 'r2')) });
    expect(blocks()).toEqual([
      { id: 1, live: 1 },
      { id: 2, live: 31 },
      { id: 3, live: 29 },
      { id: 4, live: 31 },
    ]);
    await store.write({ documents: [{ id: 's0', text: 'new short text 0', meta: {} }], records: docs.map((d) => record(d.id, 'r1')) });
    expect(blocks()).toEqual([
      { id: 3, live: 29 },
      { id: 4, live: 31 },
      { id: 5, live: 1 },
      { id: 6, live: 31 },
    ]);
    for (const d of docs.slice(0, 30)) expect((await store.document(d.id))?.text).toBe(`new ${d.text}`);
    expect((await store.record('s7', 'r1'))?.id).toBe('s7');
    // a batch of more than a block holds (32 KB): several blocks, each value read back whole
    const many = Array.from({ length: 100 }, (_, i) => ({ id: `m${String(i).padStart(3, '0')}`, text: `${i} `.repeat(400), meta: {} }));
    await store.write({ documents: many });
    expect(blocks().length).toBeGreaterThan(4 + 3);
    for (const d of many) expect((await store.document(d.id))?.text).toBe(d.text);
    await store.close();
  });

  it('opens a store of schema 5 (values packed one by one): reads it, writes blocks beside it, drops the unused index and column', async () => {
    const file = path.join(dir, 'v5.db');
    const db = storeOfSchema(file, 5);
    const record = OLD_RECORD;
    const text = 'A text packed alone with the dictionary, as schema 5 kept it.';
    oldDocument(db, Buffer.from(contentHash(text).slice(7), 'hex'), deflateWith('text', text), ['1767225600000', '1767225600000']);
    db.prepare('INSERT INTO records VALUES (?, ?, ?, ?, ?)').run('old', 'r1', deflateWith('record', JSON.stringify(record)), record.extractedAt, 1);
    db.prepare("INSERT INTO incidents VALUES ('inc-1', 'V', 1, ?, '2026-01-01T00:00:00.000Z')").run(deflateWith('incident', '{}'));
    db.prepare("INSERT INTO incident_sources VALUES ('old', 'inc-1', '2026-01-01T00:00:00.000Z')").run();
    db.close();

    const store = await openSqliteStore(file);
    expect(await store.document('old')).toMatchObject({ text, contentHash: contentHash(text), firstIngested: '2026-01-01T00:00:00.000Z' });
    expect(await store.record('old', 'r1')).toEqual(record);
    expect([...(await store.done([{ id: 'old', contentHash: contentHash(text) }], 'r1')).keys()]).toEqual(['old']);
    // a rerun's record under another ruleset goes in a block; both read back, one by one and paged
    await store.write({ records: [{ ...record, ruleset: 'r2' } as never] });
    expect((await store.latestRecord('old'))?.ruleset).toBe('r2');
    const paged = [];
    for await (const r of store.latestRecords({ ruleset: 'r1' })) paged.push(r);
    expect(paged).toEqual([record]);
    const pairs = [];
    for await (const p of store.recordPairs('r1', 'r2')) pairs.push(p);
    expect(pairs.map((p) => [p.from.ruleset, p.to.ruleset])).toEqual([['r1', 'r2']]);
    await store.close();
    const after = new Database(file, { readonly: true });
    expect(after.prepare("SELECT name FROM sqlite_master WHERE name = 'records_ruleset'").all()).toEqual([]);
    expect(after.prepare('SELECT * FROM incident_sources').all()).toEqual([{ document_id: 'old', incident_id: 'inc-1', pos: null, ruleset: null }]);
    expect(after.prepare('SELECT count(*) AS n FROM packed_blocks').get()).toEqual({ n: 1 });
    after.close();
  });

  it("keeps an incident's row small (its claims stay in the records) and reads it back whole", async () => {
    const file = path.join(dir, 'inc.db');
    const text = 'Hackers breached the City of Springfield in March 2021 and demanded $50,000 in ransom.';
    const r = (await createExtractor()).process({ id: 'doc-1', text }, 'test');
    if (!r.ok) throw new Error(r.deadLetter.message);
    const store = await openSqliteStore(file);
    await store.write({ documents: [{ id: 'doc-1', text, meta: {} }], records: [r.record] });
    await addToIncidents(store, [r.record]);
    const incidents = [];
    for await (const i of store.incidents.list()) incidents.push(i);
    const [inc] = incidents;
    expect(inc?.victim).toBeTruthy();
    expect(inc?.sources).toEqual([{ articleId: 'doc-1' }]);
    expect(inc?.ledger.victim?.[0]).toEqual({ ...claimsOf(r.record).victim });
    await store.close();
    const db = new Database(file, { readonly: true });
    const row = db.prepare('SELECT incident FROM incidents').get() as { incident: string };
    expect(db.prepare('SELECT * FROM incident_sources').all()).toEqual([{ document_id: 'doc-1', incident_id: inc!.id, pos: 0, ruleset: r.record.ruleset }]);
    db.close();
    expect(row.incident).not.toContain('evidence');
    expect(row.incident.length).toBeLessThan(JSON.stringify(inc).length / 2);
  });

  it('opens a store of schema 6 (whole incidents, ledger included, deflated): lists them as they were, places in them alike', async () => {
    const file = path.join(dir, 'v6.db');
    const db = storeOfSchema(file, 6);
    const records = [
      recordOf('a1', { victim: 'City of Millbrook', date: '2022-05-09', location: { country: 'US', region: null, city: null } }, { publishedAt: '2022-05-11' }),
      recordOf('a2', { victim: { value: 'Millbrook', confidence: 0.6 }, date: '2022-05' }, { publishedAt: '2022-05-20' }),
      recordOf('b1', { victim: 'Acme Corp' }, { publishedAt: '2022-01-02' }),
    ];
    const articles = records.map((r) => toArticle(r, null));
    // the incidents as the previous version wrote them: placed one by one, each row the whole incident
    const [acme, millbrook] = [...groupArticles(articles.slice(2)), ...groupArticles(articles.slice(0, 2))];
    const before = [acme!, millbrook!];
    records.forEach((r, i) => {
      db.prepare("INSERT INTO documents VALUES (?, ?, 'text', '{}', '0', '0')").run(r.id, Buffer.alloc(32, i));
      db.prepare('INSERT INTO records VALUES (?, ?, ?, ?, ?)').run(r.id, r.ruleset, JSON.stringify(r), r.extractedAt, i + 1);
    });
    for (const inc of before) {
      db.prepare('INSERT INTO incidents VALUES (?, ?, ?, ?, ?)').run(inc.id, inc.victim, inc.sources.length, deflateWith('incident', JSON.stringify(inc)), 'x');
      for (const s of inc.sources) db.prepare('INSERT INTO incident_sources VALUES (?, ?)').run(s.articleId, inc.id);
      for (const k of inc.names) db.prepare('INSERT INTO incident_names VALUES (?, ?)').run(k, inc.id);
    }
    db.close();

    const store = await openSqliteStore(file);
    const list = async () => {
      const out = [];
      for await (const i of store.incidents.list()) out.push(i);
      return JSON.stringify(out);
    };
    expect(await list()).toBe(JSON.stringify(before));
    // an article joins the first incident: it is rewritten in the new form, and reads as the old code would give it
    const a3 = recordOf(
      'a3',
      { victim: 'Millbrook', date: '2022-05-10', location: { country: 'US', region: 'Ohio', city: null } },
      { publishedAt: '2022-05-12' },
    );
    await store.write({ documents: [{ id: 'a3', text: 'text', meta: {} }], records: [a3], incidents: [toArticle(a3, null)] });
    const after = [acme, joinOrMerge(toArticle(a3, null), [millbrook!])!.incident];
    expect(await list()).toBe(JSON.stringify(after));
    await store.close();
  });

  it('reads a store of schema 3: plain and dictionary-less rows, text hashes, records kept by migration 4', async () => {
    const file = path.join(dir, 'v3.db');
    const db = storeOfSchema(file, 3);
    const record = OLD_RECORD;
    const text = 'An old text, deflated without a dictionary.';
    oldDocument(db, contentHash(text), deflateRawSync(text), ['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z']);
    db.prepare('INSERT INTO records VALUES (?, ?, ?, ?, ?)').run('old', 'r1', JSON.stringify(record), record.extractedAt, 1);
    db.close();

    const store = await openSqliteStore(file);
    const doc = await store.document('old');
    expect(doc).toMatchObject({ text, contentHash: contentHash(text), firstIngested: '2026-01-01T00:00:00.000Z' });
    expect(await store.record('old', 'r1')).toEqual(record);
    expect([...(await store.done([{ id: 'old', contentHash: contentHash(text) }], 'r1')).keys()]).toEqual(['old']);
    // a new write of the same document: the hash as bytes, the record packed
    await store.write({ documents: [{ id: 'old', text, meta: {} }], records: [{ ...record, ruleset: 'r2' } as never] }, new Date(0));
    expect((await store.document('old'))?.lastIngested).toBe('1970-01-01T00:00:00.000Z');
    expect((await store.document('old'))?.contentHash).toBe(contentHash(text));
    expect((await store.latestRecord('old'))?.ruleset).toBe('r2');
    expect([...(await store.done([{ id: 'old', contentHash: contentHash(text) }], 'r2')).keys()]).toEqual(['old']);
    await store.close();
    // migration 5: the seq counter went on from the old records' highest, its index is gone, the ingest time is milliseconds
    const after = new Database(file, { readonly: true });
    expect(after.prepare('SELECT seq FROM records ORDER BY seq').all()).toEqual([{ seq: 1 }, { seq: 2 }]);
    expect(after.prepare("SELECT value FROM store_counters WHERE name = 'records_seq'").get()).toEqual({ value: 2 });
    expect(after.prepare("SELECT name FROM sqlite_master WHERE name = 'records_by_seq'").all()).toEqual([]);
    expect(after.prepare('SELECT first_ingested, last_ingested FROM documents').get()).toEqual({
      first_ingested: '2026-01-01T00:00:00.000Z',
      last_ingested: '0',
    });
    after.close();
  });

  it('reads a row written as plain text (a store from before compression)', async () => {
    const file = path.join(dir, 'b.db');
    const store = await openSqliteStore(file);
    await store.write({ documents: [{ id: 'old', text: 'placeholder', meta: { input: 'x' } }] });
    await store.close();
    const db = new Database(file);
    db.prepare("UPDATE documents SET text = 'An old plain text row.' WHERE id = 'old'").run();
    db.close();
    const again = await openSqliteStore(file);
    expect((await again.document('old'))?.text).toBe('An old plain text row.');
    await again.close();
  });

  it('refuses a store a newer version migrated, and leaves it as it was', async () => {
    const file = path.join(dir, 'newer.db');
    const latest = Math.max(...readdirSync(path.join(REPO_ROOT, 'src/store/migrations/sqlite')).map((n) => Number(n.slice(0, 4)) || 0));
    const db = storeOfSchema(file, latest);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(latest + 1, `${latest + 1}_from-the-future`, '2026-01-01T00:00:00.000Z');
    db.close();
    await expect(openSqliteStore(file)).rejects.toThrow(`schema is version ${latest + 1}, newer than this incident-extract knows (${latest})`);
    const after = new Database(file);
    expect(after.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: latest + 1 });
    after.close();
  });
});
