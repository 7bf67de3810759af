// The duplicate-id check's table: an id back with another text conflicts, with the same text it does not, and
// that holds for every id after the table has grown many times.
import { describe, expect, it } from 'vitest';
import { SeenIds } from '../src/ingest/seen-ids.ts';
import { contentHash } from '../src/store/store.ts';

describe('SeenIds', () => {
  it('flags an id read again with another text, not with the same text, across growth', () => {
    const seen = new SeenIds();
    const n = 20_000;
    for (let i = 0; i < n; i++) expect(seen.conflicts(`doc-${i}`, contentHash(`text ${i}`))).toBe(false);
    for (let i = 0; i < n; i += 997) {
      expect(seen.conflicts(`doc-${i}`, contentHash(`text ${i}`))).toBe(false);
      expect(seen.conflicts(`doc-${i}`, contentHash(`another text ${i}`))).toBe(true);
    }
    expect(seen.conflicts('doc-new', contentHash('text 1'))).toBe(false);
  });

  it('keeps ids apart that differ only in a lone surrogate, U+FFFD or a NUL (as UTF-8 they would collide)', () => {
    const seen = new SeenIds();
    const ids = ['col\u0000x', 'col\ufffdx', 'col\ud800x', 'col\udc00x'];
    ids.forEach((id, i) => expect(seen.conflicts(id, contentHash(`text ${i}`)), JSON.stringify(id)).toBe(false));
  });
});
