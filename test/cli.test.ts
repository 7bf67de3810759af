// The command as a user runs it: `node bin/incident-extract.js …` in a child process, on a folder that mixes
// good documents with every kind of bad file. Every input must end as a record or a dead letter.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeadLetter, IncidentRecord } from '../src/core/contract/record.ts';
import { rulesetVersion } from '../src/core/ruleset.ts';
import { DEV_CORPORA, REFERENCE_SCORER } from '../src/eval/paths.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = path.join(ROOT, 'bin/incident-extract.js');
const CORPUS = DEV_CORPORA.eurepoc;

let dir: string;
let inputs: string;

function cli(args: string[], input?: string | Buffer): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, LOG_LEVEL: 'info' },
  });
}
const jsonLines = (s: string) =>
  s
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
const summaryOf = (stderr: string) => jsonLines(stderr).find((l) => l.msg === 'summary');

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cli-'));
  inputs = path.join(dir, 'inputs');
  const put = (name: string, content: string | Buffer) => {
    mkdirSync(path.dirname(path.join(inputs, name)), { recursive: true });
    writeFileSync(path.join(inputs, name), content);
  };
  // Good: five documents in four formats (the JSONL holds two of them).
  put('good.txt', 'Russian hackers attacked the Province de Namur in July 2023 and encrypted 5 servers. A ransom was demanded.');
  put('news/story.md', '---\ntitle: Clinic breach\npublishedAt: 2022-03-01\n---\nThe clinic said attackers stole patient records last week.');
  put(
    'news/page.html',
    '<html><head><title>Port outage</title></head><body><nav>Home</nav>' +
      '<p>The port of Nagoya halted container operations after a ransomware attack.</p></body></html>',
  );
  put(
    'docs.jsonl',
    [
      JSON.stringify({ id: 'j1', text: 'The city of Dallas was hit by Royal ransomware in May 2023.' }),
      '{"id": "j2", "text": "truncated line',
      JSON.stringify({ id: 'j3', text: 'A school district in Minnesota reported a data breach.' }),
    ].join('\n') + '\n',
  );
  // Bad: one dead letter each.
  put('big.txt', 'ransomware '.repeat(Math.ceil((6 * 1024 * 1024) / 11)));
  put('junk.txt', Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 131 + 7) % 256)));
  put('empty.txt', '');
  put('latin1.txt', Buffer.from('Cyberattaque contre la mairie de B\xe9ziers, d\xe9clare le pr\xe9fet.', 'latin1'));
  // Not inputs: an unknown type (skipped and counted), a fixture expectation and a dotfile (ignored).
  put('report.pdf', '%PDF-1.4 not really');
  put('good.expected.json', '{"fields":{}}');
  put('.DS_Store', Buffer.from([0, 1, 2, 3]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('extract on a folder of good and bad files', () => {
  let run: SpawnSyncReturns<string>;
  let out: string;
  beforeAll(() => {
    out = path.join(dir, 'out/records.jsonl');
    mkdirSync(path.dirname(out), { recursive: true });
    run = cli(['extract', inputs, '--out', out]);
  });

  it('exits 0: dead letters are normal, every input was accounted for', () => {
    expect(run.stderr).not.toMatch(/"level":(50|60)/);
    expect(run.status).toBe(0);
  });

  it('writes one valid record per good document', () => {
    const records = jsonLines(readFileSync(out, 'utf8'));
    for (const r of records) expect(IncidentRecord.safeParse(r).success).toBe(true);
    const parsed = records.map((r) => IncidentRecord.parse(r));
    expect(parsed.map((r) => r.source.uri ?? r.id).sort()).toEqual(
      [path.join(inputs, 'good.txt'), 'j1', 'j3', path.join(inputs, 'news/page.html'), path.join(inputs, 'news/story.md')].sort(),
    );
    expect(parsed.find((r) => r.source.title === 'Clinic breach')?.source.publishedAt).toBe('2022-03-01');
  });

  it('writes one dead letter per bad input, with its reason, to <out>.dead.jsonl', () => {
    const dead = jsonLines(readFileSync(`${out}.dead.jsonl`, 'utf8')).map((d) => DeadLetter.parse(d));
    const byInput = Object.fromEntries(dead.map((d) => [path.relative(inputs, d.input), d.reason]));
    expect(byInput).toEqual({
      'big.txt': 'too-large',
      'junk.txt': 'binary',
      'empty.txt': 'empty-text',
      'latin1.txt': 'invalid-utf8',
      'docs.jsonl:2': 'broken-json',
    });
  });

  it('reports the counts at the end: read, extracted, dead-lettered per reason, skipped', () => {
    const s = summaryOf(run.stderr);
    expect(s).toMatchObject({
      read: 10,
      extracted: 5,
      deadLettered: 5,
      skipped: 1,
      internalFailures: 0,
      reasons: { 'too-large': 1, binary: 1, 'empty-text': 1, 'invalid-utf8': 1, 'broken-json': 1 },
    });
    expect(s!.elapsedMs).toBeGreaterThan(0);
    expect(s!.docsPerSec).toBeGreaterThan(0);
    expect(run.stderr).toMatch(/10 documents read in [\d.]+ s/);
    expect(run.stderr).toMatch(/dead-lettered {2}5 {2}\(binary 1, broken-json 1, empty-text 1, invalid-utf8 1, too-large 1\)/);
    expect(run.stderr).toMatch(/skipped {8}1 file of unknown type/);
  });

  it('with no --out, records go to stdout and dead letters to stderr', () => {
    const r = cli(['extract', path.join(inputs, 'docs.jsonl'), path.join(inputs, 'empty.txt')]);
    expect(r.status).toBe(0);
    expect(jsonLines(r.stdout).map((x) => x.id)).toEqual(['j1', 'j3']);
    expect(
      jsonLines(r.stderr)
        .filter((x) => x.deadLetter)
        .map((x) => x.reason),
    ).toEqual(['broken-json', 'empty-text']);
  });

  it('--max-bytes lowers the size limit', () => {
    const r = cli(['extract', path.join(inputs, 'good.txt'), '--max-bytes', '50', '--no-progress']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(jsonLines(r.stderr).find((x) => x.deadLetter)).toMatchObject({ reason: 'too-large' });
  });
});

describe('extract from stdin', () => {
  it('reads one plain-text document from -', () => {
    const r = cli(['extract', '-'], 'Hackers encrypted 12 servers at the Port of Lisbon on Christmas Day 2022.');
    expect(r.status).toBe(0);
    const [rec] = jsonLines(r.stdout).map((x) => IncidentRecord.parse(x));
    expect(rec?.id).toMatch(/^sha256-/);
    expect(summaryOf(r.stderr)).toMatchObject({ read: 1, extracted: 1, deadLettered: 0 });
  });

  it('reads JSONL from - when it starts with {', () => {
    const r = cli(['extract', '-'], '{"id":"s1","text":"The hospital was hit."}\nnot json\n{"id":"s2","text":"The bank was hit."}\n');
    expect(r.status).toBe(0);
    expect(jsonLines(r.stdout).map((x) => x.id)).toEqual(['s1', 's2']);
    expect(jsonLines(r.stderr).find((x) => x.deadLetter)).toMatchObject({ reason: 'broken-json', input: '-:2' });
  });
});

describe('extract | head', () => {
  it('stops quietly when the reader closes the pipe', () => {
    const big = path.join(dir, 'many.jsonl');
    writeFileSync(
      big,
      Array.from({ length: 3000 }, (_, i) =>
        JSON.stringify({ id: `m${i}`, text: `Incident number ${i}: the town hall of Example was hit by ransomware.` }),
      ).join('\n'),
    );
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" extract "${big}" --no-progress | head -n 2; echo "status=\${PIPESTATUS[0]}" >&2`], {
      encoding: 'utf8',
      cwd: ROOT,
    });
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect(r.stderr).toContain('status=0');
    expect(r.stderr).not.toMatch(/EPIPE|Error|at .*\.ts:\d+/);
  });
});

describe('eval', () => {
  let gold: string;
  beforeAll(() => {
    gold = path.join(dir, 'gold.jsonl');
    writeFileSync(gold, readFileSync(CORPUS, 'utf8').split('\n').slice(0, 40).join('\n') + '\n');
  });

  it('--json prints { docs, missing, fields } per subset and field', () => {
    const r = cli(['eval', '--gold', gold, '--json']);
    expect(r.status).toBe(0);
    const res = JSON.parse(r.stdout) as { docs: number; missing: number; fields: Record<string, { P: number; R: number; F1: number }> };
    expect(res.docs).toBe(40);
    expect(res.missing).toBe(0);
    for (const k of ['all.country', 'answerable.country', 'all.date', 'answerable.origin', 'all.ransom_demanded']) {
      expect(res.fields[k]).toHaveProperty('F1');
      expect(res.fields[k]!.P).toBeGreaterThanOrEqual(0);
    }
  });

  it('--pred scores existing records exactly like the reference scorer', () => {
    const records = path.join(dir, 'gold-records.jsonl');
    expect(cli(['extract', gold, '--out', records, '--no-progress']).status).toBe(0);
    const ours = cli(['eval', '--gold', gold, '--pred', records, '--json']);
    expect(ours.status).toBe(0);
    const ref = spawnSync(process.execPath, [REFERENCE_SCORER, '--gold', gold, '--pred', records, '--json'], { encoding: 'utf8' });
    expect(JSON.parse(ours.stdout)).toEqual(JSON.parse(ref.stdout));
    // Extracting inside eval gives the same scores as extracting first.
    expect(JSON.parse(cli(['eval', '--gold', gold, '--json']).stdout)).toEqual(JSON.parse(ours.stdout));
  });

  it('prints a table without --json', () => {
    const r = cli(['eval', '--gold', gold]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^docs 40, records missing 0/);
    expect(r.stdout).toMatch(/answerable\s+country\s+\d+/);
  });
});

describe('ruleset and usage errors', () => {
  it('ruleset prints the ruleset version', () => {
    const r = cli(['ruleset']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{8}$/);
    expect(r.stdout.trim()).toBe(rulesetVersion());
  });

  it.each([
    [['extract']],
    [['extract', 'x', '--bogus']],
    [['extract', 'x', '--max-bytes', 'lots']],
    [['extract', 'x', '--out', '/nonexistent/dir/records.jsonl']],
    [['eval']],
    [['eval', '--gold', '/nonexistent/gold.jsonl']],
    [['frobnicate']],
  ])('%j exits 2', (args) => {
    const r = cli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/error/i);
  });
});
