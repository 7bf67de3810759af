// `incident-extract export --format jsonl|csv [--ruleset R] [--sink postgres://…]`: the latest record of each
// stored document, streamed page by page, to stdout, a file, or the incident_records table.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { IncidentRecord } from '../core/contract/record.ts';
import type { Logger } from '../log.ts';
import { IncidentRecordsSink, incidentRow } from '../sinks/postgres-records.ts';
import { openStore, storeSpec } from '../store/open.ts';
import { LineSink } from '../sinks/lines.ts';
import { UsageError } from './usage.ts';

export interface ExportOptions {
  format: string;
  ruleset?: string;
  out?: string;
  store?: string;
  sink?: string;
  incidents?: boolean;
}

// the table's columns, less the full record (that is the JSONL format's job)
const CSV_COLUMNS = Object.keys(incidentRow({ id: 'x', fields: {} } as unknown as IncidentRecord)).filter((c) => c !== 'record');

// A cell a spreadsheet would run as a formula (=HYPERLINK(…), +, -, @, or a tab / CR before one) gets a leading ':
// the OWASP advice for CSV injection. Numbers are never strings here, so a negative number is not touched.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(v: unknown): string {
  const raw = v == null ? '' : String(v);
  const s = typeof v === 'string' && FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const csvLine = (r: IncidentRecord) => {
  const row = incidentRow(r);
  return CSV_COLUMNS.map((c) => csvCell(row[c as keyof typeof row])).join(',');
};

export async function runExport(o: ExportOptions, log: Logger): Promise<number> {
  if (o.out && !existsSync(path.dirname(path.resolve(o.out)))) throw new UsageError(`cannot write ${o.out}: its directory does not exist`);
  // incidents (src/incidents) have their own formats: STIX 2.1, MISP events, incident_rollup
  if (o.incidents || o.format === 'stix' || o.format === 'misp') return (await import('./export-incidents.ts')).runIncidentExport(o, log);
  if (o.format !== 'jsonl' && o.format !== 'csv') throw new UsageError(`--format ${o.format}: use jsonl, csv, stix or misp`);
  if (o.out && !existsSync(path.dirname(path.resolve(o.out)))) throw new UsageError(`cannot write ${o.out}: its directory does not exist`);
  const store = await openStore(storeSpec(o.store), { mustExist: true });
  let n = 0;
  try {
    const records = store.latestRecords(o.ruleset ? { ruleset: o.ruleset } : {});
    if (o.sink) {
      const sink = await IncidentRecordsSink.open(o.sink);
      try {
        for await (const r of records) await sink.write(r);
      } finally {
        await sink.close();
      }
      n = sink.written;
    } else {
      const out = o.out ? LineSink.toFile(o.out) : new LineSink(process.stdout, false);
      if (o.format === 'csv') await out.write(CSV_COLUMNS.join(','));
      for await (const r of records) {
        await out.write(o.format === 'csv' ? csvLine(r) : JSON.stringify(r));
        n++;
        if (out.closed) break;
      }
      await out.end();
    }
  } finally {
    await store.close();
  }
  log.debug({ records: n, store: store.description }, 'exported');
  process.stderr.write(`incident-extract: exported ${n} record${n === 1 ? '' : 's'} from ${store.description}${o.sink ? ' to incident_records' : ''}\n`);
  return 0;
}
