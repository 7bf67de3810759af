// The duplicate-id check's table: an id back with another text conflicts, with the same text it does not, and
// that holds for every id, whether it is still in memory or has gone to the on-disk index.
import { describe, expect, it } from 'vitest';
import { SeenIds } from '../src/ingest/seen-ids.ts';
import { contentHash } from '../src/store/store.ts';

describe('SeenIds', () => {
  it.each([
    ['the default spill point', undefined],
    ['a spill every 100 ids', 100],
  ])('flags an id read again with another text, not with the same text (%s)', (_name, spillAt) => {
    const seen = new SeenIds(spillAt);
    const n = 20_000;
    for (let i = 0; i < n; i++) expect(seen.conflicts(`doc-${i}`, contentHash(`text ${i}`))).toBe(false);
    expect(seen.spilled).toBeGreaterThan(0);
    for (let i = 0; i < n; i += 97) {
      expect(seen.conflicts(`doc-${i}`, contentHash(`text ${i}`))).toBe(false);
      expect(seen.conflicts(`doc-${i}`, contentHash(`another text ${i}`))).toBe(true);
    }
    expect(seen.conflicts('doc-new', contentHash('text 1'))).toBe(false);
    // an id first read after the spills is checked like any other
    expect(seen.conflicts('doc-new', contentHash('text 2'))).toBe(true);
    seen.close();
  });

  it.each([
    ['in memory', undefined],
    ['on disk', 1],
  ])('keeps ids apart that differ only in a lone surrogate, U+FFFD or a NUL (as UTF-8 they would collide), %s', (_name, spillAt) => {
    const seen = new SeenIds(spillAt);
    const ids = ['col\u0000x', 'col\ufffdx', 'col\ud800x', 'col\udc00x', 'col\ud800\udc00x', 'colx'];
    ids.forEach((id, i) => expect(seen.conflicts(id, contentHash(`text ${i}`)), JSON.stringify(id)).toBe(false));
    ids.forEach((id, i) => expect(seen.conflicts(id, contentHash(`text ${i + 1}`)), JSON.stringify(id)).toBe(true));
    seen.close();
  });
});
