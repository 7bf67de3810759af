// The text as stored is what every evidence offset points into, and what both databases must keep byte
// for byte: normalisation has to remove what neither can hold.
import { describe, expect, it } from 'vitest';
import { contentId, normaliseText } from '../src/core/document.ts';

describe('normaliseText', () => {
  it('replaces lone surrogates, NUL and other control characters; keeps pairs, tabs and newlines', () => {
    const text = normaliseText('a\uD800b\uDC00c \uD83D\uDE00 d\u0000e\tf\r\ng\u0007');
    expect(text).toBe('a\uFFFDb\uFFFDc \uD83D\uDE00 d e\tf\ng ');
    expect(Buffer.from(text, 'utf8').toString('utf8')).toBe(text);
  });

  it('drops a byte-order mark and composes to NFC', () => {
    expect(normaliseText('\uFEFFCafe\u0301')).toBe('Caf\u00E9');
  });
});

describe('contentId', () => {
  it('is the same however the text is spaced, and differs when the words differ', () => {
    expect(contentId('Hackers hit  the city.\n')).toBe(contentId(' Hackers hit the city.'));
    expect(contentId('Hackers hit the city.')).not.toBe(contentId('Hackers hit the town.'));
  });
});
