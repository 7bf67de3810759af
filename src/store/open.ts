// `--store PATH|postgres://…`: which store a command uses.
import { envOptions } from '../config.ts';
import { DEFAULT_SQLITE_PATH } from './sqlite.ts';
import type { Store } from './store.ts';

const isPostgresUrl = (s: string) => /^postgres(ql)?:\/\//i.test(s);

/** The store named on the command line, else $INCIDENT_EXTRACT_STORE, else ./incident-extract.db. */
export function storeSpec(option?: string): string {
  return option ?? envOptions().store ?? DEFAULT_SQLITE_PATH;
}

export async function openStore(spec: string): Promise<Store> {
  if (isPostgresUrl(spec)) return (await import('./postgres.ts')).openPostgresStore(spec);
  return (await import('./sqlite.ts')).openSqliteStore(spec);
}
