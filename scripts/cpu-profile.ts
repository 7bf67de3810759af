// Usage: npx tsx scripts/cpu-profile.ts DIR [TOP]
// Self time by area and by file in each .cpuprofile of DIR, one block per thread. Run the command to profile with
// `node --cpu-prof --cpu-prof-dir=DIR …`: worker threads inherit the flag and write their own profile
// (CPU.….0.001.cpuprofile is the main thread, ….1.002 the first worker). A frame without a file (a regex, a native
// call) counts for the nearest caller that has one, so a rule's regexes count for the rules. The V8 profiler samples
// wall time: on a busy machine the figures include time the thread waited for the core; compare shares, not seconds.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const SPECIAL = new Set(['(idle)', '(garbage collector)', '(program)', '(root)']);

/** The area a file belongs to: the rules, compromise, another package, the pipeline's own code, Node itself. */
function area(url: string): string {
  if (url.includes('/extractors/')) return 'rules (extractors/)';
  // the regex search every rule goes through, and the loop that calls the rules
  if (/\/src\/core\/(rule|registry)\.[jt]s$/.test(url)) return 'rules (core/rule, core/registry)';
  const pkg = url.split('node_modules/')[1];
  if (pkg) return `package ${pkg.startsWith('@') ? pkg.split('/').slice(0, 2).join('/') : pkg.split('/')[0]}`;
  if (url.startsWith('node:')) return 'node internals';
  const own = /\/(src\/[^/]+|queues|bin)\//.exec(url);
  return own ? own[1]! : url;
}

const shortName = (url: string) => url.replace(/^file:\/\/.*?\/(dist\/|(?=src\/|queues\/|extractors\/|node_modules\/))/, '$1');

function summarise(p: Profile, top: number): string[] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  p.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const byArea = new Map<string, number>();
  const byFile = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, us: number) => m.set(k, (m.get(k) ?? 0) + us);
  let total = 0;
  for (const [id, us] of selfUs) {
    const own = byId.get(id)!.callFrame;
    if (own.functionName === '(idle)') continue;
    total += us;
    let url = '';
    if (!SPECIAL.has(own.functionName)) {
      for (let x: number | undefined = id; x !== undefined && !url; x = parent.get(x)) url = byId.get(x)!.callFrame.url;
    }
    const key = url || own.functionName || '(native)';
    add(byArea, url ? area(url) : key, us);
    add(byFile, url ? shortName(url) : key, us);
  }
  const line = ([k, us]: [string, number]) => `${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`;
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return [
    `not idle: ${(total / 1000).toFixed(0)} ms`,
    '  by area:',
    ...sorted(byArea).map(line),
    `  top ${top} files:`,
    ...sorted(byFile).slice(0, top).map(line),
  ];
}

const [dir, topArg] = process.argv.slice(2);
if (!dir) {
  process.stderr.write('usage: npx tsx scripts/cpu-profile.ts DIR [TOP]\n');
  process.exit(2);
}
for (const f of readdirSync(dir)
  .filter((f) => f.endsWith('.cpuprofile'))
  .sort()) {
  const profile = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Profile;
  process.stdout.write([`== ${f}`, ...summarise(profile, Number(topArg ?? 20)), ''].join('\n') + '\n');
}
