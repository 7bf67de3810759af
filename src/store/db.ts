// The little a store needs from a database driver, and the migrator. SQL is written once with `?`
// placeholders; the PostgreSQL driver numbers them. Values always travel as parameters, never in the SQL.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { StoreError } from './store.ts';

export type Param = string | number | boolean | null | Buffer;
export type Row = Record<string, unknown>;

export interface Queries {
  all(sql: string, params?: readonly Param[]): Promise<Row[]>;
  run(sql: string, params?: readonly Param[]): Promise<void>;
}

export interface Db extends Queries {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs fn in one transaction: committed if it resolves, rolled back if it throws. */
  tx<T>(fn: (q: Queries) => Promise<T>): Promise<T>;
  /** Runs a script of several statements without parameters (migrations only). */
  exec(q: Queries, script: string): Promise<void>;
  close(): Promise<void>;
}

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

function migrationsFor(dialect: Db['dialect']): Migration[] {
  const dir = fileURLToPath(new URL(`./migrations/${dialect}/`, import.meta.url));
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f.replace(/\.sql$/, ''), sql: readFileSync(`${dir}${f}`, 'utf8') }));
}

/**
 * Applies the migrations not yet in schema_migrations, each in its own transaction. `lock` serialises
 * concurrent migrators (PostgreSQL: several workers starting at once); SQLite's write lock does that itself.
 */
export async function migrate(db: Db, lock?: string): Promise<number[]> {
  await db.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const migrations = migrationsFor(db.dialect);
  // a store a newer version migrated may keep what this one would misread (migration 8: rows not rewritten for every
  // article): it is refused, not written to
  const known = migrations.at(-1)?.version ?? 0;
  const [newest] = await db.all('SELECT max(version) AS v FROM schema_migrations');
  if (Number(newest?.v ?? 0) > known) {
    throw new StoreError(`the store's schema is version ${newest!.v}, newer than this incident-extract knows (${known}): upgrade incident-extract`);
  }
  const applied: number[] = [];
  for (const m of migrations) {
    await db.tx(async (q) => {
      if (lock) await q.all(lock);
      if ((await q.all('SELECT 1 FROM schema_migrations WHERE version = ?', [m.version])).length) return;
      await db.exec(q, m.sql);
      await q.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, new Date().toISOString()]);
      applied.push(m.version);
    });
  }
  return applied;
}

// statements of `n` rows, by their text with `#` and a row's placeholders (insertRows uses a few sizes): built once, and
// the driver's statement cache finds the same string again without hashing a new one
const statements = new Map<string, Map<string, string[]>>();
const withRows = (sql: string, row: string, n: number): string => {
  let byRow = statements.get(sql);
  if (!byRow) statements.set(sql, (byRow = new Map()));
  let bySize = byRow.get(row);
  if (!bySize) byRow.set(row, (bySize = []));
  return (bySize[n] ??= sql.replace('#', Array.from({ length: n }, () => row).join(', ')));
};

/**
 * Runs `sql` (its VALUES at `#`, `row` the placeholders of one row) over these rows, up to `per` a statement: in
 * chunks of `per`, the rest in chunks of halving sizes (per 32, 45 rows: 32, 8, 4, 1), so that a statement of several
 * rows is prepared once for each size and few sizes are ever used (better-sqlite3 keeps each statement prepared).
 */
export async function insertRows(q: Queries, sql: string, row: string, rows: readonly Param[][], per: number): Promise<void> {
  let i = 0;
  for (let size = per; size >= 1; size = Math.floor(size / 2)) {
    for (; rows.length - i >= size; i += size) {
      const params: Param[] = [];
      for (let j = i; j < i + size; j++) for (const v of rows[j]!) params.push(v);
      await q.run(withRows(sql, row, size), params);
    }
  }
}

/** Keys for `IN (…)`, the last repeated up to a power of two: few statement sizes, the same rows matched. */
export function padded<T>(keys: readonly T[]): T[] {
  let n = 1;
  while (n < keys.length) n *= 2;
  const out = [...keys];
  while (out.length < n) out.push(keys[keys.length - 1]!);
  return out;
}
