// Cleaning one capitalised run into a victim name: trimming leading noise, possessives and what the name owns,
// and rejecting the runs that are no victim organisation: generic subjects, people, places, attackers and reporters.
import type { AnalysedDoc } from '../../_shared/kit.ts';
import { COUNTRY_BY_DEMONYM, countryCode } from '../../_shared/countries.ts';
import { cityPlaces, subdivisions } from '../../_shared/gazetteer.ts';
import { TECH_ACRONYM } from './lone.ts';
import { memoFor, memoized, spanKey, wordMemo } from './cache.ts';
import { talksIncident } from './context.ts';
import { JOINER, isPlace, type VictimName } from './name-shape.ts';
import { NOT_ORGANISATION, PERSON_AFTER, PERSON_BEFORE, isPeoplePlural, namedAsPerson } from './person.ts';
import {
  ACTOR_AFTER, CORPORATE_SUFFIX, GENERIC, HARM_AFTER, HARM_BEFORE, HEADLINE_VERB, LEADING, LOWER_KIND,
  DEVICE_TAIL, ENFORCING_AFTER, FINDING_AFTER, OVERSEEING_AFTER, OVERSIGHT_BODY, GLUED_TAIL, LAW_ENFORCEMENT, OWNED_NOUN,
  NOT_VICTIM_NAMES, NOT_VICTIM_WORDS, ORG_HEAD, PART_OF, REPORTER, RESIDENT_AFTER, ROLE, SECURITY_APPOSITIVE,
  SOURCE_BEFORE, allCapsHeadline, hasCorporateContext, isCommonWord, isFirstName, isKnownOrganisation, lexicon,
} from './words.ts';

/**
 * Cleans the capitalised run text[start, end): drops leading noise ("The", "On Monday"), a trailing
 * possessive and punctuation, and rejects generic subjects, people, attackers and reporters.
 */
export function cleanName(doc: AnalysedDoc, start: number, end: number): VictimName | null {
  const { text } = doc;
  const memo = memoFor<number, VictimName | null>(doc, 'clean');
  const key = spanKey(start, end);
  let name = memo.get(key);
  if (name === undefined) memo.set(key, (name = isBareFunctionWord(text, start, end) ? null : cleanRun(doc, start, end)));
  return name;
}

// Most capitalised runs are one sentence-opening word ("The", "We", "According", "July"): with nothing
// to trim and no kind after it, such a word is only a generic subject, and cleanRun would say so slowly.
const ONE_WORD = /^[^\s'’.,;:!?)\]"”-]+$/u;
const isBareFunctionWord = (text: string, start: number, end: number) => {
  if (end - start > 12) return false;
  const w = text.slice(start, end);
  const lower = w.toLowerCase();
  return (LEADING.has(lower) || GENERIC.has(lower)) && ONE_WORD.test(w) && !LOWER_KIND.test(text.slice(end, end + 40));
};

const JOINER_END = new RegExp(String.raw`\s+${JOINER}$`, 'iu');
function cleanRun(doc: AnalysedDoc, start: number, end: number): VictimName | null {
  const { text } = doc;
  let s = start;
  let e = end;
  // "Alabama State Employees’ Insurance Board", "Ohio Bureau of Workers' Compensation": a plural possessive inside the name
  const plural = PLURAL_POSSESSIVE.exec(text.slice(e, e + 80));
  if (plural && PLURAL_OWNER.test(text.slice(s, e))) e += plural[0].length;
  // "Thousands of Sentara patients", "Head of the Gyeonggi-do Fire and Disaster Headquarters": a share of the name
  const share = PART_OF.exec(text.slice(s, e));
  if (share) s += share[0].length;
  for (;;) {
    const m = /^(\S+?)[,]?\s+/u.exec(text.slice(s, e));
    if (!m || !LEADING.has(m[1]!.toLowerCase())) break;
    s += m[0].length;
  }
  for (;;) {
    const before = e;
    const tail = text.slice(s, e);
    const poss = /(?:['’]s?|[.,;:!?)\]"'”’-]+)$/u.exec(tail);
    if (poss && !/\b(?:Inc|Corp|Co|Ltd|L\.?L\.?C|P\.?C|[A-Z])\.$/.test(tail)) e -= poss[0].length;
    const join = JOINER_END.exec(text.slice(s, e));
    if (join) e -= join[0].length;
    if (e === before) break;
  }
  // "US-based Northeast Surgical Group": the seat locates the victim and is no part of its name
  const based = BASED_PREFIX.exec(text.slice(s, e));
  if (based) s += based[0].length;
  const verb = HEADLINE_VERB.exec(text.slice(s, e));
  if (verb) e = s + verb.index;
  // "Redcar and Cleveland Borough Council" is one name, "Facebook and Instagram" two
  const and = /\s+and\s+/u.exec(text.slice(s, e));
  if (and && !ORG_HEAD.test(text.slice(s + and.index + and[0].length, e))) e = s + and.index;
  // "Ministry of Agriculture, Forestry and Fisheries", "Texas Ear, Nose and Throat Specialists": a list of common
  // words is the rest of one name when the name is a body "of" something or the list ends on an organisation noun
  const list = LIST_TAIL.exec(text.slice(e, e + 120));
  if (list && list[0].split(/[\s,]+/).filter((w) => w && w !== 'and' && w !== '&').every((w) => ORG_HEAD.test(w) || !(isPlace(w) || isFirstName(w) || (lexicon[w.toLowerCase()] ?? '').includes('Organization')))
    && (BODY_OF.test(text.slice(s, e)) || ORG_HEAD.test(list[2]!))) e += list[0].length;
  const suffix = CORPORATE_SUFFIX.exec(text.slice(s, e));
  if (suffix && suffix.index > 0) e = s + suffix.index;
  if (e <= s) return null;
  // "Alton Steel, Inc.": a legal form makes the run a company, whatever first name it opens with
  const incorporated = !!suffix && suffix.index > 0;
  // "North Carolina's Guildford County Schools": a place before the possessive only locates the victim;
  // "University of Cambridge's project": an organisation before it is the victim
  const poss = /^(.*?\S)['’]s?\s+(?=\S+\s+\S)/u.exec(text.slice(s, e));
  // "Midland Women's Clinic": a possessive plural noun is part of the name
  if (poss && !/\b(?:Women|Children|Men|People|Veterans|Workers|Teachers|Employees|Doctors|Physicians|Nurses|Owners|Farmers)$/u.test(poss[1]!)) {
    if (ORG_HEAD.test(poss[1]!)) e = s + poss[1]!.length;
    else s += poss[0].length;
  }
  // "Tommy Hilfiger’s Japanese website", "Henry County’s Enhanced 911 system": one word between the possessive and a
  // lower-case noun describes what the owner has; the owner is the name
  const ownsOne = /^(.*?\S)['’]s?\s+(\p{Lu}[\p{L}\d-]*)$/u.exec(text.slice(s, e));
  if (ownsOne && !ORG_HEAD.test(ownsOne[2]!) && !PLURAL_OWNER.test(ownsOne[1]!) && /^\s+\p{Ll}/u.test(text.slice(e, e + 3))) e = s + ownsOne[1]!.length;
  // "Sierra View District Hospitals network", "Health Ministrys spokesman": a singular organisation noun whose
  // possessive lost its apostrophe, before the lower-case noun it owns
  const lostApostrophe = GLUED_TAIL.exec(text.slice(s, e));
  if (lostApostrophe && OWNED_NOUN.test(text.slice(e, e + 30))) e -= (lostApostrophe[1] ?? lostApostrophe[2]!).length;
  // "A Hertfordshire Police USB memory stick", "Sunoco ATM skimmer": a device's acronym after the name is what it owns
  const device = DEVICE_TAIL.exec(text.slice(s, e));
  if (device && device.index > 0 && /^\s+\p{Ll}/u.test(text.slice(e, e + 3))) e = s + device.index;
  // "Hartfords Saint Francis Hospital": a place whose possessive lost its apostrophe
  // "NATOs Cooperative Cyber Defence Centre", "Erickson Livings Dan Dunne": any owner the text also names on its own;
  // what it owns is the victim when it is an organisation, else the owner is
  const glued = GLUED_POSSESSIVE.exec(text.slice(s, e));
  // (short town names in the gazetteer are too often a surname or a word with its "s": "Flores", "Sims")
  const gluedPlace = !!glued && (isPlace(glued[1]!) || (glued[1]!.length >= 6 && !isFirstName(glued[1]!.toLowerCase()) && isTownOrCounty(glued[1]!)));
  if (glued && (gluedPlace || (!PLURAL_NAME.test(glued[1]!) && standsAlone(doc, glued[1]!)))) {
    if (gluedPlace || ORG_HEAD.test(text.slice(s + glued[0].length, e))) s += glued[0].length;
    else e = s + glued[1]!.length;
  }
  // "Viber Support Page", "Egyptian Government Sites", "LA County-USC Patients": a web property, outlet or the people
  // served, named after their owner
  const owned = WEB_PROPERTY.exec(text.slice(s, e)) ?? PEOPLE_TAIL.exec(text.slice(s, e));
  if (owned && owned.index > 0) e = s + owned.index;
  // "Sony Italy", "Google Video Costa Rica", "Experian South African branch": a brand's branch in a country
  e = s + withoutCountryTail(doc, text.slice(s, e), /^\s+\p{Ll}/u.test(text.slice(e, e + 3))).length;
  // "Barrie police", "Spotsylvania school system": a lower-case kind after a place makes it the place's body
  const kind = LOWER_KIND.exec(text.slice(e, e + 40));
  if (kind) e += kind[0].length;
  // "the Walking On Air clinic", "Antoni van Leeuwenhoek hospital": a lower-case kind after a name with no organisation
  // noun of its own, and no place, is part of the body's name
  const body = !kind && BODY_KIND_AFTER.exec(text.slice(e, e + 40));
  // ("An Evansville hospital", "Dermatology clinic staff": a town, or one word a sentence opens on, names no body)
  if (body && !ORG_HEAD.test(text.slice(s, e)) && !isTownOrCounty(text.slice(s, e)) && !(/^\S+$/u.test(text.slice(s, e)) && (isCommonWord(text.slice(s, e)) || SENTENCE_START.test(text.slice(Math.max(0, s - 3), s))))) e += body[0].length;
  const value = text.slice(s, e);
  const words = value.toLowerCase().split(/\s+/);
  if (allGeneric(words) && !namedFromCommonWords(value, words)) return null;
  // laws are breached too ("a breach of the Data Protection Act")
  if (/\s(?:Act|Law|Regulation|Directive|Rule)$/u.test(value) && !/\b(?:School|College|Faculty|Institute|Cent(?:er|re))\s+of\s+Law$/u.test(value)) return null;
  // "the Health Insurance Portability and Accountability Act": a law's first half, cut at its "and"
  if (LAW_REST.test(text.slice(e, e + 60))) return null;
  // gang names are ordinary words too ("Royal Shrewsbury Hospital"): an organisation noun outweighs them
  // "Royal Navy", "Royal Victoria Infirmary": a gang named by an ordinary adjective opens many organisations' names;
  // ("the Syrian Electronic Armys official website": a possessive that lost its apostrophe)
  if (((NOT_VICTIM_NAMES.has(words.join(' ')) || NOT_VICTIM_NAMES.has(words.join(' ').replace(/s$/u, ''))) && !harmedAround(text, s, e))
    || (NOT_VICTIM_WORDS.has(words[0]!) && !ORG_HEAD.test(value) && !(words[0] === 'royal' && words.length > 1 && !GENERIC.has(words[1]!)))) return null;
  if (LEADING.has(words[0]!) || value.length < 2 || JOINER_START.test(value)) return null;
  // "the Egyptian government", "Norway government": a whole country's government is where write-ups start,
  // the victim is the ministry or agency they go on to name
  if (NATIONAL_GOVERNMENT.test(value) && isCountry(value.replace(NATIONAL_GOVERNMENT, '$1'))) return null;
  // "Pakistani Haxors Crew", "Iranian Cyber Army": a crew's name is the attacker's
  if (CREW_END.test(value)) return null;
  // "47-year-old Schella Logan Hope", "Sun 29th December": a person's age or a date, no organisation
  if (/^\d+-year-old\b/u.test(value) || DAY_OF_MONTH.test(value)) return null;
  // "Salem Road", "Veteran B", "1am GMT", "Social Security Numbers", "South Africans": an address, a placeholder
  // for a person, a time, a kind of record or a people is no organisation
  if ((NOT_ORGANISATION.test(value) && !incorporated) || isPeoplePlural(words[words.length - 1]!)) return null;
  // "7,500 British Columbians", "Californians": the people of a place ending in -a
  if (/\p{Ll}ans$/u.test(value) && isPlace(value.slice(0, -2))) return null;
  // "Chinese APT Playful Taurus": a threat actor's label inside the run
  if (/\bAPT\b/u.test(value)) return null;
  // "the Electronic Case Files Management System": a system is what was hit, its owner is the victim
  if (/\sSystem$/u.test(value) && !ORG_HEAD.test(value)) return null;
  // "the British IT-company Elliptic": a vendor's kind swallowed into the capitalised run
  if (/\bIT-(?:company|firm|provider|vendor)\b/u.test(value) && !harmedAround(text, s, e)) return null;
  // "hacktivist group Black Reward", "aka The White Company": the attacker, named after its kind
  if (ACTOR_BEFORE.test(text.slice(Math.max(0, s - 50), s))) return null;
  // "states the British IT-company Elliptic": a vendor or researcher reports; it is the victim only when harmed
  if (VENDOR_BEFORE.test(text.slice(Math.max(0, s - 50), s)) && !harmedAround(text, s, e)) return null;
  // "fired third-party vendor Scribewell", "UMHS vendor Omnicare", "Hummingwire, a software company hired to…": a
  // vendor serving the organisation whose records it held; that organisation is the victim
  if (SERVING_VENDOR_BEFORE.test(text.slice(Math.max(0, s - 50), s)) || HIRED_APPOSITIVE.test(text.slice(e, e + 90))) return null;
    // "Prime Minister's Office", "Office of Medicaid Inspector General": a role names the office that serves it
  const office = /['’]s\s+(?:Office|Department|Bureau)\b|^(?:Office|Department|Bureau|Ministry)\s+of\b/u.test(value);
  if ((ROLE.test(value) && !office && !PEOPLE_BODY.test(text.slice(s, e + 6))) || (REPORTER.test(value.replace(POST_PREFIX, '')) && !harmedAround(text, s, e)) || allCapsHeadline(value) || isCountry(value)) return null;
  // "Chicago police have arrested", "Nassau County police said", "the Sheriff's Office said": a force that
  // investigates or speaks reports the incident; it is the victim only when its own systems are hit
  if (LAW_ENFORCEMENT.test(value) && ENFORCING_AFTER.test(text.slice(e, e + 50)) && !harmedAround(text, s, e)) return null;
  const after = text.slice(e, e + 120);
  if ((OVERSEEING_AFTER.test(after) || (FINDING_AFTER.test(after) && OVERSIGHT_BODY.test(value))) && !harmedAround(text, s, e)) return null;
  // "Brett Callow", "Zelda McConachy": a first name and no organisation noun is a person
  if (words.length <= 3 && isFirstName(words[0]!) && !ORG_HEAD.test(value) && !incorporated && !BODY_KIND_END.test(value) && !hasCorporateContext(text, e)) return null;
  // "spokesman Jay Mayfield", "Canh Oxelson, 32, a former employee", "Mr Montgomery": a title or a role beside a
  // short name without an organisation noun makes it a person
  if (words.length <= 3 && !ORG_HEAD.test(value) && !incorporated && (/^(?:mr|mrs|ms|miss)\.?$/.test(words[0]!)
    || PERSON_BEFORE.test(text.slice(Math.max(0, s - 40), s)) || PERSON_AFTER.test(text.slice(e, e + 80))
    || (!/^[\p{Lu}\d&.-]+$/u.test(value) && namedAsPerson(doc, value)))) return null;
  // "Emory Roane of the Privacy Rights Clearinghouse" is a person speaking for an organisation; "Virginia Department
  // of Health" opens on a place that is also a first name, and an organisation noun follows it
  if (isFirstName(words[0]!) && words[2] === 'of' && !ORG_HEAD.test(value.split(/\s+/)[1]!)) return null;
  // a lone dictionary word ("Potential", "Privacy") is a capitalised sentence start, not a brand; nor is a technical
  // or privacy-office acronym ("GPS network", "the CE") or a sentence adverb ("Additionally, the group …")
  if (words.length === 1 && ((isCommonWord(value) && !hasCorporateContext(text, e)) || TECH_ACRONYM.has(value)
    || (/\p{Ll}ly$/u.test(value) && ADVERB_AFTER.test(text.slice(e, e + 12))))) return null;
  // "BOXING coach", "A MILITARY laptop": a shouted dictionary word opens the story; acronyms that spell a word are
  // shorter ("SWIFT said")
  if (words.length === 1 && /^\p{Lu}{6,}$/u.test(value) && isCommonWord(words[0]!) && !hasCorporateContext(text, e)) return null;
  // "Hackers of AnonGhost", "Members of the Anonymous movement": a crowd named after its group
  if (/^(?:hackers|hacktivists|members|supporters|activists|operatives|affiliates|fans|users|customers|friends|journalists|reporters)$/.test(words[0]!) && words[1] === 'of') return null;
  // "Hacker DasTn of The Outlaws defaced…": an attacker named with his trade
  if (/^(?:hacker|hacktivist|attacker)$/.test(words[0]!) && words.length > 1 && !ORG_HEAD.test(value)) return null;
  // "A Kanawha County woman", "Matamata woman Tania": a place qualifying a person
  if (RESIDENT_AFTER.test(text.slice(e, e + 20))) return null;
  // "Michael Bryant, 41, of Lauderdale Lakes", "a resident of Phenix City": where a person lives
  const residence = RESIDENCE_BEFORE.exec(text.slice(Math.max(0, s - 30), s));
  if (residence && (residence[1] || isTownOrCounty(value))) return null;
  // "An Evansville hospital", "a Jersey City doctor", "a Dallas County, Texas, physician": a town or county named only
  // to say where some unnamed body or person is; the victim is that one, not the place
  if (ARTICLE_BEFORE.test(text.slice(Math.max(0, s - 4), s)) && /^,?\s+\p{Ll}/u.test(text.slice(e, e + 3))
    && !TOWN_BODY_AFTER.test(text.slice(e, e + 12)) && isTownOrCounty(value)) return null;
  if (ACTOR_AFTER.test(text.slice(e, e + 40)) || SECURITY_APPOSITIVE.test(text.slice(e, e + 80))) return null;
  // "found in a publicly accessible Amazon Web Services S3 bucket", "was using Rackcloud to store its files": the
  // cloud that hosted the data is no victim; its customer is
  if ((S3_BUCKET_AFTER.test(text.slice(e, e + 30)) && /\bS3\b/u.test(value + text.slice(e, e + 4))) || (HOST_USE_BEFORE.test(text.slice(Math.max(0, s - 12), s)) && HOST_USE_AFTER.test(text.slice(e, e + 20)))) return null;
  // "According to Wikipedia", "reported by ZDNet": a source, not a subject
  if (SOURCE_BEFORE.test(text.slice(Math.max(0, s - 60), s))) return null;
  // "The Valley Courier obtained a copy of the indictment", "Techboard reported in August on stolen logins": an outlet
  if (OUTLET_AFTER.test(text.slice(e, e + 60))) return null;
  return { value, start: s, end: e };
}

// an age before "of" makes the rest a person's home; "residents of" may also be a care home's
const RESIDENCE_BEFORE = /(?:(,[ \t]*\d{1,3},?)|\bresidents?|\bnatives?)[ \t]+of[ \t]+$/u;
const ARTICLE_BEFORE = /(?:^|[^\p{L}])an?[ \t]+$/iu;
// "An Alto city employee": the town's own body
const TOWN_BODY_AFTER = /^\s+(?:city|county|town|village|borough|township|municipal)\b/u;
const COUNTY = /^(.+?)\s+(?:County|Parish|Borough)$/u;
/** A town or county of the gazetteer ("Evansville", "Orchard Park", "Jackson County") that is no ordinary word. */
const isTownOrCounty = (value: string) => townMemo(value, () => {
  const place = COUNTY.exec(value)?.[1] ?? value;
  return !isCommonWord(place) && (isPlace(place) || cityPlaces(place).length > 0 || subdivisions(place).length > 0);
});
const townMemo = wordMemo<boolean>();
// "Additionally, the groups …", "Apparently, no card data …" (but "Weebly, a website builder")
const ADVERB_AFTER = /^,\s+(?:the|it|its|they|their|he|she|we|this|these|there|some|many|no|none|all|hackers|attackers)\b/u;
// "LA County-USC Patients' Personal Information": the people served, named after who serves them
const PEOPLE_TAIL = /\s+(?:Patients|Customers|Clients|Users|Students|Residents|Subscribers|Shoppers|Passengers)$/u;
// "Sunoco Gas Stations", "Netflix Call Center": a brand's outlet or office is named after it too
const WEB_PROPERTY = /\s+(?:Support\s+)?(?:Page|Web\s?[Ss]ite|Website|Sites|Portal|Forum|Blog|Gas\s+Stations?|Call\s+Cent(?:er|re))$/u;
const LAW_REST = /^\s+(?:and|&)\s+(?:\p{Lu}\p{L}+\s+){1,3}(?:Act|Law)\b/u;
const S3_BUCKET_AFTER = /^(?:\s+S3)?\s+(?:storage\s+)?buckets?\b/u;
const HOST_USE_BEFORE = /\b(?:using|used|uses)\s+$/u;
const HOST_USE_AFTER = /^\s+to\s+(?:store|host|keep|back\s+up)\b/u;
const SERVING_VENDOR_BEFORE = /(?:\bthird[\s-]party\s+(?:[\w-]+\s+){0,2}|\b(?:its|their)\s+(?:[\w-]+\s+){0,2}|\b\p{Lu}{2,}\s+|\bsub-?)(?:vendor|contractor|business\s+associate)s?,?\s+(?:called\s+|named\s+)?$/u;
const HIRED_APPOSITIVE = /^['’]?s?,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,5}?(?:company|firm|vendor|contractor|provider)\s+(?:hired|contracted|used|retained|engaged)\b/u;
const OUTLET_AFTER = /^\s+(?:has\s+|had\s+)?(?:learned\s+exclusively|(?:first\s+)?broke\s+the\s+(?:news|story)|obtained\s+(?:a\s+copy|copies|documents|records)|(?:first\s+)?reported\s+(?:in|on|last|earlier)\s+(?:\p{Lu}\p{L}+\s+)?(?:on|that|about)\b)/u;
const TAIL_JOINER = new RegExp(String.raw`^${JOINER}$`, 'iu');
/**
 * "Sony Italy" → "Sony": a country or demonym closing a brand's name; "Air India", "Bank of India" keep theirs, and
 * one word keeps its country unless it is a known brand, the text also names it alone, or the country is a demonym
 * that qualifies the noun after it ("Experian South African branch"; "Baseball Canada" stays).
 */
function withoutCountryTail(doc: AnalysedDoc, value: string, nounAfter: boolean): string {
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
const GLUED_POSSESSIVE = /^(\p{Lu}[\p{L}]*[^\Ws])s\s+(?=\S+\s+\S)/u;
const PLURAL_NAME = /^(?:Women|Children|Men|People|Veteran|Worker|Teacher|Employee|Doctor|Physician|Nurse|Owner|Farmer|American|Citizen|Friend|Member|Partner|Associate|Service|System|Product|Resource|Affair|Communication|Industrie|Holding|Solution|Lake|Hill|Spring|Wood|Field|Park|Garden|Meadow|Oak|Pine|Palm|Height|Fall|Island|Water|Street|Road)$/u;
const CAPITAL_NEXT = /^\s+\p{Lu}/u;
/** `owner` appears in the text as a word of its own, not as the first word of a longer name. */
const standsAlone = (doc: AnalysedDoc, owner: string) => memoized(doc, 'alone', owner, () => {
  const { text } = doc;
  for (let at = text.indexOf(owner); at >= 0; at = text.indexOf(owner, at + 1)) {
    const after = text.slice(at + owner.length, at + owner.length + 3);
    if (/^[\p{L}\d]/u.test(after) || (at > 0 && /[\p{L}\d]/u.test(text[at - 1]!))) continue;
    if (!CAPITAL_NEXT.test(after)) return true;
  }
  return false;
});
const LIST_TAIL = /^((?:,[ \t]+\p{Lu}\p{Ll}+){1,3}),?[ \t]+(?:and|&)[ \t]+(\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+){0,2})(?![\p{L}'’-])/u;
const BODY_OF = /\b(?:Ministry|Department|Office|Bureau|Secretariat|Agency|Commission|Council|Institute|Faculty|School|College|Centre|Center|Division|Board)\s+(?:of|for)\s+\p{Lu}\p{Ll}+$/u;
const PLURAL_POSSESSIVE = /^['’][ \t]+\p{Lu}[\p{L}-]*(?:[ \t]+(?:(?:of|and|&)[ \t]+)?\p{Lu}[\p{L}-]*){0,4}/u;
const PLURAL_OWNER = /\b(?:Employees|Workers|Veterans|Teachers|Children|Women|Officers|Firefighters|Nurses|Farmers|Physicians|Doctors|Members|Citizens|Retirees|Parents|Students|Peoples|Soldiers|Sailors|Engineers|Pensioners)$/u;
const BASED_PREFIX = /^[\p{L}.]+(?:\s+\p{Lu}[\p{L}.]*)?-based\s+(?=\p{Lu})/u;
const CREW_END = /\s(?:Crew|Hackers|Hacking\s+Team|Cyber\s+(?:Army|Team|Squad|Force))$|^(?:\p{Lu}\p{L}+\s+)?Electronic\s+Army$/u;
const DAY_OF_MONTH = /\b\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}(?:st|nd|rd|th)?\b/u;
const JOINER_START = new RegExp(String.raw`^${JOINER}\s`, 'u');
const NATIONAL_GOVERNMENT = /^(.+?)\s+government$/u;
// the modifiers that make a group, gang or crew an attacker rather than a media or banking group
const ACTOR_BEFORE = /\b(?:(?:hack(?:er|ing|tivist)|hacking-for-hire|APT|ransomware|threat|espionage|cyber(?:crime|criminal)?|criminal|extortion|activist|state[\s-]sponsored|wiper)[\s-]+(?:group|gang|collective|crew|actor|outfit|cell)|(?:activist|state[\s-]sponsored|Iranian|Russian|Chinese|North\s+Korean|pro-\p{Lu}\p{L}+)\s+hack(?:er|tivist)s|hacktivists|a\.?k\.?a\.?|also\s+known\s+as|under\s+the\s+(?:moniker|name))\s*,?\s*["“']?(?:the\s+)?["“']?$/iu;
// "Entertainment news website Gossipline first reported": an outlet is the source too
const VENDOR_BEFORE = /\b(?:IT|security|cyber[\s-]?security|cyber[\s-]?intelligence|threat[\s-]intelligence|antivirus|anti-virus|forensics?|blockchain\s+analytics|research|news)[\s-]+(?:company|firm|vendor|provider|researchers?|specialists?|outfit|start-?up|expert|website|site|outlet|blog|portal)\s*$/iu;

// "Premier Physicians Group", "College of Nurses of Ontario", "Employee Health and Wellness": a body of or for the
// people a role names, not a person holding it ("College of Physicians and Surgeons" is a regulator, and stays out)
const PEOPLE_BODY = new RegExp(String.raw`\b(?:Physicians|Nurses|Doctors|Workers|Employees?)\s+(?!(?:and|&)\s)(?:[\p{Lu}&][\p{L}&-]*\s+){0,3}?${ORG_HEAD.source.replace(/^\\b/, '')}|\b(?:College|Association|Union|Federation|Society|Council|Board)\s+of\s+(?:\p{Lu}\p{L}+\s+)?(?:Physicians|Nurses|Doctors|Workers|Employees)\b(?!\s+(?:and|&)\s)`, 'u');
const BODY_KIND = String.raw`(?:(?:medical|health|dental|eye|surgical|care)\s+)?(?:hospital|clinic|cent(?:er|re)|hospice|bank|credit\s+union|stock\s+exchange|adoption\s+agency|care\s+network|nursing\s+home|care\s+home)`;
const SENTENCE_START = /(?:^|[.!?:]\s+|\n\s*)$/u;
const BODY_KIND_AFTER = new RegExp(String.raw`^[ \t]+${BODY_KIND}(?![\p{L}-])`, 'u');
const BODY_KIND_END = new RegExp(String.raw`\s${BODY_KIND}$`, 'u');
// "Daniel Drake Center for Post-Acute Care": a compound, not the newspaper word
const POST_PREFIX = /\bPost-\p{L}+/gu;
// "Herts Police is being investigated after sending personal details", "the BBC accidentally published": a force or an
// outlet that mishandled data itself is the victim, not the reporter
const MISHAP_AFTER = /^\s+(?:(?:has|have|had)\s+)?(?:accidentally|mistakenly|inadvertently|wrongly|(?:is|are|was|were)\s+being\s+investigated|(?:was|were|been)\s+fined|apologi[sz]ed)\b/iu;
const ORDINAL = /^[\d.,]+(?:st|nd|rd|th)?$/;
// "City National Bank", "State Employees Credit Union": three or more common words capitalised together and
// ending on an organisation noun are one organisation's name; "the National Bank" alone is a kind
const namedFromCommonWords = (value: string, words: readonly string[]) =>
  words.length >= 3 && !LEADING.has(words[0]!) && ORG_TAIL.test(value);
const ORG_TAIL = /\s(?:Bank|Hospitals?|Clinic|Credit\s+Union|Union|Insurance|Health|Healthcare|University|College|School|Schools|Council|Authority|Agency|Company|Group|Corporation|Services|Systems?|Network|Cent(?:er|re)s?)$/u;
function allGeneric(words: readonly string[]): boolean {
  for (const w of words) if (!GENERIC.has(w) && !LEADING.has(w) && !ORDINAL.test(w)) return false;
  return true;
}
// outlets and police are hit too: "The New York Times' computer system was hacked", "hacked the ARY News Channel website"
function harmedAround(text: string, s: number, e: number): boolean {
  return HARM_AFTER.test(text.slice(e, e + 60)) || HARM_BEFORE.test(text.slice(Math.max(0, s - 60), s)) || MISHAP_AFTER.test(text.slice(e, e + 40))
    || (OWNED_AFTER.test(text.slice(e, e + 60)) && inIncidentSentenceText(text, s));
}
// "The Salt Lake City Police Department’s website, …, has been taken offline", "A Hertfordshire Police USB memory stick
// containing the personal details": a police force or an outlet whose own systems or media an incident sentence names
const OWNED_AFTER = /^(?:['’]s?)?\s+(?:\p{Lu}[\p{L}-]*\s+)?(?:(?:official|internal|own|computer|memory|email|e-mail)\s+)?(?:websites?|site|USB|laptops?|databases?|computer\s+systems?|systems|servers?|network|email\s+accounts?)\b/u;
const inIncidentSentenceText = (text: string, at: number) => {
  const from = Math.max(text.lastIndexOf('.', at), text.lastIndexOf('\n', at)) + 1;
  // a dot inside "www.slcpd.com" ends no sentence
  const to = text.slice(at, at + 400).search(/[.!?](?=\s|$)|\n/u);
  return talksIncident(text.slice(from, to < 0 ? at + 400 : at + to));
};
const countryMemo = wordMemo<boolean>();
function isCountry(value: string): boolean {
  return countryMemo(value, () => !!countryCode(value));
}
