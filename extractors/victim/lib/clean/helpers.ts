// Tests several victim-name clean steps share: is a word a town, a country, a name the text also uses alone, is the
// run's owner harmed in its sentence.
import type { AnalysedDoc } from '../../../_shared/kit.ts';
import { COUNTRY_BY_DEMONYM, countryCode } from '../../../_shared/countries.ts';
import { cityPlaces, subdivisions } from '../../../_shared/gazetteer.ts';
import { memoized, wordMemo } from '../cache.ts';
import { talksIncident } from '../context.ts';
import { JOINER, isPlace } from '../name-shape.ts';
import { endTest } from '../ends.ts';
import { GENERIC, HARM_AFTER, HARM_BEFORE, LEADING, ORG_HEAD, isCommonWord, isKnownOrganisation } from '../words.ts';
import { forText } from '../../../_shared/one-byte.ts';

// \p{…} patterns live at module level: esbuild (tsx, the bundle) would rebuild a literal inside a function on each call
const LETTER_FIRST = /^[\p{L}\d]/u;
const LETTER_OR_DIGIT = /[\p{L}\d]/u;

const COUNTY = /^(.+?)\s+(?:County|Parish|Borough)$/u;
/** A town or county of the gazetteer ("Evansville", "Orchard Park", "Jackson County") that is no ordinary word. */
export const isTownOrCounty = (value: string) =>
  townMemo(value, () => {
    const place = COUNTY.exec(value)?.[1] ?? value;
    return !isCommonWord(place) && (isPlace(place) || cityPlaces(place).length > 0 || subdivisions(place).length > 0);
  });
const townMemo = wordMemo<boolean>();

const countryMemo = wordMemo<boolean>();
export function isCountry(value: string): boolean {
  return countryMemo(value, () => !!countryCode(value));
}

const TAIL_JOINER = new RegExp(String.raw`^${JOINER}$`, 'iu');
/**
 * "Sony Italy" → "Sony": a country or demonym closing a brand's name; "Air India", "Bank of India" keep theirs, and
 * one word keeps its country unless it is a known brand, the text also names it alone, or the country is a demonym
 * that qualifies the noun after it ("Experian South African branch"; "Baseball Canada" stays).
 */
export function withoutCountryTail(doc: AnalysedDoc, value: string, nounAfter: boolean): string {
  // most runs end on no country: that much depends on the words alone, asked once per value (the split is the cost)
  if (!endsOnCountry(value)) return value;
  const words = value.split(/(\s+)/);
  for (const k of [2, 1]) {
    const cut = words.length - (2 * k - 1);
    const tail = words.slice(cut).join('');
    if (cut < 2 || !countryCode(tail)) continue;
    const rest = words.slice(0, cut - 1);
    const last = rest[rest.length - 1]!;
    if (TAIL_JOINER.test(last)) return value;
    const brand = isKnownOrganisation(last) || standsAlone(doc, last) || (nounAfter && COUNTRY_BY_DEMONYM.has(tail));
    if (rest.length === 1 && (isCommonWord(last) || isPlace(last) || ORG_HEAD.test(last) || !brand)) return value;
    return rest.join('');
  }
  return value;
}

const tailMemo = wordMemo<boolean>();
/** The last word or the last two words of `value` name a country (one word alone has no tail to cut). */
export const endsOnCountry = (value: string) =>
  // split(/(\s+)/) gives three or more parts exactly when the value holds white space: a lone word is answered without
  // a lookup (most runs)
  /\s/.test(value) &&
  tailMemo(value, () => {
    const words = value.split(/(\s+)/);
    return words.length >= 3 && (!!countryCode(words.slice(-1).join('')) || (words.length >= 5 && !!countryCode(words.slice(-3).join(''))));
  });

const CAPITAL_NEXT = /^\s+\p{Lu}/u;
/** `owner` appears in the text as a word of its own, not as the first word of a longer name. */
export const standsAlone = (doc: AnalysedDoc, owner: string) =>
  memoized(doc, 'alone', owner, () => {
    const { text } = doc;
    for (let at = text.indexOf(owner); at >= 0; at = text.indexOf(owner, at + 1)) {
      const after = text.slice(at + owner.length, at + owner.length + 3);
      if (LETTER_FIRST.test(after) || (at > 0 && LETTER_OR_DIGIT.test(text[at - 1]!))) continue;
      if (!CAPITAL_NEXT.test(after)) return true;
    }
    return false;
  });

const ORDINAL = /^[\d.,]+(?:st|nd|rd|th)?$/;
export function allGeneric(words: readonly string[]): boolean {
  for (const w of words) if (!GENERIC.has(w) && !LEADING.has(w) && !ORDINAL.test(w)) return false;
  return true;
}
// "City National Bank", "State Employees Credit Union": three or more common words capitalised together and
// ending on an organisation noun are one organisation's name; "the National Bank" alone is a kind
export const namedFromCommonWords = (value: string, words: readonly string[]) => words.length >= 3 && !LEADING.has(words[0]!) && ORG_TAIL.test(value);
const ORG_TAIL = new RegExp(
  String.raw`\s(?:Bank|Hospitals?|Clinic|Credit\s+Union|Union|Insurance|Health|Healthcare|University|College|School|` +
    String.raw`Schools|Council|Authority|Agency|Company|Group|Corporation|Services|Systems?|Network|Cent(?:er|re)s?)$`,
  'u',
);

// Herts Police is being investigated after sending personal details", "the BBC accidentally published": a force or an
// outlet that mishandled data itself is the victim, not the reporter
const MISHAP_AFTER = new RegExp(
  String.raw`^\s+(?:(?:has|have|had)\s+)?(?:accidentally|mistakenly|inadvertently|wrongly|` +
    String.raw`(?:is|are|was|were)\s+being\s+investigated|(?:was|were|been)\s+fined|apologi[sz]ed)\b`,
  'iu',
);
// "The Salt Lake City Police Department’s website, …, has been taken offline", "A Hertfordshire Police USB memory stick
// containing the personal details": a police force or an outlet whose own systems or media an incident sentence names
const OWNED_AFTER = new RegExp(
  String.raw`^(?:['’\x92]s?)?\s+(?:\p{Lu}[\p{L}-]*\s+)?(?:(?:official|internal|own|computer|memory|email|e-mail)\s+)?` +
    String.raw`(?:websites?|site|USB|laptops?|databases?|computer\s+systems?|systems|servers?|network|email\s+accounts?)\b`,
  'u',
);
const endsHarmed = endTest(HARM_BEFORE);
// outlets and police are hit too: "The New York Times' computer system was hacked", "hacked the ARY News Channel website"
export function harmedAround(text: string, s: number, e: number): boolean {
  return (
    HARM_AFTER.test(text.slice(e, e + 60)) ||
    endsHarmed(text.slice(Math.max(0, s - 60), s)) ||
    forText(MISHAP_AFTER, text).test(text.slice(e, e + 40)) ||
    (forText(OWNED_AFTER, text).test(text.slice(e, e + 60)) && inIncidentSentenceText(text, s))
  );
}
const inIncidentSentenceText = (text: string, at: number) => {
  const from = Math.max(text.lastIndexOf('.', at), text.lastIndexOf('\n', at)) + 1;
  // a dot inside "www.slcpd.com" ends no sentence
  const to = text.slice(at, at + 400).search(/[.!?](?=\s|$)|\n/u);
  return talksIncident(text.slice(from, to < 0 ? at + 400 : at + to));
};
