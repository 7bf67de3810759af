// `incident-extract review`: the review pages over the store (live server on 127.0.0.1, or --static DIR), and
// `export --corrections`: what reviewers said, as gold JSONL for `eval --gold`.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { Logger } from '../log.ts';
import { UsageError } from './usage.ts';

export interface ReviewOptions {
  port: number;
  host: string;
  store?: string;
  ruleset?: string;
  gold?: string;
  static?: string;
}

const parsePort = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number, 0 for any free one');
  return n;
};

export function registerReviewCommand(program: Command, log: Logger, setStatus: (s: number) => void): void {
  program
    .command('review')
    .description('review records on their text in a browser, correct them (served on 127.0.0.1), or write the pages with --static')
    .option('--port <n>', 'port to listen on (0: any free port; the URL is printed)', parsePort, 7341)
    .option('--host <host>', 'address to bind; anything but 127.0.0.1 exposes the store to the network', '127.0.0.1')
    .option('--store <path|url>', 'SQLite file or postgres://… URL (default: $INCIDENT_EXTRACT_STORE or ./incident-extract.db)')
    .option('--ruleset <ruleset>', 'show the records of this ruleset (default: the latest of each document)')
    .option('--gold <file>', 'gold corpus for the calibration plots (shared corpus format)')
    .option('--static <dir>', 'write the pages as files into this directory (read only) and exit')
    .action(async (o: ReviewOptions) => setStatus(await runReview(o, log)));
}

export async function runReview(o: ReviewOptions, log: Logger): Promise<number> {
  if (o.gold && !existsSync(o.gold)) throw new UsageError(`no such file: ${o.gold}`);
  const [{ ReviewApp }, { readGold, goldToRaw }, { openStore, storeSpec }] = await Promise.all([
    import('../review/app.ts'),
    import('../eval/gold.ts'),
    import('../store/open.ts'),
  ]);
  const store = await openStore(storeSpec(o.store));
  const app = new ReviewApp({
    store,
    ...(o.ruleset ? { ruleset: o.ruleset } : {}),
    ...(o.gold ? { gold: { path: o.gold, lines: readGold(o.gold) } } : {}),
    extractGold: async (gold) => {
      const extractor = await (await import('../core/engine.ts')).createExtractor();
      return gold.flatMap((g) => {
        const r = extractor.process(goldToRaw(g), `${o.gold}#${g.id}`);
        return r.ok ? [r.record] : [];
      });
    },
  });
  if (o.static) {
    try {
      const { pages } = await (await import('../review/static.ts')).writeStatic(app, o.static);
      process.stderr.write(`incident-extract: wrote ${pages} review pages to ${o.static}\n`);
      return 0;
    } finally {
      await store.close();
    }
  }
  const { startReviewServer } = await import('../review/server.ts');
  let server;
  try {
    server = await startReviewServer(app, { host: o.host, port: o.port, log });
  } catch (err) {
    await store.close();
    throw new UsageError(`cannot listen on ${o.host}:${o.port}: ${(err as Error).message}`);
  }
  process.stdout.write(`review: ${server.url}\n`);
  log.info({ url: server.url, store: store.description }, 'review server listening (Ctrl-C to stop)');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  await store.close();
  return 0;
}

/** `export --corrections`: one gold line per corrected document, in the shared corpus format. */
export async function runExportCorrections(o: { store?: string; out?: string }): Promise<number> {
  const [{ correctionsGold }, { openStore, storeSpec }, { LineSink }] = await Promise.all([
    import('../review/gold.ts'),
    import('../store/open.ts'),
    import('../sinks/lines.ts'),
  ]);
  const store = await openStore(storeSpec(o.store));
  let n = 0,
    judged = 0;
  try {
    const out = o.out ? LineSink.toFile(o.out) : new LineSink(process.stdout, false);
    for await (const line of correctionsGold(store)) {
      await out.write(JSON.stringify(line));
      n++;
      if (line.meta.judged) judged++;
      if (out.closed) break;
    }
    await out.end();
  } finally {
    await store.close();
  }
  const docs = `${n} corrected document${n === 1 ? '' : 's'}`;
  process.stderr.write(`incident-extract: exported ${docs} as gold (${judged} with every field reviewed) from ${store.description}\n`);
  return 0;
}
