// The engine bundle as a vm.Script with V8's code cache (scripts/bundle-engine.mjs, dist/src/core/engine.cached.js):
// a plain `node` accepts the cache the build made; a V8 that rejects it (here: a V8 flag changes the flags V8 checks
// the cache against, as another Node version would) compiles the script from its source and extracts the same record.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const LOADER = new URL('../dist/src/core/engine.cached.js', import.meta.url);
const CACHE = new URL('../dist/src/core/engine.script.cache', import.meta.url);
const TEXT = 'Hackers breached the City of Springfield in March 2021 and demanded $50,000 in ransom.';

interface Loaded {
  rejected: boolean;
  ok: boolean;
  fields: Record<string, { value: unknown }>;
}

/** Loads the engine through the cached loader in a fresh `node` (with `flags`) and extracts TEXT. */
function load(flags: string[] = []): Loaded {
  const code = `
    const { script, createExtractor } = await import(${JSON.stringify(LOADER.href)});
    const r = (await createExtractor()).process({ text: ${JSON.stringify(TEXT)} }, 'string');
    process.stdout.write(JSON.stringify({ rejected: script.cachedDataRejected, ok: r.ok, fields: r.record?.fields }));`;
  const r = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', code], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Loaded;
}

describe('the engine code cache', () => {
  it('is written by the build', () => {
    expect(existsSync(fileURLToPath(LOADER))).toBe(true);
    expect(existsSync(fileURLToPath(CACHE))).toBe(true);
  });

  it('is accepted by the Node that built it, and the engine extracts', () => {
    const run = load();
    expect(run.rejected).toBe(false);
    expect(run.ok).toBe(true);
    expect(run.fields.victim?.value).toBe('City of Springfield');
  }, 60_000);

  it('when rejected, the script compiles from its source and gives the same record', () => {
    const rejected = load(['--no-opt']);
    expect(rejected.rejected).toBe(true);
    expect(rejected.fields).toEqual(load().fields);
  }, 60_000);
});
