// The store contract against the embedded SQLite store, in a temporary file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { storeContract } from './store-contract.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'ie-sqlite-'));
storeContract('SQLite', {
  open: () => openSqliteStore(path.join(dir, 'store.db')),
  cleanup: async () => rmSync(dir, { recursive: true, force: true }),
});
