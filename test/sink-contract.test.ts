// One contract, every sink (JSONL file, SQLite store, PostgreSQL store, PostgreSQL incident_records), against the
// real file system and databases: each document written comes back once, the newest extraction wins, and ids that
// a database would merge ("col\u0000x", "col\ufffdx", "col\ud800x") stay distinct documents.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { IncidentRecord } from '../src/core/contract/record.ts';
import { createLogger } from '../src/log.ts';
import { JsonlSink } from '../src/sinks/jsonl.ts';
import { LineSink } from '../src/sinks/lines.ts';
import { IncidentRecordsSink } from '../src/sinks/postgres-records.ts';
import type { Sink } from '../src/sinks/sink.ts';
import { StoreSink, storedForm } from '../src/sinks/store.ts';
import { openStore } from '../src/store/open.ts';
import { TEST_PG_URL, testSchema } from './helpers/postgres.ts';
import { makeRecord } from './store-contract.ts';

interface SinkFixture {
  open(): Promise<Sink>;
  /** The records the target holds once the sink is closed, in any order. */
  readBack(): Promise<IncidentRecord[]>;
  cleanup(): Promise<void>;
}

const IDS = ['plain', 'col\u0000x', 'col\ufffdx', 'col\ud800x', "q'); DROP TABLE x; --"];
const at = (s: number) => new Date(Date.UTC(2024, 0, 1, 0, 0, s)).toISOString();

/** The store sink stores a record with its document: announce them first, as extract does. */
async function admitted(sink: StoreSink): Promise<StoreSink> {
  await sink.admit(IDS.map((id) => storedForm({ id, text: `Text of ${id}.` }, 'test')));
  return sink;
}

function sinkContract(name: string, fixture: SinkFixture): void {
  describe(`${name} sink contract`, () => {
    afterAll(() => fixture.cleanup());

    it('keeps every distinct id once, with its latest extraction', async () => {
      const sink = await fixture.open();
      // each id extracted twice in one batch (as a re-run of a document does), the second one wins
      for (const [i, id] of IDS.entries()) await sink.write(makeRecord(id, 'R1', at(1), `Old victim ${i}`));
      for (const [i, id] of IDS.entries()) await sink.write(makeRecord(id, 'R1', at(2), `Victim ${i}`));
      await sink.close();
      const back = await fixture.readBack();
      expect(back.map((r) => r.fields.victim?.value).sort()).toEqual(IDS.map((_, i) => `Victim ${i}`).sort());
    });
  });
}

const tmp = mkdtempSync(path.join(tmpdir(), 'sink-contract-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// JSONL is a log: every line is kept, and the newest line of an id is its record.
const jsonlFile = path.join(tmp, 'out.jsonl');
sinkContract('JSONL file', {
  open: async () => new JsonlSink(jsonlFile, LineSink.toFile(jsonlFile)),
  async readBack() {
    const latest = new Map<string, IncidentRecord>();
    for (const line of readFileSync(jsonlFile, 'utf8').split('\n').filter(Boolean)) {
      const r = JSON.parse(line) as IncidentRecord;
      if ((latest.get(r.id)?.extractedAt ?? '') <= r.extractedAt) latest.set(r.id, r);
    }
    return [...latest.values()];
  },
  cleanup: async () => undefined,
});

async function storeRecords(spec: string): Promise<IncidentRecord[]> {
  const store = await openStore(spec);
  const out: IncidentRecord[] = [];
  try {
    for await (const r of store.latestRecords()) out.push(r);
    // the store gives back the original ids, not the keys they are stored under
    expect(out.map((r) => r.id).sort()).toEqual([...IDS].sort());
  } finally {
    await store.close();
  }
  return out;
}

const sqlitePath = path.join(tmp, 'store.db');
sinkContract('SQLite store', {
  open: async () => admitted((await StoreSink.open({ store: sqlitePath }, 'test', 'R1', createLogger('silent')))!),
  readBack: () => storeRecords(sqlitePath),
  cleanup: async () => undefined,
});

const pgStore = testSchema('ie_sinkc_store');
sinkContract('PostgreSQL store', {
  open: async () => admitted((await StoreSink.open({ store: pgStore.url }, 'test', 'R1', createLogger('silent')))!),
  readBack: () => storeRecords(pgStore.url),
  cleanup: () => pgStore.drop(),
});

const pgTable = testSchema('ie_sinkc_table');
sinkContract('PostgreSQL incident_records', {
  open: () => IncidentRecordsSink.open(pgTable.url),
  async readBack() {
    const c = new pg.Client({ connectionString: TEST_PG_URL });
    await c.connect();
    try {
      return (await c.query(`SELECT record FROM ${pgTable.schema}.incident_records`)).rows.map((r) => r.record as IncidentRecord);
    } finally {
      await c.end();
    }
  },
  cleanup: () => pgTable.drop(),
});
