// `export --format stix|misp` and `export --incidents [--sink postgres://…]`: the store's incidents as a
// STIX 2.1 bundle, as MISP events (one JSON line each), or as incident_rollup rows.
import { writeFileSync } from 'node:fs';
import { mispEvent } from '../export/misp.ts';
import { rollupRow, writeRollup } from '../export/rollup.ts';
import { stixBundle } from '../export/stix.ts';
import type { Incident } from '../incidents/incident.ts';
import type { Logger } from '../log.ts';
import { openStore, storeSpec } from '../store/open.ts';
import type { ExportOptions } from './store-export.ts';
import { LineSink } from '../sinks/lines.ts';
import { UsageError } from './usage.ts';

export const INCIDENT_FORMATS = ['stix', 'misp'];

export async function runIncidentExport(o: ExportOptions & { incidents?: boolean }, log: Logger): Promise<number> {
  if (o.incidents && o.format !== 'jsonl') throw new UsageError(`--incidents writes JSON lines or, with --sink, incident_rollup; not --format ${o.format}`);
  if (o.sink && !o.incidents) throw new UsageError(`--format ${o.format} writes a file or stdout; --sink takes records (or --incidents)`);
  if (o.ruleset) throw new UsageError('incidents are grouped from the latest records; --ruleset does not apply');
  const store = await openStore(storeSpec(o.store));
  let n = 0;
  try {
    if (o.sink) {
      n = await writeRollup(o.sink, store.incidents.list());
    } else if (o.format === 'stix') {
      const all: Incident[] = [];
      for await (const inc of store.incidents.list()) all.push(inc);
      n = all.length;
      const json = JSON.stringify(stixBundle(all), null, 2) + '\n';
      if (o.out) writeFileSync(o.out, json);
      else process.stdout.write(json);
    } else {
      const out = o.out ? LineSink.toFile(o.out) : new LineSink(process.stdout, false);
      for await (const inc of store.incidents.list()) {
        await out.write(JSON.stringify(o.format === 'misp' ? mispEvent(inc) : rollupRow(inc)));
        n++;
        if (out.closed) break;
      }
      await out.end();
    }
  } finally {
    await store.close();
  }
  const what = o.sink ? 'to incident_rollup' : o.format === 'stix' ? 'as a STIX 2.1 bundle' : o.format === 'misp' ? 'as MISP events' : 'as rollup rows';
  log.debug({ incidents: n, store: store.description, format: o.format }, 'incidents exported');
  process.stderr.write(`incident-extract: exported ${n} incident${n === 1 ? '' : 's'} from ${store.description} ${what}\n`);
  return 0;
}
