// The overlap index dedupe uses (#12): it must answer exactly as the pairwise rescan it replaced, touching and empty
// spans included.
import { describe, expect, it } from 'vitest';
import { SpanCover } from '../src/core/span-cover.ts';

type S = { start: number; end: number };
const pairwise = (kept: S[], s: S) => kept.some((k) => k.start < s.end && s.start < k.end);

// a small deterministic generator (no Math.random: the same cases every run)
function* lcg(seed: number) {
  let x = seed;
  for (;;) yield (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('SpanCover', () => {
  it('answers as the pairwise check on touching, nested, overlapping and empty spans', () => {
    const c = new SpanCover();
    const kept = [
      { start: 0, end: 3 },
      { start: 3, end: 5 },
      { start: 10, end: 10 },
    ];
    for (const k of kept) c.add(k);
    for (const q of [
      { start: 3, end: 3 }, // touches both, overlaps neither
      { start: 2, end: 4 },
      { start: 9, end: 11 }, // around the empty span
      { start: 10, end: 12 },
      { start: 5, end: 10 },
      { start: 4, end: 4 },
    ]) {
      expect(c.overlaps(q), JSON.stringify(q)).toBe(pairwise(kept, q));
    }
  });

  it('keeps what the pairwise rescan keeps over thousands of random candidates', () => {
    const r = lcg(7);
    const next = () => r.next().value as number;
    for (let round = 0; round < 20; round++) {
      const cover = new SpanCover();
      const kept: S[] = [];
      let agreed = 0;
      for (let i = 0; i < 400; i++) {
        const spans = Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
          const start = Math.floor(next() * 500);
          return { start, end: start + Math.floor(next() * (next() < 0.2 ? 1 : 30)) };
        });
        const hit = spans.some((s) => pairwise(kept, s));
        expect(spans.some((s) => cover.overlaps(s))).toBe(hit);
        if (hit) continue;
        agreed++;
        for (const s of spans) {
          kept.push(s);
          cover.add(s);
        }
      }
      expect(agreed).toBeGreaterThan(5);
    }
  });
});
