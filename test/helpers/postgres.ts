// The PostgreSQL the tests use (CI starts it: .ci/run). Down means the tests fail, never skip.
import pg from 'pg';

export const TEST_PG_URL = process.env.INCIDENT_EXTRACT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema of its own per test file and run, so runs never see each other's rows; dropped afterwards. */
export function testSchema(prefix: string): { url: string; schema: string; drop(): Promise<void> } {
  const schema = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const u = new URL(TEST_PG_URL);
  u.searchParams.set('schema', schema);
  return {
    url: u.toString(),
    schema,
    async drop() {
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      try {
        await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await c.end();
      }
    },
  };
}
