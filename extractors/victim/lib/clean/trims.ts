// The trims of a victim-name clean, in the order they run: each moves the start or end of the capitalised run, taking
// off what is no part of the name (a leading "The", a possessive, what the name owns) or taking in what is.
import { JOINER, isPlace } from '../name-shape.ts';
import {
  CORPORATE_SUFFIX,
  DEVICE_TAIL,
  GLUED_TAIL,
  HEADLINE_VERB,
  LEADING,
  LOWER_KIND,
  ORG_HEAD,
  OWNED_NOUN,
  PART_OF,
  isCommonWord,
  isFirstName,
  wordTags,
} from '../words.ts';
import { defineTrim, type TrimStep } from './step.ts';
import { endsOnCountry, isTownOrCounty, standsAlone, withoutCountryTail } from './helpers.ts';
import { endTest } from '../ends.ts';
import { isSpace } from '../../../_shared/char-classes.ts';
import { forText } from '../../../_shared/one-byte.ts';

const slice = (r: { text: string; s: number; e: number }) => r.text.slice(r.s, r.e);
const LOWER_NEXT = /^\s+\p{Ll}/u;
const APOSTROPHE = 0x27;
const COMMA = 0x2c;
const LOWER_S = 0x73;
const RIGHT_QUOTE = 0x2019;
/** ’ as the rules read it (extractors/_shared/one-byte.ts) */
const RIGHT_QUOTE_VIEW = 0x92;
/** The run holds an apostrophe ("'" or "’"), which the possessive patterns need. */
const hasApostrophe = (v: string) => v.includes("'") || v.includes('’') || v.includes('\x92');

const PLURAL_POSSESSIVE = /^['’\x92][ \t]+\p{Lu}[\p{L}-]*(?:[ \t]+(?:(?:of|and|&)[ \t]+)?\p{Lu}[\p{L}-]*){0,4}/u;
const PLURAL_OWNER = new RegExp(
  String.raw`\b(?:Employees|Workers|Veterans|Teachers|Children|Women|Officers|Firefighters|Nurses|Farmers|` +
    String.raw`Physicians|Doctors|Members|Citizens|Retirees|Parents|Students|Peoples|Soldiers|Sailors|Engineers|Pensioners)$`,
  'u',
);
const pluralPossessive = defineTrim({
  name: 'plural possessive inside the name',
  examples: [{ run: 'The [Alabama State Employees]’ Insurance Board was hit.', value: 'Alabama State Employees’ Insurance Board' }],
  counterExamples: ['[Alabama State Employees] said nothing.'],
  trim(r) {
    // (the pattern opens on an apostrophe: a run followed by none is left as it is without the search; a run at the
    // text's end is asked nothing, as reading past the end throws away V8's optimised code)
    if (r.e >= r.text.length) return;
    const next = r.text.charCodeAt(r.e);
    if (next !== APOSTROPHE && next !== RIGHT_QUOTE && next !== RIGHT_QUOTE_VIEW) return;
    const plural = forText(PLURAL_POSSESSIVE, r.text).exec(r.text.slice(r.e, r.e + 80));
    if (plural && PLURAL_OWNER.test(slice(r))) r.e += plural[0].length;
  },
});

const shareOf = defineTrim({
  name: 'a share of the name',
  examples: [{ run: '[Thousands of Sentara] patients were told.', value: 'Sentara' }],
  counterExamples: ['[Sentara Healthcare] said.'],
  trim(r) {
    const share = PART_OF.exec(slice(r));
    if (share) r.s += share[0].length;
  },
});

// a page heading the text lost its line break after ("Further ReadingAcme Corp said"): common words, the last glued to
// the name's first; a brand's own inner capital ("Microsoft SharePoint") follows a name, not a heading
const GLUED_HEADING = /^((?:\p{Lu}?\p{Ll}+\s+){1,3}\p{Lu}\p{Ll}{3,})(?=\p{Lu}[\p{L}\d])/u;
const gluedHeading = defineTrim({
  name: 'page heading glued to the name',
  examples: [{ run: '[Further ReadingAcme Corp] said it was hacked.', value: 'Acme Corp' }],
  counterExamples: ['[Microsoft SharePoint] was hit.', '[WordPress] sites were hit.'],
  trim(r) {
    // (the heading's last word runs into the name's first: a lower-case letter right before a capital, which most runs lack)
    if (!lowerThenUpper(r.text, r.s, r.e)) return;
    const m = forText(GLUED_HEADING, r.text).exec(slice(r));
    if (m && m[1]!.split(/\s+/u).every((w) => isCommonWord(w) || LEADING.has(w.toLowerCase()))) r.s += m[1]!.length;
  },
});

/**
 * text[s, e) may hold a lower-case letter right before a capital (GLUED_HEADING's "\p{Ll}(?=\p{Lu})"): false only when no
 * a-z stands right before an A-Z and every character is ASCII (beyond it the pattern decides).
 */
function lowerThenUpper(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return true;
    if (c >= 97 && c <= 122 && i + 1 < e) {
      const next = text.charCodeAt(i + 1);
      if (next >= 128 || (next >= 65 && next <= 90)) return true;
    }
  }
  return false;
}

const LEADING_WORD = /^(\S+?)[,]?\s+/u;
const leadingWords = defineTrim({
  name: 'leading sentence openers',
  examples: [{ run: '[On Monday Acme Corp] said.', value: 'Acme Corp' }],
  counterExamples: ['[Acme Corp] said.'],
  trim(r) {
    for (;;) {
      const m = LEADING_WORD.exec(slice(r));
      if (!m || !LEADING.has(m[1]!.toLowerCase())) break;
      r.s += m[0].length;
    }
  },
});

const CLOSING = /(?:['’\x92]s?|[.,;:!?)\]"'”\x94’\x92-]+)$/u;
const ABBREVIATION_END = /\b(?:Inc|Corp|Co|Ltd|L\.?L\.?C|P\.?C|[A-Z])\.$/;
const JOINER_END = new RegExp(String.raw`\s+${JOINER}$`, 'iu');
// (asked from the end first: most runs end on neither, and the search for where the match starts is then spared)
const endsClosing = endTest(CLOSING);
const endsJoiner = endTest(JOINER_END);
const closingPunctuation = defineTrim({
  name: 'closing possessive, punctuation and joiners',
  examples: [
    { run: "[Acme Corp's] servers were hit.", value: 'Acme Corp' },
    { run: '[Bank of] the West', value: 'Bank' },
  ],
  counterExamples: ['[Acme Inc.] said.'],
  trim(r) {
    for (;;) {
      const before = r.e;
      const tail = slice(r);
      const poss = endsClosing(tail) && CLOSING.exec(tail);
      if (poss && !ABBREVIATION_END.test(tail)) r.e -= poss[0].length;
      const rest = r.e === before ? tail : slice(r);
      const join = endsJoiner(rest) && JOINER_END.exec(rest);
      if (join) r.e -= join[0].length;
      if (r.e === before) break;
    }
  },
});

const BASED_PREFIX = /^[\p{L}.]+(?:\s+\p{Lu}[\p{L}.]*)?-based\s+(?=\p{Lu})/u;
const basedPrefix = defineTrim({
  name: 'seat before the name',
  examples: [{ run: '[US-based Northeast Surgical Group] was hit.', value: 'Northeast Surgical Group' }],
  counterExamples: ['[Northeast Surgical Group] was hit.'],
  trim(r) {
    const value = slice(r);
    if (!value.includes('-based')) return;
    const based = forText(BASED_PREFIX, value).exec(value);
    if (based) r.s += based[0].length;
  },
});

const headlineVerb = defineTrim({
  name: 'headline verb after the name',
  examples: [{ run: '[Acme Corp Confirms Data Breach]', value: 'Acme Corp' }],
  counterExamples: ['[Acme Corp] confirms a data breach.'],
  trim(r) {
    const verb = HEADLINE_VERB.exec(slice(r));
    if (verb) r.e = r.s + verb.index;
  },
});

const AND = /\s+and\s+/u;
const andSplit = defineTrim({
  name: 'two names joined by "and"',
  examples: [{ run: '[Facebook and Instagram] were down.', value: 'Facebook' }],
  counterExamples: ['[Redcar and Cleveland Borough Council] was hit.'],
  trim(r) {
    const value = slice(r);
    const and = value.includes('and') && AND.exec(value);
    if (and && !ORG_HEAD.test(r.text.slice(r.s + and.index + and[0].length, r.e))) r.e = r.s + and.index;
  },
});

const LIST_TAIL = /^((?:,[ \t]+\p{Lu}\p{Ll}+){1,3}),?[ \t]+(?:and|&)[ \t]+(\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+){0,2})(?![\p{L}'’\x92-])/u;
const BODY_OF = new RegExp(
  String.raw`\b(?:Ministry|Department|Office|Bureau|Secretariat|Agency|Commission|Council|Institute|Faculty|School|` +
    String.raw`College|Centre|Center|Division|Board)\s+(?:of|for)\s+\p{Lu}\p{Ll}+$`,
  'u',
);
const isListWord = (w: string) => w && w !== 'and' && w !== '&';
const commonListWord = (w: string) => ORG_HEAD.test(w) || !(isPlace(w) || isFirstName(w) || (wordTags(w.toLowerCase()) ?? '').includes('Organization'));
const listTail = defineTrim({
  name: 'list of common words ending the name',
  examples: [{ run: 'The [Ministry of Agriculture], Forestry and Fisheries said.', value: 'Ministry of Agriculture, Forestry and Fisheries' }],
  counterExamples: ['The [Ministry of Agriculture] said.'],
  trim(r) {
    // "Ministry of Agriculture, Forestry and Fisheries", "Texas Ear, Nose and Throat Specialists": a list of common
    // words is the rest of one name when the name is a body "of" something or the list ends on an organisation noun
    // (the list opens on a comma right after the run; a run at the text's end has none, and reading past the end
    // throws away V8's optimised code)
    const list = r.e < r.text.length && r.text.charCodeAt(r.e) === COMMA && forText(LIST_TAIL, r.text).exec(r.text.slice(r.e, r.e + 120));
    if (
      list &&
      list[0]
        .split(/[\s,]+/)
        .filter(isListWord)
        .every(commonListWord) &&
      (BODY_OF.test(slice(r)) || ORG_HEAD.test(list[2]!))
    ) {
      r.e += list[0].length;
    }
  },
});

const endsCorporateSuffix = endTest(CORPORATE_SUFFIX);
const corporateSuffix = defineTrim({
  name: 'legal form',
  examples: [{ run: '[Alton Steel, Inc] said.', value: 'Alton Steel' }],
  counterExamples: ['[Alton Steel] said.'],
  trim(r) {
    const value = slice(r);
    const suffix = endsCorporateSuffix(value) ? CORPORATE_SUFFIX.exec(value) : null;
    if (suffix && suffix.index > 0) r.e = r.s + suffix.index;
    if (r.e <= r.s) return false;
    // "Alton Steel, Inc.": a legal form makes the run a company, whatever first name it opens with
    r.incorporated = !!suffix && suffix.index > 0;
  },
});

const POSSESSIVE_BEFORE = /^(.*?\S)['’\x92]s?\s+(?=\S+\s+\S)/u;
const PLURAL_NOUN_OWNER = /\b(?:Women|Children|Men|People|Veterans|Workers|Teachers|Employees|Doctors|Physicians|Nurses|Owners|Farmers)$/u;
const possessiveOwner = defineTrim({
  name: 'owner before a possessive',
  examples: [
    { run: "[North Carolina's Guildford County Schools] was hit.", value: 'Guildford County Schools' },
    { run: "[University of Cambridge's Big Data Project] was hit.", value: 'University of Cambridge' },
  ],
  counterExamples: ["[Midland Women's Clinic Group] was hit."],
  trim(r) {
    // "North Carolina's Guildford County Schools": a place before the possessive only locates the victim;
    // "University of Cambridge's project": an organisation before it is the victim
    const value = slice(r);
    const poss = hasApostrophe(value) && POSSESSIVE_BEFORE.exec(value);
    // "Midland Women's Clinic": a possessive plural noun is part of the name
    if (poss && !PLURAL_NOUN_OWNER.test(poss[1]!)) {
      if (ORG_HEAD.test(poss[1]!)) r.e = r.s + poss[1]!.length;
      else r.s += poss[0].length;
    }
  },
});

const OWNS_ONE = /^(.*?\S)['’\x92]s?\s+(\p{Lu}[\p{L}\d-]*)$/u;
const ownsOne = defineTrim({
  name: 'one word the owner has',
  examples: [{ run: '[Tommy Hilfiger’s Japanese] website was hacked.', value: 'Tommy Hilfiger' }],
  counterExamples: ['[Tommy Hilfiger’s Japanese], it said.'],
  trim(r) {
    // "Tommy Hilfiger’s Japanese website", "Henry County’s Enhanced 911 system": one word between the possessive and a
    // lower-case noun describes what the owner has; the owner is the name
    const value = slice(r);
    const m = hasApostrophe(value) && OWNS_ONE.exec(value);
    if (m && !ORG_HEAD.test(m[2]!) && !PLURAL_OWNER.test(m[1]!) && LOWER_NEXT.test(r.text.slice(r.e, r.e + 3))) r.e = r.s + m[1]!.length;
  },
});

const lostApostrophe = defineTrim({
  name: 'possessive that lost its apostrophe',
  examples: [{ run: '[Sierra View District Hospitals] network was hit.', value: 'Sierra View District Hospital' }],
  counterExamples: ['[Sierra View District Hospitals] said.'],
  trim(r) {
    // "Sierra View District Hospitals network", "Health Ministrys spokesman": a singular organisation noun whose
    // possessive lost its apostrophe, before the lower-case noun it owns
    // (every name the pattern knows ends on an "s")
    const m = r.text.charCodeAt(r.e - 1) === LOWER_S && GLUED_TAIL.exec(slice(r));
    if (m && OWNED_NOUN.test(r.text.slice(r.e, r.e + 30))) r.e -= (m[1] ?? m[2]!).length;
  },
});

const endsDevice = endTest(DEVICE_TAIL);
const deviceTail = defineTrim({
  name: 'device the name owns',
  examples: [{ run: 'A [Hertfordshire Police USB] memory stick was lost.', value: 'Hertfordshire Police' }],
  counterExamples: ['[Hertfordshire Police USB], it said.'],
  trim(r) {
    // "A Hertfordshire Police USB memory stick", "Sunoco ATM skimmer": a device's acronym after the name is what it owns
    const value = slice(r);
    const device = endsDevice(value) && DEVICE_TAIL.exec(value);
    if (device && device.index > 0 && LOWER_NEXT.test(r.text.slice(r.e, r.e + 3))) r.e = r.s + device.index;
  },
});

/** Some "s" of `value` stands right before white space. */
function sThenSpace(value: string): boolean {
  // (an "s" ending `value` has nothing after it: the last "s" sought is the one before the last character, as a read
  // past the end gives NaN, which throws away V8's optimised code here and in isSpace)
  const last = value.length - 2;
  for (let at = value.indexOf('s'); at >= 0 && at <= last; at = value.indexOf('s', at + 1)) if (isSpace(value.charCodeAt(at + 1))) return true;
  return false;
}
const GLUED_POSSESSIVE = /^(\p{Lu}[\p{L}]*[^\Ws])s\s+(?=\S+\s+\S)/u;
const PLURAL_NAME = new RegExp(
  String.raw`^(?:Women|Children|Men|People|Veteran|Worker|Teacher|Employee|Doctor|Physician|Nurse|Owner|Farmer|` +
    String.raw`American|Citizen|Friend|Member|Partner|Associate|Service|System|Product|Resource|Affair|Communication|Industrie|Holding|` +
    String.raw`Solution|Lake|Hill|Spring|Wood|Field|Park|Garden|Meadow|Oak|Pine|Palm|Height|Fall|Island|Water|Street|Road)$`,
  'u',
);
const gluedPossessive = defineTrim({
  name: 'owner glued to its possessive',
  examples: [
    { run: '[Hartfords Saint Francis Hospital] was hit.', value: 'Saint Francis Hospital' },
    { run: 'NATO said. [NATOs Cooperative Cyber Defence Centre] was hit.', value: 'Cooperative Cyber Defence Centre' },
  ],
  counterExamples: ['[Hartford Saint Francis Hospital] was hit.'],
  trim(r) {
    // "Hartfords Saint Francis Hospital": a place whose possessive lost its apostrophe
    // "NATOs Cooperative Cyber Defence Centre", "Erickson Livings Dan Dunne": any owner the text also names on its own;
    // what it owns is the victim when it is an organisation, else the owner is
    // (the owner's word ends on an "s" before white space)
    const value = slice(r);
    const glued = sThenSpace(value) && GLUED_POSSESSIVE.exec(value);
    if (!glued) return;
    const owner = glued[1]!;
    // (short town names in the gazetteer are too often a surname or a word with its "s": "Flores", "Sims")
    const place = isPlace(owner) || (owner.length >= 6 && !isFirstName(owner.toLowerCase()) && isTownOrCounty(owner));
    if (place || (!PLURAL_NAME.test(owner) && standsAlone(r.doc, owner))) {
      if (place || ORG_HEAD.test(r.text.slice(r.s + glued[0].length, r.e))) r.s += glued[0].length;
      else r.e = r.s + owner.length;
    }
  },
});

// "LA County-USC Patients' Personal Information": the people served, named after who serves them
const PEOPLE_TAIL = /\s+(?:Patients|Customers|Clients|Users|Students|Residents|Subscribers|Shoppers|Passengers)$/u;
// "Sunoco Gas Stations", "Netflix Call Center": a brand's outlet or office is named after it too
const WEB_PROPERTY = /\s+(?:Support\s+)?(?:Page|Web\s?[Ss]ite|Website|Sites|Portal|Forum|Blog|Gas\s+Stations?|Call\s+Cent(?:er|re))$/u;
const endsWebProperty = endTest(WEB_PROPERTY);
const endsPeople = endTest(PEOPLE_TAIL);
const ownedProperty = defineTrim({
  name: 'web property, outlet or people named after the owner',
  examples: [
    { run: 'The [Viber Support Page] was defaced.', value: 'Viber' },
    { run: '[Egyptian Government Sites] were down.', value: 'Egyptian Government' },
  ],
  counterExamples: ['[Viber] was defaced.'],
  trim(r) {
    const value = slice(r);
    const owned = endsWebProperty(value) ? WEB_PROPERTY.exec(value) : endsPeople(value) ? PEOPLE_TAIL.exec(value) : null;
    if (owned && owned.index > 0) r.e = r.s + owned.index;
  },
});

const countryTail = defineTrim({
  name: "country closing a brand's name",
  examples: [{ run: 'Sony said. [Sony Italy] was hacked.', value: 'Sony' }],
  counterExamples: ['[Air India] was hacked.'],
  trim(r) {
    // "Sony Italy", "Google Video Costa Rica", "Experian South African branch": a brand's branch in a country
    // (most runs end on no country: asked first, the noun after the run need not be read)
    const value = slice(r);
    if (endsOnCountry(value)) r.e = r.s + withoutCountryTail(r.doc, value, LOWER_NEXT.test(r.text.slice(r.e, r.e + 3))).length;
  },
});

const lowerKind = defineTrim({
  name: 'lower-case kind after a place',
  examples: [{ run: 'The [Barrie] police said.', value: 'Barrie police' }],
  counterExamples: ['The [Barrie] council said.'],
  trim(r) {
    // "Barrie police", "Spotsylvania school system": a lower-case kind after a place makes it the place's body
    const kind = LOWER_KIND.exec(r.text.slice(r.e, r.e + 40));
    if (kind) r.e += kind[0].length;
    r.kindTaken = !!kind;
  },
});

const BODY_KIND =
  String.raw`(?:(?:medical|health|dental|eye|surgical|care)\s+)?(?:hospital|clinic|cent(?:er|re)|hospice|bank|credit\s+union|` +
  String.raw`stock\s+exchange|adoption\s+agency|care\s+network|nursing\s+home|care\s+home)`;
const BODY_KIND_AFTER = new RegExp(String.raw`^[ \t]+${BODY_KIND}(?![\p{L}-])`, 'u');
/** A body's kind closing a name ("Antoni van Leeuwenhoek hospital"). */
export const BODY_KIND_END = new RegExp(String.raw`\s${BODY_KIND}$`, 'u');
const SENTENCE_START = /(?:^|[.!?:]\s+|\n\s*)$/u;
const bodyKind = defineTrim({
  name: 'lower-case kind after a name',
  examples: [{ run: 'the [Walking On Air] clinic was hit.', value: 'Walking On Air clinic' }],
  counterExamples: ['An [Evansville] hospital was hit.', '[Dermatology] clinic staff said.'],
  trim(r) {
    // "the Walking On Air clinic", "Antoni van Leeuwenhoek hospital": a lower-case kind after a name with no organisation
    // noun of its own, and no place, is part of the body's name
    const body = !r.kindTaken && BODY_KIND_AFTER.exec(r.text.slice(r.e, r.e + 40));
    if (!body) return;
    const value = slice(r);
    // ("An Evansville hospital", "Dermatology clinic staff": a town, or one word a sentence opens on, names no body)
    const sentenceWord = /^\S+$/u.test(value) && (isCommonWord(value) || SENTENCE_START.test(r.text.slice(Math.max(0, r.s - 3), r.s)));
    if (!ORG_HEAD.test(value) && !isTownOrCounty(value) && !sentenceWord) r.e += body[0].length;
  },
});

/**
 * A run of one word (no white space, no comma) that cleans to a part of itself, whatever the other trims make of it: the
 * trims that take in what follows a run (pluralPossessive, listTail, lowerKind, bodyKind) need an apostrophe, a comma or
 * white space right where the run ends by then, and every other trim moves its start forward or its end back. Inside
 * such a run the end meets none of the three, so only at the run's own end can those trims take anything in, and the
 * patterns they ask there (the same regexes, for the text's width as they ask them) say whether they may. Keep in step
 * with the trims above.
 * "Microsoft said", "Texas, the state" and "Equifax’s data" clean to a part of the run; "Barrie police said" may clean to
 * "Barrie police", "Hawaii, Texas and Utah" to more than "Hawaii", "Employees’ Insurance Board" to more than "Employees".
 */
export function cleansInside(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === COMMA || isSpace(c)) return false;
  }
  if (end >= text.length) return true;
  const next = text.charCodeAt(end);
  // (pluralPossessive runs first: the run is still whole when it asks)
  if (next === APOSTROPHE || next === RIGHT_QUOTE || next === RIGHT_QUOTE_VIEW)
    return !(forText(PLURAL_POSSESSIVE, text).test(text.slice(end, end + 80)) && PLURAL_OWNER.test(text.slice(start, end)));
  if (next === COMMA) return !forText(LIST_TAIL, text).test(text.slice(end, end + 120));
  // (LOWER_KIND and BODY_KIND_AFTER open on white space)
  if (!isSpace(next)) return true;
  const after = text.slice(end, end + 40);
  return !LOWER_KIND.test(after) && !BODY_KIND_AFTER.test(after);
}

/** The trims, in the order they run. */
export const TRIMS: readonly TrimStep[] = [
  pluralPossessive,
  shareOf,
  gluedHeading,
  leadingWords,
  closingPunctuation,
  basedPrefix,
  headlineVerb,
  andSplit,
  listTail,
  corporateSuffix,
  possessiveOwner,
  ownsOne,
  lostApostrophe,
  deviceTail,
  gluedPossessive,
  ownedProperty,
  countryTail,
  lowerKind,
  bodyKind,
];
