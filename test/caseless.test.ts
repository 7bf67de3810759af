// caseless (extractors/_shared/caseless.ts) writes a pattern for /i (without /u) as one for no /i that matches the same.
import { describe, expect, it } from 'vitest';
import { caseless } from '../extractors/_shared/caseless.ts';

const all = (re: RegExp, s: string) => [...s.matchAll(re)].map((m) => [m.index, m[0], m.groups]);
const TEXTS = [
  'Paid $4.5 MILLION, then Rs. 10 crore and 50 Bitcoins; US$70,000 or between 2 and 3 million dollars.',
  // characters /i folds to an ASCII letter only with /u (long s, Kelvin sign), a dotted and a dotless i
  'ſTERLING, \u212Ailo, İNR, ınr, Straße, STRASSE, café CAFÉ, x_y, 5k 5K',
];

describe('caseless', () => {
  it.each([
    String.raw`(?<![\w$€£¥₹])(?:(?<pre>US\$|Rs\.|INR|€)\s?(?<a1>\d+(?:\s?(?:mln|m|k)\b)?)|(?<a2>\d+)\s*(?<suf>dollars|bitcoins?|crore)\b)`,
    String.raw`\b(?:between|from)\s+(?<low>\d+)\s*(?:and|to|-|–)`,
    String.raw`[^ac\d]sterling|kilo|inr|stra[s_]e|x\u005fy|\cJ|€`,
  ])('%s', (source) => {
    const re = new RegExp(caseless(source), 'g');
    expect(re.flags).toBe('g');
    for (const s of TEXTS) expect(all(re, s), s).toEqual(all(new RegExp(source, 'gi'), s));
  });

  it.each([String.raw`\b(?:based|linked|ks?)\s+(?:in|from)\s+\w+\b`, String.raw`\bstate[\s-]?sponsored\B|[^\w]kilo\W|[\ws]+`])('with /u: %s', (source) => {
    const re = new RegExp(caseless(source, { unicode: true }), 'gu');
    for (const s of [...TEXTS, 'ſtate-ſponſored \u212Ailos BASED in ſ\u212A, linKed from x']) expect(all(re, s), s).toEqual(all(new RegExp(source, 'giu'), s));
  });

  it('refuses what it cannot rewrite', () => {
    expect(() => caseless(String.raw`\p{Lu}`, { unicode: true })).toThrow(/property/);
    expect(() => caseless('[a-z]+')).toThrow(/range/);
    expect(() => caseless('é')).toThrow(/cases/);
    expect(() => caseless(String.raw`\x4b`)).toThrow(/escaped/);
  });
});
