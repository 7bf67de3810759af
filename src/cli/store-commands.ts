// The store's commands (rerun, diff, export) and the store options `extract` shares with them.
import type { Command } from 'commander';
import type { Logger } from '../log.ts';
import { DEFAULT_PREFIX, parseCount } from './runners.ts';

const STORE_HELP = 'SQLite file or postgres://… URL (default: $INCIDENT_EXTRACT_STORE or ./incident-extract.db)';

/** --store, --no-store, --force, --sink: for extract and rerun. */
export function withStoreOptions(cmd: Command, opts: { force?: boolean } = {}): Command {
  cmd.option('--store <path|url>', STORE_HELP).option('--sink <url>', 'also upsert every record into incident_records in this PostgreSQL database');
  if (opts.force) {
    cmd
      .option('--no-store', 'do not store documents and records')
      .option('--force', 'extract documents again even when the store has their record under this ruleset');
  }
  return cmd;
}

export function registerStoreCommands(program: Command, log: Logger, setStatus: (s: number) => void): void {
  withStoreOptions(
    program
      .command('rerun')
      .description('extract again the stored documents whose latest record is from another ruleset (text read from the store)')
      .option('--all', 'every stored document, whatever ruleset made its record')
      .option('--no-progress', 'no progress logs')
      .option('--workers <n>', 'worker threads on this machine (default: one per core)', parseCount)
      .option('--redis <url>', 'run on BullMQ over Redis (default: $REDIS_URL)')
      .option('--prefix <prefix>', 'Redis key prefix', DEFAULT_PREFIX),
  ).action(async (o) => {
    const { runRerun } = await import('./store-rerun.ts');
    setStatus(await runRerun(o, log));
  });

  program
    .command('diff')
    .description('compare the records of two rulesets per field (default: the two latest in the store)')
    .option('--from <ruleset>', 'the old ruleset')
    .option('--to <ruleset>', 'the new ruleset')
    .option('--gold <file>', 'also score both against this gold corpus: F1 per field and the difference')
    .option('--json', 'print the comparison as JSON')
    .option('--store <path|url>', STORE_HELP)
    .action(async (o) => setStatus(await (await import('./store-diff.ts')).runDiff(o)));

  program
    .command('export')
    .description('stream the latest record of every stored document (or those of one ruleset)')
    .option('--format <format>', 'jsonl or csv (records); stix (one STIX 2.1 bundle) or misp (MISP events, one per line) of the incidents', 'jsonl')
    .option('--incidents', 'one row per incident instead of per record (JSON lines; with --sink, the incident_rollup table)')
    .option('--ruleset <ruleset>', 'the records of this ruleset instead of the latest')
    .option('-o, --out <file>', 'write here instead of stdout')
    .option('--store <path|url>', STORE_HELP)
    .option('--sink <url>', 'upsert the records into incident_records in this PostgreSQL database instead of printing them')
    .option('--corrections', 'export the review corrections as gold JSONL (shared corpus format) for eval --gold')
    .action(async (o) => {
      if (o.corrections) return setStatus(await (await import('./review.ts')).runExportCorrections(o));
      const { runExport } = await import('./store-export.ts');
      setStatus(await runExport(o, log));
    });
}
