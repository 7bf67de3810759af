import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // CLI tests run bin/incident-extract.js, i.e. the compiled dist/: rebuilt first when a source changed
    globalSetup: ['scripts/ensure-build.ts'],
    // CLI runs in tests store into memory, not ./incident-extract.db (tests of the store name their own)
    env: { INCIDENT_EXTRACT_STORE: ':memory:' },
  },
});
