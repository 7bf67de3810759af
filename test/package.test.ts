// The published package as a user gets it: `npm pack`, install the tarball into an empty project, then use the
// library from plain JavaScript and from type-checked TypeScript, and run the installed bin. No tsx, no sources.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const tmp = mkdtempSync(path.join(tmpdir(), 'ie-pack-'));
const project = path.join(tmp, 'consumer');
const TEXT = 'Hackers breached the City of Springfield in March 2021 and demanded $50,000 in ransom.';

const npm = (args: string[], cwd: string) => spawnSync('npm', [...args, '--no-audit', '--no-fund'], { cwd, encoding: 'utf8' });

describe('the packed package', () => {
  beforeAll(() => {
    const packed = npm(['pack', '--pack-destination', tmp], ROOT);
    expect(packed.status, packed.stderr).toBe(0);
    const tgz = path.join(tmp, readdirSync(tmp).find((f) => f.endsWith('.tgz'))!);
    mkdirSync(project);
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    // The dependencies are in npm's cache after `npm ci`; install scripts (the SQLite addon build) are not needed for
    // extraction without a store. Offline first, the registry if the cache lacks something.
    let inst = npm(['install', '--offline', '--ignore-scripts', tgz], project);
    if (inst.status !== 0) inst = npm(['install', '--prefer-offline', '--ignore-scripts', tgz], project);
    expect(inst.status, inst.stderr).toBe(0);
  }, 600_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('ships compiled JavaScript and types, not the TypeScript sources', () => {
    const pkg = path.join(project, 'node_modules/incident-extract');
    const files = readdirSync(pkg, { recursive: true }).map(String);
    expect(files).toContain(path.join('dist', 'src', 'index.js'));
    expect(files).toContain(path.join('dist', 'src', 'index.d.ts'));
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
  });

  it('a plain .mjs imports the library and extracts a record from a string', () => {
    writeFileSync(
      path.join(project, 'use.mjs'),
      [
        "import { createExtractor } from 'incident-extract';",
        'const extractor = await createExtractor();',
        `const r = extractor.process({ text: ${JSON.stringify(TEXT)} }, 'string');`,
        'process.stdout.write(JSON.stringify(r));',
      ].join('\n'),
    );
    const r = JSON.parse(execFileSync(process.execPath, ['use.mjs'], { cwd: project, encoding: 'utf8' })) as {
      ok: boolean;
      record: { fields: Record<string, { value: unknown }> };
    };
    expect(r.ok).toBe(true);
    expect(r.record.fields.victim?.value).toBe('City of Springfield');
    expect(r.record.fields.date?.value).toBe('2021-03');
  }, 120_000);

  it('a TypeScript consumer type-checks against the shipped .d.ts (and a wrong type is caught)', () => {
    writeFileSync(
      path.join(project, 'use.ts'),
      [
        "import { createExtractor, type ProcessResult } from 'incident-extract';",
        'const extractor = await createExtractor();',
        `const r: ProcessResult = extractor.process({ text: ${JSON.stringify(TEXT)} }, 'string');`,
        'export const victim: string | undefined = r.ok ? r.record.fields.victim?.value : undefined;',
        '// @ts-expect-error: a victim is a string, so typed exports are real types, not any',
        'export const wrong: number | undefined = r.ok ? r.record.fields.victim?.value : undefined;',
      ].join('\n'),
    );
    writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: [] },
        files: ['use.ts'],
      }),
    );
    const tsc = spawnSync(process.execPath, [TSC, '-p', '.'], { cwd: project, encoding: 'utf8' });
    expect(tsc.status, tsc.stdout).toBe(0);
  }, 300_000);

  it('the installed incident-extract bin extracts a file', () => {
    writeFileSync(path.join(project, 'report.txt'), TEXT);
    const bin = path.join(project, 'node_modules/.bin/incident-extract');
    const r = spawnSync(bin, ['extract', 'report.txt', '--no-store'], { cwd: project, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'warn' } });
    expect(r.status, r.stderr).toBe(0);
    const record = JSON.parse(r.stdout.trim().split('\n')[0]!) as { fields: Record<string, { value: unknown }> };
    expect(record.fields.victim?.value).toBe('City of Springfield');
  }, 120_000);
});
