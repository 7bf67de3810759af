// Child of bench/startup.ts: imports the compiled pipeline stage by stage and prints each stage's cost, so the
// start-up figure can be split into Node, the date parser, the CLI, the rules (with their gazetteers and compromise's
// lexicon) and the first document (which builds what the rules build lazily). compromise itself is loaded only for a
// document whose paragraph labels need its tagger, so it is no stage here.  node bench/startup-stages.mjs DOC
import { readFileSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url);
const rows = [];
let t = performance.now();
const stage = async (name, fn) => {
  await fn();
  const now = performance.now();
  rows.push(`${name.padEnd(34)} ${(now - t).toFixed(0).padStart(6)} ms  rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
  t = now;
};
rows.push(`${'node itself (before this script)'.padEnd(34)} ${performance.now().toFixed(0).padStart(6)} ms`);
await stage('chrono-node (English)', () => import('chrono-node/en'));
await stage('CLI (commander, pino)', () => import(new URL('src/cli/program.js', dist).href));
await stage('extract command (ingest, sinks, store)', () => import(new URL('src/cli/extract.js', dist).href));
await stage('rules and gazetteers', () => import(new URL('extractors/index.js', dist).href));
let ex;
await stage('processor (engine, ruleset)', async () => {
  ex = await (await import(new URL('src/core/engine.js', dist).href)).createExtractor();
});
const text = readFileSync(process.argv[2], 'utf8');
await stage('first document', () => ex.process({ text }, 'doc'));
await stage('second document (warm)', () => ex.process({ text }, 'doc'));
process.stdout.write(rows.join('\n') + '\n');
