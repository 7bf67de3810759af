// `--sink postgres://…`: upserts records into incident_records, one row per document. A newer extraction
// replaces the row in place; the same record written again changes nothing (not even extracted_at), so
// running a batch twice leaves the table identical.
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { BATCH as BATCHES } from '../config.ts';
import { FIELD_NAMES, type FieldName, type IncidentRecord } from '../core/contract/record.ts';
import { FIELDS, type Column } from '../core/fields/index.ts';
import { describePostgres, openPool } from '../store/postgres.ts';
import { isPostgresUrl, OpenError, opening } from '../store/open.ts';
import { storageKey, UNSTORABLE } from '../store/store.ts';
import type { Sink } from './sink.ts';

const INCIDENT_RECORDS_DDL = readFileSync(new URL('./incident-records.sql', import.meta.url), 'utf8');

// The fields' columns come from their descriptors (src/core/fields/): a new field brings its own.
const FIELD_COLUMNS = FIELD_NAMES.flatMap((name) => (FIELDS[name].columns as readonly Column<FieldName>[]).map((c) => ({ ...c, field: name })));
const COLUMNS = ['id', 'ruleset', 'extracted_at', ...FIELD_COLUMNS.map((c) => c.name), 'record'] as const;

// Rows travel as one JSON array per batch, expanded by jsonb_to_recordset: one statement, one round trip.
const TYPES = ['id text, ruleset text, extracted_at timestamptz', ...FIELD_COLUMNS.map((c) => `${c.name} ${c.type}`), 'record jsonb'].join(', ');
const UPDATES = COLUMNS.filter((c) => c !== 'id')
  .map((c) => `${c} = excluded.${c}`)
  .join(', ');
const UPSERT_INCIDENT_RECORDS = `INSERT INTO incident_records (${COLUMNS.join(', ')})
SELECT ${COLUMNS.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${TYPES})
ON CONFLICT (id) DO UPDATE SET ${UPDATES}
WHERE excluded.extracted_at >= incident_records.extracted_at
  AND (incident_records.ruleset, incident_records.record - 'extractedAt') IS DISTINCT FROM (excluded.ruleset, excluded.record - 'extractedAt')`;

/** In the sink (only) what jsonb cannot hold becomes U+FFFD; the store keeps the original. */
function jsonbSafe(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(UNSTORABLE, '\uFFFD');
  if (Array.isArray(value)) return value.map(jsonbSafe);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonbSafe(v)]));
  return value;
}

export function incidentRow(r: IncidentRecord): Record<(typeof COLUMNS)[number], unknown> {
  const safe = jsonbSafe(r) as IncidentRecord;
  // keyed like the store: ids that jsonb would merge ("col\u0000x", "col\ufffdx") stay distinct rows
  const row: Record<string, unknown> = { id: storageKey(r.id), ruleset: r.ruleset, extracted_at: r.extractedAt };
  for (const c of FIELD_COLUMNS) {
    const f = safe.fields[c.field];
    row[c.name] = f ? c.of(f as never) : null;
  }
  row.record = safe;
  return row;
}

const BATCH = BATCHES.recordsUpsert;

export class IncidentRecordsSink implements Sink {
  private buf: IncidentRecord[] = [];
  written = 0;

  private constructor(
    private readonly pool: pg.Pool,
    readonly description: string,
  ) {}

  /** Fails with one line (OpenError) when the database cannot be reached or the table cannot be made. */
  static async open(url: string): Promise<IncidentRecordsSink> {
    if (!isPostgresUrl(url)) throw new OpenError(`cannot open the sink ${url}: --sink takes a postgres://… URL`);
    return opening(`the sink ${url.replace(/\/\/[^@/]*@/, '//')}`, async () => {
      const pool = await openPool(url, 2);
      try {
        await pool.query(INCIDENT_RECORDS_DDL);
      } catch (err) {
        await pool.end();
        throw err;
      }
      return new IncidentRecordsSink(pool, `${describePostgres(url)} incident_records`);
    });
  }

  async write(r: IncidentRecord): Promise<void> {
    this.buf.push(r);
    if (this.buf.length >= BATCH) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.buf.length) return;
    // one row per key per statement: ON CONFLICT cannot touch a row twice, and the newest extraction wins
    const byId = new Map<string, IncidentRecord>();
    for (const r of this.buf) {
      const prev = byId.get(storageKey(r.id));
      if (!prev || prev.extractedAt <= r.extractedAt) byId.set(storageKey(r.id), r);
    }
    this.buf = [];
    await this.pool.query(UPSERT_INCIDENT_RECORDS, [JSON.stringify([...byId.values()].map(incidentRow))]);
    this.written += byId.size;
  }

  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await this.pool.end();
    }
  }
}
