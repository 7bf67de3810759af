// The rules read compromise's lexicon from a JSON copy the build makes (dist/) or from compromise's one-file CommonJS
// build (sources), and the tagger is that build too: both must be what compromise's ES modules give, which is what
// the rules were written against.
import { readFileSync } from 'node:fs';
import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { lexicon } from '../extractors/_shared/word-tags.ts';
import { tag } from '../src/core/analyse/tagger.ts';

describe("compromise's lexicon and tagger, loaded without its ES modules", () => {
  const esm = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;

  it('the lexicon the rules read is the ES modules’ one, and so is the copy the build writes', () => {
    expect(Object.keys(lexicon).length).toBeGreaterThan(10_000);
    expect(lexicon).toEqual(esm);
    const built = JSON.parse(readFileSync(new URL('../dist/extractors/_shared/compromise-lexicon.json', import.meta.url), 'utf8'));
    expect(built).toEqual(esm);
  });

  it('the tagger tags as the ES modules do', () => {
    const labels = ['Bank of America Corp', 'Operations that could wait were postponed', 'Rubymar Logistics', 'On Feb', 'Hackers struck again'];
    const verbs = labels.map((l) => tag(l).has('#Verb'));
    expect(verbs).toEqual(labels.map((l) => nlp(l).has('#Verb')));
    expect(verbs).toContain(true);
    expect(verbs).toContain(false);
  });
});
