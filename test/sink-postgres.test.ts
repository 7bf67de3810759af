// The incident_records sink against the real PostgreSQL: idempotent, newest extraction wins, rows updated in place.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentRecordsSink } from '../src/sinks/postgres-records.ts';
import { TEST_PG_URL, testSchema } from './helpers/postgres.ts';
import { makeRecord } from './store-contract.ts';

const s = testSchema('ie_sink');
const batch = (ruleset: string, at: string, victim: string) =>
  ['a', 'b', "c'); DROP TABLE incident_records; --"].map((id) => makeRecord(id, ruleset, at, `${victim} ${id}`));

async function push(records: ReturnType<typeof batch>): Promise<void> {
  const sink = await IncidentRecordsSink.open(s.url);
  for (const r of records) await sink.write(r);
  await sink.close();
}

describe('the incident_records sink', () => {
  let client: pg.Client;
  const table = async () => (await client.query(`SELECT * FROM ${s.schema}.incident_records ORDER BY id`)).rows;
  const ctids = async () => (await client.query(`SELECT id, xmin::text AS x FROM ${s.schema}.incident_records ORDER BY id`)).rows;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: TEST_PG_URL });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await s.drop();
  });

  it('writes one row per document; the same batch twice leaves the table identical', async () => {
    await push(batch('R1', '2024-01-01T00:00:00.000Z', 'Victim'));
    const first = await table();
    const tx = await ctids();
    expect(first).toHaveLength(3);
    expect(first[0]).toMatchObject({ id: 'a', ruleset: 'R1', victim: 'Victim a', victim_confidence: 0.8, incident_date: null });
    expect(first[0].record.fields.victim.value).toBe('Victim a');
    await push(batch('R1', '2024-01-01T00:00:00.000Z', 'Victim'));
    // re-extracted under the same ruleset later, same content: still nothing written
    await push(batch('R1', '2024-01-02T00:00:00.000Z', 'Victim'));
    expect(await table()).toEqual(first);
    expect(await ctids()).toEqual(tx);
  });

  it('a new ruleset updates the rows in place; an older extraction does not overwrite a newer one', async () => {
    await push(batch('R2', '2024-02-01T00:00:00.000Z', 'New'));
    let rows = await table();
    expect(rows.map((r) => [r.ruleset, r.victim])).toEqual([
      ['R2', 'New a'],
      ['R2', 'New b'],
      ['R2', "New c'); DROP TABLE incident_records; --"],
    ]);
    await push(batch('R1', '2024-01-03T00:00:00.000Z', 'Stale'));
    rows = await table();
    expect(rows.every((r) => r.ruleset === 'R2')).toBe(true);
  });

  it('keeps what jsonb cannot hold as U+FFFD (the store keeps the original)', async () => {
    const r = makeRecord('nul', 'R2', '2024-03-01T00:00:00.000Z', 'A\u0000B', { title: 'x\u0000y \uD800' });
    await push([r]);
    const [row] = (await client.query(`SELECT victim, record FROM ${s.schema}.incident_records WHERE id = 'nul'`)).rows;
    expect(row.victim).toBe('A\uFFFDB');
    expect(row.record.source.title).toBe('x\uFFFDy \uFFFD');
  });
});
