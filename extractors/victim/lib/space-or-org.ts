// The names a repetition count or a first organisation can use: those with white space or an organisation noun. Most
// capitalised runs are one word with no organisation noun in it ("Monday", "Smith", "FBI"), and cleaning one (some forty
// trims and rejections) costs far more than seeing that its name could be neither, so such runs are left uncleaned.
import type { AnalysedDoc } from '../../_shared/kit.ts';
import { cleanedRuns } from './names.ts';
import { cleansInside } from './clean/trims.ts';
import type { VictimName } from './name-shape.ts';
import { ORG_HEAD } from './words.ts';
import { WORD_END } from '../../_shared/char-classes.ts';

// ORG_HEAD's words anywhere, its word boundaries dropped: a part of a run holds a match of ORG_HEAD only where the run
// holds one of these ("Hospitals" → "Hospital"; a boundary the part has may be none in the run: "ReadingAcme Health").
// Dropping an assertion only widens what a pattern matches, so the pattern without them says yes wherever ORG_HEAD does.
const ORG_WORDS = ORG_HEAD.source.replaceAll(String.raw`\b`, '').replaceAll(WORD_END, '');
// (no other assertion inside: each would need its own reason why dropping it keeps a yes of ORG_HEAD's)
if (/\\[bB]|\(\?[=!<]|[$^]/.test(ORG_WORDS)) throw new Error('space-or-org: ORG_HEAD holds an assertion other than \\b and WORD_END');
const ORG_WORD_ANYWHERE = new RegExp(ORG_WORDS, ORG_HEAD.flags);

/**
 * The cleaned names of text[0, to), in order, as namesIn gives them, but for some that hold neither white space nor an
 * organisation noun: a run of one word that cleans to a part of itself (trims.ts cleansInside) and holds none of the
 * organisation nouns cannot clean to a name with either. "Microsoft said" is left out; "Microsoft Health said",
 * "Hospitals" and "Barrie police said" are cleaned.
 */
export function namesWithSpaceOrOrgNoun(doc: AnalysedDoc, to: number): IterableIterator<VictimName> {
  const { text } = doc;
  return cleanedRuns(doc, to, (start, end) => cleansInside(text, start, end) && !ORG_WORD_ANYWHERE.test(text.slice(start, end)));
}
