// compromise's tagger, loaded on first use: most documents never need it (the rules read its lexicon only, through
// extractors/_shared/word-tags.ts), and loading it is most of a start. Its one-file CommonJS build loads in one
// read, where its ES modules are a few hundred files; test/word-tags.test.ts holds the two builds' tags equal.
import { createRequire } from 'node:module';
import type compromise from 'compromise';

export type NlpView = ReturnType<typeof compromise>;

let nlp: typeof compromise | undefined;

/** compromise's parse of `text`. */
export function tag(text: string): NlpView {
  nlp ??= createRequire(import.meta.url)('compromise') as typeof compromise;
  return nlp(text);
}
