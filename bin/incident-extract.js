#!/usr/bin/env node
// Runs the compiled package (dist/, built by `npm run build`, which `npm ci` runs through the prepare script): the
// command line's one-file bundle when the build wrote it (scripts/bundle-engine.mjs), else its modules.
// From the sources, without a build: `npm run cli -- …` (tsx).
import { existsSync } from 'node:fs';

const main = ['../dist/src/cli/main.bundle.js', '../dist/src/cli/main.js'].map((f) => new URL(f, import.meta.url)).find((u) => existsSync(u));
if (!main) {
  process.stderr.write('incident-extract: dist/ is not built; run `npm run build` (npm ci does it)\n');
  process.exit(1);
}
await import(main.href);
