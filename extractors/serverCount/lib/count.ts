// Counts of machines hit in an incident: "five of its servers", "more than 200 servers", "two database
// servers and two application servers" (4), "encrypted 1,500 computers". Not a fleet or a product spec
// ("Cloudflare runs 10,000 servers", "supports up to 64 servers") and not vague sizes ("hundreds of").
import { firstMatch, matches, type AnalysedDoc, type Sentence } from '../../_shared/kit.ts';
import { WORD_END } from '../../_shared/char-classes.ts';
import { NUMBER_SOURCE, NUMBER_START_SOURCE, parseNumber } from '../../_shared/numbers.ts';
import { MONTH_SOURCE } from '../../_shared/months.ts';
import { wordMap } from '../../_shared/lexicon.ts';

export interface Count {
  start: number;
  end: number;
  value: number;
}

// "five of its servers", "forty-eight of about 500 county servers": the part hit of a whole
const OWNER =
  String.raw`(?:of\s+(?:(?:its|their|our|his|her|the|these|those)\s+(?:[\w.&-]+(?:['’\x92]s)\s+)?|(?:(?:about|around|some|nearly|roughly|over` +
  String.raw`|more\s+than)\s+)?(?:\d[\d,]*|${NUMBER_SOURCE})\s+))`;
// "30-45 PCs", "two to three servers": a range counts its low end
const RANGE_HIGH = String.raw`(?:\s*(?:-|[–\x96]|to)\s*(?:\d[\d,]*|${NUMBER_SOURCE}))?`;
// "ElasticSearch", "database", "Windows file"; never a joining word ("two and seized servers", "9,400 patients after two
// laptops"), another number, or the attackers' own machines ("1 million proxy servers", "command-and-control servers")
const MODIFIER_BODY =
  String.raw`(?!(?:and|or|but|to|of|in|on|at|for|from|by|with|after|before|since|than|over|into|the|a|an|were|was|proxy|command|c&c|c2` +
  String.raw`|botnet|bot)${WORD_END}|${NUMBER_START_SOURCE}\s)[\w.&-]+\s+`;
const MODIFIER = String.raw`(?:${MODIFIER_BODY}){0,3}?`;
// "12 December computers were infected": a day of the month is no count
const NOT_DATE = String.raw`(?!(?:st|nd|rd|th)?\s+(?:of\s+)?(?:${MONTH_SOURCE})${WORD_END})`;
/** A count pattern: the count, then the counts joined to it by "and" ("two database servers and two application servers"). */
export interface CountPattern {
  /** The noun alternation: a sentence without it is passed over, and no count starts past its last match. */
  readonly nouns: RegExp;
  /** Sticky: a noun where a count's words end ("servers" after "five of its"). */
  readonly noun: RegExp;
  /** The count as one pattern (group n is the number), and its "and" counts: the walk below asks them only when it cannot tell. */
  readonly whole: () => { readonly count: RegExp; readonly more: RegExp };
}
/**
 * A count of nouns, the noun alternation given by the caller. The count is written down as one pattern (`whole`), but
 * that pattern holds a number three times over and compiled in about a tenth of a second on first use, one per noun
 * list. The counts are found by walking its parts instead (`nextCount`), each a small sticky pattern, with one number
 * pattern shared by every step; the whole pattern is compiled only for a number that could be read two ways with a
 * count after each reading, where the order of its readings decides.
 */
export function countPattern(nouns: string): CountPattern {
  // (every noun, as every month name, ends in a letter: WORD_END is the \b after it)
  let whole: { count: RegExp; more: RegExp } | undefined;
  return {
    nouns: new RegExp(nouns, 'gi'),
    noun: new RegExp(String.raw`(?:${nouns})${WORD_END}`, 'iy'),
    whole: () =>
      (whole ??= {
        count: new RegExp(String.raw`\b(?<n>${NUMBER_SOURCE})${NOT_DATE}${RANGE_HIGH}\s+${OWNER}?(?:other\s+)?${MODIFIER}(?:${nouns})${WORD_END}`, 'iy'),
        more: new RegExp(String.raw`(?:\s*,?\s*and\s+(?:${NUMBER_SOURCE})\s+${MODIFIER}(?:${nouns})${WORD_END})*`, 'iy'),
      }),
  };
}
const AND_COUNT = new RegExp(String.raw`\band\s+(${NUMBER_SOURCE})\s`, 'gi');

// The walk. Each step is tried where the one before it ended, in the order the whole pattern tries its choices; a step
// answers where the count ends, FAIL, or UNSURE (the whole pattern must settle it). Every step but the number has one
// way to match where it is tried: each of its repeats ends where a character it cannot take begins ("\s+" before a word,
// "[\w.&-]+" before white space), so trying a step once is trying every way the whole pattern could match it there.
export const FAIL = -1;
export const UNSURE = -2;
type Next = (at: number) => number;
// a number, its first reading: the shared pattern, not sticky, so a search from a place tries that place first
const NUMBER = new RegExp(NUMBER_SOURCE, 'gi');
const BOUNDARY = /\b/y;
const WORD_RUN = /\w+/y;
const NOT_DATE_AT = new RegExp(String.raw`(?:st|nd|rd|th)?\s+(?:of\s+)?(?:${MONTH_SOURCE})${WORD_END}`, 'iy');
const RANGE_TO = /\s*(?:-|[–\x96]|to)\s*/iy;
const DIGIT_RUN = /\d[\d,]*/y;
const SPACES = /\s+/y;
const OF = /of\s+/iy;
const DETERMINER = /(?:its|their|our|his|her|the|these|those)\s+/iy;
const POSSESSIVE = /[\w.&-]+['’\x92]s\s+/iy;
const ABOUT = /(?:about|around|some|nearly|roughly|over|more\s+than)\s+/iy;
const OTHER = /other\s+/iy;
const MODIFIER_WORD = new RegExp(MODIFIER_BODY, 'iy');
const AND_NEXT = /\s*,?\s*and\s+/iy;
// how far a number can reach: digits, separators and number words, and a word that only its first words may end inside
const NUMBER_PART = /([a-z]+)|(\d)|[.,\s-]/iy;
const SCALES = new Set(wordMap('number-scales').map(([w]) => w));
const NUMBER_WORDS = new Set(['and', ...SCALES, ...['number-units', 'number-tens'].flatMap((l) => wordMap(l).map(([w]) => w))]);
// where another reading of a number could end: before what can follow a number in the pattern
const AFTER_NUMBER = /[\s\-–\x96t]/i;

/**
 * A number at x, then `next` where it ends. Its first reading is tried first, as the whole pattern tries it; if that
 * leads nowhere but another reading (shorter, or through a later number word) would lead on, the order of the readings
 * decides and the walk cannot tell: UNSURE.
 */
function number(t: string, x: number, next: Next): number {
  const m = firstMatch(NUMBER, t, x);
  if (m?.index !== x) return FAIL;
  const first = x + m[0].length;
  const r = next(first);
  if (r !== FAIL) return r;
  const last = reach(t, x);
  for (let y = x + 1; y <= last; y++) if (y !== first && mayEnd(t, x, y) && next(y) !== FAIL) return UNSURE;
  return FAIL;
}
/** A number at x, then the sticky `after` where it ends: where that ends (or FAIL, UNSURE) and where the number does. */
export function numberThen(t: string, x: number, after: RegExp): { end: number; numberEnd: number } {
  let numberEnd = FAIL;
  const end = number(t, x, (e) => {
    const m = firstMatch(after, t, (numberEnd = e));
    return m ? e + m[0].length : FAIL;
  });
  return { end, numberEnd };
}
/** Whether a number from x could end at y: after a digit or a letter, not after "and", "a" or "an", before what may follow one. */
function mayEnd(t: string, x: number, y: number): boolean {
  if (!AFTER_NUMBER.test(t[y] ?? '') || !/[a-z\d]/i.test(t[y - 1]!)) return false;
  return !/(?:^|[^a-z])(?:and|an?)$/i.test(t.slice(x, y));
}
/**
 * The last place a number starting at x could end before. A number of digits goes on only through digits, separators
 * and scale words ("5 million"), a number in words only through number words and "and" between spaces or hyphens,
 * and may end inside its first two words ("seven" in "sevenx").
 */
function reach(t: string, x: number): number {
  const digits = !/[a-z]/i.test(t[x]!);
  let at = x;
  let words = 0;
  let part: RegExpExecArray | null;
  while ((part = firstMatch(NUMBER_PART, t, at))) {
    const word = part[1]?.toLowerCase();
    if (word && !(digits ? SCALES : NUMBER_WORDS).has(word)) {
      const glued = !digits && (words === 0 || (words === 1 && /^[a-z]+[- ]$/i.test(t.slice(x, at))));
      return glued ? at + word.length - 1 : at;
    }
    if (word) words++;
    else if (part[2] ? !digits || words > 0 : !digits && /[.,]/.test(part[0])) return at;
    at += part[0].length;
  }
  return at;
}
/** `\d[\d,]*` or a number, then `next`: the digits only in full, as `next` opens with white space. */
function digitsOrNumber(t: string, x: number, next: Next): number {
  const d = firstMatch(DIGIT_RUN, t, x);
  if (d) {
    const r = next(x + d[0].length);
    if (r !== FAIL) return r;
  }
  return number(t, x, next);
}
/** After the count's number: no day of the month ("12 December"), the top of a range maybe ("30-45"), then the counted. */
function afterNumber(t: string, e: number, noun: RegExp): number {
  if (firstMatch(NOT_DATE_AT, t, e)) return FAIL;
  const to = firstMatch(RANGE_TO, t, e);
  if (to) {
    const r = digitsOrNumber(t, e + to[0].length, (y) => counted(t, y, noun));
    if (r !== FAIL) return r;
  }
  return counted(t, e, noun);
}
/** White space, then whose or of how many ("of its", "of about 500"), then the nouns with their modifiers. */
function counted(t: string, q: number, noun: RegExp): number {
  const sp = firstMatch(SPACES, t, q);
  if (!sp) return FAIL;
  const a = q + sp[0].length;
  const of = firstMatch(OF, t, a);
  if (of) {
    const r = owner(t, a + of[0].length, noun);
    if (r !== FAIL) return r;
  }
  return named(t, a, noun);
}
function owner(t: string, b: number, noun: RegExp): number {
  const det = firstMatch(DETERMINER, t, b);
  if (det) {
    const c = b + det[0].length;
    const poss = firstMatch(POSSESSIVE, t, c);
    const r = poss ? named(t, c + poss[0].length, noun) : FAIL;
    if (r !== FAIL) return r;
    const r2 = named(t, c, noun);
    if (r2 !== FAIL) return r2;
  }
  const spacedNamed = (y: number) => {
    const sp = firstMatch(SPACES, t, y);
    return sp ? named(t, y + sp[0].length, noun) : FAIL;
  };
  const about = firstMatch(ABOUT, t, b);
  if (about) {
    const r = digitsOrNumber(t, b + about[0].length, spacedNamed);
    if (r !== FAIL) return r;
  }
  return digitsOrNumber(t, b, spacedNamed);
}
/** "other" maybe, then up to three modifier words, as few as will do, then the noun. */
function named(t: string, q: number, noun: RegExp): number {
  const other = firstMatch(OTHER, t, q);
  const r = other ? modified(t, q + other[0].length, noun) : FAIL;
  return r !== FAIL ? r : modified(t, q, noun);
}
function modified(t: string, q: number, noun: RegExp): number {
  for (let words = 0; ; words++) {
    const n = firstMatch(noun, t, q);
    if (n) return q + n[0].length;
    const w = words < 3 && firstMatch(MODIFIER_WORD, t, q);
    if (!w) return FAIL;
    q += w[0].length;
  }
}

/** A count found: where it starts, where its number ends, where it ends. */
interface Found {
  index: number;
  numberEnd: number;
  end: number;
}
/** The first count at or after `from`, as the whole count pattern would find it searching from there. */
function nextCount(t: string, from: number, nounsEnd: number, p: CountPattern): Found | null {
  // a count ends in a noun: none starts past the last
  for (let x = nextNumberStart(t, from); x >= 0 && x < nounsEnd; x = nextNumberStart(t, x + wordRun(t, x))) {
    let numberEnd = FAIL;
    const end = number(t, x, (e) => afterNumber(t, (numberEnd = e), p.noun));
    if (end === UNSURE) {
      const w = firstMatch(p.whole().count, t, x);
      if (w) return { index: x, numberEnd: x + w.groups!.n!.length, end: x + w[0].length };
    } else if (end !== FAIL) return { index: x, numberEnd, end };
  }
  return null;
}
/** Where the next number at a word's start begins, at or after `at`; -1 if none. */
export function nextNumberStart(t: string, at: number): number {
  for (;;) {
    const m = firstMatch(NUMBER, t, at);
    if (!m) return -1;
    if (firstMatch(BOUNDARY, t, m.index)) return m.index;
    at = m.index + wordRun(t, m.index);
  }
}
// no word boundary inside a word: the next place a number may start after x
const wordRun = (t: string, x: number) => firstMatch(WORD_RUN, t, x)?.[0].length ?? 1;
/** The "and" counts right after a count ("… and two application servers"): their numbers and where they end. */
function andCounts(t: string, start: number, p: CountPattern): { end: number; numbers: string[] } {
  const numbers: string[] = [];
  let at = start;
  for (;;) {
    const and = firstMatch(AND_NEXT, t, at);
    if (!and) return { end: at, numbers };
    const x = at + and[0].length;
    const end = number(t, x, (e) => {
      const sp = firstMatch(SPACES, t, e);
      return sp ? modified(t, e + sp[0].length, p.noun) : FAIL;
    });
    if (end === UNSURE) break;
    if (end === FAIL) return { end: at, numbers };
    // the first reading led on (another would have been UNSURE)
    numbers.push(firstMatch(NUMBER, t, x)![0]);
    at = end;
  }
  // the whole "and" pattern from the count's end, and its numbers as it reads them
  const whole = firstMatch(p.whole().more, t, start)![0];
  return { end: start + whole.length, numbers: Array.from(matches(AND_COUNT, whole), (m) => m[1]!) };
}

// the number sizes a fleet or a limit, not what was hit
const FLEET_BEFORE = new RegExp(
  String.raw`\b(?:up\s+to|runs?|running|operates?|operating|owns?|owning|manages?|managing|maintains?|supports?|hosts?|has` +
    String.raw`|have|with|fleet\s+of|network\s+of|out\s+of|of\s+(?:its|their|our|the)(?:\s+\w+['’\x92]s)?|capacity\s+(?:of|for)|room\s+for)\s+(?:about\s+` +
    String.raw`|around\s+|some\s+|nearly\s+|over\s+|more\s+than\s+)?$`,
  'i',
);
// a digit count glued to a date, a year or a model number is not a count of machines
const NOT_A_COUNT = /^(?:1[89]|20)\d\d$/;
// "on May 19 had encrypted 40 servers": a number right after a month name is a day of the month
const MONTH_BEFORE = new RegExp(String.raw`\b(?:${MONTH_SOURCE})\.?\s+$`, 'i');
export const INCIDENT = new RegExp(
  String.raw`\b(?:hack\w*|breach\w*|compromis\w*|infect\w*|encrypt\w*|attack\w*|ransom\w*|access\w*|st[oe]len?|steal\w*` +
    String.raw`|expos\w*|leak\w*|wip(?:ed|ing)|malware|intru\w*|penetrat\w*|hit|affected|impacted|offline|shut\s+down|disrupt\w*|seized|targeted|damag\w*` +
    String.raw`|delet\w*|locked|crippl\w*|unsecured|misconfigur\w*|vulnerable|took\s+down|taken\s+down|knocked)\b`,
  'i',
);

// "ransomware infects more than 100,000 computers every day": a rate, not the incident's reach
const HABITUAL = /\b(?:(?:every|each|per)\s+(?:day|week|month|year)|usually|typically|routinely|on\s+average)\b/i;

/** Counts matched by p in sentence s that report machines hit, not a fleet. */
export function countsIn(doc: AnalysedDoc, s: Sentence, p: CountPattern): Count[] {
  const out: Count[] = [];
  let nounsEnd = -1;
  for (const m of matches(p.nouns, s.text)) nounsEnd = m.index + m[0].length;
  if (nounsEnd < 0 || !INCIDENT.test(s.text) || HABITUAL.test(s.text)) return out;
  for (let from = 0, c = nextCount(s.text, from, nounsEnd, p); c; c = nextCount(s.text, from, nounsEnd, p)) {
    const n = s.text.slice(c.index, c.numberEnd);
    if (/^\d/.test(n) && MONTH_BEFORE.test(s.text.slice(Math.max(0, c.index - 12), c.index))) {
      from = c.numberEnd; // the count may come later in the same stretch ("…19 had encrypted 40 servers")
      continue;
    }
    // the "and" counts after the count: the next search goes on after them
    const and = andCounts(s.text, c.end, p);
    from = and.end;
    if (FLEET_BEFORE.test(s.text.slice(Math.max(0, c.index - 40), c.index)) || NOT_A_COUNT.test(n)) continue;
    let value = parseNumber(n);
    // "two database servers and two application servers": the counts add up
    for (const a of and.numbers) {
      if (value == null) break;
      const more = parseNumber(a);
      value = more == null ? null : value + more;
    }
    if (value == null || !Number.isInteger(value) || value < 1) continue;
    out.push({ start: s.start + c.index, end: s.start + and.end, value });
  }
  return out;
}

/** "infected the computer", "hack the server": a bare "the" machine after the verb is any reader's; "the Mac of an activist" is one. */
export const generic = (found: string, after: string): boolean => /^the\s+\S+$/i.test(found) && !/^\s+(?:of|belonging\s+to|used\s+by)\b/i.test(after);
