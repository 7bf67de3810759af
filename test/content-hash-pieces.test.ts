// The content id and the store's content hash are fed to the hash in pieces (#12 item 10: a 50 MB text is not copied
// whole into a collapsed string or a UTF-8 buffer); the digests must be those of the whole text, piece edges wherever
// they fall: inside whitespace runs, between a surrogate pair's halves, beside lone surrogates, at either end.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentId, normaliseText, prepare } from '../src/core/document.ts';
import { contentHash } from '../src/store/store.ts';

const wholeId = (t: string) => 'sha256-' + createHash('sha256').update(t.normalize('NFC').replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 32);
const wholeHash = (t: string) => 'sha256-' + createHash('sha256').update(t).digest('hex');
const MB = 1 << 20;

// Texts whose piece edge (every MB of characters) falls on each awkward spot.
function edgeCases(): string[] {
  const at = (edge: string, before = MB - 1) => 'a'.repeat(before) + edge + 'b tail ';
  return [
    '',
    '   \n\t  ',
    '  lead and trail  \n',
    at(' \n\t  \u00a0 x'), // a whitespace run across the edge
    at('\u3000\u2028\ufeff  y', MB - 2),
    ' '.repeat(MB + 5) + 'only at the end',
    'start' + ' '.repeat(2 * MB + 3),
    at('\ud83d\ude00 emoji'), // a surrogate pair split by the edge
    at('\ud83d x'), // a lone high surrogate at the edge
    at('\ude00 x', MB), // a lone low surrogate just past it
    at('e\u0301 combining', MB - 1),
    'word '.repeat(700_000) + '\r\n\r\n' + 'mot\u00e9 '.repeat(300_000),
  ];
}

describe('hashes fed in pieces', () => {
  it('contentId equals the hash of the whole collapsed, trimmed NFC text', () => {
    for (const t of edgeCases()) expect(contentId(t)).toBe(wholeId(t));
  });
  it('contentHash equals the hash of the whole text', () => {
    for (const t of edgeCases()) expect(contentHash(t)).toBe(wholeHash(t));
  });
  it('spacing still does not change the id, and a different word does', () => {
    const long = 'x'.repeat(MB - 1) + ' Acme  was hit';
    expect(contentId(long)).toBe(contentId(long.replace(/ +/g, '\n ')));
    expect(contentId(long)).not.toBe(contentId(long.replace('Acme', 'Acne')));
  });
  it("prepare's id (its text normalised once) is the contentId of the raw text", () => {
    for (const t of [...edgeCases(), 'Cafe\u0301 \u212b', 'caf\u00e9 na\u00efve \u00a8 \u00b8']) {
      expect(prepare({ text: t }).id).toBe(contentId(t));
      expect(contentId(t)).toBe(wholeId(t));
    }
  });
  it('NFC still composes outside Latin-1 and leaves Latin-1 text as it is', () => {
    expect(normaliseText('Cafe\u0301 \u212b')).toBe('Caf\u00e9 \u00c5');
    expect(normaliseText('caf\u00e9 \u00a8 \u00b8 \u00ff')).toBe('caf\u00e9 \u00a8 \u00b8 \u00ff');
  });
});
