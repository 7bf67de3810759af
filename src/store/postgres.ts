// The shared store: PostgreSQL (`--store postgres://user@host/db`, optionally `?schema=name` to keep
// several stores in one database). Tables and migrations live in that schema.
import pg from 'pg';
import { migrate, type Db, type Param, type Queries, type Row } from './db.ts';
import { SqlStore } from './sql-store.ts';
import { StoreError, type Store } from './store.ts';

// rows per INSERT: one round trip for a whole batch of extract's, well under the 65,535 parameters allowed
const ROWS_PER_STATEMENT = 250;
const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;
// a server that does not answer is an error after this long, never a hang (a refused connection fails at once)
const CONNECT_TIMEOUT_MS = 10_000;
// held for the migration's transaction: workers starting together migrate one at a time
const MIGRATION_LOCK = "SELECT pg_advisory_xact_lock(hashtext('incident-extract:migrations'))";

/** `?` placeholders → `$1, $2, …` (the shared SQL has no `?` inside literals). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** Splits `?schema=` off a connection URL; the rest goes to pg as it is. */
function parsePostgresUrl(url: string): { connectionString: string; schema: string | null } {
  const u = new URL(url);
  const schema = u.searchParams.get('schema');
  u.searchParams.delete('schema');
  if (schema != null && !IDENT.test(schema)) throw new StoreError(`schema name '${schema}': use lower-case letters, digits and _`);
  return { connectionString: u.toString(), schema };
}

/** host:port/database[/schema], never the password. */
export function describePostgres(url: string): string {
  const u = new URL(url);
  const schema = u.searchParams.get('schema');
  return `postgres://${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}${schema ? `?schema=${schema}` : ''}`;
}

function queries(c: pg.Pool | pg.PoolClient): Queries {
  return {
    all: async (sql, params: readonly Param[] = []) => (await c.query(numbered(sql), params as Param[])).rows as Row[],
    run: async (sql, params: readonly Param[] = []) => {
      await c.query(numbered(sql), params as Param[]);
    },
  };
}

/** A pool on the URL's schema, created when missing. */
export async function openPool(url: string, max = 4): Promise<pg.Pool> {
  const { schema } = parsePostgresUrl(url);
  const pool = postgresPool(url, max);
  try {
    // the name is checked against IDENT in parsePostgresUrl: identifiers cannot be parameters
    if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
  return pool;
}

function postgresPool(url: string, max: number): pg.Pool {
  const { connectionString, schema } = parsePostgresUrl(url);
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  // an idle client losing its server is reported on the next query; this keeps it from crashing the process
  pool.on('error', () => undefined);
  return pool;
}

function postgresDb(pool: pg.Pool): Db {
  return {
    dialect: 'postgres',
    ...queries(pool),
    async tx(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(queries(client));
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async exec(q, script) {
      await q.run(script);
    },
    async close() {
      await pool.end();
    },
  };
}

export async function openPostgresStore(url: string): Promise<Store> {
  const pool = await openPool(url);
  try {
    const db = postgresDb(pool);
    await migrate(db, MIGRATION_LOCK);
    return new SqlStore(db, describePostgres(url), { perRow: "nextval('records_seq')" }, ROWS_PER_STATEMENT);
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
}
