// npm run bench e2e: the whole process on one core, as a user runs it. The 400 VCDB dev texts of >= 1,000
// characters as one JSONL file, through `taskset -c 0 incident-extract extract FILE --no-store --workers 1`,
// against a bare `node` loop over the same texts that imports compromise and calls nlp(text), in the same run.
// Each runs RUNS times interleaved; medians of wall time, CPU time (user + system: what the process itself
// used, so a busy machine bends it less) and peak RSS, from GNU time. E2E_TIMES=K: the same texts K times over (ids
// suffixed), to see how the ratio moves with the batch's length (start-up and V8's warm-up weigh less).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ensureBuild from '../scripts/ensure-build.ts';
import type { BenchContext } from './core.ts';

const RUNS = 3;
const DOCS = 400;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Run {
  wall: number;
  cpu: number;
  rssMb: number;
}

function timed(cwd: string, args: string[]): Run {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', 'taskset', '-c', '0', process.execPath, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'warn' },
    maxBuffer: 1 << 30,
  });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr.slice(-400)}`);
  const [u, s, kb] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number) as [number, number, number];
  return { wall, cpu: u + s, rssMb: kb / 1024 };
}

export async function benchE2e(ctx: BenchContext): Promise<void> {
  ensureBuild();
  const texts = readFileSync(path.join(ctx.shared, 'corpus/vcdb-dev.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; text: string })
    .filter((g) => g.text.length >= 1000)
    .slice(0, DOCS);
  const times = Math.max(1, Number(process.env.E2E_TIMES ?? 1));
  const batch = Array.from({ length: times }, (_, k) => texts.map((t) => ({ id: times > 1 ? `${t.id}-r${k}` : t.id, text: t.text }))).flat();
  const dir = mkdtempSync(path.join(tmpdir(), 'ie-e2e-'));
  try {
    const input = path.join(dir, 'docs.jsonl');
    writeFileSync(input, batch.map((t) => JSON.stringify(t)).join('\n') + '\n');
    const mb = batch.reduce((s, t) => s + Buffer.byteLength(t.text), 0) / 1e6;
    const bare = `import nlp from 'compromise'; import { readFileSync } from 'node:fs';
      for (const l of readFileSync(${JSON.stringify(input)}, 'utf8').split('\\n')) if (l) nlp(JSON.parse(l).text);`;
    const bin = path.join(ctx.root, 'bin/incident-extract.js');
    const contenders: [string, string[]][] = [
      ['bare compromise loop', ['--input-type=module', '-e', bare]],
      ['extract --no-store --workers 1', [bin, 'extract', input, '--no-store', '--workers', '1', '--no-progress', '--out', '/dev/null']],
    ];
    const runs = contenders.map(() => [] as Run[]);
    for (let i = 0; i < RUNS; i++) contenders.forEach(([, args], k) => runs[k]!.push(timed(ctx.root, args)));
    const med = runs.map((rs) => ({ wall: median(rs.map((r) => r.wall)), cpu: median(rs.map((r) => r.cpu)), rssMb: median(rs.map((r) => r.rssMb)) }));
    const counted = `${batch.length} texts${times > 1 ? ` (${texts.length} × ${times})` : ''}`;
    ctx.log(`${counted}, ${mb.toFixed(2)} MB, taskset -c 0, compiled package, median of ${RUNS} interleaved runs`);
    contenders.forEach(([name], k) => {
      const m = med[k]!;
      ctx.log(
        `  ${name.padEnd(32)} wall ${m.wall.toFixed(2).padStart(6)} s  cpu ${m.cpu.toFixed(2).padStart(6)} s  ` +
          `${(mb / m.cpu).toFixed(2)} MB/cpu-s  peak ${m.rssMb.toFixed(0)} MB`,
      );
    });
    const [b, e] = med as [Run, Run];
    ctx.log(
      `  pipeline vs bare: ${(b.wall / e.wall).toFixed(2)}x faster by wall, ${(b.cpu / e.cpu).toFixed(2)}x by CPU time${times > 1 ? '' : ' (target >= 5x)'}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
