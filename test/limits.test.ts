// #12 item 10: one character limit (the CLI's --max-bytes, no hidden cap below it) and a per-document deadline that
// dead-letters (`timeout`) instead of holding a worker.
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../src/core/engine.ts';
import { LIMITS } from '../src/config.ts';
import { DEFAULT_MAX_BYTES } from '../src/ingest/types.ts';

const reasonOf = (r: Awaited<ReturnType<Awaited<ReturnType<typeof createExtractor>>['process']>>) => (r.ok ? 'record' : r.deadLetter.reason);
const SENTENCE = 'The hackers attacked the servers of the City of Dallas and demanded a ransom. ';

describe('per-document limits', () => {
  it('the default character limit is the default byte limit', () => {
    expect(LIMITS.maxTextChars).toBe(DEFAULT_MAX_BYTES);
  });

  it('a text over the given character limit is too-large; a 2.1 M-character text under the limit is not', async () => {
    const small = await createExtractor({ maxChars: 1000 });
    expect(reasonOf(small.process({ text: SENTENCE.repeat(20) }))).toBe('too-large');
    // under the default limit it is extracted (here cut short by a deadline of 1 ms, so the test stays quick)
    const big = await createExtractor({ deadlineMs: 1 });
    const r = big.process({ id: 'big', text: SENTENCE.repeat(Math.ceil(2_100_000 / SENTENCE.length)) });
    expect(reasonOf(r)).toBe('timeout');
    expect(r.ok ? '' : r.deadLetter.message).toMatch(/longer than 1 ms/);
  });

  it('without a deadline the same document gets its record', async () => {
    const x = await createExtractor({ deadlineMs: 0 });
    expect(reasonOf(x.process({ text: SENTENCE.repeat(50) }))).toBe('record');
  });
});
