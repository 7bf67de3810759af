// The rules read compromise's lexicon from a packed copy the build makes (dist/) or packed from compromise's one-file
// CommonJS build (sources), and the tagger is that build too: both must be what compromise's ES modules give, which is what
// the rules were written against.
import { readFileSync } from 'node:fs';
import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { packedLexiconFile, wordTags } from '../extractors/_shared/word-tags.ts';
import { tag } from '../src/core/analyse/tagger.ts';

describe("compromise's lexicon and tagger, loaded without its ES modules", () => {
  const esm = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;

  // every word the ES modules' lexicon lists and the tags it gives, and words it does not list (none of Object's own)
  const differences = (tagsOf: (word: string) => unknown) => [
    ...Object.entries(esm).filter(([w, tags]) => JSON.stringify(tagsOf(w)) !== JSON.stringify(tags)),
    ...['constructor', '__proto__', 'tostring', 'hackerz', 'm²x', ''].filter((w) => tagsOf(w) !== undefined),
  ];

  it('the lexicon the rules read is the ES modules’ one, and so is the copy the build writes', async () => {
    expect(Object.keys(esm).length).toBeGreaterThan(10_000);
    expect(differences(wordTags)).toEqual([]);
    expect(readFileSync(new URL('../dist/extractors/_shared/compromise-lexicon.bin', import.meta.url)).equals(packedLexiconFile().bytes)).toBe(true);
    const built = (await import(new URL('../dist/extractors/_shared/word-tags.js', import.meta.url).href)) as { wordTags: typeof wordTags };
    expect(differences(built.wordTags)).toEqual([]);
  });

  it('the tagger tags as the ES modules do', () => {
    const labels = ['Bank of America Corp', 'Operations that could wait were postponed', 'Rubymar Logistics', 'On Feb', 'Hackers struck again'];
    const verbs = labels.map((l) => tag(l).has('#Verb'));
    expect(verbs).toEqual(labels.map((l) => nlp(l).has('#Verb')));
    expect(verbs).toContain(true);
    expect(verbs).toContain(false);
  });
});
