// The store contract against the real PostgreSQL on 127.0.0.1 (a schema of its own, dropped afterwards).
import { openPostgresStore } from '../src/store/postgres.ts';
import { testSchema } from './helpers/postgres.ts';
import { storeContract } from './store-contract.ts';

const s = testSchema('ie_store');
storeContract('PostgreSQL', {
  open: () => openPostgresStore(s.url),
  cleanup: () => s.drop(),
});
