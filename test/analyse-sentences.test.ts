// Sentence splitting through the analysed document (analyse() is the API rules see): where a sentence ends and
// where it does not, offsets that point into the text, and sentenceAt's lookup.
import { describe, expect, it } from 'vitest';
import { analyse } from '../src/core/analyse/analyse.ts';

const sentencesOf = (text: string) => analyse({ id: 't', text }).sentences.map((s) => s.text);

describe('sentences', () => {
  it.each([
    ['two plain sentences', 'Hackers hit the city. The mayor spoke.', ['Hackers hit the city.', 'The mayor spoke.']],
    ['a question and an exclamation', 'Was data taken? Yes! It was.', ['Was data taken?', 'Yes!', 'It was.']],
    ['a title abbreviation', 'Mr. Chen said the servers were down.', ['Mr. Chen said the servers were down.']],
    ['a company suffix', 'Acme Inc. said it was hit. Files were lost.', ['Acme Inc. said it was hit.', 'Files were lost.']],
    ['dotted initials', 'The U.S. Department of Health was hit.', ['The U.S. Department of Health was hit.']],
    ['a single initial', 'Analyst J. Smith confirmed it.', ['Analyst J. Smith confirmed it.']],
    ['a lower-case continuation', 'Version 2. was affected.', ['Version 2. was affected.']],
    ['a closing quote', '"We were hit." The firm said so.', ['"We were hit."', 'The firm said so.']],
    ['a line break', 'Ransomware attack\nThe hospital was hit', ['Ransomware attack', 'The hospital was hit']],
    ['blank lines and spaces only', '  \n\n ', []],
  ])('%s', (_name, text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });

  it('offsets point into the text and sentences follow each other', () => {
    const text = '  First one.  Second one?\n\nThird one! ';
    const doc = analyse({ id: 't', text });
    expect(doc.sentences.map((s) => s.index)).toEqual([0, 1, 2]);
    for (const s of doc.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    for (let i = 1; i < doc.sentences.length; i++) expect(doc.sentences[i]!.start).toBeGreaterThanOrEqual(doc.sentences[i - 1]!.end);
  });

  it('sentenceAt finds the sentence holding an offset, and none in the gaps', () => {
    const text = 'One two. Three four.';
    const doc = analyse({ id: 't', text });
    expect(doc.sentenceAt(0)?.text).toBe('One two.');
    expect(doc.sentenceAt(text.indexOf('four'))?.text).toBe('Three four.');
    expect(doc.sentenceAt(text.indexOf(' Three'))).toBeUndefined();
    expect(doc.sentenceAt(text.length)).toBeUndefined();
  });

  it('reads the publication date when it is a date, and ignores it otherwise', () => {
    expect(analyse({ id: 't', text: 'x', publishedAt: '2023-07-04' }).publishedAt?.toISOString()).toBe('2023-07-04T00:00:00.000Z');
    expect(analyse({ id: 't', text: 'x', publishedAt: 'yesterday' }).publishedAt).toBeUndefined();
    expect(analyse({ id: 't', text: 'x' }).publishedAt).toBeUndefined();
  });
});
