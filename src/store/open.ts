// `--store PATH|postgres://…`: which store a command uses, and one plain line when it cannot be opened.
import { existsSync } from 'node:fs';
import { envOptions } from '../config.ts';
import type { Store } from './store.ts';

// here, not in sqlite.ts: naming the default store must not load SQLite (the CLI reads it for every command's help)
export const DEFAULT_SQLITE_PATH = './incident-extract.db';

export const isPostgresUrl = (s: string) => /^postgres(ql)?:\/\//i.test(s);
// mysql://…, sqlite://… and the like: a URL this tool does not speak, not a file name to create
const OTHER_URL = /^([a-z][a-z0-9+.-]*):\/\//i;

/** A store, sink or queue that cannot be opened: the command stops with one line and its own exit status. */
export class OpenError extends Error {}

/** The store named on the command line, else $INCIDENT_EXTRACT_STORE, else ./incident-extract.db. */
export function storeSpec(option?: string): string {
  return option ?? envOptions().store ?? DEFAULT_SQLITE_PATH;
}

/** The reason of a failed open, also for pg's AggregateError (one attempt per address, empty message). */
function reasonOf(err: unknown): string {
  const e = err as Error & { code?: string; errors?: unknown[] };
  if (e?.message) return e.message;
  if (Array.isArray(e?.errors) && e.errors.length) return reasonOf(e.errors[0]);
  return e?.code ?? String(err);
}

/** Runs `open`; any failure becomes an OpenError naming what could not be opened and why. */
export async function opening<T>(what: string, open: () => Promise<T>): Promise<T> {
  try {
    return await open();
  } catch (err) {
    if (err instanceof OpenError) throw err;
    throw new OpenError(`cannot open ${what}: ${reasonOf(err)}`);
  }
}

/**
 * `mustExist`: for commands that read a store (rerun, diff, export), a SQLite file that is not there is an error,
 * never a new empty store at a mistyped path.
 */
export async function openStore(spec: string, opts: { mustExist?: boolean } = {}): Promise<Store> {
  const scheme = OTHER_URL.exec(spec)?.[1];
  if (scheme && !isPostgresUrl(spec))
    throw new OpenError(`cannot open the store ${spec}: ${scheme}:// is not supported (use a SQLite file path or postgres://…)`);
  if (isPostgresUrl(spec)) {
    const { describePostgres, openPostgresStore } = await import('./postgres.ts');
    let where = spec;
    try {
      where = describePostgres(spec);
    } catch {
      throw new OpenError(`cannot open the store: '${spec}' is not a valid postgres:// URL`);
    }
    return opening(`the store ${where}`, () => openPostgresStore(spec));
  }
  if (opts.mustExist && !existsSync(spec)) throw new OpenError(`cannot open the store ${spec}: no such file (it is created by extract)`);
  const { openSqliteStore } = await import('./sqlite.ts');
  return opening(`the store ${spec}`, () => openSqliteStore(spec));
}
