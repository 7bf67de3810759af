// The engine bundle as a vm.Script with V8's code cache (scripts/bundle-engine.mjs, dist/src/core/engine.cached.js):
// a plain `node` accepts the cache the build made; a V8 that rejects it (here: a V8 flag changes the flags V8 checks
// the cache against, as another Node version would) compiles the script from its source and extracts the same record.
// The loader first compiles to machine code the regexes the engine searches in most documents (engine.regexps.json,
// recorded by the build with scripts/record-regexps.mjs): the list must be the one the engine of dist/ records now,
// and a regex of it made anew after the loader ran must find its compiled code, not compile to bytecode on its first
// search.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const LOADER = new URL('../dist/src/core/engine.cached.js', import.meta.url);
const CACHE = new URL('../dist/src/core/engine.script.cache', import.meta.url);
const REGEXPS = new URL('../dist/src/core/engine.regexps.json', import.meta.url);
const RECORD = new URL('../scripts/record-regexps.mjs', import.meta.url);
const FIXTURES = new URL('../fixtures', import.meta.url);
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

describe('the regexes the engine loader compiles first', () => {
  const listed = () => JSON.parse(readFileSync(REGEXPS, 'utf8')) as [string, string, number][];

  it('are those the engine searches now in most of fixtures/ (the build wrote the list, and from this engine)', () => {
    const r = spawnSync(process.execPath, [fileURLToPath(RECORD), LOADER.href, fileURLToPath(FIXTURES)], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
      maxBuffer: 64 * 2 ** 20,
    });
    expect(r.status, r.stderr).toBe(0);
    const now = JSON.parse(r.stdout) as [string, string, number][];
    const key = ([source, flags, widths]: [string, string, number]) => `${widths} ${flags}/${source}`;
    const was = new Set(listed().map(key));
    const is = new Set(now.map(key));
    expect(now.length).toBeGreaterThan(100);
    expect({ missing: [...is].filter((k) => !was.has(k)), stale: [...was].filter((k) => !is.has(k)) }).toEqual({ missing: [], stale: [] });
  }, 120_000);

  it('are compiled to machine code when the loader has run: made anew, none compiles to bytecode at its first search', () => {
    // (--trace-regexp-tier-up prints a line per compile, "bytecode size" for a compile to bytecode)
    const code = `
      const { readFileSync } = await import('node:fs');
      await import(${JSON.stringify(LOADER.href)});
      console.log('LOADED');
      for (const [source, flags, widths] of JSON.parse(readFileSync(new URL(${JSON.stringify(REGEXPS.href)}), 'utf8'))) {
        if (widths & 1) new RegExp(source, flags).test('a short text');
        if (widths & 2) new RegExp(source, flags).test('a short text \u2013 two bytes a character');
      }`;
    const r = spawnSync(process.execPath, ['--trace-regexp-tier-up', '--input-type=module', '-e', code], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(r.status, r.stderr).toBe(0);
    const after = r.stdout.slice(r.stdout.indexOf('LOADED'));
    expect(r.stdout).toContain('LOADED');
    expect(after.match(/bytecode size/g) ?? []).toEqual([]);
  }, 60_000);
});
