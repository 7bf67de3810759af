// compromise's lexicon (a word, lower-cased, to its part-of-speech tags: "chad" → MaleName), the one part of
// compromise the rules read. The build writes it beside the compiled code as JSON (scripts/build-assets.mjs), so a
// start parses 0.6 MB of JSON instead of loading compromise's few hundred modules and unpacking its lexicon; from
// the sources it is taken from compromise itself.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type Lexicon = Readonly<Record<string, string | string[]>>;

// where the build puts the lexicon: beside this module in dist/
const LEXICON_FILE = new URL('./compromise-lexicon.json', import.meta.url);

/** The lexicon of compromise's one-file CommonJS build (test/word-tags.test.ts holds it equal to its ES modules'). */
function compromiseLexicon(): Lexicon {
  const nlp = createRequire(import.meta.url)('compromise') as { model(): { one: { lexicon: Lexicon } } };
  return nlp.model().one.lexicon;
}

export const lexicon: Lexicon = existsSync(LEXICON_FILE) ? (JSON.parse(readFileSync(LEXICON_FILE, 'utf8')) as Lexicon) : compromiseLexicon();
