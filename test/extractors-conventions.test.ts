// The house rules of the extractors wing, checked on every file so they hold after the next change too:
// no source line over 160 characters (word lists live in extractors/lexicon/, where lines are data), no rule or
// helper driving a regex by hand (`lastIndex`, `.exec` loops: the kit's `matches` does that), rules importing the
// core only through extractors/_shared/kit.ts, and every word list saying what it holds and where it comes from.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEXICON_DIR, wordList } from '../extractors/_shared/lexicon.ts';

const ROOT = path.resolve(LEXICON_DIR, '../..');
const EXTRACTORS_DIR = path.join(ROOT, 'extractors');
const MAX_LINE = 160;

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && ext.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

const sources = [
  ...files(EXTRACTORS_DIR, /\.ts$/),
  ...files(path.join(ROOT, 'src/core/analyse'), /\.ts$/),
  path.join(ROOT, 'src/core/rule.ts'),
  path.join(ROOT, 'test/rules.test.ts'),
  path.join(ROOT, 'test/victim-clean.test.ts'),
  path.join(ROOT, 'test/extractors-conventions.test.ts'),
];
const rel = (f: string) => path.relative(ROOT, f);
const isRule = (f: string) => /^extractors\/[^_/][^/]*\/[^/]+\.ts$/.test(rel(f));

describe('extractors wing', () => {
  it(`has no source line over ${MAX_LINE} characters`, () => {
    const long = sources.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => (line.length > MAX_LINE ? [`${rel(f)}:${i + 1} (${line.length})`] : [])),
    );
    expect(long).toEqual([]);
  });

  it('drives no regex by hand: no lastIndex anywhere, no .exec( in a rule', () => {
    const byHand = files(EXTRACTORS_DIR, /\.ts$/).filter((f) => {
      const src = readFileSync(f, 'utf8');
      return /\.lastIndex\b/.test(src) || (isRule(f) && /\.exec\(/.test(src));
    });
    expect(byHand.map(rel)).toEqual([]);
  });

  it('keeps no per-document cache at module scope', () => {
    const caches = files(EXTRACTORS_DIR, /\.ts$/).filter((f) => /new WeakMap\b/.test(readFileSync(f, 'utf8')));
    expect(caches.map(rel)).toEqual([]);
  });

  it('imports the core only through _shared/kit.ts', () => {
    // the kit, and the generated rule index (extractors/index.ts), are the two files that import the core
    const direct = files(EXTRACTORS_DIR, /\.ts$/)
      .filter((f) => !f.endsWith(path.join('_shared', 'kit.ts')) && rel(f) !== 'extractors/index.ts')
      .filter((f) => /from '(?:\.\.\/)+src\/core\//.test(readFileSync(f, 'utf8')));
    expect(direct.map(rel)).toEqual([]);
  });

  it('gives every word list a header and at least one entry', () => {
    const lists = files(LEXICON_DIR, /\.txt$/);
    expect(lists.length).toBeGreaterThan(0);
    for (const f of lists) {
      expect(readFileSync(f, 'utf8').startsWith('# '), rel(f)).toBe(true);
      expect(wordList(path.basename(f, '.txt')).length, rel(f)).toBeGreaterThan(0);
    }
  });
});
