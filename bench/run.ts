// npm run bench: runs the benchmark sections in order and prints what machine they ran on.
// Each section is one module exporting an async function; later sections (runners, stores) add a line here.
//   tsx bench/run.ts [section ...]      e.g. tsx bench/run.ts core; sections: core store runners startup stream e2e
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT as ROOT } from '../src/config.ts';
import { benchCore, type BenchContext } from './core.ts';
import { benchStore } from './store.ts';
import { benchRunners } from './runners.ts';
import { benchFaults } from './faults.ts';
import { benchStartup } from './startup.ts';
import { benchStream } from './stream.ts';
import { benchE2e } from './e2e.ts';

const SECTIONS: Record<string, (ctx: BenchContext) => Promise<void>> = {
  core: benchCore,
  store: benchStore,
  runners: benchRunners,
  faults: benchFaults,
  startup: benchStartup,
  stream: benchStream,
  e2e: benchE2e,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((s) => !(s in SECTIONS));
if (unknown.length) {
  process.stderr.write(`unknown section(s): ${unknown.join(', ')}; known: ${Object.keys(SECTIONS).join(', ')}\n`);
  process.exit(2);
}

const ctx: BenchContext = {
  root: ROOT,
  // CI clones the repository with shared/ beside it
  shared: path.resolve(ROOT, '../shared'),
  log: (line = '') => process.stdout.write(line + '\n'),
};

const cpus = os.cpus();
ctx.log(
  `machine: ${cpus[0]?.model.trim() ?? 'unknown cpu'}, ${cpus.length} cores (${os.availableParallelism()} available), ` +
    `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.platform()} ${os.release()}, node ${process.version}`,
);
ctx.log(
  'core and store run in this one process on one core; startup, e2e and stream time child processes; ' +
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (other work on the machine slows every figure: run it on an idle machine)`,
);

const t0 = performance.now();
for (const [name, run] of Object.entries(SECTIONS)) {
  if (wanted.length && !wanted.includes(name)) continue;
  ctx.log(`\n== ${name}`);
  await run(ctx);
}
ctx.log(`\nbench took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
