// definedAcronyms looks for its two patterns only where a "(" is (sticky, from the earliest start a match through
// it can have): the same pairs in the same order as the two global searches it replaced, over every text of the
// dev corpora and the fixtures, and over texts made to sit on the edges (long forms of 10 words, spaces of every
// kind, surrogate pairs, matches one after the other).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEV_CORPORA, REPO_ROOT } from '../src/eval/paths.ts';
import { acronymMatches, acronymPairs, definedAcronyms } from '../src/incidents/names.ts';

// the implementation before: both patterns searched globally over the whole text
const WORD = String.raw`[\p{Lu}][\p{L}\p{N}'’&.-]*`;
const LINK = 'of|the|for|and|de|du|des|la|le|di|del|&';
const LONG_SHORT = new RegExp(String.raw`(${WORD}(?:\s+(?:${LINK}|${WORD})){1,9})\s*\(\s*([\p{Lu}][\p{Lu}\p{N}&.]{1,9})\s*\)`, 'gu');
const SHORT_LONG = /\b([\p{Lu}][\p{Lu}\p{N}&]{1,9})\s*\(\s*([\p{Lu}][^()]{3,80}?)\s*\)/gu;

/** The raw matches (before abbreviates and folding: the part the rewrite changed), where each starts and its groups. */
const raw = (ms: Iterable<RegExpMatchArray>) => [...ms].map((m) => [String(m.index), ...m]);
const globalMatches = (text: string) => [raw(text.matchAll(LONG_SHORT)), raw(text.matchAll(SHORT_LONG))];
const newMatches = (text: string) => {
  const { longShort, shortLong } = acronymMatches(text);
  return [raw(longShort), raw(shortLong)];
};

// the pairs the old code gave: its global searches' matches through the same filtering and folding
const oldPairs = (text: string) => (text.includes('(') ? acronymPairs([...text.matchAll(LONG_SHORT)], [...text.matchAll(SHORT_LONG)]) : []);

const corpusTexts = (file: string): string[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => String((JSON.parse(l) as { text?: unknown }).text ?? ''));

const EDGES = [
  'The Colorado Department of Transportation (CDOT) said… HRTA (Harbourview Regional Transit Authority) too. Bob (XYZ) no.',
  'One Two Three Four Five Six Seven Eight Nine Ten Eleven (OTTFFSSENTE) and Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa (ABGDEZETIK)',
  'A B C D E F G H I J (ABCDEFGHIJ) K L (KL)(MN) Big Co(BC) Big\u00a0Co\u2003(BC) Big\u2028Co\ufeff(\u3000BC\u00a0)',
  'xAcme Corp (AC) x-Acme Corp (AC) Acme, Corp (AC) Acme (Corp) (AC) ((Acme Corp (AC))) Acme Corp ( AC ) Acme Corp (A.C.)',
  '𝐀cme 𝐁ank (𝐀𝐁) and the Bank of 𝐀merica (BOA) 𝐀𝐁𝐂 (𝐀lpha 𝐁eta 𝐂) X𝐀𝐁 (Xa Ab Bb)',
  'NHS (National Health Service) (NHS) National Health Service (NHS (NHS)) CDOT (Colorado Dept of Transport (CDOT) x)',
  'Ministry of Defence (MOD)Ministry of Health (MOH) ABC(Alpha Beta Company)DEF (Delta Echo Foxtrot) (',
  `${'Word '.repeat(30)}Federal Bureau of Investigation (FBI) ${'(ABC) '.repeat(5)}United Nations(UN)`,
  'the University of California, Los Angeles (UCLA) and Los Angeles Unified School District (LAUSD); Â‘Acme Ltd’ (AL)',
];

describe('definedAcronyms', () => {
  const files = [...Object.values(DEV_CORPORA)];
  const fixtures = path.join(REPO_ROOT, 'fixtures');
  const texts = [
    ...files.flatMap(corpusTexts),
    ...readdirSync(fixtures)
      .filter((f) => /\.(txt|md|html)$/.test(f))
      .map((f) => readFileSync(path.join(fixtures, f), 'utf8')),
    ...EDGES,
  ];

  it('finds the pairs the two global searches found, in their order, in every corpus text', () => {
    expect(texts.length).toBeGreaterThan(1000);
    let withPairs = 0;
    let matched = 0;
    for (const text of texts) {
      const old = globalMatches(text);
      expect(newMatches(text), text.slice(0, 80)).toEqual(old);
      matched += old[0]!.length + old[1]!.length;
      const pairs = definedAcronyms(text);
      expect(pairs, text.slice(0, 80)).toEqual(oldPairs(text));
      if (pairs.length) withPairs++;
    }
    expect(withPairs).toBeGreaterThan(50);
    expect(matched).toBeGreaterThan(withPairs);
  });

  it('sees the same matches on the edge texts (long forms of ten words, every kind of space, surrogate pairs)', () => {
    for (const text of EDGES) {
      expect(globalMatches(text).flat().length).toBeGreaterThan(0);
      expect(newMatches(text)).toEqual(globalMatches(text));
    }
    expect(definedAcronyms(EDGES[0]!)).toEqual([
      ['cdot', 'colorado department of transportation'],
      ['hrta', 'harbourview regional transit authority'],
    ]);
  });
});
