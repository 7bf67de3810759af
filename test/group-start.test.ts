import { describe, expect, it } from 'vitest';
import { firstMatch, groupStart } from '../src/core/rule.ts';

describe('groupStart', () => {
  it('gives the group its own place, not that of an earlier copy of its text inside the match', () => {
    // indexOf of the group's text inside the whole match would find the "Rome" of "Romeo"
    const m = firstMatch(/Romeo (?:and )?(Rome)/du, 'Romeo and Rome')!;
    expect(m[0].indexOf(m[1]!)).toBe(0);
    expect(groupStart(m)).toBe(10);
  });
  it('refuses a regex without /d', () => {
    expect(() => groupStart(firstMatch(/a(b)/u, 'ab')!)).toThrow(/\/d flag/);
  });
});
