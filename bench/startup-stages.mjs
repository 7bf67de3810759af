// Child of bench/startup.ts: imports the compiled pipeline stage by stage, as a one-document extract loads it, and
// prints each stage's cost, so the start-up figure can be split into Node, the CLI, the processor (the one-file
// bundle of the rules, their gazetteers, compromise's lexicon, chrono-node and zod that the build writes,
// scripts/bundle-engine.mjs; engine.js without it) and the first document (which compiles the rules' regexes, with
// the V8 flags the in-process path sets: queues/embedded/deferred.ts). compromise itself is loaded only for a
// document whose paragraph labels need its tagger, so it is no stage here.  node bench/startup-stages.mjs DOC
import { existsSync, readFileSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url);
const bundle = new URL('src/core/engine.bundle.js', dist);
const engine = existsSync(bundle) ? bundle : new URL('src/core/engine.js', dist);
const rows = [];
let t = performance.now();
const stage = async (name, fn) => {
  await fn();
  const now = performance.now();
  rows.push(`${name.padEnd(34)} ${(now - t).toFixed(0).padStart(6)} ms  rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
  t = now;
};
rows.push(`${'node itself (before this script)'.padEnd(34)} ${performance.now().toFixed(0).padStart(6)} ms`);
await stage('CLI (commander)', () => import(new URL('src/cli/program.js', dist).href));
await stage('extract command (ingest, sinks)', () => import(new URL('src/cli/extract.js', dist).href));
let ex;
await stage(existsSync(bundle) ? 'processor (engine bundle)' : 'processor (engine, rules)', async () => {
  ex = await (await import(engine.href)).createExtractor();
});
const text = readFileSync(process.argv[2], 'utf8');
await stage('first document', () => ex.process({ text }, 'doc'));
await stage('second document (warm)', () => ex.process({ text }, 'doc'));
process.stdout.write(rows.join('\n') + '\n');
