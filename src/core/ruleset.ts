// The ruleset version: package version + a content hash of everything that decides extraction
// (rule sources and shared gazetteers under extractors/, calibration data, the pipeline's own code).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT as ROOT } from '../config.ts';

const STAMP = path.join(ROOT, 'ruleset.json');
const RULESET_INPUTS = ['extractors', 'calibration', 'src/core'];

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p));
    else if (!/\.test\.ts$/.test(e.name)) out.push(p);
  }
  return out;
}

function rulesetHash(root = ROOT): string {
  // (node:crypto only here, from the sources: a build's start reads the stamp)
  const h = process.getBuiltinModule('node:crypto').createHash('sha256');
  for (const dir of RULESET_INPUTS) {
    for (const f of files(path.join(root, dir)).sort()) {
      h.update(path.relative(root, f).split(path.sep).join('/')).update('\0').update(readFileSync(f)).update('\0');
    }
  }
  return h.digest('hex').slice(0, 8);
}

export function rulesetVersion(root?: string): string {
  // Compiled (dist/): the build stamped the version of the sources it compiled (scripts/build-assets.mjs).
  if (!root && existsSync(STAMP)) return (JSON.parse(readFileSync(STAMP, 'utf8')) as { ruleset: string }).ruleset;
  root ??= ROOT;
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  return `${pkg.version}+${rulesetHash(root)}`;
}
