// Commands that do no extraction must not pay for it: `--help`, `ruleset`, `status`, `enqueue` and `export` never
// load compromise, chrono-node or the rules. Each command runs in a child process whose module resolutions are
// recorded by a loader hook (module.register); `extract` is the control that shows the hook sees those modules.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { cleanPrefix, REDIS_URL, requireRedis, uniquePrefix } from './helpers/redis.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const HOOK = path.join(ROOT, 'test/helpers/record-loads.mjs');
// the processor's one-file bundle (scripts/bundle-engine.mjs) holds chrono-node and the rules when the build wrote it,
// loaded as a script with V8's code cache (engine.cached.js) or as a module (engine.bundle.js)
const BUNDLE = path.join(ROOT, 'dist/src/core/engine.bundle.js');
const CACHED = path.join(ROOT, 'dist/src/core/engine.cached.js');
const EXTRACTION = /\/node_modules\/(compromise|chrono-node)\/|\/extractors\/|\/engine\.(bundle|cached)\.js$/;

let dir: string;
const prefix = uniquePrefix('lazy');

function loadsOf(args: string[]): { status: number | null; stderr: string; urls: string[] } {
  const log = path.join(dir, `loads-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', HOOK, path.join(ROOT, 'bin/incident-extract.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LOAD_LOG: log, INCIDENT_EXTRACT_STORE: path.join(dir, 'store.db') },
  });
  return { status: r.status, stderr: r.stderr, urls: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'lazy-'));
  writeFileSync(path.join(dir, 'doc.txt'), 'Russian hackers attacked the Province de Namur in July 2023 and encrypted 5 servers.');
  (await requireRedis()).disconnect();
  // export reads a store and never creates one (exit 3 at a missing path): it gets an empty one
  await (await openSqliteStore(path.join(dir, 'store.db'))).close();
});

afterAll(async () => {
  const r = await requireRedis();
  await cleanPrefix(r, prefix);
  r.disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe('commands that do no extraction load no NLP and no rules', () => {
  const commands: [string, () => string[]][] = [
    ['--help', () => ['--help']],
    ['ruleset', () => ['ruleset']],
    ['status', () => ['status', '--redis', REDIS_URL, '--prefix', prefix]],
    ['enqueue', () => ['enqueue', '--redis', REDIS_URL, '--prefix', prefix, path.join(dir, 'doc.txt')]],
    ['export', () => ['export']],
  ];
  it.each(commands)('%s', (_name, args) => {
    const run = loadsOf(args());
    expect(run.status, run.stderr).toBe(0);
    // the command line ran: its bundle (dist/, bin; scripts/bundle-engine.mjs), its modules, or the sources
    expect(run.urls.some((u) => /\/src\/cli\/(program\.[jt]s|main\.bundle\.js)$/.test(u))).toBe(true);
    expect(run.urls.filter((u) => EXTRACTION.test(u))).toEqual([]);
  });

  it('the hook does see them when a command extracts (control)', () => {
    const run = loadsOf(['extract', '--no-store', '--no-progress', '--workers', '1', path.join(dir, 'doc.txt')]);
    expect(run.status, run.stderr).toBe(0);
    const seen = run.urls.filter((u) => EXTRACTION.test(u)).map((u) => /compromise|chrono-node|extractors|engine\.(bundle|cached)/.exec(u)![0]);
    // compromise is no part of it: the rules read its lexicon from the build's copy, and its tagger is loaded only
    // for a paragraph label that needs it (this document has none); the bin runs dist/, which loads the bundle
    const built = existsSync(CACHED) ? ['engine.cached'] : existsSync(BUNDLE) ? ['engine.bundle'] : ['chrono-node', 'extractors'];
    expect(new Set(seen)).toEqual(new Set(built));
  });
});
