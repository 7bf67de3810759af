// The embedded store: one SQLite file (./incident-extract.db by default), created and migrated on first use.
import Database from 'better-sqlite3';
import { migrate, type Db, type Param, type Queries, type Row } from './db.ts';
import { SqlStore } from './sql-store.ts';
import type { Store } from './store.ts';
import { DEFAULT_SQLITE_PATH } from './open.ts';

const ROWS_PER_STATEMENT = 32;

function sqliteDb(path: string): Db {
  const db = new Database(path);
  // WAL: readers (export, diff) do not block a running extract; NORMAL sync is durable at each checkpoint.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // better-sqlite3 builds SQLite with a 16 MB page cache, which a long extract fills with the pages it wrote (+16 MB
  // of RSS from ~25,000 documents on); what it reads again (the incidents' pages, the ends of the tables it appends
  // to) fits in 4 MB, and a page read beyond that comes from the OS's file cache (20,000 stream documents: ~600 reads).
  db.pragma('cache_size = -4000');
  // A statement that may fail halfway (an upsert, a foreign key, a trigger) journals the pages it changes so that it
  // can be undone alone; past 64 KB SQLite spills that journal to a temporary file, made and written again in every
  // transaction of a stream (~3.8 KB and ~2 write calls a document, a third of the store's writes). In memory it is
  // truncated at each statement's end: it holds one statement's pages (a few dozen rows' worth). Temporary tables and
  // indexes (IN lists, sorts) are small here and stay in memory too.
  db.pragma('temp_store = MEMORY');
  // A checkpoint copies the WAL's pages into the database file, each page once however many transactions rewrote it.
  // The incidents' rows and their sources' index are rewritten all over in every transaction of a stream: at
  // SQLite's default of 1,000 pages (4 MB) they were copied every two or three transactions; at 4,000 (a WAL of up to
  // 16 MB while a run writes; the last connection's close checkpoints it and removes it) a quarter as often.
  db.pragma('wal_autocheckpoint = 4000');
  const cache = new Map<string, Database.Statement>();
  const stmt = (sql: string) => {
    let s = cache.get(sql);
    if (!s) cache.set(sql, (s = db.prepare(sql)));
    return s;
  };
  const q: Queries = {
    all: async (sql, params: readonly Param[] = []) => {
      const s = stmt(sql);
      // spread, not the array: better-sqlite3 binds an array's elements ~20 % slower than arguments
      return s.reader ? (s.all(...params) as Row[]) : (s.run(...params), []);
    },
    run: async (sql, params: readonly Param[] = []) => {
      stmt(sql).run(...params);
    },
  };
  return {
    dialect: 'sqlite',
    ...q,
    async tx(fn) {
      db.exec('BEGIN IMMEDIATE');
      try {
        const out = await fn(q);
        db.exec('COMMIT');
        return out;
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw err;
      }
    },
    async exec(_q, script) {
      db.exec(script);
    },
    async close() {
      db.close();
    },
  };
}

export async function openSqliteStore(path = DEFAULT_SQLITE_PATH): Promise<Store> {
  const db = sqliteDb(path);
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  // the last seq given (migration 5): one row read a batch, where max(seq) needed an index of its own; the rows of a
  // batch go ROWS_PER_STATEMENT to an INSERT (a fixed count, so that few statements are prepared and kept)
  return new SqlStore(db, path, { first: "SELECT value + 1 AS seq FROM store_counters WHERE name = 'records_seq'" }, ROWS_PER_STATEMENT);
}
