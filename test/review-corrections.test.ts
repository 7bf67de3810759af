// Corrections: highlight segments, form parsing, the corrections table in both stores (migration 0003 with
// 0002 absent), and the round trip corrections → export --corrections → eval --gold.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { FIELD_NAMES, type IncidentRecord } from '../src/core/contract/record.ts';
import { REPO_ROOT } from '../src/eval/paths.ts';
import { CorrectionError, toCorrection } from '../src/review/corrections.ts';
import { correctionsGold } from '../src/review/gold.ts';
import { recordMarks, segments, type Mark } from '../src/review/highlight.ts';
import { escapeHtml, html } from '../src/review/html.ts';
import { openPostgresStore } from '../src/store/postgres.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import type { Store } from '../src/store/store.ts';
import { testSchema } from './helpers/postgres.ts';

const BIN = path.join(REPO_ROOT, 'bin/incident-extract.js');
const tmp = mkdtempSync(path.join(tmpdir(), 'ie-review-corr-'));
const pgSchema = testSchema('review');
afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await pgSchema.drop();
});

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('highlight segments', () => {
  it('tile the text and give every span exactly its own range, however spans overlap or nest', () => {
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let round = 0; round < 200; round++) {
      const text = 'x'.repeat(5 + rnd(60));
      const marks: Mark[] = Array.from({ length: rnd(8) }, (_, i) => {
        const start = rnd(text.length),
          end = start + 1 + rnd(text.length - start);
        return { cls: `m${i}`, start, end };
      });
      const segs = segments(text, marks);
      expect(segs.slice(1).map((s) => s.start)).toEqual(segs.slice(0, -1).map((s) => s.end));
      expect(segs[0]!.start).toBe(0);
      expect(segs.at(-1)!.end).toBe(text.length);
      for (const m of marks) {
        const covered = segs.filter((s) => s.classes.includes(m.cls));
        expect(covered[0]!.start).toBe(m.start);
        expect(covered.at(-1)!.end).toBe(m.end);
        expect(covered.every((s, i) => i === 0 || s.start === covered[i - 1]!.end)).toBe(true);
      }
    }
  });

  it('leaves out a span that does not fit or quote the text instead of drawing it wrong', () => {
    expect(segments('abc', [{ cls: 'f-victim', start: 1, end: 9 }]).flatMap((s) => s.classes)).toEqual([]);
    const ev = (start: number, end: number, text: string) => ({ value: text, confidence: 1, rule: 'r', evidence: [{ start, end, text }] });
    expect(recordMarks('Acme was hit', { victim: ev(0, 4, 'Acme'), date: ev(5, 8, 'xyz') })).toEqual([{ cls: 'f-victim', start: 0, end: 4 }]);
  });

  it('escapes interpolated values in content and attributes', () => {
    const evil = `"><img src=x onerror='a()'></textarea><script>b()</script>&`;
    const out = html`<p title="${evil}">${evil}</p>`.value;
    expect(out).not.toMatch(/<img|<script|<\/textarea/);
    expect(out).toBe(`<p title="${escapeHtml(evil)}">${escapeHtml(evil)}</p>`);
  });
});

const record = (id: string, ruleset = '0.0.1+test'): IncidentRecord => ({
  schema: 'incident-record/1',
  id,
  source: {},
  ruleset,
  extractedAt: '2024-01-01T00:00:00.000Z',
  warnings: [],
  fields: {
    victim: {
      value: 'Acme',
      confidence: 0.6,
      evidence: [{ start: 0, end: 4, text: 'Acme' }],
      rule: 'victim/t',
      alternatives: [{ value: 'Acme Ltd', confidence: 0.2, evidence: [{ start: 0, end: 4, text: 'Acme' }], rule: 'victim/u' }],
    },
    date: null,
    location: null,
    serverCount: null,
    ransom: null,
    origin: null,
  },
});

describe('correction forms', () => {
  const r = record('d1');
  it('accepts, chooses an alternative, or records "not in the text"', () => {
    expect(toCorrection(r, { field: 'victim', choice: 'accept' })).toMatchObject({ action: 'accept', value: 'Acme', ruleset: r.ruleset, documentId: 'd1' });
    expect(toCorrection(r, { field: 'victim', choice: 'alt-0' })).toMatchObject({ action: 'alternative', value: 'Acme Ltd' });
    expect(toCorrection(r, { field: 'victim', choice: 'none' }).value).toBeNull();
    expect(toCorrection(r, { field: 'date', choice: 'accept' }).value).toBeNull();
  });

  it('parses typed values into the record shape and refuses what the contract refuses', () => {
    expect(toCorrection(r, { field: 'location', choice: 'typed', typed: 'be, Namur' }).value).toEqual({ country: 'BE', region: 'Namur', city: null });
    expect(toCorrection(r, { field: 'ransom', choice: 'typed', typed: 'yes 4,000 usd' }).value).toEqual({ demanded: true, amount: 4000, currency: 'USD' });
    expect(toCorrection(r, { field: 'origin', choice: 'typed', typed: 'RU, Fancy Bear' }).value).toEqual({ country: 'RU', actor: 'Fancy Bear' });
    expect(toCorrection(r, { field: 'serverCount', choice: 'typed', typed: '12' }).value).toBe(12);
    for (const [field, typed] of [
      ['date', '2023-13'],
      ['serverCount', 'five'],
      ['location', 'Belgium'],
      ['victim', '  '],
      ['ransom', 'maybe'],
    ]) {
      expect(() => toCorrection(r, { field: field!, choice: 'typed', typed })).toThrow(CorrectionError);
    }
    expect(() => toCorrection(r, { field: 'victim', choice: 'alt-3' })).toThrow(CorrectionError);
    expect(() => toCorrection(r, { field: 'nope', choice: 'accept' })).toThrow(CorrectionError);
  });
});

function correctionsContract(name: string, open: () => Promise<Store>) {
  it(`${name}: keeps corrections in write order, values byte for byte, and exports them as gold`, async () => {
    const store = await open();
    try {
      const text = 'Acme "<b>" was hit';
      await store.write({ documents: [{ id: 'd1', text, meta: { title: 'T' } }], records: [record('d1')] });
      const evil = `Acme '); DROP TABLE corrections; -- <script>`;
      await store.addCorrection({ documentId: 'd1', field: 'victim', value: evil, action: 'typed', ruleset: '0.0.1+test', at: '2024-01-01T00:00:01.000Z' });
      const leeds = { country: 'GB', region: null, city: 'Leeds' };
      await store.addCorrection({ documentId: 'd1', field: 'location', value: leeds, action: 'typed', ruleset: '0.0.1+test', at: '2024-01-01T00:00:02.000Z' });
      await store.addCorrection({ documentId: 'd1', field: 'ransom', value: null, action: 'none', ruleset: '0.0.1+test', at: '2024-01-01T00:00:03.000Z' });
      const cs = await store.corrections('d1');
      expect(cs.map((c) => c.field)).toEqual(['victim', 'location', 'ransom']);
      expect(cs[0]!.value).toBe(evil);
      expect(await store.corrections('other')).toEqual([]);
      const [g, ...rest] = await collect(correctionsGold(store));
      expect(rest).toEqual([]);
      expect(g).toMatchObject({ id: 'd1', text, gold: { victim: evil, country: 'GB', location_text: 'Leeds', date: null, ransom: { demanded: false } } });
      expect(g!.meta).toMatchObject({ judged: false, reviewed: ['victim', 'location', 'ransom'], title: 'T' });
    } finally {
      await store.close();
    }
  });
}

describe('the corrections table', () => {
  correctionsContract('SQLite', () => openSqliteStore(path.join(tmp, 'contract.db')));
  correctionsContract('PostgreSQL', () => openPostgresStore(pgSchema.url));

  it('is migration 3, applied whether or not migration 2 exists', async () => {
    const file = path.join(tmp, 'migrations.db');
    await (await openSqliteStore(file)).close();
    const db = new Database(file, { readonly: true });
    const versions = (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version);
    db.close();
    expect(versions).toContain(1);
    expect(versions).toContain(3);
  });
});

describe('corrections round trip: export --corrections, then eval --gold scores the next ruleset against them', () => {
  it('counts an accepted value right and a corrected one wrong', async () => {
    const DB = path.join(tmp, 'trip.db');
    const input = path.join(tmp, 'in');
    mkdirSync(input);
    for (const f of ['province-de-namur.txt', 'city-of-baltimore.txt', 'albania-akshi.txt']) {
      copyFileSync(path.join(REPO_ROOT, 'fixtures', f), path.join(input, f));
    }
    const env = { ...process.env, LOG_LEVEL: 'warn' };
    const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args, '--store', DB], { encoding: 'utf8', env });
    expect(cli('extract', input, '--workers', '1', '--no-progress').status).toBe(0);

    const store = await openSqliteStore(DB);
    const [a, b, c] = (await collect(store.latestRecords())).filter((r) => r.fields.victim && r.fields.date);
    expect(c).toBeDefined();
    const add = (r: IncidentRecord, field: string, form: { choice: string; typed?: string }) => store.addCorrection(toCorrection(r, { field, ...form }));
    for (const f of FIELD_NAMES) await add(a!, f, { choice: 'accept' }); // every field reviewed: judged
    await add(b!, 'victim', { choice: 'typed', typed: 'Zebra Quartz Holdings' });
    const year = Number(String(c!.fields.date!.value).slice(0, 4));
    await add(c!, 'date', { choice: 'typed', typed: String(year + 3) });
    await store.close();

    const gold = path.join(tmp, 'corrections.jsonl');
    const ex = cli('export', '--corrections', '-o', gold);
    expect(ex.status, ex.stderr).toBe(0);
    expect(ex.stderr).toMatch(/exported 3 corrected documents as gold \(1 with every field reviewed\)/);

    const ev = spawnSync(process.execPath, [BIN, 'eval', '--gold', gold, '--json'], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'warn' } });
    expect(ev.status, ev.stderr).toBe(0);
    const { docs, fields } = JSON.parse(ev.stdout);
    expect(docs).toBe(3);
    expect(fields['all.victim']).toMatchObject({ labelled: 2, correct: 1 }); // a accepted, b corrected to another name
    expect(fields['all.date']).toMatchObject({ labelled: 2, correct: 1 }); // a accepted, c corrected to another year
    expect(fields['all.country'].labelled).toBe(a!.fields.location?.value.country ? 1 : 0);
    expect(fields['all.country'].correct).toBe(fields['all.country'].labelled);
  });
});
