import { describe, expect, it } from 'vitest';
import { firstMatch, matches } from '../src/core/rule.ts';

const WORD = /\p{L}+/u;
const WORDS_G = /\p{L}+/gu;

describe('matches and firstMatch', () => {
  it('finds every match of a regex without /g, from an offset', () => {
    expect([...matches(WORD, 'one two three', 1)].map((m) => [m[0], m.index])).toEqual([
      ['ne', 1],
      ['two', 4],
      ['three', 8],
    ]);
  });
  it('keeps each of two nested searches over one regex in its own place, with or without /g', () => {
    for (const re of [WORD, WORDS_G]) {
      const pairs: string[] = [];
      for (const a of matches(re, 'a b c')) for (const b of matches(re, 'x y')) pairs.push(a[0] + b[0]);
      expect(pairs).toEqual(['ax', 'ay', 'bx', 'by', 'cx', 'cy']);
    }
  });
  it('is not moved by a firstMatch over the same regex between two steps', () => {
    for (const re of [WORD, WORDS_G]) {
      const seen: string[] = [];
      for (const m of matches(re, 'a b c')) {
        seen.push(m[0]);
        expect(firstMatch(re, 'p q r s', 4)?.[0]).toBe('r');
      }
      expect(seen).toEqual(['a', 'b', 'c']);
    }
  });
  it('moves on with continueAt, steps past empty matches, and stays done once done', () => {
    const it1 = matches(/x*/u, 'ab');
    expect([...it1].map((m) => m.index)).toEqual([0, 1, 2]);
    expect(it1.next().done).toBe(true);
    const it2 = matches(WORD, 'alpha beta gamma');
    const found: string[] = [];
    for (const m of it2) {
      found.push(m[0]);
      if (m[0] === 'alpha') it2.continueAt(8);
    }
    expect(found).toEqual(['alpha', 'ta', 'gamma']);
  });
  it('steps past an empty match by a whole code point under /u', () => {
    expect([...matches(/(?:)/u, 'a😀b')].map((m) => m.index)).toEqual([0, 1, 3, 4]);
  });
});
