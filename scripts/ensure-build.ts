// vitest globalSetup (and the benches): tests that spawn bin/incident-extract.js run the compiled package, so dist/ is rebuilt
// first when any source is newer than the last build (a stale dist/ would test yesterday's code).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
// the sources and the build's own scripts (a change to how dist/ is written rebuilds it too)
const SOURCES = [
  'src',
  'extractors',
  'queues',
  'calibration',
  'package.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'scripts/gen-rule-index.ts',
  'scripts/build-assets.mjs',
  'scripts/bundle-engine.mjs',
  'scripts/bundle-engine-options.mjs',
];

function newest(p: string): number {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(p).map((e) => newest(path.join(p, e))));
}

export default function setup(): void {
  const stamp = path.join(ROOT, 'dist/ruleset.json');
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  if (SOURCES.every((s) => newest(path.join(ROOT, s)) <= built)) return;
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}
