// Incidents in both stores: placed one article at a time, merged with aliases that resolve, rebuilt with the
// same ids, and an article whose record changes leaves its old incident.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { IncidentRecord } from '../src/core/contract/record.ts';
import { addToIncidents, rebuildIncidents } from '../src/incidents/update.ts';
import { openPostgresStore } from '../src/store/postgres.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import type { Store } from '../src/store/store.ts';
import { testSchema } from './helpers/postgres.ts';
import { recordOf } from './helpers/records.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'ie-incidents-'));
const pg = testSchema('ie_incidents');
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await pg.drop();
});

async function write(store: Store, ...records: IncidentRecord[]) {
  await store.write({ documents: records.map((r) => ({ id: r.id, text: `text of ${r.id}`, meta: {} })), records });
  await addToIncidents(store, records);
}
const list = async (store: Store) => {
  const out = [];
  for await (const i of store.incidents.list()) out.push({ id: i.id, articles: i.sources.map((s) => s.articleId).sort(), aliases: i.aliases });
  return out;
};

for (const [name, open] of [
  ['SQLite', () => openSqliteStore(path.join(dir, 'store.db'))],
  ['PostgreSQL', () => openPostgresStore(pg.url)],
] as const) {
  describe(`incidents in ${name}`, () => {
    it('are placed as records arrive, keep their id, merge with an alias that resolves, and survive a rebuild', async () => {
      const store = await open();
      try {
        await write(store, recordOf('a1', { victim: 'City of Millbrook', date: '2022-05-09' }, { publishedAt: '2022-05-11' }));
        const [first] = await list(store);
        expect(first!.id).toBe('inc-2022-05-millbrook');
        await write(store, recordOf('a2', { victim: 'Millbrook' }, { publishedAt: '2022-05-20' }));
        // an article told only by its date of publication, five months on: an incident of its own for now
        await write(store, recordOf('a3', { victim: 'Millbrook' }, { publishedAt: '2022-10-25' }));
        // a year later: another incident, never merged with the first
        await write(store, recordOf('b1', { victim: 'Millbrook', date: '2023-06-12' }, { publishedAt: '2023-06-14' }));
        expect(await list(store)).toEqual([
          { id: 'inc-2022-05-millbrook', articles: ['a1', 'a2'], aliases: [] },
          { id: 'inc-2022-10-millbrook', articles: ['a3'], aliases: [] },
          { id: 'inc-2023-06-millbrook', articles: ['b1'], aliases: [] },
        ]);
        // an article dated June 2022 fits both 2022 incidents: they were one, the later id becomes an alias
        await write(store, recordOf('a4', { victim: 'Millbrook', date: '2022-06' }, { publishedAt: '2022-06-30' }));
        expect(await list(store)).toEqual([
          { id: 'inc-2022-05-millbrook', articles: ['a1', 'a2', 'a3', 'a4'], aliases: ['inc-2022-10-millbrook'] },
          { id: 'inc-2023-06-millbrook', articles: ['b1'], aliases: [] },
        ]);
        expect(await store.incidents.resolve('inc-2022-10-millbrook')).toBe('inc-2022-05-millbrook');
        expect((await store.incidents.get('inc-2022-10-millbrook'))!.sources).toHaveLength(4);

        const before = await list(store);
        await rebuildIncidents(store);
        expect(await list(store)).toEqual(before);
        expect(await store.incidents.resolve('inc-2022-10-millbrook')).toBe('inc-2022-05-millbrook');
      } finally {
        await store.close();
      }
    });

    it('move an article whose record changed, and drop one that lost its victim', async () => {
      const store = await open();
      try {
        await write(store, recordOf('a2', { victim: 'Acme Widgets' }, { publishedAt: '2022-05-20' }));
        const now = await list(store);
        expect(now.find((i) => i.articles.includes('a2'))!.id).toBe('inc-2022-05-acme-widgets');
        expect(now.find((i) => i.id === 'inc-2022-05-millbrook')!.articles).not.toContain('a2');
        await write(store, recordOf('a2', { date: '2022-05' }, { publishedAt: '2022-05-20' }));
        expect((await list(store)).some((i) => i.articles.includes('a2'))).toBe(false);
        expect(await store.incidents.resolve('inc-2022-05-acme-widgets')).toBeNull();
      } finally {
        await store.close();
      }
    });
  });
}

describe('incident rows kept in memory (SQLite)', () => {
  const open = () => openSqliteStore(path.join(dir, 'memory.db'));
  const sourcesColumn = (id: string) => {
    const db = new Database(path.join(dir, 'memory.db'), { readonly: true });
    try {
      return (db.prepare('SELECT sources FROM incidents WHERE id = ?').get(id) as { sources: number }).sources;
    } finally {
      db.close();
    }
  };

  it("follow another connection's writes", async () => {
    const [a, b] = [await open(), await open()];
    try {
      await write(a, recordOf('q1', { victim: 'Quay Hospital', date: '2023-01-10' }, { publishedAt: '2023-01-11' }));
      // another connection starts an incident of the same victim a year on, then adds to a's
      await write(b, recordOf('q2', { victim: 'Quay Hospital', date: '2024-06-01' }, { publishedAt: '2024-06-02' }));
      await write(b, recordOf('q3', { victim: 'Quay Hospital', date: '2023-01-10' }, { publishedAt: '2023-01-12' }));
      // a meets b's incident (not a second one under -2) and counts b's article in its own
      await write(a, recordOf('q4', { victim: 'Quay Hospital', date: '2024-06-01' }, { publishedAt: '2024-06-03' }));
      await write(a, recordOf('q5', { victim: 'Quay Hospital', date: '2023-01-10' }, { publishedAt: '2023-01-13' }));
      expect(await list(a)).toEqual([
        { id: 'inc-2023-01-quay-hospital', articles: ['q1', 'q3', 'q5'], aliases: [] },
        { id: 'inc-2024-06-quay-hospital', articles: ['q2', 'q4'], aliases: [] },
      ]);
      expect(sourcesColumn('inc-2023-01-quay-hospital')).toBe(3);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('forget what a failed transaction wrote', async () => {
    const store = await open();
    try {
      const { toArticle } = await import('../src/incidents/article.ts');
      const joining = toArticle(recordOf('q6', { victim: 'Quay Hospital', date: '2023-01-10' }, { publishedAt: '2023-01-14' }), null);
      const broken = { ...joining, id: 'q7', record: { ...joining.record, id: 'q7', fields: null } } as unknown as typeof joining;
      await store.write({ documents: [{ id: 'q6', text: 'text of q6', meta: {} }], records: [joining.record] });
      // q6 is placed, then q7 fails: the transaction and what it placed are rolled back
      await expect(store.incidents.add([joining, broken])).rejects.toThrow();
      expect(sourcesColumn('inc-2023-01-quay-hospital')).toBe(3);
      await store.incidents.add([joining]);
      expect(sourcesColumn('inc-2023-01-quay-hospital')).toBe(4);
      expect((await list(store)).find((i) => i.id === 'inc-2023-01-quay-hospital')!.articles).toEqual(['q1', 'q3', 'q5', 'q6']);
    } finally {
      await store.close();
    }
  });
});

describe('incident rows not written for an article that changes only their counts (SQLite)', () => {
  const file = path.join(dir, 'uncounted.db');
  const row = (id: string) => {
    const db = new Database(file, { readonly: true });
    try {
      const r = db.prepare('SELECT sources, incident FROM incidents WHERE id = ?').get(id) as { sources: number; incident: string };
      return { sources: r.sources, tally: (JSON.parse(r.incident) as { tally: unknown }).tally };
    } finally {
      db.close();
    }
  };
  const wren = (id: string, confidence: number) =>
    recordOf(id, { victim: { value: 'Wren Clinic', confidence }, date: '2023-03-01' }, { publishedAt: '2023-03-02' });

  it('counts them when the row is read again, as if it had been written each time', async () => {
    const [a, b] = [await openSqliteStore(file), await openSqliteStore(file)];
    const every = await openSqliteStore(path.join(dir, 'uncounted-every.db'));
    try {
      for (const [i, c] of [0.9, 0.7, 0.8].entries()) {
        await write(a, wren(`w${i}`, c));
        // a store whose cache is emptied before each article writes its row each time
        await write(every, wren(`w${i}`, c));
        (every.incidents as unknown as { cache: { clear(): void } }).cache.clear();
      }
      expect(row('inc-2023-03-wren-clinic').sources).toBe(1);
      // another connection reads the row and its two sources past it, then places one more (the row written)
      await write(b, wren('w3', 0.6));
      await write(every, wren('w3', 0.6));
      const incidents = await list(b);
      expect(incidents).toEqual([{ id: 'inc-2023-03-wren-clinic', articles: ['w0', 'w1', 'w2', 'w3'], aliases: [] }]);
      expect(row('inc-2023-03-wren-clinic').sources).toBe(4);
      const db = new Database(path.join(dir, 'uncounted-every.db'), { readonly: true });
      const written = JSON.parse((db.prepare('SELECT incident FROM incidents').get() as { incident: string }).incident) as { tally: unknown };
      db.close();
      expect(row('inc-2023-03-wren-clinic').tally).toEqual(written.tally);
    } finally {
      await a.close();
      await b.close();
      await every.close();
    }
  });
});

describe('ids across a rebuild', () => {
  it('keep the old id with the larger part of a split, and make the other old id an alias', async () => {
    const { assignIds } = await import('../src/incidents/stable-ids.ts');
    const { groupArticles } = await import('../src/incidents/group.ts');
    const { toArticle } = await import('../src/incidents/article.ts');
    const a = (id: string, date: string) => toArticle(recordOf(id, { victim: 'Acme', date }, { publishedAt: date }), null);
    // before: x1..x3 were one incident (inc-old-a), y1 another (inc-old-b); now y1 is grouped with x's, and x3 moved away
    const fresh = groupArticles([a('x1', '2024-01-05'), a('x2', '2024-01-06'), a('y1', '2024-01-07'), a('x3', '2025-06-01')]);
    const prev = new Map([
      ['x1', 'inc-old-a'],
      ['x2', 'inc-old-a'],
      ['x3', 'inc-old-a'],
      ['y1', 'inc-old-b'],
    ]);
    const out = assignIds(fresh, prev, new Map([['inc-older', 'inc-old-b']]));
    const of = (article: string) => out.find((i) => i.sources.some((s) => s.articleId === article))!;
    expect(of('x1').id).toBe('inc-old-a');
    expect(of('x1').aliases).toEqual(['inc-old-b', 'inc-older']);
    expect(of('x3').id).not.toMatch(/^inc-old/);
  });
});
