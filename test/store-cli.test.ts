// extract, rerun, diff and export through the command line, on a SQLite store in a temporary directory.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/eval/paths.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';

const BIN = path.join(REPO_ROOT, 'bin/incident-extract.js');
const tmp = mkdtempSync(path.join(tmpdir(), 'ie-cli-store-'));
const DB = path.join(tmp, 'store.db');
const IN = path.join(tmp, 'in');
mkdirSync(IN);
copyFileSync(path.join(REPO_ROOT, 'fixtures/aiims-new-delhi.txt'), path.join(IN, 'a.txt'));
copyFileSync(path.join(REPO_ROOT, 'fixtures/aiims-new-delhi.txt'), path.join(IN, 'a-again.txt'));
copyFileSync(path.join(REPO_ROOT, 'fixtures/albania-akshi.txt'), path.join(IN, 'b.txt'));

const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args, '--store', DB], { cwd: tmp, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'warn' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
const lines = (s: string) => s.split('\n').filter(Boolean);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the store on the command line', () => {
  it('ingests once: the same content keeps one document, a second run extracts nothing new', async () => {
    const first = cli('extract', IN, '--workers', '1', '--no-progress');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/extracted\s+3/);
    const store = await openSqliteStore(DB);
    expect(await store.counts()).toMatchObject({ documents: 2, records: 2, runs: 1 });
    await store.close();

    const second = cli('extract', IN, '--workers', '1', '--no-progress');
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/extracted\s+0/);
    expect(second.stderr).toMatch(/3 documents already done/);
    // the output is complete all the same: the stored records
    expect(
      lines(second.stdout)
        .map((l) => JSON.parse(l).id)
        .sort(),
    ).toEqual(
      lines(first.stdout)
        .map((l) => JSON.parse(l).id)
        .sort(),
    );
  });

  it('reruns what another ruleset made, reading the text from the store, and diff shows the change', async () => {
    expect(cli('rerun', '--workers', '1').stderr).toMatch(/0 documents re-extracted/);
    // a record from "another ruleset", written last, for one document: rerun must redo that one only
    const store = await openSqliteStore(DB);
    const [rec] = await collect(store.latestRecords());
    const old = {
      ...rec!,
      ruleset: '0.0.1+oldrules',
      fields: { ...rec!.fields, victim: { value: 'Someone Else', confidence: 0.5, evidence: rec!.fields.victim!.evidence, rule: 'victim/old' } },
    };
    await store.write({ records: [old] });
    await store.close();

    const rerun = cli('rerun', '--workers', '1');
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(rerun.stderr).toMatch(/1 document re-extracted under \S+ in [\d.]+ s; 1 record changed, 0 unchanged/);

    const diff = cli('diff', '--json');
    expect(diff.status, diff.stderr).toBe(0);
    const d = JSON.parse(diff.stdout);
    expect(d.from).toBe('0.0.1+oldrules');
    expect(d).toMatchObject({ documents: 1, changedDocuments: [rec!.id] });
    expect(d.fields.victim).toMatchObject({ changed: 1, added: 0, removed: 0 });
    expect(d.fields.victim.examples.changed[0].from.value).toBe('Someone Else');
    expect(d.fields.date.unchanged + d.fields.date.empty).toBe(1);
    expect(cli('diff').stdout).toMatch(/victim\s+0\s+0\s+1\s+0/);

    const all = cli('rerun', '--all', '--workers', '1');
    expect(all.stderr).toMatch(/2 documents re-extracted under \S+ in [\d.]+ s; 0 records changed, 2 unchanged/);
  });

  it('exports the latest record per document as JSONL and CSV', () => {
    const jsonl = cli('export');
    expect(jsonl.status, jsonl.stderr).toBe(0);
    expect(lines(jsonl.stdout)).toHaveLength(2);
    const csv = lines(cli('export', '--format', 'csv').stdout);
    expect(csv[0]).toMatch(/^id,ruleset,extracted_at,victim,victim_confidence,/);
    expect(csv).toHaveLength(3);
    expect(cli('export', '--ruleset', '0.0.1+oldrules').stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(cli('export', '--format', 'xml').status).toBe(2);
  });
});

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
