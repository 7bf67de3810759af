// Child of bench/startup.ts: imports the compiled pipeline stage by stage, as a one-document extract loads it, and
// prints each stage's cost (wall and CPU time), so the start-up figure can be split into Node, the CLI, the processor
// and the first document (which compiles the rules' regexes). The processor is loaded as the CLI's runners load it
// (src/cli/runners.ts): the engine bundle as a script with V8's code cache of it (engine.cached.js, written by
// scripts/bundle-engine.mjs), else the bundle as a module, else engine.js and its ~320 modules. compromise itself is
// loaded only for a document whose paragraph labels need its tagger, so it is no stage here.
//   node bench/startup-stages.mjs DOC
import { existsSync, readFileSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url);
const ENGINES = [
  ['processor (engine, code-cached)', 'src/core/engine.cached.js'],
  ['processor (engine bundle)', 'src/core/engine.bundle.js'],
  ['processor (engine, rules)', 'src/core/engine.js'],
].map(([name, f]) => [name, new URL(f, dist)]);
const [engineStage, engine] = ENGINES.find(([, u]) => existsSync(u));
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const rows = [];
let t = performance.now();
let c = cpuMs();
const stage = async (name, fn) => {
  await fn();
  const now = performance.now();
  const cNow = cpuMs();
  const rss = (process.memoryUsage().rss / 2 ** 20).toFixed(0);
  rows.push(`${name.padEnd(34)} ${(now - t).toFixed(0).padStart(6)} ms  cpu ${(cNow - c).toFixed(0).padStart(5)} ms  rss ${rss} MB`);
  t = now;
  c = cNow;
};
rows.push(`${'node itself (before this script)'.padEnd(34)} ${performance.now().toFixed(0).padStart(6)} ms  cpu ${c.toFixed(0).padStart(5)} ms`);
await stage('CLI (commander)', () => import(new URL('src/cli/program.js', dist).href));
await stage('extract command (ingest, sinks)', () => import(new URL('src/cli/extract.js', dist).href));
let ex;
await stage(engineStage, async () => {
  ex = await (await import(engine.href)).createExtractor();
});
const text = readFileSync(process.argv[2], 'utf8');
await stage('first document', () => ex.process({ text }, 'doc'));
await stage('second document (warm)', () => ex.process({ text }, 'doc'));
process.stdout.write(rows.join('\n') + '\n');
