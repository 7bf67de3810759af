// The rules read a one-byte view of the text (extractors/_shared/one-byte.ts): ’ ‘ “ ” – — … • and the zero-width space
// as stand-ins in the C1 range, character for character. Held here: the view keeps the length and every offset, is one
// byte a character when nothing else above U+00FF is in the text, comes back whole through fromView (real C1 controls
// too), what a rule returns is cut from the stored text, and every pattern that names one of those characters also
// takes its stand-in.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { byWidth, forText, fromView, isOneByte, latin1Source, toView } from '../extractors/_shared/one-byte.ts';
import { NAME } from '../extractors/victim/lib/name-shape.ts';
import { parseDates, absoluteChrono } from '../extractors/date/lib/chrono.ts';
import { REPO_ROOT } from '../src/config.ts';
import { analyse } from '../src/core/analyse/analyse.ts';
import { processDocument } from '../src/core/extract.ts';
import { loadRules } from '../src/core/registry.ts';

const STAND_IN: Record<string, string> = {
  '\u2019': '\x92',
  '\u2018': '\x91',
  '\u201C': '\x93',
  '\u201D': '\x94',
  '\u2013': '\x96',
  '\u2014': '\x97',
  '\u2026': '\x85',
  '\u2022': '\x95',
  '\u200B': '\x81',
};
/** V8 keeps the string one byte a character (its serialiser writes such a string with the tag '"'). */
const oneByte = (s: string) => {
  const b = v8.serialize(s);
  let i = 2;
  while (b[i] === 0) i++;
  return b[i] === 0x22;
};

describe('toView / fromView', () => {
  const text = 'St. Mary’s “main” site — the ‘old’ wing – was hit… • twice\u200B. Café, naïve.';

  it('writes each character as its stand-in, one for one, and the view is one byte a character', () => {
    const view = toView(text);
    expect(view.length).toBe(text.length);
    for (let i = 0; i < text.length; i++) expect(view[i]).toBe(STAND_IN[text[i]!] ?? text[i]);
    expect(oneByte(text)).toBe(false);
    expect(oneByte(view)).toBe(true);
    expect(fromView(view)).toBe(text);
  });

  it('leaves a text without such characters as it is', () => {
    const plain = 'Hackers hit the café in Zürich.';
    expect(toView(plain)).toBe(plain);
    expect(fromView(plain)).toBe(plain);
  });

  it('keeps a real C1 control apart from a stand-in, and a text with other wide characters two-byte', () => {
    const mixed = 'a\x92b’c\x81d\u200Be\x80 Łódź';
    const view = toView(mixed);
    expect(view.length).toBe(mixed.length);
    expect(view).toBe('a\uE092b\x92c\uE081d\x81e\x80 Łódź');
    expect(fromView(view)).toBe(mixed);
    expect(fromView(view.slice(2, 6))).toBe(mixed.slice(2, 6));
  });
});

describe('the analysed document', () => {
  it('reads the view, with the stored text’s offsets', () => {
    const text = 'Acme’s servers were hit — the firm said.\n\nDate: March 3, 2023';
    const doc = analyse({ id: 'x', text, title: 'Acme’s breach' });
    expect(doc.text).toBe(toView(text));
    expect(doc.title).toBe('Acme\x92s breach');
    expect(doc.standIns).toBe(true);
    for (const s of doc.sentences) expect(fromView(s.text)).toBe(text.slice(s.start, s.end));
    expect(doc.headers.get('date')?.value).toBe('March 3, 2023');
    expect(analyse({ id: 'y', text: 'Plain text.' }).standIns).toBe(false);
  });

  it('gives chrono back the en dash, which it reads as a range', () => {
    const ref = { instant: new Date(Date.UTC(2024, 0, 1)), timezone: 0 };
    const parsed = (t: string) =>
      parseDates(absoluteChrono, t, ref).map((r) => [r.index, r.text.length, r.start.date().toISOString(), r.end?.date().toISOString()]);
    const text = 'The outage lasted 3–5 March 2023 at the plant.';
    expect(parsed(toView(text))).toEqual(parsed(text));
    expect(parsed(toView(text))[0]![3]).toBeDefined();
  });
});

describe('records', () => {
  it('carry values and evidence as the stored text writes them', async () => {
    const rules = await loadRules();
    const text =
      'St. Mary’s Hospital in Springfield, Illinois, was hit by ransomware on March 3, 2023 — the hospital’s “main” systems were ' +
      'encrypted and the attackers demanded $2 million… The hospital said 40 servers were affected.';
    const result = processDocument({ id: 'doc', text }, { rules, ruleset: 'test', calibration: null });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const json = JSON.stringify(result.record);
    expect(json).not.toMatch(/[\x80-\x9f\uE000-\uE0FF]/);
    expect(result.record.fields.victim?.value).toContain('’');
    const spans = JSON.parse(json) as { fields: Record<string, { evidence?: { start: number; end: number; text: string }[] } | null> };
    let seen = 0;
    for (const f of Object.values(spans.fields))
      for (const e of f?.evidence ?? []) {
        expect(e.text).toBe(text.slice(e.start, e.end));
        seen++;
      }
    expect(seen).toBeGreaterThan(2);
  });
});

// A /u pattern searched in a text of one byte a character has its \p{…} classes written out over U+0000-U+00FF (byWidth):
// each class so written takes exactly the characters of one byte the property takes, in a class, negated, or alone, with
// and without case folding.
describe('patterns by width', () => {
  const ONE_BYTE = Array.from({ length: 256 }, (_, c) => String.fromCharCode(c));

  it('write each property the rules name over U+0000-U+00FF as V8 reads it', () => {
    for (const p of ['Lu', 'Ll', 'L', 'M', 'N'])
      for (const flags of ['u', 'iu'])
        for (const source of [`^\\p{${p}}$`, `^[\\p{${p}}]$`, `^[^\\p{${p}}]$`, `^[x\\p{${p}}.-]$`, `^[^\\d\\p{${p}}\\x92]$`]) {
          const wide = new RegExp(source, flags);
          const narrow = new RegExp(latin1Source(source, flags.includes('i')), flags);
          expect(narrow.source).not.toContain('\\p');
          for (const c of ONE_BYTE) expect(narrow.test(c), `${source} /${flags} ${c.charCodeAt(0)}`).toBe(wide.test(c));
        }
    expect(() => latin1Source('\\p{Lt}', false)).toThrow();
    // an escaped backslash before "p{L}" is no property; a "]" escaped inside a class does not close it
    expect(latin1Source('\\\\p{L}[\\]\\p{Lu}]\\p{N}', false)).toBe('\\\\p{L}[\\]A-Z\\xC0-\\xD6\\xD8-\\xDE][0-9\\xB2\\xB3\\xB9\\xBC-\\xBE]');
  });

  // forText drops /u for such a text where the pattern needs none: U+0000-U+00FF read alike with or without it
  it('read a text of one byte a character alike without /u, and keep /u where only /u reads the pattern so', () => {
    const oneByte = ONE_BYTE.join('');
    const probes = [
      '^k$',
      '^s$',
      '^\\w$',
      '^\\W$',
      'x\\b',
      '\\B.',
      '^[a-z]$',
      '^[^a-z]$',
      '^\\p{Lu}$',
      '^[\\p{L}\\d]$',
      '^(?<c>\\p{Ll})\\k<c>$',
      '^\u00b5$',
      '^\u00ff$',
      '^[\u00e0-\u00e5]$',
    ];
    for (const source of probes)
      for (const flags of ['u', 'iu']) {
        const wide = new RegExp(source, flags);
        const narrow = forText(wide, oneByte);
        expect(narrow.unicode, `${source} /${flags}`).toBe(false);
        for (const c of [...ONE_BYTE, ...ONE_BYTE.map((x) => x + x), ...ONE_BYTE.map((x) => `x${x}`)])
          expect(narrow.test(c), `${source} /${flags} ${[...c].map((x) => x.charCodeAt(0))}`).toBe(wide.test(c));
      }
    for (const source of ['\\u{1F600}?x', '\\P{L}', '[\\uD83D\\uDE00]', 'a😀?b']) expect(forText(new RegExp(source, 'u'), oneByte).unicode).toBe(true);
    const re = new RegExp('a\\p{L}', 'u');
    expect(forText(re, 'Ŧ')).toBe(re);
  });

  it('find the same names in a text of one byte a character, and take the pattern as written for any other', () => {
    const here = byWidth(NAME, 'gu');
    const wide = new RegExp(NAME, 'gu');
    const texts = [
      'Département de la Santé and Hôpital Saint-Éloi (HSE) said Ýves Corp. and eBay, U.S. Bank, St. Mary’s Inc. were hit.',
      'Zürich Versicherungs-Gesellschaft AG, Øresund Kommune, ßeta Ltd, Ærø kommune and µSoft LLC reported.',
      'Łódź City Hall and Kraków Gmina said Ŧest Ltd was hit.',
    ].map(toView);
    expect(isOneByte(texts[0]!)).toBe(true);
    expect(isOneByte(texts[2]!)).toBe(false);
    expect(here(texts[2]!)).not.toBe(here(texts[0]!));
    for (const t of texts) expect([...t.matchAll(here(t))].map((m) => [m.index, m[0]])).toEqual([...t.matchAll(wide)].map((m) => [m.index, m[0]]));
  });
});

// Every regex literal and String.raw pattern under extractors/ and src/core/ that names one of the characters names its
// stand-in with it: `’\x92` in a class, `[’\x92]` outside one. A pattern that names ’ alone would tell apart in the view
// what it never sees there.
describe('patterns', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts'))
      .map((e) => path.join(e.parentPath, e.name));
  const escapeOf = (c: string) => `\\x${STAND_IN[c]!.charCodeAt(0).toString(16)}`;
  const missing = (raw: string) => {
    const out: string[] = [];
    for (let i = 0; i < raw.length; i++) {
      const c = raw[i]!;
      if (c === '\\') i++;
      else if (STAND_IN[c] && c !== '\u200B' && raw.slice(i + 1, i + 5) !== escapeOf(c)) out.push(c);
    }
    return out;
  };

  it('take the stand-in wherever they take the character', () => {
    const bad: string[] = [];
    for (const file of [...files(path.join(REPO_ROOT, 'extractors')), ...files(path.join(REPO_ROOT, 'src/core'))]) {
      const source = readFileSync(file, 'utf8');
      if (!/[\u2019\u2018\u201C\u201D\u2013\u2014\u2026\u2022]/.test(source)) continue;
      const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
      const check = (node: ts.Node, raw: string) => {
        if (missing(raw).length) bad.push(`${path.relative(REPO_ROOT, file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`);
      };
      const visit = (node: ts.Node): void => {
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) check(node, node.getText(sf));
        else if (ts.isTaggedTemplateExpression(node) && node.tag.getText(sf) === 'String.raw') check(node, node.template.getText(sf));
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    expect(bad).toEqual([]);
  });
});
