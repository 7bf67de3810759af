// Ingestion: every format gives its document, every kind of bad input gives its dead letter with the right
// reason, and one bad input never stops the run.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeadLetter } from '../src/core/contract/record.ts';
import { newStats, readInputs, type IngestItem, type ReadOptions, type ReadPlan } from '../src/ingest/read.ts';
import { createExtractor } from '../src/core/engine.ts';

let dir: string;
const file = (name: string, content: string | Buffer) => {
  const p = path.join(dir, name);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, content);
  return p;
};

async function all(paths: string[], opts?: ReadOptions): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of readInputs(paths, opts)) out.push(item);
  return out;
}
const docs = (items: IngestItem[]) => items.flatMap((i) => (i.kind === 'doc' ? [i] : []));
const deads = (items: IngestItem[]) => items.flatMap((i) => (i.kind === 'dead' ? [i.deadLetter] : []));
async function one(p: string, opts?: ReadOptions): Promise<IngestItem> {
  const items = await all([p], opts);
  expect(items).toHaveLength(1);
  return items[0]!;
}
async function oneDead(p: string, opts?: ReadOptions) {
  const item = await one(p, opts);
  if (item.kind !== 'dead') throw new Error(`expected a dead letter, got ${JSON.stringify(item)}`);
  expect(DeadLetter.safeParse(item.deadLetter).success).toBe(true);
  expect(item.deadLetter.message.length).toBeGreaterThan(10);
  return item.deadLetter;
}
async function oneDoc(p: string, opts?: ReadOptions) {
  const item = await one(p, opts);
  if (item.kind !== 'doc') throw new Error(`expected a document, got ${JSON.stringify(item)}`);
  return item;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ingest-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('formats', () => {
  it('.txt: the text as is, no id, the path as uri', async () => {
    const p = file('a.txt', 'Hackers hit the city.\nServers were encrypted.\n');
    const d = await oneDoc(p);
    expect(d.raw).toEqual({ text: 'Hackers hit the city.\nServers were encrypted.\n', uri: p });
    expect(d.input).toBe(p);
  });

  it('.md: front matter fields, markup stripped from the body', async () => {
    const p = file(
      'b.md',
      '---\ntitle: "Town hit by ransomware"\npublishedAt: 2023-07-04\nuri: https://news.example/x\n---\n' +
        '# The headline\n\nThe **town** was hit, [officials said](https://x.example/y). ![a server rack](rack.png)\n',
    );
    const d = await oneDoc(p);
    expect(d.raw).toMatchObject({ title: 'Town hit by ransomware', publishedAt: '2023-07-04', uri: 'https://news.example/x' });
    expect(d.raw.text).toContain('The headline\n\nThe town was hit, officials said.');
    expect(d.raw.text).not.toMatch(/https?:|rack|\*\*|#/);
  });

  it('.md without front matter: title from the first heading, uri the path', async () => {
    const p = file('c.md', '# Breach at the clinic\n\nPatient data was stolen.');
    expect((await oneDoc(p)).raw).toMatchObject({ title: 'Breach at the clinic', uri: p });
  });

  it('.html: the story without navigation, scripts, link URLs or image alt text; title and date from metadata', async () => {
    const p = file(
      'd.html',
      `<!doctype html><html><head><title>Ignored | Site</title>
      <meta content="2024-01-02T10:00:00Z" property="article:published_time"><meta property="og:title" content="Clinic &amp; lab hit"></head>
      <body><nav><a href="/">Home</a><a href="/news">World News</a></nav><header>The Daily Site</header>
      <article><header><h1>Clinic hacked</h1></header><p>The <a href="https://clinic.example">clinic</a> said 5 servers were encrypted.
      <img src="x.png" alt="photo of a broken server"></p><script>var tracking = 1;</script><style>p{color:red}</style><p>Second paragraph.</p>
      <div class="share">Share on Twitter</div></article><aside>Related: another story</aside><footer>Copyright 2024</footer></body></html>`,
    );
    const d = await oneDoc(p);
    expect(d.raw.title).toBe('Clinic & lab hit');
    expect(d.raw.publishedAt).toBe('2024-01-02T10:00:00Z');
    expect(d.raw.uri).toBe(p);
    expect(d.raw.text).toBe('Clinic hacked\n\nThe clinic said 5 servers were encrypted.\n\nSecond paragraph.');
  });

  it('.htm: <title> and the first <time datetime> when there is no metadata', async () => {
    const p = file(
      'e.htm',
      '<html><head><title>Port &amp; harbour outage</title></head><body><p>Posted <time datetime="2022-05-01">May 1</time>.</p>' +
        '<p>The port was hit.</p><time datetime="2021-01-01">old</time></body></html>',
    );
    expect((await oneDoc(p)).raw).toMatchObject({ title: 'Port & harbour outage', publishedAt: '2022-05-01' });
  });

  it('.json: one object, or an array of objects (each its own input)', async () => {
    const p1 = file('f.json', JSON.stringify({ id: 'x1', text: 'One.', title: 'T', publishedAt: '2020-02-02', uri: 'u' }));
    expect((await oneDoc(p1)).raw).toEqual({ id: 'x1', text: 'One.', title: 'T', publishedAt: '2020-02-02', uri: 'u' });
    const p2 = file('g.json', JSON.stringify([{ id: 1, text: 'First.' }, { text: 'Second.' }]));
    const items = await all([p2]);
    expect(docs(items).map((d) => [d.raw.id, d.raw.text, d.input])).toEqual([
      ['1', 'First.', `${p2}[0]`],
      [undefined, 'Second.', `${p2}[1]`],
    ]);
  });

  it('.jsonl: one document per line, blank lines ignored, input names the line', async () => {
    const p = file('h.jsonl', '{"id":"a","text":"Alpha."}\n\n   \r\n{"id":"b","text":"Beta.","uri":"https://b.example"}\r\n{"id":"c","text":"Gamma."}');
    const items = await all([p]);
    expect(docs(items).map((d) => [d.raw.id, d.input])).toEqual([
      ['a', `${p}:1`],
      ['b', `${p}:4`],
      ['c', `${p}:5`],
    ]);
    expect(docs(items)[1]!.raw.uri).toBe('https://b.example');
  });

  it('corpus format: meta.published → publishedAt, meta.title → title', async () => {
    const line = {
      id: 'vcdb-1',
      source: 'vcdb',
      text: 'The hospital was breached.',
      gold: { victim: 'X' },
      meta: { published: '2016-08-01', title: 'Breach', support: {} },
    };
    const d = await oneDoc(file('corpus.jsonl', JSON.stringify(line) + '\n'));
    expect(d.raw).toEqual({ id: 'vcdb-1', text: 'The hospital was breached.', title: 'Breach', publishedAt: '2016-08-01' });
  });

  it('directories: recursive, sorted by name, skipping dotfiles, node_modules and *.expected.json; unknown types counted', async () => {
    const root = path.join(dir, 'tree');
    file('tree/b.txt', 'B.');
    file('tree/a/z.txt', 'AZ.');
    file('tree/a.md', 'A.');
    file('tree/.hidden.txt', 'hidden');
    file('tree/.git/x.txt', 'hidden');
    file('tree/node_modules/y.txt', 'dep');
    file('tree/a.expected.json', '{"fields":{}}');
    file('tree/report.pdf', '%PDF');
    file('tree/notes.docx', 'x');
    const stats = newStats();
    let plan: ReadPlan | undefined;
    const items = await all([root], { stats, onPlan: (p) => (plan = p) });
    expect(items.map((i) => (i.kind === 'doc' ? path.relative(root, i.input) : 'dead'))).toEqual([path.join('a', 'z.txt'), 'a.md', 'b.txt']);
    expect(stats.skipped).toBe(2);
    expect(stats.skippedFiles.map((f) => path.basename(f))).toEqual(['notes.docx', 'report.pdf']);
    expect(plan).toMatchObject({ files: 3, docs: 3, bytes: 7 });
  });

  it('stdin: JSONL when it starts with {, otherwise one plain-text document', async () => {
    const jsonl = Readable.from([Buffer.from('\n  {"id":"s1","text":"One."}\n{"id":"s2",'), Buffer.from('"text":"Two."}\nbroken\n')]);
    const items = await all(['-'], { stdin: jsonl });
    expect(docs(items).map((d) => [d.raw.id, d.input])).toEqual([
      ['s1', '-:2'],
      ['s2', '-:3'],
    ]);
    expect(deads(items).map((d) => [d.reason, d.input])).toEqual([['broken-json', '-:4']]);
    const text = await all(['-'], { stdin: Readable.from([Buffer.from('  Plain text '), Buffer.from('report {with braces}.')]) });
    expect(docs(text).map((d) => d.raw)).toEqual([{ text: '  Plain text report {with braces}.' }]);
  });
});

describe('bad input becomes a dead letter, never a crash', () => {
  it('empty and whitespace-only files → empty-text', async () => {
    expect((await oneDead(file('empty.txt', ''))).reason).toBe('empty-text');
    expect((await oneDead(file('blank.txt', ' \n\t\u200B\n'))).reason).toBe('empty-text');
    expect((await oneDead(file('blank.html', '<html><body><script>x()</script> </body></html>'))).reason).toBe('empty-text');
  });

  it('binary data → binary (NUL bytes, or mostly control characters)', async () => {
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    expect((await oneDead(file('junk.txt', junk))).reason).toBe('binary');
    const controls = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i % 3 ? 0x41 : 0x01)));
    const d = await oneDead(file('controls.md', controls));
    expect(d).toMatchObject({ reason: 'binary', stage: 'read', id: null });
  });

  it('invalid UTF-8 → invalid-utf8, naming the bad byte', async () => {
    const d = await oneDead(file('latin1.txt', Buffer.from('Caf\xe9 attack in M\xfcnchen', 'latin1')));
    expect(d.reason).toBe('invalid-utf8');
    expect(d.message).toContain('0xe9');
  });

  it('UTF-16 with a byte-order mark is text, not binary', async () => {
    const p = file('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hospital hit.', 'utf16le')]));
    expect((await oneDoc(p)).raw.text).toBe('Hospital hit.');
  });

  it('a file over --max-bytes → too-large, refused before reading', async () => {
    const d = await oneDead(file('big.txt', 'x'.repeat(2000)), { maxBytes: 1000 });
    expect(d.reason).toBe('too-large');
    expect(d.message).toMatch(/2\.0 KB.*1000 bytes/);
  });

  it('a JSONL line over --max-bytes → too-large for that line only', async () => {
    const p = file(
      'longline.jsonl',
      [JSON.stringify({ id: 'a', text: 'ok' }), JSON.stringify({ id: 'b', text: 'y'.repeat(5000) }), JSON.stringify({ id: 'c', text: 'ok' })].join('\n'),
    );
    const items = await all([p], { maxBytes: 1000 });
    expect(items.map((i) => (i.kind === 'doc' ? i.raw.id : `${i.deadLetter.reason}@${i.deadLetter.input}`))).toEqual(['a', `too-large@${p}:2`, 'c']);
  });

  it('JSONL: broken JSON, missing text, empty text, invalid UTF-8 and binary lines each give their reason; the rest goes on', async () => {
    const lines = [
      Buffer.from('{"id":"ok1","text":"Fine."}'),
      Buffer.from('{"id":"broken","text":"unterminated'),
      Buffer.from('{"id":"nt","title":"no text"}'),
      Buffer.from('{"id":"num","text":42}'),
      Buffer.from('["an","array"]'),
      Buffer.from('{"id":"empty","text":"   "}'),
      Buffer.concat([Buffer.from('{"id":"bad","text":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]),
      Buffer.from('{"id":"nul","text":"a\u0000b"}'.replace('\\u0000', '\u0000')),
      Buffer.from('{"id":"ok2","text":"Also fine."}'),
    ];
    const p = file('mixed.jsonl', Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')])));
    const items = await all([p]);
    expect(items.map((i) => (i.kind === 'doc' ? `doc ${i.raw.id}` : `${i.deadLetter.reason} ${i.deadLetter.id} ${i.deadLetter.input}`))).toEqual([
      'doc ok1',
      `broken-json null ${p}:2`,
      `missing-text nt ${p}:3`,
      `missing-text num ${p}:4`,
      `missing-text null ${p}:5`,
      `empty-text empty ${p}:6`,
      `invalid-utf8 null ${p}:7`,
      `binary null ${p}:8`,
      'doc ok2',
    ]);
    for (const d of deads(items)) expect(DeadLetter.safeParse(d).success).toBe(true);
    expect(deads(items)[0]!.message).toMatch(/line 2 is not valid JSON/);
  });

  it('a broken .json file → broken-json; an array element without text → missing-text', async () => {
    expect((await oneDead(file('broken.json', '{"text": "a",'))).reason).toBe('broken-json');
    const items = await all([file('arr.json', '[{"text":"ok"},{"body":"no"},"str"]')]);
    expect(items.map((i) => (i.kind === 'doc' ? 'doc' : i.deadLetter.reason))).toEqual(['doc', 'missing-text', 'missing-text']);
  });

  it('a path that does not exist → unreadable, and the other paths are still read', async () => {
    const good = file('still.txt', 'Still read.');
    const items = await all([path.join(dir, 'nope.txt'), good]);
    expect(items.map((i) => (i.kind === 'doc' ? 'doc' : i.deadLetter.reason))).toEqual(['unreadable', 'doc']);
    expect(deads(items)[0]!.message).toContain('ENOENT');
  });
});

describe('odd Unicode survives', () => {
  const odd = 'Ransomware 🔒💰 hit مستشفى المدينة (שלום) and Cafe\u0301 Zoë — 北京 👩🏽‍💻 ok';

  it('emoji, RTL scripts and combining marks come through a file unchanged', async () => {
    expect((await oneDoc(file('odd.txt', odd))).raw.text).toBe(odd);
  });

  it('lone surrogates escaped in JSON strings are kept, and the processor still makes a record', async () => {
    const p = file('lone.jsonl', '{"id":"lone","text":"Broken pair \\ud83d here and \\udc00 there. ' + odd + '"}\n');
    const d = await oneDoc(p);
    expect(d.raw.text).toBe(`Broken pair \ud83d here and \udc00 there. ${odd}`);
    const ex = await createExtractor();
    const r = ex.process(d.raw, d.input);
    expect(r.ok).toBe(true);
    // The record serialises to valid JSON (lone surrogates escaped) and parses back.
    if (r.ok) expect(JSON.parse(JSON.stringify(r.record)).id).toBe('lone');
  });

  it('a UTF-8 byte-order mark is dropped, not taken for text', async () => {
    expect((await oneDoc(file('bom.txt', '\uFEFFHello.'))).raw.text).toBe('Hello.');
    const d = await oneDoc(file('bom.jsonl', '\uFEFF{"id":"b","text":"Hi."}\n'));
    expect(d.raw.id).toBe('b');
  });
});
