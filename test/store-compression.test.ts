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
import { REPO_ROOT } from '../src/config.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'ie-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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

    const db = new Database(file, { readonly: true });
    const doc = db.prepare('SELECT text FROM documents').get() as { text: unknown };
    const rec = db.prepare('SELECT record FROM records').get() as { record: unknown };
    db.close();
    expect(doc.text).toBeInstanceOf(Buffer);
    expect((doc.text as Buffer).length).toBeLessThan(Buffer.byteLength(text) / 4);
    expect((rec.record as Buffer).length).toBeLessThan(Buffer.byteLength(JSON.stringify(r.record)) / 3);
  });

  it('stores incidents packed and reads them back', async () => {
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
    await store.close();
    const db = new Database(file, { readonly: true });
    const row = db.prepare('SELECT incident FROM incidents').get() as { incident: unknown };
    db.close();
    expect(row.incident).toBeInstanceOf(Buffer);
    expect((row.incident as Buffer).length).toBeLessThan(Buffer.byteLength(JSON.stringify(inc)) / 2);
  });

  it('reads a store of schema 3: plain and dictionary-less rows, text hashes, records kept by migration 4', async () => {
    const file = path.join(dir, 'v3.db');
    const db = new Database(file);
    const sqlDir = path.join(REPO_ROOT, 'src/store/migrations/sqlite');
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const f of readdirSync(sqlDir).filter((n) => /^000[123]_/.test(n))) {
      db.exec(readFileSync(path.join(sqlDir, f), 'utf8'));
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(Number(f.slice(0, 4)), f, '2026-01-01T00:00:00.000Z');
    }
    const record = { schema: 'incident-record/1', id: 'old', ruleset: 'r1', fields: {}, extractedAt: '2026-01-02T00:00:00.000Z' };
    const text = 'An old text, deflated without a dictionary.';
    db.prepare('INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?)').run(
      'old',
      contentHash(text),
      deflateRawSync(text),
      '{"input":"x"}',
      '2026-01-01T00:00:00.000Z',
      '2026-01-02T00:00:00.000Z',
    );
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
});
