// `incident-extract incidents [--json] [--id ID] [--rebuild]`: the incidents of the store, one line each
// (id, articles, victim, date, country, conflicts), or as JSON lines with the ledger.
import type { Command } from 'commander';
import type { Incident } from '../incidents/incident.ts';
import type { Logger } from '../log.ts';
import { LineSink } from '../sinks/lines.ts';

export interface IncidentsOptions {
  store?: string;
  json?: boolean;
  id?: string;
  rebuild?: boolean;
}

const STORE_HELP = 'SQLite file or postgres://… URL (default: $INCIDENT_EXTRACT_STORE or ./incident-extract.db)';

/** One line for people: what is known, how many articles say it, where they disagree. */
function incidentLine(inc: Incident): string {
  const f = inc.fields;
  const loc = f.location?.value as { country?: string | null } | undefined;
  const conflicts = inc.conflicts.map((c) => c.field).join(',');
  // JSON.stringify quotes the victim: a name with tabs, newlines or control characters stays on its line as data
  return [
    inc.id,
    `${inc.sources.length} article${inc.sources.length === 1 ? '' : 's'}`,
    JSON.stringify(inc.victim ?? ''),
    f.date ? String(f.date.value) : '-',
    loc?.country ?? '-',
    conflicts ? `conflicts: ${conflicts}` : '',
  ]
    .join('\t')
    .trimEnd();
}

async function runIncidents(o: IncidentsOptions, log: Logger): Promise<number> {
  const { openStore, storeSpec } = await import('../store/open.ts');
  const store = await openStore(storeSpec(o.store));
  const out = new LineSink(process.stdout, false);
  let n = 0;
  try {
    if (o.rebuild) {
      const { rebuildIncidents } = await import('../incidents/update.ts');
      const r = await rebuildIncidents(store);
      log.debug({ ...r, store: store.description }, 'incidents rebuilt');
    }
    const all = o.id ? [await store.incidents.get(o.id)].filter((x): x is Incident => !!x) : store.incidents.list();
    for await (const inc of all) {
      await out.write(o.json ? JSON.stringify(inc) : incidentLine(inc));
      n++;
      if (out.closed) break;
    }
    await out.end();
  } finally {
    await store.close();
  }
  if (o.id && !n) {
    process.stderr.write(`incident-extract: no incident ${JSON.stringify(o.id)} in ${store.description}\n`);
    return 1;
  }
  process.stderr.write(`incident-extract: ${n} incident${n === 1 ? '' : 's'} in ${store.description}\n`);
  return 0;
}

export function registerIncidentCommands(program: Command, log: Logger, setStatus: (s: number) => void): void {
  program
    .command('incidents')
    .description('list the incidents grouped from the stored records (one per line, or JSON lines with the claims ledger)')
    .option('--store <path|url>', STORE_HELP)
    .option('--json', 'one JSON object per incident: merged fields, claims ledger, conflicts, sources, aliases')
    .option('--id <id>', 'only this incident (an old id that was merged resolves to the incident it joined)')
    .option('--rebuild', 'group every latest record again first (what rerun does)')
    .action(async (o: IncidentsOptions) => setStatus(await runIncidents(o, log)));
}
