// The word scans that walk a text's characters instead of running a regex must find what the regex finds.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyse } from '../src/core/analyse/analyse.ts';
import { capitalWords, wordStartsOf } from '../extractors/_shared/capital-words.ts';

const CAPITAL_WORD = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}]*/gu;

function byRegex(text: string): Map<string, number[]> {
  const at = new Map<string, number[]>();
  for (const m of text.matchAll(CAPITAL_WORD)) {
    const list = at.get(m[0]);
    if (list) list.push(m.index);
    else at.set(m[0], [m.index]);
  }
  return at;
}

const fixtures = readdirSync(new URL('../fixtures/', import.meta.url), { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(txt|md)$/.test(f))
  .map((f) => readFileSync(new URL(`../fixtures/${f}`, import.meta.url), 'utf8'));

const tricky = [
  'Über 3M and 3Com, X2 A1b Ⅻ ⅫB Žilina ŽILINA aÉcole École-Normale O’Brien',
  'Ǆemal ǅemal (title case) Σίσυφος ΣΊΣΥΦΟΣ 𝐀𝐁𝐂 bold capitals, 𝐀x, x𝐀, Déjà\u0301Vu, Na\u0301me, \u0301Ame',
  'lone \ud800Surrogate, A\udc00B, \ud835\udc00\ud835\udc01, İstanbul, ǈ, Ⓐ circled, ＡＢＣ fullwidth',
  'Ma\u0308dchen, X\u200dY, Tokyo東京 東京Tokyo, ١٢٣Arabic, A٣, Ωmega',
];

describe('capitalWords', () => {
  it('finds what /(?<![\\p{L}\\p{N}])\\p{Lu}[\\p{L}\\p{N}]*/gu finds, in the same order', () => {
    for (const text of [...tricky, ...fixtures]) {
      const found = capitalWords(analyse({ id: 't', text }));
      expect([...found]).toEqual([...byRegex(text)]);
    }
    expect(fixtures.length).toBeGreaterThan(5);
  });
});

describe('wordStartsOf', () => {
  it('looks up the lead word /^\\p{Lu}[\\p{L}\\p{N}]*/u finds', () => {
    const LEAD = /^\p{Lu}[\p{L}\p{N}]*/u;
    const names = ['Aichi Prefecture', 'Über', 'École-Normale', '3Com', 'aÉcole', '𝐀x y', 'A\ud800', 'Ǆemal', 'New York', 'X2 A1b', '', ' Lead'];
    for (const text of tricky) {
      const doc = analyse({ id: 't', text });
      for (const name of [...names, ...text.split(/[\s,]+/)]) {
        const lead = LEAD.exec(name)?.[0];
        expect(wordStartsOf(doc, name)).toEqual(lead ? (byRegex(text).get(lead) ?? []) : null);
      }
    }
  });
});
