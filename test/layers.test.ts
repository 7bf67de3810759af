// Layers point one way: the core (contract, analysed document, rule kit, registry, resolve, processor) imports
// nothing above it (CLI, store, ingest, sinks, eval, runners), so anything can stand on it. Checked on the sources.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/config.ts';

const CORE = path.join(REPO_ROOT, 'src/core');
const ABOVE = ['src/cli', 'src/store', 'src/ingest', 'src/sinks', 'src/eval', 'queues'].map((d) => path.join(REPO_ROOT, d));
const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

const tsFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name));

describe('the core imports nothing above it', () => {
  it('no module under src/core imports the CLI, store, ingest, sinks, eval or queues', () => {
    const bad: string[] = [];
    const files = tsFiles(CORE);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const spec = m[1] ?? m[2]!;
        if (!spec.startsWith('.')) continue;
        const target = path.resolve(path.dirname(file), spec);
        if (ABOVE.some((d) => target === d || target.startsWith(d + path.sep))) bad.push(`${path.relative(REPO_ROOT, file)} → ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
