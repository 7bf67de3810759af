// The review pages without a browser: list filters and sorting, "changed between two rulesets" with both
// values and evidences, dead letters, plots (bins that agree with eval's ECE), and --static pages that link
// to each other and carry no forms.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentRecord } from '../src/core/contract/record.ts';
import { ece, type GoldLine } from '../src/eval/score.ts';
import { ReviewApp } from '../src/review/app.ts';
import { listRows } from '../src/review/list.ts';
import { calibrationBins } from '../src/review/plots.ts';
import { parseListQuery, serverLinks } from '../src/review/server.ts';
import { writeStatic } from '../src/review/static.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import type { Store } from '../src/store/store.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'ie-review-pages-'));
const R1 = '0.0.1+old',
  R2 = '0.0.2+new';
const TEXT = (id: string) => `${id}: Acme <b>Corp</b> was hit in 2021 and Beta "Ltd" in 2022 by Russian hackers.`;
const span = (text: string, s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });

function rec(id: string, ruleset: string, victim: string, vc: number, date: string | null, rule = 'victim/base'): IncidentRecord {
  const t = TEXT(id);
  return {
    schema: 'incident-record/1',
    id,
    source: { title: `title <i>${id}</i>` },
    ruleset,
    extractedAt: '2024-01-01T00:00:00.000Z',
    warnings: [],
    fields: {
      victim: { value: victim, confidence: vc, evidence: [span(t, victim)], rule },
      date: date ? { value: date, confidence: 0.7, evidence: [span(t, date)], rule: 'date/year' } : null,
      location: null,
      serverCount: null,
      ransom: null,
      origin: { value: { country: 'RU', actor: null }, confidence: 0.9, evidence: [span(t, 'Russian hackers')], rule: 'origin/demonym' },
    },
  };
}

let store: Store;
beforeAll(async () => {
  store = await openSqliteStore(path.join(tmp, 'pages.db'));
  const ids = ['d1', 'd2', 'd3', 'd4'];
  await store.write({ documents: ids.map((id) => ({ id, text: TEXT(id), meta: { title: `title <i>${id}</i>` } })) });
  await store.write({
    records: [rec('d1', R1, 'Acme', 0.8, '2021'), rec('d2', R1, 'Acme', 0.5, '2021'), rec('d3', R1, 'Acme', 0.3, null), rec('d4', R1, 'Acme', 0.6, '2021')],
  });
  await store.write({
    records: [
      rec('d1', R2, 'Acme', 0.8, '2021'),
      rec('d2', R2, 'Beta', 0.4, '2021', 'victim/new-rule'),
      rec('d3', R2, 'Acme', 0.3, '2022'),
      rec('d4', R2, 'Acme', 0.65, '2021'),
    ],
    deadLetters: [
      {
        deadLetter: true,
        id: 'gone<script>',
        input: 'in/<script>.txt',
        stage: 'ingest',
        reason: 'empty-text',
        message: 'the text is empty',
        at: '2024-01-01T00:00:00.000Z',
      },
    ],
  });
});
afterAll(async () => {
  await store.close();
  rmSync(tmp, { recursive: true, force: true });
});

const ids = async (q: Record<string, string>) => (await listRows(store, parseListQuery(new URLSearchParams(q)))).map((r) => r.id);

describe('the list', () => {
  it('filters by field, rule and the chosen field confidence, and sorts by confidence', async () => {
    expect(await ids({ ruleset: R1, field: 'date' })).toEqual(['d1', 'd2', 'd4']); // d3 has none; equal confidence: by id
    expect(await ids({ ruleset: R2, rule: 'new-rule' })).toEqual(['d2']);
    expect(await ids({ ruleset: R2, field: 'victim', min: '0.35', max: '0.7' })).toEqual(['d2', 'd4']);
    const rows = await listRows(store, parseListQuery(new URLSearchParams({ sort: 'confidence', desc: '1' })));
    const conf = rows.map((r) => r.confidence!);
    expect(conf).toEqual([...conf].sort((a, b) => b - a));
    expect(rows.map((r) => r.record.ruleset)).toEqual(rows.map(() => R2)); // latest of each document
  });

  it('shows documents changed between two rulesets with old and new value and both evidences', async () => {
    const rows = await listRows(store, parseListQuery(new URLSearchParams({ ruleset: R2, changedFrom: R1, sort: 'id' })));
    expect(rows.map((r) => r.id)).toEqual(['d2', 'd3']); // d4 moved confidence only: no value changed
    expect(rows[0]!.changes).toEqual([
      expect.objectContaining({
        field: 'victim',
        kind: 'changed',
        from: expect.objectContaining({ value: 'Acme', evidence: [span(TEXT('d2'), 'Acme')] }),
        to: expect.objectContaining({ value: 'Beta', evidence: [span(TEXT('d2'), 'Beta')] }),
      }),
    ]);
    expect(rows[1]!.changes).toEqual([expect.objectContaining({ field: 'date', kind: 'added', from: null })]);
    const page = await new ReviewApp({ store }).list(serverLinks('t'), parseListQuery(new URLSearchParams({ changedFrom: R1 })));
    expect(page).toMatch(/<q class="ev">Acme<\/q>[\s\S]*<q class="ev">Beta<\/q>/);
    expect(page).toContain('title &lt;i&gt;d2&lt;/i&gt;');
    expect(page).not.toContain('<i>');
  });

  it('lists dead letters with their reason, escaped', async () => {
    const page = await new ReviewApp({ store }).dead(serverLinks('t'));
    expect(page).toContain('gone&lt;script&gt;');
    expect(page).toContain('empty-text');
    expect(page).not.toContain('<script>');
  });
});

describe('plots', () => {
  it('draws one calibration curve per field from eval judgements, with the bins eval uses for ECE', async () => {
    const gold: GoldLine[] = ['d1', 'd2', 'd3', 'd4'].map((id, i) => ({ id, text: TEXT(id), gold: { victim: i % 2 ? 'Beta' : 'Acme', origin_country: 'RU' } }));
    const app = new ReviewApp({ store, ruleset: R2, gold: { path: '/x/gold.jsonl', lines: gold } });
    const page = await app.plots(serverLinks('t'));
    expect(page.match(/<svg /g)).toHaveLength(12); // six fields, a calibration curve and a histogram each
    expect(page).toContain('gold.jsonl');
    const js = [0.05, 0.12, 0.18, 0.55, 0.58, 0.91, 0.97, 0.99].map((confidence, i) => ({ confidence, ok: i % 3 !== 0 }));
    const bins = calibrationBins(js);
    const fromBins = bins.reduce((s, b) => s + (b.n / js.length) * Math.abs(b.accuracy - b.meanConfidence), 0);
    expect(fromBins).toBeCloseTo(ece(js.map((j) => [j.confidence, j.ok]))!, 12);
    expect(bins.reduce((s, b) => s + b.n, 0)).toBe(js.length);
  });
});

describe('review --static', () => {
  it('writes every page as a file; links resolve to written files; no forms, no escaping lost', async () => {
    const dir = path.join(tmp, 'static');
    const { pages } = await writeStatic(new ReviewApp({ store }), dir);
    const files = readdirSync(dir).filter((f) => f.endsWith('.html'));
    expect(files.length).toBe(pages);
    expect(files).toEqual(expect.arrayContaining(['index.html', 'changed.html', 'dead-letters.html', 'plots.html']));
    expect(files.filter((f) => f.startsWith('doc-'))).toHaveLength(4);
    for (const f of files) {
      const html = readFileSync(path.join(dir, f), 'utf8');
      expect(html).not.toMatch(/<form\b/);
      expect(html).not.toContain('<i>');
      for (const [, href] of html.matchAll(/(?:href|src)="([^"]+)"/g)) expect(existsSync(path.join(dir, href!)), `${f} → ${href}`).toBe(true);
    }
  });
});
