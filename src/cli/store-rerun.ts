// `incident-extract rerun [--all]`: extracts again the stored documents whose latest record is from another
// ruleset, reading their text from the store, through the same runners as extract (threads or BullMQ).
import type { Outcome } from '../../queues/runner.ts';
import type { Logger } from '../log.ts';
import { rulesetVersion } from '../core/ruleset.ts';
import { rebuildIncidents } from '../incidents/update.ts';
import { IncidentRecordsSink } from '../sinks/postgres-records.ts';
import { createRunner, type RunnerOptions } from './runners.ts';
import { rawFromStored, StoreSink } from '../sinks/store.ts';
import { writeRollup } from '../export/rollup.ts';

export interface RerunOptions extends RunnerOptions {
  all?: boolean;
  store?: string;
  sink?: string;
  progress: boolean;
}

export interface RerunCounts {
  reextracted: number;
  changed: number;
  unchanged: number;
  deadLettered: number;
  alreadyDone: number;
}

export async function runRerun(o: RerunOptions, log: Logger): Promise<number> {
  const t0 = performance.now();
  const ruleset = rulesetVersion();
  const stored = (await StoreSink.open({ store: o.store ?? true, mustExist: true }, o.all ? 'rerun --all' : 'rerun', ruleset, log))!;
  let sink: IncidentRecordsSink | null = null;
  try {
    sink = o.sink ? await IncidentRecordsSink.open(o.sink) : null;
  } catch (err) {
    await stored.close({ failed: (err as Error).message });
    throw err;
  }
  const counts: RerunCounts = { reextracted: 0, changed: 0, unchanged: 0, deadLettered: 0, alreadyDone: 0 };
  // the fields of each document's latest record before this run, to tell which records changed
  const before = new Map<string, string>();
  const outcome = async (x: Outcome) => {
    if (x.kind === 'record') {
      counts.reextracted++;
      if (before.get(x.record.id) === JSON.stringify(x.record.fields)) counts.unchanged++;
      else counts.changed++;
      before.delete(x.record.id);
      await stored.write(x.record);
      await sink?.write(x.record);
    } else if (x.kind === 'dead') {
      counts.deadLettered++;
      await stored.deadLetter(x.deadLetter);
    } else {
      counts.alreadyDone++;
    }
  };
  let failed = false;
  try {
    const runner = await createRunner(o, outcome, log);
    try {
      for await (const doc of stored.store.documentsToRerun(ruleset, { all: o.all })) {
        const prev = await stored.store.latestRecord(doc.id);
        before.set(doc.id, JSON.stringify(prev?.fields ?? null));
        await runner.submit({ raw: rawFromStored(doc), input: typeof doc.meta.input === 'string' ? doc.meta.input : `store:${doc.id}` });
      }
      await runner.drain();
      await stored.flush();
      // records changed: incidents are grouped again from every latest record (old ids stay as aliases)
      await rebuildIncidents(stored.store);
      if (o.sink) await writeRollup(o.sink, stored.store.incidents.list());
    } finally {
      await runner.close();
    }
  } catch (err) {
    failed = true;
    throw err;
  } finally {
    await sink?.close();
    await stored.close({ ...counts, failed });
  }
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  log.debug({ ...counts, ruleset }, 'rerun finished');
  process.stderr.write(
    `incident-extract rerun: ${counts.reextracted} document${counts.reextracted === 1 ? '' : 's'} re-extracted under ${ruleset} in ${s} s; ` +
      `${counts.changed} record${counts.changed === 1 ? '' : 's'} changed, ${counts.unchanged} unchanged` +
      `${counts.deadLettered ? `, ${counts.deadLettered} dead-lettered` : ''}${counts.alreadyDone ? `, ${counts.alreadyDone} already done` : ''}\n`,
  );
  return 0;
}
