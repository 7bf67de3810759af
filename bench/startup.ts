// npm run bench startup: what a user waits for before the first record, against bare Node baselines measured in
// the same run (so the ratios hold on a busy machine too). Each command runs RUNS times, interleaved; the median
// wall time and the median peak RSS (GNU time's %M) are printed, then where one extraction's start-up goes.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import ensureBuild from '../scripts/ensure-build.ts';
import type { BenchContext } from './core.ts';

const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Probe {
  name: string;
  args: string[];
}
interface Measured {
  wallMs: number;
  rssMb: number;
}

function measure(root: string, p: Probe): Measured {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...p.args], { cwd: root, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'warn' } });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${p.name} failed (${r.status}): ${r.stderr.slice(-400)}`);
  const kb = Number(r.stderr.trim().split('\n').pop());
  return { wallMs, rssMb: kb / 1024 };
}

export async function benchStartup(ctx: BenchContext): Promise<void> {
  ensureBuild();
  const doc = path.join(ctx.root, 'fixtures/province-de-namur.txt');
  if (!existsSync(doc)) throw new Error(`missing ${doc}`);
  const bin = path.join(ctx.root, 'bin/incident-extract.js');
  const bare = `import nlp from 'compromise'; import { readFileSync } from 'node:fs'; nlp(readFileSync(${JSON.stringify(doc)}, 'utf8'));`;
  const probes: Probe[] = [
    { name: 'node -e 0', args: ['-e', '0'] },
    { name: 'bare: import compromise, nlp(doc)', args: ['--input-type=module', '-e', bare] },
    { name: 'incident-extract --help', args: [bin, '--help'] },
    { name: 'incident-extract ruleset', args: [bin, 'ruleset'] },
    { name: 'incident-extract extract doc --no-store', args: [bin, 'extract', doc, '--no-store', '--no-progress'] },
  ];
  const got = new Map<string, Measured[]>(probes.map((p) => [p.name, []]));
  for (let i = 0; i < RUNS; i++) for (const p of probes) got.get(p.name)!.push(measure(ctx.root, p));
  const med = (name: string): Measured => ({ wallMs: median(got.get(name)!.map((m) => m.wallMs)), rssMb: median(got.get(name)!.map((m) => m.rssMb)) });
  ctx.log(`one document: ${path.relative(ctx.root, doc)}; compiled package (dist/); median of ${RUNS} interleaved runs`);
  for (const p of probes) {
    const m = med(p.name);
    ctx.log(`  ${p.name.padEnd(44)} ${m.wallMs.toFixed(0).padStart(6)} ms  ${m.rssMb.toFixed(0).padStart(4)} MB peak RSS`);
  }
  const [zero, base, help, ruleset, one] = probes.map((p) => med(p.name)) as [Measured, Measured, Measured, Measured, Measured];
  ctx.log(`  extract / bare wall        ${(one.wallMs / base.wallMs).toFixed(2)}x  (target <= 1.5x)`);
  ctx.log(`  extract / bare peak RSS    ${(one.rssMb / base.rssMb).toFixed(2)}x  (target <= 1.5x)`);
  ctx.log(`  --help / node -e 0 wall    ${(help.wallMs / zero.wallMs).toFixed(2)}x  (target <= 2x)`);
  ctx.log(`  ruleset / node -e 0 wall   ${(ruleset.wallMs / zero.wallMs).toFixed(2)}x  (target <= 2x)`);

  // Where the extraction's start-up goes: each stage imported in turn in a fresh process, timed from inside.
  const stages = path.join(ctx.root, 'bench/startup-stages.mjs');
  const r = spawnSync(process.execPath, [stages, doc], { cwd: ctx.root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`startup stages failed: ${r.stderr.slice(-400)}`);
  ctx.log("where one extraction's start-up goes (ms, in a fresh process, each stage after the one before):");
  for (const line of r.stdout.trim().split('\n')) ctx.log(`  ${line}`);
}
