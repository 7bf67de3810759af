// The SQLite store keeps texts and records deflated, reads them back exactly, and still reads rows stored as plain
// text before compression came in.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createExtractor } from '../src/core/engine.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';

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
    expect((rec.record as Buffer).length).toBeLessThan(Buffer.byteLength(JSON.stringify(r.record)));
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
