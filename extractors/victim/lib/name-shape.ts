// What a victim name looks like as news and incident write-ups print it: a run of capitalised words that may hold
// lower-case joiners ("Province de Namur", "Gemeente Hof van Twente", "Department of Health and Human
// Services"), and the cheap judgements on a name's shape (a place, an organisation noun, strong enough alone).
// The scanner (names.ts) and the cleaner (name-clean.ts) both build on these patterns.
import { span, type Span } from '../../_shared/kit.ts';
import { WORD_END } from '../../_shared/char-classes.ts';
import { countryCode } from '../../_shared/countries.ts';
import { uniqueSubdivision } from '../../_shared/gazetteer.ts';
import { wordMemo } from './cache.ts';
import { ACRONYM_SHAPE, ORG_HEAD, wordTagList } from './words.ts';

// camel-cased brands ("eBay") and acronyms with dots ("U.S.") count as capitalised words
const WORD =
  String.raw`(?:(?:\p{Lu}\.){2,}(?=[ \t]+\p{Lu})|(?:St|Mt|Ft|Inc|Corp|Co|Ltd|Jr|Bros)\.|\p{Lu}[\p{L}\p{M}\d]*(?:[-'’\x92.&/][\p{L}\p{M}\d]+)*` +
  String.raw`|\p{Ll}{1,2}\p{Lu}[\p{L}\p{M}\d]*|\d+[-\p{L}]*\p{L})`;
// longest first; "at", "in" and "on" are left out because they join a name to a place more often than not
// "and" is left out too: it joins two victims ("Facebook and Instagram") more often than it sits inside one
// "and" is let in here and cut again by cleanName unless an organisation noun follows it
export const JOINER = String.raw`(?:della|delle|degli|des|der|den|del|dei|dos|das|van|von|for|für|und|and|the|du|de|la|le|di|da|do|of|y|&)`;
// (each form ends in a letter: WORD_END is the \b after it)
const SUFFIX = String.raw`(?:,?\s(?:Inc|Corp|Co|Ltd|L\.?L\.?C|L\.?L\.?P|P\.?C|P\.?A|N\.?A|S\.?A)${WORD_END}\.?)`;
// Nordic and central European local governments put the lower-case kind after the place ("Tromsø kommune")
const LOCAL_KIND = String.raw`(?:[ \t]+(?:kommune|kommun|kunta|gmina|község))?`;
/**
 * A lookahead that holds wherever some character must follow: it changes no match, but V8 compiles what follows it once
 * instead of once for each way into it (the opening patterns' regex bytecode about a tenth smaller for each such stop).
 */
export const ONWARD = '(?=[^])';
/** A capitalised run with joiners; ends on a capitalised word (or a corporate suffix). */
// (a WORD starts on no white space: the (?=\S) before it changes no match, and makes V8 compile the WORD after the joiners once)
export const NAME = String.raw`${WORD}(?:[ \t]+(?:${JOINER}[ \t]+){0,2}(?=\S)${WORD}){0,7}${LOCAL_KIND}${SUFFIX}?`;

/** A news dateline before the lead sentence: "LONDON (Reuters) - ", "SAN FRANCISCO, Calif. -- ", "SAN JOSÉ, Costa Rica — ". */
export const DATELINE =
  String.raw`(?:(?:\p{Lu}[\p{Lu} .'-]{1,40}(?:,\s*\p{Lu}[\p{L}.]{1,12}(?:[ \t]\p{Lu}[\p{L}.]{1,12}){0,2})?\s*)?(?:\([^)\n]{1,30}\)\s*)` +
  String.raw`?[-–\x96—\x97]{1,2}\s+)?`;

export interface VictimName {
  value: string;
  start: number;
  end: number;
}

// "Northern Iowa", "Western Cape": a direction before a place is still a place
const DIRECTION = /^(?:Northern|Southern|Eastern|Western|Central|North|South|East|West|Upper|Lower|Greater|Rural)\s+/u;
const placeMemo = wordMemo<boolean>();
export const isPlace = (value: string): boolean => placeMemo(value, () => isPlaceWord(value));
const isPlaceWord = (value: string): boolean => {
  if (DIRECTION.test(value) && !ORG_HEAD.test(value)) return isPlace(value.replace(DIRECTION, ''));
  // "Kerala", "Ontario": a state or province the gazetteer knows by one name only, and no ordinary word
  if (countryCode(value) || uniqueSubdivision(value)) return true;
  return wordTagList(value.toLowerCase()).some((x) => /^(?:Region|City|Country|Place)$/.test(x));
};

/** A bare single word ("Bolton said") is too often a person's surname; acronyms and organisation nouns are not. */
export const isStrongName = (n: VictimName) => /\s/.test(n.value) || ACRONYM_SHAPE.test(n.value) || isOrgLike(n.value);

export const nameSpan = (text: string, n: VictimName): Span => span(text, n.start, n.end);

/** Whether a name carries an organisation noun ("Health", "University", "Inc"). */
// asked of the same names by every rule and several clean steps: answered once per name
const orgMemo = wordMemo<boolean>();
export const isOrgLike = (value: string): boolean => orgMemo(value, () => ORG_HEAD.test(value));
