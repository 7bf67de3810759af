// Every country, demonym and US-state mention of a document, found once and shared by the location
// rules, with the context tests that tell the victim's place from the attackers' ("Russian hackers").
import { alternation } from '../../_shared/kit.ts';
import { wordList } from '../../_shared/lexicon.ts';
import type { AnalysedDoc, Span } from '../../_shared/kit.ts';
import { COUNTRY_NAMES, countryCode, DEMONYMS } from '../../_shared/countries.ts';
import { WholeWords } from '../../_shared/word-runs.ts';
import { isSpace } from '../../_shared/char-classes.ts';
import { byWidth } from '../../_shared/one-byte.ts';
import { PerDoc } from '../../_shared/per-doc.ts';
import { cityPlaces, demonymCountry, isCommonWord, nameTags, subdivisions, US_STATES, type Place } from '../../_shared/gazetteer.ts';

export type MentionKind = 'country' | 'demonym' | 'state';
export interface Mention {
  kind: MentionKind;
  start: number;
  end: number;
  name: string;
  place: Place;
}

const US_STATE_NAMES = new WholeWords(US_STATES.map((s) => s.name));
const STATE_BY_NAME = new Map(US_STATES.map((s) => [s.name, s]));

// Alternative spellings in the country data that are ordinary English words ("Island" is Iceland's).
const NOT_COUNTRIES = new Set(['Island']);
const WORD_BEFORE = byWidth(String.raw`(\p{Lu}[\p{L}'’\x92]*)\s$`, 'u');
const WORD_AFTER = byWidth(String.raw`^\s(\p{Lu}[\p{L}'’\x92]*)`, 'u');
const longerName = (n: string) => cityPlaces(n).length > 0 || subdivisions(n).length > 0;
// "The New York Times", "the Washington Post": a place written as part of an outlet's name
const OUTLET_AFTER = new RegExp(`^\\s(?:${alternation(wordList('place-outlet-words'), { flexibleSpace: true })})\\b`, 'u');
/** True when the place is the first part of a newspaper's or broadcaster's name. */
function inOutletName(text: string, end: number): boolean {
  return OUTLET_AFTER.test(text.slice(end, end + 40));
}
// A capitalised word that opens a sentence or a clause, not a name: "In Ireland", "The UK", "But France"
const OPENER = /^(?:The|A|An|In|On|At|Of|For|From|By|With|And|But|Or|As|To|Across|Both|Like|Unlike|Outside|Inside|Since|While|When|After|Before)$/;
/** "Jersey City", "Long Island", "Michael Jordan", "Faruki Ireland Cox": the country name is part of another name. */
function insideOtherName(text: string, start: number, end: number, name: string): boolean {
  if (NOT_COUNTRIES.has(name) || inOutletName(text, end)) return true;
  const before = WORD_BEFORE(text).exec(text.slice(Math.max(0, start - 25), start))?.[1];
  const after = WORD_AFTER(text).exec(text.slice(end, end + 25))?.[1];
  if (before && (longerName(`${before} ${name}`) || (isCommonWord(before) && /Name/.test(String(nameTags(before)))))) return true;
  // between two capitalised words that are neither openers nor places, it is one name's middle ("Faruki Ireland Cox")
  if (before && after && !OPENER.test(before) && !isCommonWord(before) && !longerName(before) && !countryCode(before) && !countryCode(after)) return true;
  return !!after && longerName(`${name} ${after}`);
}

const CITY_COMMA = byWidth(String.raw`(\p{Lu}[\p{L}'’\x92.-]*(?: \p{Lu}[\p{L}'’\x92.-]*)?),\s*$`, 'u');
/** "Atlanta, Georgia": a city of the US state right before the name. */
function georgianCityBefore(text: string, start: number): boolean {
  const c = CITY_COMMA(text).exec(text.slice(Math.max(0, start - 40), start));
  return !!c && cityPlaces(c[1]!).some((p) => p.country === 'US' && p.region === 'Georgia');
}

// "Cobb County", "Fulton County": a county written after its name is the American order (Ireland writes "County Cork")
const US_COUNTY = byWidth(String.raw`\b\p{Lu}\p{Ll}+ County\b(?! Council)`, 'u');
const STATE_BEFORE = /\bstate\s+of\s+$/i;
const STATE_AFTER = /^(?:['’\x92]s)?\s+(?:state\b|statewide|governor|Gov\.|Secretary of State|General Assembly|legislature|lawmakers)/i;
/** "the state of Georgia", "Georgia's statewide voter file": the text itself calls Georgia a state. */
function calledState(text: string, m: { start: number; end: number }): boolean {
  return STATE_BEFORE.test(text.slice(Math.max(0, m.start - 12), m.start)) || STATE_AFTER.test(text.slice(m.end, m.end + 40));
}

export function mentions(doc: AnalysedDoc): Mention[] {
  return MENTIONS.of(doc);
}
const MENTIONS = new PerDoc('location/mentions', findMentions);

function findMentions(doc: AnalysedDoc): Mention[] {
  const out: Mention[] = [];
  const taken: Array<[number, number]> = [];
  const free = (s: number, e: number) => !taken.some(([a, b]) => s < b && a < e);
  const scan = (list: WholeWords, kind: MentionKind, place: (name: string, start: number, end: number) => Place | undefined) => {
    for (const { index: start, word: name } of list.find(doc)) {
      const end = start + name.length;
      const p = place(name, start, end);
      if (!p || !free(start, end)) continue;
      taken.push([start, end]);
      out!.push({ kind, start, end, name, place: p });
    }
  };
  scan(US_STATE_NAMES, 'state', (n, _s, end) =>
    n === 'Georgia' || inOutletName(doc.text, end) ? undefined : { country: 'US', region: STATE_BY_NAME.get(n)!.name, city: null },
  );
  scan(COUNTRY_NAMES, 'country', (n, start, end) => {
    // "US$70,000" is a currency
    if (doc.text[end] === '$') return undefined;
    const c = countryCode(n);
    return c && !insideOtherName(doc.text, start, end, n) ? { country: c, region: null, city: null } : undefined;
  });
  scan(DEMONYMS, 'demonym', (n) => {
    const c = demonymCountry(n) ?? countryCode(n);
    return c ? { country: c, region: null, city: null } : undefined;
  });
  // Georgia the state when the text is otherwise American ("Atlanta, Georgia's capital"), Georgia the country otherwise
  const american = out.some((m) => m.place.country === 'US') || (doc.text.includes(' County') && US_COUNTY(doc.text).test(doc.text));
  for (const m of out) {
    if (m.name !== 'Georgia' || !(american || georgianCityBefore(doc.text, m.start) || calledState(doc.text, m))) continue;
    Object.assign(m, { kind: 'state', place: { country: 'US', region: 'Georgia', city: null } });
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

// Words that make the noun phrase around a place name the attacker: "Russian hackers", "a China-based
// group", "Iranian state-sponsored actors", "North Korea's Lazarus", "pro-Russian hacktivists".
const ATTACKER = new RegExp(
  String.raw`^(?:hack(?:er|ers|ing|tivists?)|groups?|gangs?|crews?|crime|mafia|syndicates?|cartels?|actors?|APT\d*|cyber-?criminals?|criminals?` +
    String.raw`|crooks|spies|spying` +
    String.raw`|espionage|operatives?|attackers?|intelligence|agents?|trolls?|threat|ransomware|cyber-?army|army|military-linked|perpetrators?|adversar(?:y` +
    String.raw`|ies)|nation-state|(?:state|government|military|kremlin)-(?:sponsored|backed|linked|affiliated)|sponsored|backed|linked|affiliated|nexus` +
    String.raw`|speaking|origin|GRU|FSB|SVR|MSS|IRGC|PLA)$`,
  'i',
);
// quotes are read through: "‘Turkish’ hackers", "a China-based 'systematic' hacking operation"
const PHRASE_AFTER = byWidth(
  String.raw`^(?:['’\x92]s)?['’\x92"”\x94]?[\s-]*((?:['‘\x91’\x92"“\x93”\x94]?[\p{L}\p{N}-]+['‘\x91’\x92"“\x93”\x94]?\s*){1,5})`,
  'u',
);
const QUOTES = /['‘\x91’\x92"“\x93”\x94]/g;
const STOP_WORDS = new Set(
  'of in on at to for from by with and or but that which who the a an was were is are has have had said says after since during against over into'.split(' '),
);
const STOP_LONGEST = Math.max(...[...STOP_WORDS].map((w) => w.length));
/**
 * True when the word is one of STOP_WORDS in any case: what /^(?:of|in|…)$/i says. The list is ASCII, and /i without /u
 * folds no other character to an ASCII one ("ın" with a dotless ı is no "in"), so a word holding one is none; an ASCII
 * word is looked up lower-cased ("In", "THE").
 */
function isStop(w: string): boolean {
  if (w.length > STOP_LONGEST) return false;
  for (let i = 0; i < w.length; i++) if (w.charCodeAt(i) > 127) return false;
  return STOP_WORDS.has(w.toLowerCase());
}
const BEFORE_ATTACKER = new RegExp(
  String.raw`(?:\bpro-|\banti-|\b(?:by|from|behind|originat(?:ed|ing) (?:in|from)|traced (?:back )?to|routed through` +
    String.raw`|on behalf of|attributed to|linked to|tied to|backed by|sponsored by|based out of|out of|operating in|Anonymous)\s+(?:the\s+)?` +
    // a hedged home is the attackers' (a victim's base is not guessed at): "highly likely" to be based in China
    // "believed to have started life in Istanbul"
    String.raw`|\b(?:believed|thought|likely|suspected|reported|said)['’\x92"”\x94]?\s+to\s+(?:be|have)\s+` +
    String.raw`(?:(?:[\w-]+\s+){0,3}(?:in|from|out\s+of)\s+(?:the\s+)?)?)$`,
  'i',
);

/** The words of the noun phrase right after a mention, up to the first function word. */
function phraseAfter(text: string, end: number): string[] {
  const m = PHRASE_AFTER(text).exec(text.slice(end, end + 80));
  if (!m) return [];
  // the words between runs of white space, as .trim().split(/\s+/) gives them (isSpace is \s, the white space trim
  // removes): the phrase holds a letter, digit or hyphen, so it is never only white space, which split would give as ""
  const phrase = m[1]!.replace(QUOTES, '');
  const words: string[] = [];
  for (let i = 0; ; ) {
    while (i < phrase.length && isSpace(phrase.charCodeAt(i))) i++;
    if (i >= phrase.length) break;
    let j = i + 1;
    while (j < phrase.length && !isSpace(phrase.charCodeAt(j))) j++;
    const w = phrase.slice(i, j);
    if (isStop(w)) break;
    words.push(w);
    i = j;
  }
  return words;
}

// The noun right after the place that makes it the home of those who study or fight the attack: "a Finnish security
// firm", "Dutch researchers", "German antivirus maker" — not the victim's.
const RESEARCHER = /^(?:(?:cyber-?)?security|infosec|anti-?(?:virus|malware)|researchers?|experts?|analysts?)$/i;

/** True when the mention names where the attackers (or the researchers who found them) are rather than where the victim is. */
export function isAttackerContext(text: string, m: { start: number; end: number }): boolean {
  // asked about the same mention by several rules: the answers for the current text are kept
  if (attackerMemo.text !== text) attackerMemo = { text, answers: new Map() };
  const key = `${m.start}:${m.end}`;
  let answer = attackerMemo.answers.get(key);
  if (answer === undefined) attackerMemo.answers.set(key, (answer = attackerContext(text, m)));
  return answer;
}
let attackerMemo = { text: '', answers: new Map<string, boolean>() };

function attackerContext(text: string, m: { start: number; end: number }): boolean {
  const words = phraseAfter(text, m.end);
  if (words.some((w) => w.split('-').some((p) => ATTACKER.test(p)) || ATTACKER.test(w))) return true;
  if (words.length && RESEARCHER.test(words[0]!)) return true;
  return BEFORE_ATTACKER.test(text.slice(Math.max(0, m.start - 50), m.start));
}

// What a victim is: an organisation, an office, an asset or the people an attack reached.
const TARGET = new RegExp(
  String.raw`^(?:government|governments|ministry|ministries|minister|agency|agencies|authorit(?:y|ies)|officials?|department` +
    String.raw`|province|municipalit(?:y|ies)|city|cities|county|state|parliament|president|prime|embassy|embassies|consulate|company|companies|firm|firms` +
    String.raw`|bank|banks|hospitals?|clinic|universit(?:y|ies)|school|schools|websites?|sites|portal|networks?|servers?|systems?|infrastructure` +
    String.raw`|organi[sz]ations?|institutions?|media|news|broadcaster|television|TV|newspapers?|elections?|citizens|users|customers|patients|nationals` +
    String.raw`|voters|energy|power|grid|utilit(?:y|ies)|telecoms?|operators?|airports?|airlines?|ports?|railways?|military|army|navy|defen[cs]e|armed` +
    String.raw`|forces|police|court|courts|diplomats?|officers?|journalists?|activists|dissidents|retailer|insurer|manufacturer|provider|businesses|entities` +
    String.raw`|sector|webpages|pages|accounts|commercial|lawmakers|politicians|leaders?|companies'|industry|space|research|nuclear|oil|gas|health` +
    String.raw`|healthcare|public|federal|national|local|regional|central|financial|critical|defense|foreign|top|major|largest|leading|several|private` +
    String.raw`|state-owned|military's)$`,
  'i',
);

/** True when the phrase after the mention names what was attacked ("Belgian province", "Ukrainian government websites"). */
export function hasTargetNoun(text: string, end: number, within = 3): boolean {
  return phraseAfter(text, end)
    .slice(0, within)
    .some((w) => TARGET.test(w));
}

const ATTACKER_NOUN_BEFORE = /\b(?:hack\w*|groups?|gangs?|actors?|attackers?|criminals?|operat\w+|spies|perpetrators?)\s+(?:[\w-]+\s+){0,2}$/i;
// those who studied the attack: "a security consultant based in Belgium", "researchers in Toronto"
const RESEARCHER_NOUN_BEFORE = /\b(?:researchers?|consultants?|analysts?|experts?|professors?|scientists?|contributors?)\s+(?:[\w-]+\s+){0,2}$/i;
/** True when a researcher noun closely precedes `pos`: "a security consultant based in Belgium". */
export function researcherBefore(text: string, pos: number): boolean {
  return RESEARCHER_NOUN_BEFORE.test(text.slice(Math.max(0, pos - 40), pos));
}
/** True when an attacker (or researcher) noun closely precedes `pos`: "hackers based in Moscow", "a group operating from Iran". */
export function attackerBefore(text: string, pos: number): boolean {
  return ATTACKER_NOUN_BEFORE.test(text.slice(Math.max(0, pos - 40), pos)) || researcherBefore(text, pos);
}

// Between two items of one list of places: "Italy, the U.S. and Japan", "Australian, UK, and French banks".
const LIST_GAP = /^\s*(?:,\s*(?:(?:and|or)\s+)?|\s(?:and|or)\s+)(?:the\s+)?$/i;
const LIST_ITEMS = 3;
/**
 * True when the mention is one item of a list of three or more countries: a campaign or outbreak reported in many
 * countries ("victims in Italy, the U.S., Japan and Europe") places no single victim in any of them.
 */
function inCountryList(doc: AnalysedDoc, m: Mention): boolean {
  const listed = doc.once('location/country-lists', () => {
    const all = mentions(doc).filter((x) => x.kind !== 'state');
    const out = new Set<Mention>();
    let run: Mention[] = [];
    const close = () => {
      if (run.length >= LIST_ITEMS) for (const x of run) out.add(x);
    };
    for (const x of all) {
      const last = run[run.length - 1];
      if (last && LIST_GAP.test(doc.text.slice(last.end, x.start))) run.push(x);
      else {
        close();
        run = [x];
      }
    }
    close();
    return out;
  });
  return listed.has(m) || OPEN_LIST_AFTER.test(doc.text.slice(m.end, m.end + 40));
}
// "in the U.S. and other countries", "in Spain and elsewhere", "in the US alone" (a nationwide figure): not one victim's place
const OPEN_LIST_AFTER = /^\s*(?:,\s*)?(?:(?:and|or)\s+(?:in\s+)?(?:\w+\s+)?(?:other|more)\s+(?:countries|nations|markets|regions)|and\s+elsewhere|alone\b)/i;

// A sentence that gives an example tells of another incident: "In 2016, for instance, an Austrian firm lost €40m".
const EXAMPLE = /\b(?:for (?:example|instance)|e\.g\.|in one (?:case|instance))/i;
// So does one that sets the story beside earlier or separate incidents: "the latest in a line of travel firms to be
// breached, with a British airline …", "In a separate incident, …", "months ago, a Texas clinic made headlines by …".
const OTHER_INCIDENT = new RegExp(
  String.raw`\b(?:the latest in a (?:line|string|series|spate|wave|run) of|in an? (?:separate|unrelated|earlier) (?:incident|attack|case|breach)` +
    String.raw`|follows? (?:a|an) (?:similar|earlier|previous)|made (?:national |international |global )?(?:headlines|attention|news)` +
    String.raw`|(?:had|suffered) a similar (?:breach|attack|incident|hack))`,
  'i',
);
const SENTENCE_END = /[.!?]["”\x94’\x92]?\s|\n/g;
/** The sentence holding the span (up to 300 characters either side of it), with its bounds in the text. */
function sentenceAround(text: string, m: { start: number; end: number }): Span {
  // notOneVictimsPlace asks three times in a row for the same mention
  if (lastSentence.text === text && lastSentence.start === m.start && lastSentence.end === m.end) return lastSentence.span;
  const span = findSentenceAround(text, m);
  lastSentence = { text, start: m.start, end: m.end, span };
  return span;
}
let lastSentence = { text: '', start: -1, end: -1, span: { start: 0, end: 0, text: '' } as Span };

function findSentenceAround(text: string, m: { start: number; end: number }): Span {
  const window = Math.max(0, m.start - 300);
  let start = window;
  for (const e of text.slice(window, m.start).matchAll(SENTENCE_END)) start = window + e.index + e[0].length;
  const tail = text.slice(m.end, m.end + 300);
  const stop = tail.search(/[.!?]["”\x94’\x92]?(?:\s|$)|\n/);
  const end = m.end + (stop < 0 ? tail.length : stop);
  return { start, end, text: text.slice(start, end) };
}
/** True when the mention sits in a sentence that gives an example. */
function inExample(text: string, m: { start: number; end: number }): boolean {
  return EXAMPLE.test(sentenceAround(text, m).text);
}
/** True when the place sits in a sentence about an earlier or separate incident ("the latest in a line of", "made headlines"). */
export function inOtherIncident(text: string, m: { start: number; end: number }): boolean {
  return OTHER_INCIDENT.test(sentenceAround(text, m).text);
}

// A sentence naming this many countries tells of a campaign or an outbreak across them: "has affected hospitals in
// Britain and Spanish telecom operator Telefonica, as well as FedEx in the US".
const SENTENCE_COUNTRIES = 3;
/** True when the mention's sentence names three or more different countries (states not counted). */
function inManyCountrySentence(doc: AnalysedDoc, m: Mention): boolean {
  const sentence = sentenceAround(doc.text, m);
  const countries = new Set(
    mentions(doc)
      .filter((x) => x.kind !== 'state' && x.start >= sentence.start && x.end <= sentence.end)
      .map((x) => x.place.country),
  );
  return countries.size >= SENTENCE_COUNTRIES;
}

/**
 * True when the mention does not place one victim: one of a list of many countries ("and other countries"), a
 * nationwide figure ("in the US alone"), or in an example of another incident.
 */
export function notOneVictimsPlace(doc: AnalysedDoc, m: Mention): boolean {
  return inCountryList(doc, m) || inManyCountrySentence(doc, m) || inExample(doc.text, m) || inOtherIncident(doc.text, m);
}

// A breach notice goes to the attorney general of every state whose residents were affected: the state that received
// it is the regulator's, not the victim's ("notified the California Attorney General", "a letter filed with the State
// of Maine"), as is the country of the market regulator a listed firm reports to ("a filing submitted Monday with the US
// Securities and Exchange Commission").
const REGULATOR_AFTER = new RegExp(
  String.raw`^(?:['’\x92]s)?\s+(?:Attorney\s+General|attorney\s+general|AG\b|A\.G\.|Department\s+of\s+Justice|Office\s+of\s+(?:the\s+)?Attorney` +
    String.raw`|Securities\s+and\s+Exchange\s+Commission)`,
);
const REGULATOR_BEFORE = new RegExp(
  String.raw`\b(?:(?:filed|lodged|submitted|registered)\s+(?:\w+\s+)?with|(?:notification|notice|letter|filing|disclosure)s?\s+(?:\w+\s+)?(?:to|with))` +
    String.raw`\s+(?:the\s+)?(?:state\s+of\s+)?$`,
  'i',
);
/** True when the place is that of the regulator a breach notice or filing went to. */
export const toRegulator = (text: string, m: { start: number; end: number }) =>
  REGULATOR_AFTER.test(text.slice(m.end, m.end + 40)) || REGULATOR_BEFORE.test(text.slice(Math.max(0, m.start - 50), m.start));
