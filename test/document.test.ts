// The text as stored is what every evidence offset points into, and what both databases must keep byte
// for byte: normalisation has to remove what neither can hold.
import { describe, expect, it } from 'vitest';
import { loadCalibration } from '../src/core/calibration.ts';
import { contentId, normaliseText, prepare } from '../src/core/document.ts';
import { processDocument } from '../src/core/extract.ts';
import { loadRules } from '../src/core/registry.ts';

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

describe('prepare', () => {
  const raw = { text: '\uFEFFHackers hit the city.\r\n', title: 'Breach', uri: 'file:///a.txt', publishedAt: '2023-07-04' };

  it('decides the id, the normalised text and the source once; a prepared document comes back as it is', () => {
    const p = prepare(raw);
    expect(p).toEqual({
      id: contentId('Hackers hit the city.\n'),
      text: 'Hackers hit the city.\n',
      source: { uri: 'file:///a.txt', title: 'Breach', publishedAt: '2023-07-04' },
    });
    expect(prepare(p)).toBe(p);
    expect(prepare({ ...raw, id: 'own' }).id).toBe('own');
  });

  it('the processor gives the same record for the raw and the prepared document', async () => {
    const ctx = { rules: await loadRules(), ruleset: 'test', calibration: loadCalibration(), now: () => new Date(0) };
    expect(processDocument(prepare(raw), ctx, 'in')).toEqual(processDocument(raw, ctx, 'in'));
  });
});
