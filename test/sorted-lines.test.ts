// A table written as sorted lines answers as the map of its entries does (extractors/_shared/sorted-lines.ts).
import { describe, expect, it } from 'vitest';
import { linesOf, valueOf } from '../extractors/_shared/sorted-lines.ts';

describe('sorted lines', () => {
  const entries: [string, string][] = [
    ['Georgia', 'GE:GE US:GA'],
    ['Georgian', 'x'],
    ['Geo', 'y'],
    ['Łódź', 'PL:10'],
    ['Zürich', 'CH:ZH'],
    ['A', ''],
    ['US-TX', 'Texas'],
  ];
  const lines = linesOf(entries);

  it('finds every key, and nothing for a key it does not hold (a prefix, an extension, another case)', () => {
    for (const [k, v] of entries) expect(valueOf(lines, k)).toBe(v);
    for (const k of ['', 'G', 'Georgi', 'Georgias', 'georgia', 'Z', 'Zz', 'US-T', 'Łódź ', '\t']) expect(valueOf(lines, k)).toBeUndefined();
    expect(valueOf('', 'A')).toBeUndefined();
  });

  it('refuses a key or value with a tab or a newline', () => {
    expect(() => linesOf([['a\tb', 'c']])).toThrow();
    expect(() => linesOf([['a', 'b\nc']])).toThrow();
  });
});
