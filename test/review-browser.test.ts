// The review page in a real browser (Debian's Chromium via playwright-core): the list, a document's evidence
// highlighted at its offsets, a field marked when chosen, a correction submitted and found in
// `export --corrections`, hostile text that runs no script, and writes refused without the page's token.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD_NAMES, type IncidentRecord } from '../src/core/contract/record.ts';
import { REPO_ROOT } from '../src/eval/paths.ts';
import { goldLine } from '../src/review/gold.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { launchChromium } from './helpers/chromium.ts';

const BIN = path.join(REPO_ROOT, 'bin/incident-extract.js');
// The README's screenshots are refreshed only when asked (UPDATE_SCREENSHOTS=1), so a test run leaves the tree clean.
const SHOTS = process.env.UPDATE_SCREENSHOTS ? path.join(REPO_ROOT, 'docs') : mkdtempSync(path.join(tmpdir(), 'review-shots-'));
const tmp = mkdtempSync(path.join(tmpdir(), 'ie-review-browser-'));
const DB = path.join(tmp, 'store.db');
const GOLD = path.join(tmp, 'fixtures-gold.jsonl');
const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args, '--store', DB], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'warn' } });

// Every way out of text into markup: a script element, an attribute break with an event handler, a textarea end.
const HOSTILE_ID = 'hostile"><script>window.__pwned = "id"</script>';
const HOSTILE_TEXT =
  'Evil Corp <script>window.__pwned = "text"</script> was hit by ransomware in 2023.\n' +
  '"><img src=x onerror="window.__pwned = \'img\'"> and </textarea><script>window.__pwned = "textarea"</script>\n' +
  "'><svg onload=\"window.__pwned = 'svg'\"></svg> <iframe src=\"javascript:window.__pwned='frame'\"></iframe>";
const at = (s: string) => ({ start: HOSTILE_TEXT.indexOf(s), end: HOSTILE_TEXT.indexOf(s) + s.length, text: s });
const IMG = '"><img src=x onerror="window.__pwned = \'img\'">';
const SCRIPT = '<script>window.__pwned = "text"</script>';

function hostileRecord(ruleset: string): IncidentRecord {
  return {
    schema: 'incident-record/1',
    id: HOSTILE_ID,
    source: { title: '</title><script>window.__pwned = "title"</script>' },
    ruleset,
    extractedAt: new Date().toISOString(),
    warnings: [],
    fields: {
      victim: {
        value: IMG,
        confidence: 0.4,
        evidence: [at(IMG)],
        rule: 'victim/"><script>window.__pwned="rule"</script>',
        alternatives: [{ value: SCRIPT, confidence: 0.2, evidence: [at(SCRIPT)], rule: 'victim/x' }],
      },
      date: { value: '2023', confidence: 0.5, evidence: [at('2023')], rule: 'date/y' },
      location: null,
      serverCount: null,
      ransom: null,
      origin: null,
    },
  };
}

/** Merges touching or overlapping [start, end) ranges. */
function merged(ranges: { start: number; end: number }[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && r.start <= last[1]) last[1] = Math.max(last[1], r.end);
    else out.push([r.start, r.end]);
  }
  return out;
}

const segsOf = (page: Page) =>
  page.$$eval('#doc-text .seg', (els) =>
    els.map((el) => ({
      start: Number((el as HTMLElement).dataset.s),
      end: Number((el as HTMLElement).dataset.e),
      classes: [...el.classList],
      text: el.textContent ?? '',
      marked: el.classList.contains('marked'),
    })),
  );

const FIXTURES = ['province-de-namur.txt', 'city-of-baltimore.txt', 'albania-akshi.txt', 'aiims-new-delhi.txt', 'costa-rica-hacienda.txt'];

let server: ChildProcess;
let url = '';
let browser: Awaited<ReturnType<typeof launchChromium>>;
let namur: IncidentRecord;
let namurText = '';

beforeAll(async () => {
  const input = path.join(tmp, 'in');
  mkdirSync(input);
  for (const f of FIXTURES) copyFileSync(path.join(REPO_ROOT, 'fixtures', f), path.join(input, f));
  const ex = cli('extract', input, '--workers', '1', '--no-progress');
  expect(ex.status, ex.stderr).toBe(0);
  const store = await openSqliteStore(DB);
  const records: IncidentRecord[] = [];
  for await (const r of store.latestRecords()) records.push(r);
  namur = records.find((r) => r.fields.victim?.value === 'Province de Namur')!;
  namurText = (await store.document(namur.id))!.text;
  // the fixtures' expected values as a gold file, for the calibration curves of the plots page
  const gold = await Promise.all(
    records.map(async (r) => {
      const expected = JSON.parse(
        readFileSync(path.join(REPO_ROOT, 'fixtures', `${path.basename(r.source.uri!).replace(/\.\w+$/, '')}.expected.json`), 'utf8'),
      );
      const doc = (await store.document(r.id))!;
      return goldLine(
        doc,
        FIELD_NAMES.map((field) => ({ documentId: r.id, field, value: expected.fields[field], action: 'typed', ruleset: r.ruleset, at: '' })),
      );
    }),
  );
  writeFileSync(GOLD, gold.map((g) => JSON.stringify(g)).join('\n') + '\n');
  const hostile = hostileRecord(namur.ruleset);
  await store.write({ documents: [{ id: HOSTILE_ID, text: HOSTILE_TEXT, meta: { title: hostile.source.title! } }], records: [hostile] });
  await store.close();

  server = spawn(process.execPath, [BIN, 'review', '--port', '0', '--store', DB, '--gold', GOLD], {
    env: { ...process.env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /review: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(m[1]!);
    });
    server.once('exit', (code) => reject(new Error(`review exited with ${code}`)));
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (server?.pid && server.exitCode == null) {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  rmSync(tmp, { recursive: true, force: true });
});

describe('the review page in Chromium', () => {
  it('lists the stored records and opens a document with each field evidence highlighted at its offsets', async () => {
    const page = await browser.context.newPage();
    await page.goto(url);
    const ids = await page.$$eval('#records tbody tr[data-id]', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.id));
    expect(ids.sort()).toEqual(expect.arrayContaining([namur.id, HOSTILE_ID]));
    expect(ids).toHaveLength(FIXTURES.length + 1);
    await page.screenshot({ path: path.join(SHOTS, 'review-list.png'), fullPage: true });

    await page.click(`tr[data-id="${namur.id}"] a.doc-link`);
    await page.waitForSelector('#doc-text');
    expect(await page.$eval('#doc-text', (el) => el.textContent)).toBe(namurText);
    const segs = await segsOf(page);
    for (const s of segs) expect(s.text).toBe(namurText.slice(s.start, s.end));
    let checked = 0;
    for (const f of FIELD_NAMES) {
      const field = namur.fields[f];
      if (!field) continue;
      const shown = merged(segs.filter((s) => s.classes.includes(`f-${f}`)));
      expect(shown, f).toEqual(merged(field.evidence));
      (field.alternatives ?? []).forEach((a, n) => {
        expect(merged(segs.filter((s) => s.classes.includes(`a-${f}-${n}`))), `${f} alt ${n}`).toEqual(merged(a.evidence));
      });
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(5);
    await page.close();
  });

  it('marks a field span when the field is chosen, and an alternative span when that is chosen', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${url}doc?id=${encodeURIComponent(namur.id)}`);
    expect((await segsOf(page)).filter((s) => s.marked)).toHaveLength(0);
    await page.click('button.pick[data-field="victim"]');
    let segs = await segsOf(page);
    expect(merged(segs.filter((s) => s.marked))).toEqual(merged(namur.fields.victim!.evidence));
    await page.screenshot({ path: path.join(SHOTS, 'review-document.png') });

    const alt = namur.fields.location!.alternatives![0]!;
    await page.click('button.alt[data-alt="a-location-0"]');
    segs = await segsOf(page);
    expect(merged(segs.filter((s) => s.marked))).toEqual(merged(alt.evidence));
    expect(segs.filter((s) => s.classes.includes('shown-alt')).length).toBeGreaterThan(0);
    await page.close();
  });

  it('stores corrections made on the page; export --corrections gives them back as judged gold', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${url}doc?id=${encodeURIComponent(namur.id)}`);
    const typed = 'Namur Provincial Authority';
    await page.check('#field-victim input[value="typed"]');
    await page.fill('#field-victim input[name="typed"]', typed);
    await Promise.all([page.waitForURL(/#field-victim$/), page.click('#field-victim button[type="submit"]')]);
    expect(await page.textContent('#field-victim .reviewed')).toContain(typed);
    for (const f of FIELD_NAMES.filter((x) => x !== 'victim')) {
      await Promise.all([page.waitForURL(new RegExp(`#field-${f}$`)), page.click(`#field-${f} button[type="submit"]`)]);
    }
    expect(await page.textContent('.docmeta')).toContain(`${FIELD_NAMES.length} of ${FIELD_NAMES.length} fields reviewed`);
    await page.close();

    const out = path.join(tmp, 'gold.jsonl');
    const ex = cli('export', '--corrections', '-o', out);
    expect(ex.status, ex.stderr).toBe(0);
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    const [g] = lines;
    expect(g.id).toBe(namur.id);
    expect(g.text).toBe(namurText);
    expect(g.gold.victim).toBe(typed);
    expect(g.gold.country).toBe((namur.fields.location!.value as { country: string }).country);
    expect(g.gold.date).toMatchObject({ year: Number(String(namur.fields.date!.value).slice(0, 4)) });
    expect(g.meta.judged).toBe(true);
    expect(g.meta.corrects).toEqual([namur.ruleset]);
  });

  it('runs no script from hostile text, titles, ids or values, on the list and on the document page', async () => {
    const page = await browser.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(url);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(await page.$$eval('script', (s) => s.length)).toBe(1);
    await page.click(`a.doc-link >> text=${'</title><script>window.__pwned = "title"</script>'}`);
    await page.waitForSelector('#doc-text');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(await page.$eval('#doc-text', (el) => el.textContent)).toBe(HOSTILE_TEXT);
    // only the page's own script; the text made no elements besides the highlight segments
    expect(await page.$$eval('script', (s) => s.map((x) => x.getAttribute('src')))).toEqual(['/assets/review.js']);
    expect(await page.$$eval('#doc-text *', (els) => els.filter((e) => !e.classList.contains('seg')).length)).toBe(0);
    expect(await page.$$eval('img, svg, iframe, textarea', (els) => els.length)).toBe(0);
    expect(await page.textContent('#field-victim .value')).toBe(IMG);
    await page.click('button.alt[data-alt="a-victim-0"]');
    expect(await page.$$eval('.seg.marked', (els) => els.map((e) => e.textContent).join(''))).toBe(SCRIPT);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('draws calibration curves against the gold file and confidence histograms, as SVG made on the server', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${url}plots`);
    const scored = ['victim', 'date', 'country', 'server_count', 'ransom_demanded', 'origin'];
    expect(await page.$$eval('svg.plot', (els) => els.map((e) => e.getAttribute('data-field')))).toEqual(FIELD_NAMES.flatMap((f, i) => [scored[i], f]));
    expect(await page.$$eval('svg.plot circle.bin', (els) => els.length)).toBeGreaterThan(0);
    expect(await page.$$eval('svg.plot rect.bar', (els) => els.length)).toBe(10 * FIELD_NAMES.length);
    await page.screenshot({ path: path.join(SHOTS, 'review-plots.png') });
    await page.close();
  });

  it('refuses writes without the page token or from another Host, and serves a strict CSP', async () => {
    const page = await browser.context.newPage();
    const res = await page.goto(`${url}doc?id=${encodeURIComponent(namur.id)}`);
    expect(res!.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res!.headers()['content-security-policy']).not.toMatch(/unsafe-inline/);
    const token = await page.inputValue('#field-victim input[name="token"]');
    await page.close();
    const form = (t: string) => new URLSearchParams({ token: t, id: namur.id, ruleset: namur.ruleset, field: 'victim', choice: 'none' }).toString();
    const post = (body: string, host?: string) =>
      new Promise<number>((resolve, reject) => {
        const headers = { 'content-type': 'application/x-www-form-urlencoded', ...(host ? { host } : {}) };
        const req = http.request(`${url}corrections`, { method: 'POST', headers }, (r) => {
          r.resume();
          resolve(r.statusCode!);
        });
        req.on('error', reject);
        req.end(body);
      });
    const before = cli('export', '--corrections').stdout;
    expect(await post(form('0'.repeat(token.length)))).toBe(403);
    expect(await post(new URLSearchParams({ id: namur.id, ruleset: namur.ruleset, field: 'victim', choice: 'none' }).toString())).toBe(403);
    expect(await post(form(token), `evil.example:${new URL(url).port}`)).toBe(403);
    expect(cli('export', '--corrections').stdout).toBe(before);
    expect(await post(form(token))).toBe(303);
    expect(cli('export', '--corrections').stdout).not.toBe(before);
  });
});
