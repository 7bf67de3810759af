// #12 as a user meets it: exit statuses, stores and sinks that cannot be opened, the sink fed with stored documents,
// duplicate ids, spreadsheet formulas in CSV, HTML on stdin, and what the summary says. Real files and PostgreSQL.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressFraction } from '../src/cli/progress.ts';
import { csvCell } from '../src/cli/store-export.ts';
import { EXIT } from '../src/cli/usage.ts';
import { TEST_PG_URL, testSchema } from './helpers/postgres.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = path.join(ROOT, 'bin/incident-extract.js');
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

// one worker thread: the tests share a small machine
function cli(args: string[], input?: string): SpawnSyncReturns<string> {
  const all = args.includes('extract') ? [...args, '--workers', '1'] : args;
  return spawnSync(process.execPath, [BIN, ...all], { cwd: dir, input, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'warn' } });
}
const lines = (s: string) => s.split('\n').filter(Boolean);
const jsonLines = (s: string) =>
  lines(s)
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
const TEXT = 'Russian hackers attacked the Province de Namur in July 2023 and encrypted 5 servers.';

let dir: string;
const s = testSchema('ie_clifail');
let client: pg.Client;
const rows = async (table: string) => (await client.query(`SELECT * FROM ${s.schema}.${table}`)).rows;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cli-failures-'));
  client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await s.drop();
  rmSync(dir, { recursive: true, force: true });
});

function put(name: string, content: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}
const jsonl = (docs: object[]) => docs.map((d) => JSON.stringify(d)).join('\n') + '\n';

describe('a store, sink or queue that cannot be opened', () => {
  const input = () => put('one.txt', TEXT);
  it.each([
    ['a SQLite file in a missing directory', ['--store', '/nonexistent/dir/x.db']],
    ['a PostgreSQL nobody listens on', ['--store', 'postgres://postgres@127.0.0.1:5499/test']],
    ['a mysql:// URL', ['--store', 'mysql://root@127.0.0.1/db']],
    ['a sink nobody listens on', ['--no-store', '--sink', 'postgres://postgres@127.0.0.1:5499/test']],
  ])('%s: one line, its own exit status', (_what, args) => {
    const run = cli(['extract', input(), '--no-progress', ...args]);
    expect(run.status).toBe(EXIT.cannotOpen);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(/^error: cannot open /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(dir, 'mysql:'))).toBe(false);
  });

  it('--debug adds the stack trace', () => {
    const run = cli(['--debug', 'extract', input(), '--no-progress', '--store', '/nonexistent/dir/x.db']);
    expect(run.status).toBe(EXIT.cannotOpen);
    expect(run.stderr).toMatch(/\n\s+at /);
  });

  it.each([['diff'], ['rerun'], ['export']])('%s never creates a store at a mistyped path', (cmd) => {
    const mistyped = path.join(dir, `typo-${cmd}.db`);
    const run = cli([cmd, '--store', mistyped]);
    expect(run.status).toBe(EXIT.cannotOpen);
    expect(run.stderr).toMatch(/no such file/);
    expect(existsSync(mistyped)).toBe(false);
  });
});

describe('exit statuses and what a run leaves behind', () => {
  it('a missing input path is bad usage', () => {
    const run = cli(['extract', path.join(dir, 'no-such-file.txt'), '--no-store']);
    expect(run.status).toBe(EXIT.usage);
    expect(run.stderr).toMatch(/no such file or directory/);
  });

  it('--version prints the package version', () => {
    const run = cli(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(VERSION);
  });

  it('dead letters keep status 0 unless --strict', () => {
    const inputs = [put('good.txt', TEXT), put('empty.txt', '')];
    expect(cli(['extract', ...inputs, '--no-store', '--no-progress']).status).toBe(EXIT.ok);
    expect(cli(['extract', ...inputs, '--no-store', '--no-progress', '--strict']).status).toBe(EXIT.deadLetters);
  });

  it('no empty dead-letter file when nothing is dead-lettered, and none beside /dev/null', () => {
    const out = path.join(dir, 'clean.jsonl');
    expect(cli(['extract', put('clean.txt', TEXT), '--no-store', '--no-progress', '-o', out]).status).toBe(0);
    expect(jsonLines(readFileSync(out, 'utf8'))).toHaveLength(1);
    expect(existsSync(`${out}.dead.jsonl`)).toBe(false);
    // (other programs on this machine may have left one there: then this run must not touch it)
    const stamp = () => (existsSync('/dev/null.dead.jsonl') ? statSync('/dev/null.dead.jsonl').mtimeMs : null);
    const before = stamp();
    const run = cli(['extract', put('g.txt', TEXT), put('e.txt', ''), '--no-store', '--no-progress', '-o', '/dev/null']);
    expect(run.status).toBe(0);
    expect(stamp()).toBe(before);
    expect(jsonLines(run.stderr).some((l) => l.reason === 'empty-text')).toBe(true);
  });

  it('the summary names a skipped file and counts only documents extracted in this run', () => {
    const store = path.join(dir, 'summary.db');
    const inputs = [put('s1.txt', TEXT), put('notes.pdf', '%PDF')];
    expect(cli(['extract', ...inputs, '--store', store, '--no-progress']).stderr).toMatch(/skipped\s+1 file of unknown type: .*notes\.pdf/);
    const again = cli(['extract', ...inputs, '--store', store, '--no-progress']);
    expect(again.stderr).toMatch(/\(0\.0 extracted\/s/);
  });
});

describe('the progress share', () => {
  it('stays below 100 % while documents are in flight, even when every byte is read', () => {
    expect(progressFraction({ files: 63, bytes: 1000, docs: 63 }, 1, 1000)).toBeLessThan(0.05);
    expect(progressFraction({ files: 1, bytes: 1000, docs: null }, 10, 1000)).toBeLessThan(1);
  });
});

describe('the PostgreSQL sink', () => {
  it('receives documents already done in the store (and the output has them)', async () => {
    const input = put('six.jsonl', jsonl([1, 2, 3].map((i) => ({ id: `six-${i}`, text: `${TEXT} Report ${i}.` }))));
    const store = path.join(dir, 'six.db');
    expect(cli(['extract', input, '--store', store, '--no-progress']).status).toBe(0);
    const run = cli(['extract', input, '--store', store, '--no-progress', '--sink', s.url]);
    expect(run.status).toBe(0);
    expect(jsonLines(run.stdout)).toHaveLength(3);
    expect((await rows('incident_records')).filter((r) => String(r.id).startsWith('six-'))).toHaveLength(3);
  });

  it('ids PostgreSQL would merge stay distinct in the store and the sink', async () => {
    const ids = ['col\u0000x', 'col\ufffdx', 'col\ud800x'];
    const input = put('five.jsonl', jsonl(ids.map((id, i) => ({ id, text: `${TEXT} Variant ${i}.` }))));
    const run = cli(['extract', input, '--store', s.url, '--sink', s.url, '--no-progress']);
    expect(run.status).toBe(0);
    expect(jsonLines(run.stdout)).toHaveLength(3);
    expect((await rows('documents')).filter((r) => String(r.id).startsWith('col'))).toHaveLength(3);
    expect((await rows('incident_records')).filter((r) => String(r.id).startsWith('col'))).toHaveLength(3);
  });
});

describe('hostile input', () => {
  it('a later document with an earlier id and another text is dead-lettered as duplicate-id', () => {
    const input = put(
      'dup.jsonl',
      jsonl([
        { id: 'd1', text: `${TEXT} First.` },
        { id: 'd1', text: 'The city of Dallas was hit in May 2023.' },
      ]),
    );
    const run = cli(['extract', input, '--no-store', '--no-progress']);
    const records = jsonLines(run.stdout);
    expect(records).toHaveLength(1);
    expect(records[0]!.fields).toMatchObject({ victim: { value: 'Province de Namur' } });
    expect(
      jsonLines(run.stderr)
        .filter((l) => l.reason === 'duplicate-id')
        .map((l) => l.id),
    ).toEqual(['d1']);
  });

  it('CSV export neutralises spreadsheet formulas', () => {
    const store = path.join(dir, 'csv.db');
    // (ids are trimmed on input: tab and CR are checked on csvCell itself)
    const evil = ['=HYPERLINK("http://x","y")', '+1+1', '-2', '@SUM(A1)'];
    const input = put('csv.jsonl', jsonl(evil.map((id, i) => ({ id, text: `${TEXT} Copy ${i}.` }))));
    expect(cli(['extract', input, '--store', store, '--no-progress']).status).toBe(0);
    const csv = cli(['export', '--format', 'csv', '--store', store]).stdout;
    const firstCells = csv
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split(',')[0]!.replace(/^"/, ''));
    expect(firstCells).toHaveLength(evil.length);
    for (const cell of firstCells) expect(cell.startsWith("'")).toBe(true);
    expect(['\tTAB', '\rCR', 'plain', -2].map(csvCell)).toEqual(["'\tTAB", `"'\rCR"`, 'plain', '-2']);
  });

  it('HTML on stdin is converted as an .html file is', () => {
    const page = `<!DOCTYPE html><html><head><title>Port outage</title><script>var victim = "Evil Corp was hacked";</script></head>
<body><nav>Home | Evil Corp was hacked</nav><noscript>Enable JavaScript, Evil Corp</noscript>
<p>The port of Nagoya halted container operations after a ransomware attack in July 2023.</p></body></html>`;
    const file = put('page.html', page);
    const fromStdin = jsonLines(cli(['extract', '-', '--no-store', '--no-progress'], page).stdout);
    const fromFile = jsonLines(cli(['extract', file, '--no-store', '--no-progress']).stdout);
    expect(fromStdin).toHaveLength(1);
    expect(fromStdin[0]!.fields).toEqual(fromFile[0]!.fields);
    expect(JSON.stringify(fromStdin[0])).not.toMatch(/Evil Corp/);
  });
});
