// What ties a place to an incident: whether the document reports one at all, whether a place sits in a
// context that is not the victim's ("a court in London", "a news conference in Hauppauge"), and which
// region the text itself writes for a city, so no region is filled in from the gazetteer alone.
import { escapeLiteral as escape, firstMatch, genreOf, matches, storyFocus, type AnalysedDoc } from '../../_shared/kit.ts';
import { byWidth } from '../../_shared/one-byte.ts';
import { COUNTRY_BY_NAME } from '../../_shared/countries.ts';
import { cityPlaces, isCapital, isCommonWord, nameTags, type Place } from '../../_shared/gazetteer.ts';
import { isAttackerContext, mentions } from './mentions.ts';
import { CAPITALS } from '../../_shared/gazetteer.ts';
import { PLACE_RUN } from './phrases.ts';
import { regionOf } from './parse.ts';
import { subdivisionAsWritten } from './regions.ts';
import { matchesAt } from '../../_shared/matches-at.ts';
import { prepositionMask, prepositionStarts } from './starts.ts';
import { wordStartsOf } from '../../_shared/capital-words.ts';
import { MONTH_SOURCE } from '../../_shared/months.ts';
import { isSpace } from '../../_shared/char-classes.ts';
import { PerDoc } from '../../_shared/per-doc.ts';

// \p{…} patterns live at module level: esbuild (tsx, the bundle) would rebuild a literal inside a function on each call
const ALL_CAPS = /^\p{Lu}+$/u;

// Words that report that something happened to someone: an attack, a breach, a theft, a loss. A topic
// word alone ("defending against ransomware and other attacks", "today's ransomware") is not enough.
const INCIDENT = new RegExp(
  String.raw`\b(?:cyber-?(?:attack|war|espionage|army|criminal|operation|incident|campaign|crime)\w*|attack(?:ed|ing|ers?)?\b` +
    String.raw`|attacks? (?:on|against|by|from)|hack\w*|breach\w*|ransom\b|ransom (?:demand|note|payment)|ransomware (?:attack|infection|incident|gang|group` +
    String.raw`|operators?)|(?:hit|struck|infected) (?:by|with)|infect(?:s|ed|ing|ion)\b|malware (?:attack|infection|was|had)|(?:planted|installed` +
    String.raw`|deployed) (?:\w+ ){0,2}malware|logic ?bomb|intrusions?|compromis(?:ed|e of|ing)|st(?:ole|olen|eal|eals|ealing)\b|theft|thie(?:f|ves)` +
    String.raw`|burglar\w*|lost|misplaced|leak(?:ed|s|ing)?\b|data ?leak|dumps?\b|dumpster|expos(?:ed|ure) (?:of )?(?:the )?(?:\w+ )?(?:data|records` +
    String.raw`|information|details|files|database)|publicly (?:available|accessible|viewable)|defac(?:e|es|ed|ement|ing)|DDoS|denial[- ]of[- ]service` +
    String.raw`|phish(?:ing|ed)|scam\w*|espionage|spie[sd]\b|spying|spy on|wiretap\w*|infiltrat\w*|unauthori[sz]ed|without (?:proper )?authori[sz]ation` +
    String.raw`|inappropriately|improperly|inadvertently|mistakenly|accidentally|by mistake|in error|wrong (?:recipient|address|patient|person)` +
    String.raw`|incorrect (?:recipient|address|patient)|mis(?:faxed|mailed|directed|delivered|sent)\w*|snoop\w*|extort(?:ed|ing|s)\b|extortion (?:demand` +
    String.raw`|attempt|attack|email|letter)|encrypt(?:ed|ing)\b|wiper|skimm(?:er|ers|ing|ed)|tamper\w*|sabotag\w*|exfiltrat\w*|(?:takes?|took|taken|shuts?` +
    String.raw`|shut) (?:\w+ ){0,3}(?:down|offline)|knocked (?:\w+ )?(?:out|offline)|(?:threat|bad) actors?|cybercriminals?|fraud\w*|disclos(?:ed|ure)\b` +
    String.raw`|(?:accessed|viewed) (?:\w+ ){0,3}(?:records|information|data|files|accounts)|declares? war|target(?:s|ed|ing)\b|assault(?:s|ed)\b|crippl\w+` +
    String.raw`|spyware|surveillanceware|breaks? into|broke into|glitch|violat(?:ed|ing|ion)|HIPAA|PII|(?:personal|patient|medical|health` +
    String.raw`|private) (?:information|data|details|records))`,
  'i',
);
// An incident database's short write-up is an incident by construction; a full article has to say so.
const SHORT_SUMMARY = 400;
// A headline giving readers advice: "Five tax scams and how to avoid them", "Don't fall for this charity scam".
const ADVICE =
  /\b(?:how to (?:avoid|spot|protect|stay|keep|defend|prevent|recogni[sz]e)|don['’\x92]t fall for|ways to|tips?\b|top \d+|\d+ (?:ways|tips|signs|steps))/i;
/** True when the document reports an incident; places in other texts (sport, travel, weather) are nobody's victim. */
export function isIncidentDoc(doc: AnalysedDoc): boolean {
  return INCIDENT_DOC.of(doc);
}
const INCIDENT_DOC = new PerDoc('location/incident-doc', (doc) => (doc.text.length < SHORT_SUMMARY || saysIncident(doc.text)) && !isAdvicePiece(doc));

// Words that open an alternative of INCIDENT matching whatever follows them ("breach\w*", "hack\w*", "theft", "lost",
// "fraud\w*", "scam\w*", "burglar\w*", "intrusions?"): one written in lower case after a \b boundary is a match of INCIDENT,
// and a search for the word (indexOf) is far cheaper than the pattern's case-insensitive walk over the text before its first match.
const OPENING_WORDS = ['breach', 'hack', 'theft', 'lost', 'fraud', 'scam', 'burglar', 'intrusion'];
/** INCIDENT.test(text): the answer of the pattern, found first by its commonest opening words. */
function saysIncident(text: string): boolean {
  for (const w of OPENING_WORDS) {
    // (the next place to look from is worked out on every path: a step first taken after V8 optimised the scan, at a word
    // glued to the one before, would throw the optimised code away; so would a read before the text's start)
    for (let from = 0; ; ) {
      const at = text.indexOf(w, from);
      if (at < 0) break;
      from = at + 1;
      if (at === 0 || !isAsciiWordChar(text.charCodeAt(at - 1))) return true;
    }
  }
  return INCIDENT.test(text);
}
/** A character \w matches (without /u or /i: [A-Za-z0-9_]). */
function isAsciiWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/**
 * True when an article's headline tells no victim's incident and gives readers advice ("how to avoid them",
 * "don't fall for it"): the bodies it says scammers impersonate and the places it names locate no victim.
 */
function isAdvicePiece(doc: AnalysedDoc): boolean {
  return !isVictimStory(doc) && ADVICE.test(storyFocus(doc.text, doc.title).headline);
}

/**
 * True unless the document is an article whose headline tells a story about the public, a product or a trend
 * (a phishing wave, a patched flaw, a report) rather than one victim's incident. In such a story only a place
 * the story says its targets are in ("customers across the UK", "Danes targeted") locates it; a country merely
 * named, a firm's base, a state or a city is background, and the rules that read those are silent.
 */
export function isVictimStory(doc: AnalysedDoc): boolean {
  return VICTIM_STORY.of(doc);
}
const VICTIM_STORY = new PerDoc(
  'location/victim-story',
  (doc) => genreOf(doc.text, doc.publishedAt?.toISOString()) !== 'article' || storyFocus(doc.text, doc.title).victimIncident,
);

// Places where people met, judged or were sent, where money was wired or a fake site hosted: not where the victim is.
const ELSEWHERE = new RegExp(
  String.raw`\b(?:court|courts|tribunal|trial|hearing|conference|summit|meeting|event|speech|speaking|spoke|visit(?:ing)?|held` +
    String.raw`|diverted|transferred|sent|moved|flown|travel(?:l?ed|ling)?|hospitals|offices of|embassy|prosecutors?|arrested|extradited|jailed|sentenced` +
    String.raw`|charged|convicted|wired|hosted|registered)\s+(?:\w+\s+){0,2}(?:in|at|to|near|from)\s+(?:(?:the|a|an)\s+)?$`,
  'i',
);
/** True when the words before `pos` put the place outside the incident: "a court in London heard". */
export function elsewhereBefore(text: string, pos: number): boolean {
  return ELSEWHERE.test(text.slice(Math.max(0, pos - 50), pos));
}

// Month and weekday names are capitalised like places ("in March") and some are towns somewhere.
const CALENDAR = new RegExp(String.raw`^(?:${MONTH_SOURCE}|Monday|Tuesday|Wednesday` + String.raw`|Thursday|Friday|Saturday|Sunday|Christmas|Easter)$`, '');
// Gazetteer subdivisions carry a unit word the text often leaves out ("Aichi Prefecture" written "Aichi").
const UNIT_SUFFIX = /\s+(?:Prefecture|Province|County|Region|Oblast|Voivodeship|District|Department|Parish|State|Governorate|Municipality|Canton)$/;

/** The region as the text writes it, when it does ("Aichi" for "Aichi Prefecture"); never the city's own name. */
// It scans the whole text and is asked once per place per mention of a city: remembered per document, so a text
// naming a city thousands of times costs one scan per (region, city), not one per mention.
function writtenRegion(doc: AnalysedDoc, region: string | null, city: string, country?: string): string | null {
  const memo = doc.once('location/written-region', () => new Map<string, string | null>());
  const key = `${region}\u0000${city}\u0000${country}`;
  let found = memo.get(key);
  if (found === undefined) memo.set(key, (found = scanRegion(doc, region, city, country)));
  return found;
}

function scanRegion(doc: AnalysedDoc, region: string | null, city: string, country?: string): string | null {
  if (!region || (COUNTRY_BY_NAME.has(region) && COUNTRY_BY_NAME.get(region) === country)) return null; // "England" is a country to the reader
  for (const form of new Set([region, region.replace(UNIT_SUFFIX, '')])) {
    if (form.length < 3 || city.includes(form) || form.includes(city)) continue;
    if (writtenApart(doc, form, city)) return form;
  }
  return null;
}

// The region is written when it stands as a whole word somewhere the city's own name does not cover ("York County"
// is not written in "New York County"). Asked for thousands of places in a long text, a rescan of the whole text
// each time made one 2 MB text take minutes (#12): a region starting with a capital is looked up where its first
// word starts instead (capital-words.ts).
const WORD_CHAR = /[\p{L}\p{N}]/u;

function writtenApart(doc: AnalysedDoc, form: string, city: string): boolean {
  const text = doc.text;
  const starts = wordStartsOf(doc, form);
  if (!starts) return new RegExp(`(?<![\\p{L}\\p{N}])${escape(form)}(?![\\p{L}\\p{N}])`, 'u').test(text.replaceAll(city, ' '));
  for (const at of starts) {
    if (!text.startsWith(form, at)) continue;
    const next = text.codePointAt(at + form.length);
    if (next !== undefined && WORD_CHAR.test(String.fromCodePoint(next))) continue;
    const c = text.indexOf(city, Math.max(0, at - city.length + 1));
    if (c === -1 || c >= at + form.length) return true; // no mention of the city overlaps this one
  }
  return false;
}

// tried at its prepositions (starts.ts)
const IN_RUN = byWidth(String.raw`\b(?:in|of)\s+(?:the\s+)?(${PLACE_RUN})`, 'uy');
const IN_OF = prepositionMask(['in', 'of']);
/** Countries the text names outside attacker phrases, with those of the capitals it names ("a court in London" → GB). */
function victimCountries(doc: AnalysedDoc): ReadonlySet<string> {
  return doc.once('location/victim-countries', () => {
    const s = new Set(
      mentions(doc)
        .filter((m) => !isAttackerContext(doc.text, m))
        .map((m) => m.place.country),
    );
    for (const m of CAPITALS.find(doc)) s.add(isCapital(m.word)!);
    // so does a province it places something in: "Gloucester City Council in Gloucestershire"
    for (const m of matchesAt(IN_RUN(doc.text), doc.text, prepositionStarts(doc, IN_OF))) {
      const sub = subdivisionAsWritten(m[1]!);
      if (sub && !isAttackerContext(doc.text, { start: m.index, end: m.index + m[0].length })) s.add(sub.country);
    }
    return s as ReadonlySet<string>;
  });
}

/**
 * The place a city name written in this document stands for, or undefined. Namesakes are settled by a
 * capital, then by a region the text names ("Atlanta … Georgia"), then by a country it names; a
 * well-known city (compromise's lexicon) whose namesakes are mostly in one country goes to that one.
 * `sure` is for names a pattern already marks as a city ("City of X"), which may be ordinary words.
 */
export function cityInDoc(doc: AnalysedDoc, name: string, sure = false): Place | undefined {
  // asked again for the same name by each rule that reads it (and by city-organisation for every part of a run)
  const memo = doc.once('location/city-in-doc', () => new Map<string, Place | undefined>());
  const key = `${sure ? 1 : 0}${name}`;
  let place = memo.get(key);
  if (place === undefined && !memo.has(key)) memo.set(key, (place = settleCity(doc, name, sure)));
  return place && { ...place };
}

function settleCity(doc: AnalysedDoc, name: string, sure: boolean): Place | undefined {
  if (name.length < 3 || CALENDAR.test(name) || COUNTRY_BY_NAME.has(name)) return undefined;
  if (!sure && (name.length < 4 || isCommonWord(name))) return undefined;
  let places = cityPlaces(name);
  if (!places.length) return undefined;
  const cap = isCapital(name);
  let pick: readonly Place[] = cap ? places.filter((p) => p.country === cap) : [];
  if (!pick.length) pick = places.filter((p) => writtenRegion(doc, p.region, name, p.country));
  if (new Set(pick.map((p) => p.country)).size !== 1) {
    const named = victimCountries(doc);
    const inNamed = places.filter((p) => named.has(p.country));
    const known = /City/.test(String(nameTags(name)));
    if (new Set(inNamed.map((p) => p.country)).size === 1) pick = inNamed;
    // a namesake abroad, when the text places the victim in another country ("Town of St. Marys … Canadian")
    else if (named.size && !inNamed.length && (sure || !known)) pick = [];
    else if (new Set(places.map((p) => p.country)).size === 1) pick = places;
    else if (known) {
      const counts = new Map<string, number>();
      for (const p of places) counts.set(p.country, (counts.get(p.country) ?? 0) + 1);
      const [top, n] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
      pick = n / places.length >= 0.75 ? places.filter((p) => p.country === top) : [];
    } else pick = [];
  }
  if (!pick.length) return undefined;
  places = pick;
  const regions = new Set(places.map((p) => writtenRegion(doc, p.region, name, p.country)).filter(Boolean));
  const region = regions.size === 1 ? [...regions][0]! : regions.size ? null : regionAfterCity(doc, name, places[0]!.country);
  return { country: places[0]!.country, region, city: name };
}

/** Where the city is written as a word right before a comma, ascending; at its first word's starts when it has a capital. */
function* cityBeforeComma(doc: AnalysedDoc, city: string): Generator<number> {
  const starts = wordStartsOf(doc, city);
  if (!starts) {
    for (const m of matches(new RegExp(`(?<![\\p{L}\\p{N}])${escape(city)}(?=,)`, 'gu'), doc.text)) yield m.index;
    return;
  }
  let from = 0; // matches do not overlap
  for (const at of starts) {
    if (at < from || !doc.text.startsWith(city, at) || doc.text[at + city.length] !== ',') continue;
    from = at + city.length;
    yield at;
  }
}

// "Leeds, West Yorkshire, had …": a capitalised name written right after the city and closed by punctuation
// is its region even when the gazetteer lacks it; one followed by a verb is a speaker ("Leeds, Sarah Lomax said").
const AFTER_CITY = byWidth(String.raw`^,[ ]?(${PLACE_RUN})(?=\s*(?:[,.;:)]|\n|$))`, 'u');
const REGION_WORDS = 3;
/** The region the text writes right after `city` ("City, Region"), when it is no country, city or other known place. */
function regionAfterCity(doc: AnalysedDoc, city: string, country: string): string | null {
  const text = doc.text;
  for (const at of cityBeforeComma(doc, city)) {
    const a = AFTER_CITY(text).exec(text.slice(at + city.length, at + city.length + 60));
    if (!a) continue;
    const known = regionOf(a[1]!, country);
    // "Austin, Tex.": an abbreviation the gazetteer reads; "Leeds, England" names a country to the reader
    if (known) return known.region && COUNTRY_BY_NAME.get(known.region) !== country ? known.region : null;
    const run = a[1]!;
    if (/\.$/.test(run) || run.split(/[ -]/).length > REGION_WORDS || CALENDAR.test(run) || COUNTRY_BY_NAME.has(run)) continue;
    if (ALL_CAPS.test(run.replace(/\./g, ''))) continue;
    if (cityPlaces(run).length || isCapital(run) || subdivisionAsWritten(run)) continue;
    return run;
  }
  return null;
}

// The answer for a name is remembered per text, since the same place is asked about at each of its mentions.
type UnitPhrases = { before: number[]; after: number[] };
let calledMemo: { text: string; names: Map<string, boolean>; around?: UnitPhrases } = { text: '', names: new Map() };

/** True when the text calls the name a province or region ("Province de Namur", "the Namur region"): not a city then. */
export function calledRegion(text: string, name: string): boolean {
  if (calledMemo.text !== text) calledMemo = { text, names: new Map() };
  const around = (calledMemo.around ??= unitPhrases(text));
  // both patterns need a unit phrase: a text with none is answered at once
  if (!around.before.length && !around.after.length) return false;
  let called = calledMemo.names.get(name);
  if (called === undefined) calledMemo.names.set(name, (called = patternCalls(text, name, around)));
  return called;
}

// "Province of X" and "X province": where the unit phrases are is found once per text; each name is then tried only
// at those places (sticky patterns), not by a search of the whole text per name (#12).
const UNIT_AFTER = String.raw`\s+(?:province|region|prefecture|county|oblast|canton|department|state)\b`;
// One scan finds both: "Province of " (its unit word in group 1), whose end is where a name after it starts, and the unit
// word of UNIT_AFTER alone, whose white space is then walked back over (as UNIT_AFTER's matches start where that white
// space starts; a pattern opening with \s+ is tried at every space). The two kinds never overlap but where a "Province of"
// opens with a word of the second kind (no word of either list holds a word of the other after its start), so that word
// is read from group 1.
const UNIT_PHRASE = new RegExp(
  String.raw`\b(Province|Provincia|Provinz|Region|Région|Regione|County|Prefecture|Oblast|Canton|Department|Département|State)\s+(?:of|de|du|di|del|des)\s+` +
    String.raw`|(?:province|region|prefecture|county|oblast|canton|department|state)\b`,
  'gi',
);
const AFTER_WORDS = new Set(['province', 'region', 'prefecture', 'county', 'oblast', 'canton', 'department', 'state']);
function unitPhrases(text: string): UnitPhrases {
  const before: number[] = [];
  const after: number[] = [];
  for (const m of text.matchAll(UNIT_PHRASE)) {
    const of = m[1];
    if (of !== undefined) before.push(m.index + m[0].length);
    if (of !== undefined && !AFTER_WORDS.has(of.toLowerCase())) continue;
    let at = m.index;
    if (at === 0 || !isSpace(text.charCodeAt(at - 1))) continue;
    while (at > 0 && isSpace(text.charCodeAt(at - 1))) at--;
    after.push(at);
  }
  return { before, after };
}

function patternCalls(text: string, name: string, around: { before: readonly number[]; after: readonly number[] }): boolean {
  // Both patterns open with the name, case-insensitive without /u: an ASCII letter there matches itself in either case and
  // nothing else (a non-ASCII letter never canonicalises to an ASCII one), so a place whose character differs is passed over.
  const c0 = name.charCodeAt(0) | 0x20;
  const ascii = c0 >= 0x61 && c0 <= 0x7a;
  const may = (at: number) => at >= 0 && (!ascii || (at < text.length && (text.charCodeAt(at) | 0x20) === c0));
  const before = around.before.filter(may);
  const after = around.after.filter((at) => may(at - name.length));
  if (!before.length && !after.length) return false;
  const n = escape(name);
  const named = new RegExp(String.raw`${n}\b`, 'iy'); // right after "Province of"
  const unit = new RegExp(String.raw`\b${n}(?=${UNIT_AFTER})`, 'iy'); // right before "province"
  const tryAt = (re: RegExp, at: number) => firstMatch(re, text, at) !== null; // sticky: a match right at `at`
  return before.some((at) => tryAt(named, at)) || after.some((at) => tryAt(unit, at - name.length));
}
