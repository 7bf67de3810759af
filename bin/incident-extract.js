#!/usr/bin/env node
// Runs the compiled package (dist/, built by `npm run build`, which `npm ci` runs through the prepare script).
// From the sources, without a build: `npm run cli -- …` (tsx).
import { existsSync } from 'node:fs';

const main = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('incident-extract: dist/ is not built; run `npm run build` (npm ci does it)\n');
  process.exit(1);
}
await import(main.href);
