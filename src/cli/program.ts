// The command line: commander wiring and exit statuses (EXIT in usage.ts; README "Exit status").
import { existsSync, readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { LIMITS } from '../config.ts';
import { DEFAULT_MAX_BYTES } from '../ingest/types.ts';
import { createLogger } from '../log.ts';
import { rulesetVersion } from '../core/ruleset.ts';
import type { ExtractOptions } from './extract.ts';
import { registerIncidentCommands } from './incidents.ts';
import { registerQueueCommands } from './queue.ts';
import { registerReviewCommand } from './review.ts';
import { DEFAULT_PREFIX, parseCount } from './runners.ts';
import { registerStoreCommands, withStoreOptions } from './store-commands.ts';
import { OpenError } from '../store/open.ts';
import { EXIT, UsageError } from './usage.ts';

// package.json is two folders up from the sources (src/cli/) and three from the compiled dist/src/cli/
const PACKAGE_JSON = ['../../package.json', '../../../package.json'].map((p) => new URL(p, import.meta.url)).find((u) => existsSync(u));
const PACKAGE_VERSION = PACKAGE_JSON ? (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version : 'unknown';

// The commands load the pipeline (rules, compromise, html-to-text) only when they run: `ruleset`,
// `--help` and usage errors answer at once.

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

function parseBytes(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined || Number(m[1]) <= 0) throw new InvalidArgumentError('expected a size such as 5000000, 512KB or 5MB');
  return Math.floor(Number(m[1]) * unit);
}

export async function runCli(argv: string[]): Promise<number> {
  const log = createLogger();
  let status = 0;
  const program = new Command('incident-extract')
    .description('Turns narrative cyber-incident reports into validated JSON records with evidence and confidence')
    .version(PACKAGE_VERSION, '-V, --version', 'print the version of incident-extract')
    .option('--debug', 'print stack traces of failures')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');

  withStoreOptions(program.command('extract'), { force: true })
    .description('extract records from files, directories (recursively) or - (stdin)')
    .argument('<paths...>', '.txt .md .html .json .jsonl files, directories, or - for stdin')
    .option('-o, --out <file>', 'write records (JSONL) to this file instead of stdout')
    .option('--dead-letters <file>', 'write dead letters (JSONL) here (default: <out>.dead.jsonl, or stderr)')
    .option('--max-bytes <size>', 'largest file or JSONL line accepted; also the largest text in characters', parseBytes, DEFAULT_MAX_BYTES)
    .option(
      '--doc-timeout <seconds>',
      'dead-letter a document (reason timeout) whose extraction takes longer; 0: no limit',
      parseCount,
      LIMITS.docTimeoutMs / 1000,
    )
    .option('--pretty', 'indent the JSON records (no longer one record per line)')
    .option('--no-progress', 'no progress bar or progress logs')
    .option('--strict', `exit with status ${EXIT.deadLetters} when any input was dead-lettered (default: dead letters are counted, status 0)`)
    .option(
      '--workers <n>',
      'local worker threads (default: one per core; 1: in process, unless --redis; 0 with --redis: enqueue and wait for remote workers)',
      parseCount,
    )
    .option('--redis <url>', 'run on BullMQ over Redis (default: $REDIS_URL); without it, worker threads on this machine')
    .option('--prefix <prefix>', 'Redis key prefix; keep the {hash tag} for Redis Cluster', DEFAULT_PREFIX)
    .action(async (paths: string[], o: ExtractOptions) => {
      const { runExtract } = await import('./extract.ts');
      status = await runExtract(paths, o, log);
    });

  registerQueueCommands(program, log, (s) => {
    status = s;
  });
  registerStoreCommands(program, log, (s) => {
    status = s;
  });
  registerReviewCommand(program, log, (s) => {
    status = s;
  });
  registerIncidentCommands(program, log, (s) => {
    status = s;
  });

  program
    .command('eval')
    .description('score extraction against a gold corpus: P, R, F1 and ECE per field, on all and answerable docs')
    .option('--gold <file>', 'gold corpus (JSONL, shared corpus format)')
    .option('--pred <records>', 'score these records (JSONL) instead of extracting the gold texts')
    .option('--json', 'print { docs, missing, fields } as JSON, like the reference scorer')
    .option('--incidents <gold...>', 'score the grouping of articles into incidents against these gold files (fixtures/incidents/*.jsonl)')
    .action(async (o: { gold?: string; pred?: string; json?: boolean; incidents?: string[] }) => {
      if (o.incidents) {
        process.stdout.write(await (await import('./eval-incidents.ts')).runIncidentEval(o.incidents, !!o.json));
        return;
      }
      if (!o.gold) throw new UsageError('eval needs --gold <file> (or --incidents <gold…>)');
      const { runEval } = await import('./eval.ts');
      process.stdout.write(await runEval({ ...o, gold: o.gold }));
    });

  program
    .command('ruleset')
    .description('print the ruleset version (package version + content hash of rules and pipeline)')
    .action(() => {
      process.stdout.write(rulesetVersion() + '\n');
    });

  try {
    await program.parseAsync(argv);
    return status;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const debug = !!program.opts().debug;
    if (err instanceof UsageError || err instanceof OpenError) {
      process.stderr.write(`error: ${err.message}\n`);
      if (debug) process.stderr.write(`${err.stack}\n`);
      return err instanceof UsageError ? EXIT.usage : EXIT.cannotOpen;
    }
    // A dependency that is down (Redis): its own one-line message and exit status (EXIT.cannotOpen); the stack only with --debug.
    const exitStatus = (err as { exitStatus?: unknown } | null)?.exitStatus;
    if (err instanceof Error && typeof exitStatus === 'number') {
      process.stderr.write(`error: ${err.message}\n`);
      if (debug || log.isLevelEnabled('debug')) process.stderr.write(`${err.stack}\n`);
      return exitStatus;
    }
    if (debug) log.fatal({ err }, 'internal failure');
    else process.stderr.write(`error: internal failure: ${(err as Error)?.message ?? String(err)} (run with --debug for the stack trace)\n`);
    return EXIT.failure;
  }
}
