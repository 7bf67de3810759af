// Finding victim names in a text: every capitalised run, in order, cleaned (name-clean.ts), with the name
// that starts or ends at a given place and the full name an acronym stands for. A regex over such runs is much
// cheaper than a parse, and the rules only need to know where a name starts and ends and whether it is a real
// organisation rather than a generic subject.
import { DONE, firstMatch, groupStart, type AnalysedDoc } from '../../_shared/kit.ts';
import { memoFor, memoized } from './cache.ts';
import { wordStartsOf } from '../../_shared/capital-words.ts';
import { LETTER, LETTERS_MARKS, UPPER, byteTable, classAt, insidePair, isLowSurrogate } from '../../_shared/char-classes.ts';
import { keyed, keyedMatches } from './keyed.ts';
import { cleanName } from './name-clean.ts';
import { cleansInside } from './clean/trims.ts';
import { NAME, isOrgLike, isPlace, type VictimName } from './name-shape.ts';
import { nameMayEndAt } from './name-end.ts';
import { byWidth, forText } from '../../_shared/one-byte.ts';

// A name tried at one place: the scan below and nameAt. The scan's look-behind (no letter, mark, digit or one of '’.&/- right
// before the name) is checked by hand instead of by a second copy of the pattern: each copy is compiled on its own (to bytecode,
// then to native code, for one-byte and for two-byte texts), and a look-behind at a \p{L} class costs most of that. Written
// over U+0000-U+00FF for a text of one byte a character (one-byte.ts byWidth).
const NAME_HERE = byWidth(NAME, 'uy');

const UPPER_A = 65;
const UPPER_Z = 90;
const LOWER_A = 97;
const LOWER_Z = 122;
const DIGIT_0 = 48;
const DIGIT_9 = 57;
// The characters of one byte the scan's look-behind refuses before a name, and those a name opens on (a capital or a
// digit), as tables (char-classes.ts byteTable: one path for them all, which V8 has seen run when it optimises the scan)
const JOINS_BEFORE = byteTable(
  (c) =>
    (c >= LOWER_A && c <= LOWER_Z) ||
    (c >= UPPER_A && c <= UPPER_Z) ||
    (c >= DIGIT_0 && c <= DIGIT_9) ||
    c === 0x27 ||
    c === 0x92 || // ’ as the rules read it (extractors/_shared/one-byte.ts)
    c === 0x2e ||
    c === 0x26 ||
    c === 0x2f ||
    c === 0x2d,
);
const OPENS_NAME = byteTable((c) => (c >= DIGIT_0 && c <= DIGIT_9) || (classAt(String.fromCharCode(c), 0) & UPPER) !== 0);
/** A character the scan's look-behind refuses before a name: an ASCII letter or digit, or one of '’.&/-. */
const joinsBefore = (c: number) => (c < 256 ? JOINS_BEFORE[c] === 1 : c === 0x2019);
/** A lower-case letter may stand here: a-z, or a letter beyond ASCII that is no capital (the pattern decides). */
const mayBeLower = (text: string, i: number) => (classAt(text, i) & (LETTER | UPPER)) === LETTER || isLowSurrogate(text.charCodeAt(i));
/** The look-behind's `[\p{L}\p{M}]` part: the code point ending at `p` (a pair read whole) is a letter or a mark. */
const letterOrMarkBefore = (text: string, p: number) => {
  const q = insidePair(text, p - 1) ? p - 2 : p - 1;
  return (classAt(text, q) & LETTERS_MARKS) !== 0;
};

/**
 * The first match of the scan (`(?<![\p{L}\p{M}\d'’.&/-])` then NAME, under /u) in `text` at or after `from` (a code point
 * boundary), as the pattern's search would find it. A
 * name opens on a capital or a digit, or on one or two lower-case letters right before a capital ("eBay"): the pattern
 * is tried only there, from the left, instead of at every character of the text (its look-behind and alternatives cost
 * a try at each). Every place a match can start is tried, in order, so the first match found is the leftmost.
 */
function nextRun(text: string, from: number): RegExpExecArray | null {
  // (a search under /u asked to start inside a surrogate pair starts at the pair)
  const start = insidePair(text, from) ? from - 1 : from;
  // no match starts before `tried`
  let tried = start;
  const here = NAME_HERE(text);
  for (let j = start; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (!(c < 256 ? OPENS_NAME[c] === 1 : (classAt(text, j) & UPPER) !== 0)) continue;
    // the lower-case letters right before the capital (at most two code points: four code units)
    // (a step back is taken on every path, so that V8 has seen it run when it optimises the scan: a step first taken after
    // that, at a text's first "eBay", would throw the optimised code away)
    let p = j + 1;
    do p--;
    while (p > tried && p > j - 4 && mayBeLower(text, p - 1));
    for (; p <= j; p++) {
      // (inside a surrogate pair no match starts; a letter, mark, digit or joiner right before refuses the place)
      if (p > 0) {
        const before = text.charCodeAt(p - 1);
        if (joinsBefore(before) || isLowSurrogate(text.charCodeAt(p)) || letterOrMarkBefore(text, p)) continue;
      }
      const m = firstMatch(here, text, p);
      if (m) return m;
    }
    tried = j + 1;
  }
  return null;
}
// A run ending this far before a window's edge is the same whether the scan sees the whole text or only the
// window; closer to the edge the window may cut it, so that stretch is scanned again as the window ends it.
const EDGE = 300;

interface Scan {
  runs: number[];
  next: number;
  done: boolean;
}
/** The capitalised runs of the whole text (start, end pairs), scanned only as far as anyone has asked. */
function scanTo(doc: AnalysedDoc, to: number): Scan {
  const { text } = doc;
  const memo = memoFor<'scan', Scan>(doc, 'scan');
  let scan = memo.get('scan');
  if (!scan) memo.set('scan', (scan = { runs: [], next: 0, done: false }));
  while (!scan.done && (scan.runs.length === 0 || scan.runs[scan.runs.length - 2]! < to)) {
    const m = nextRun(text, scan.next);
    if (!m) {
      scan.done = true;
      break;
    }
    scan.runs.push(m.index, m.index + m[0].length);
    scan.next = m.index + m[0].length;
  }
  return scan;
}

/**
 * The capitalised runs of text[0, to) as start, end pairs, in order, worked out once per text and window: those the whole
 * text's scan ends well before the window's edge, then the rest as the window cuts them.
 */
export function runsUpTo(doc: AnalysedDoc, to: number): readonly number[] {
  return memoized(doc, 'runs', to, () => {
    const { runs } = scanTo(doc, to);
    // (a window that holds the whole text cuts no run: the scan, run to the text's end, has its runs, and a rescan of its last
    // stretch would find them again)
    if (to >= doc.text.length) return runs;
    const out: number[] = [];
    let resume = 0;
    for (let i = 0; i < runs.length && runs[i + 1]! <= to - EDGE; i += 2) {
      out.push(runs[i]!, runs[i + 1]!);
      resume = runs[i + 1]!;
    }
    const part = doc.text.slice(0, to);
    for (let m = nextRun(part, resume); m; m = nextRun(part, m.index + m[0].length)) out.push(m.index, m.index + m[0].length);
    return out;
  });
}

/**
 * The cleaned names of text[0, to)'s capitalised runs, in order (a place is none), each cleaned as it is read; `skip`
 * passes over the runs a reader knows it has no use for, uncleaned.
 */
export function cleanedRuns(doc: AnalysedDoc, to: number, skip?: (start: number, end: number) => boolean): IterableIterator<VictimName> {
  return new CleanedRuns(doc, runsUpTo(doc, to), skip ?? null);
}

// (an iterator of its own rather than a generator: V8 compiles a generator's suspend and resume points too)
class CleanedRuns implements IterableIterator<VictimName> {
  readonly #doc: AnalysedDoc;
  readonly #runs: readonly number[];
  readonly #skip: ((start: number, end: number) => boolean) | null;
  /** The next run's start in #runs. */
  #i = 0;

  constructor(doc: AnalysedDoc, runs: readonly number[], skip: ((start: number, end: number) => boolean) | null) {
    this.#doc = doc;
    this.#runs = runs;
    this.#skip = skip;
  }

  next(): IteratorResult<VictimName, undefined> {
    const runs = this.#runs;
    const skip = this.#skip;
    while (this.#i < runs.length) {
      const start = runs[this.#i]!;
      const end = runs[this.#i + 1]!;
      this.#i += 2;
      if (skip !== null && skip(start, end)) continue;
      const name = cleanName(this.#doc, start, end);
      if (name && !isPlace(name.value)) return { done: false, value: name };
    }
    return DONE;
  }

  [Symbol.iterator](): this {
    return this;
  }
}

/** Every cleaned capitalised run in text[from, to), in order. */
export function* namesIn(doc: AnalysedDoc, from = 0, to = doc.text.length): Generator<VictimName> {
  const { text } = doc;
  if (from === 0) {
    yield* cleanedRuns(doc, to);
    return;
  }
  const part = text.slice(0, to);
  for (let m = nextRun(part, from); m; m = nextRun(part, m.index + m[0].length)) {
    const name = cleanName(doc, m.index, m.index + m[0].length);
    if (name && !isPlace(name.value)) yield name;
  }
}

const ACRONYM = /^[\p{Lu}\d&]{2,8}$/u;
// "Huntington Medical Research Institutes (HMRI)": the bracket ends the name, so at most one name stands before it
const SPELLED_OUT = new RegExp(String.raw`(?<![\p{L}\p{M}\d'’\x92.&/-])(${NAME})\s*\(\s*(?:the\s+)?([\p{Lu}\d&]{2,8})\s*\)`, 'gu');
// the bracket is the key to seek the name and its acronym by (keyed.ts): a name runs to at most 24 pieces before it; sought
// only for an acronym the text writes in brackets (a few texts in a hundred), it is tried at each place before the bracket
const SPELLED_OUT_KEYED = keyed(SPELLED_OUT, { words: /\(/g, pieces: 25, near: 1000 });
const PAREN_BEFORE = /\(\s*(?:the\s+)?$/u;
const PAREN_AFTER = /\s*\)/y;
// the spelled-out name sits right before its acronym in brackets; no name runs this long
const SPELLED_OUT_REACH = 1500;

/**
 * "Huntington Medical Research Institutes (HMRI)": an acronym stands for the full name the text gives it, and so does
 * a short form the text defines in brackets ("Allergy Associates of Hartford, P.C. (Allergy Associates)").
 */
export function expandAcronym(doc: AnalysedDoc, name: VictimName): VictimName {
  if (!ACRONYM.test(name.value)) return memoized(doc, 'defined', name.value, () => definedShortForm(doc, name.value)) ?? name;
  const full = memoized(doc, 'acronym', name.value, () => spelledOut(doc, name.value));
  return full ?? name;
}

// "Allergy Associates of Hartford, P.C. (Allergy Associates)": a short form the text defines in brackets after the full name
const BRACKET_BEFORE = /(?:,?\s+(?:Inc|Corp|Co|Ltd|LLC|L\.L\.C|P\.?C|P\.?A)\.?)?,?\s*\(\s*(?:the\s+)?["“\x93]?$/u;
function definedShortForm(doc: AnalysedDoc, short: string): VictimName | null {
  const { text } = doc;
  if (!/\s/.test(short)) return null;
  // BRACKET_BEFORE holds an opening bracket: a text without one defines no short form (more than half the texts), and its
  // word index need not be built for the question
  if (!doc.once('victim/has-bracket', () => text.includes('('))) return null;
  // a bracket, a space or a quote stands right before the short form: it starts a word (capital-words.ts)
  for (const at of occurrences(doc, short)) {
    if (!/^["”\x94]?\s*\)/u.test(text.slice(at + short.length, at + short.length + 3))) continue;
    const before = BRACKET_BEFORE.exec(text.slice(Math.max(0, at - 40), at));
    if (!before) continue;
    const full = nameBefore(doc, at - before[0].length);
    if (full && full.value.length > short.length && full.value.startsWith(short.split(/\s+/)[0]!)) return full;
  }
  return null;
}

/** Where `name` is written, ascending: at word starts only when it starts with a capital, else anywhere. */
function* occurrences(doc: AnalysedDoc, name: string): Generator<number> {
  const starts = wordStartsOf(doc, name);
  if (starts) {
    for (let i = 0; i < starts.length; i++) if (doc.text.startsWith(name, starts[i]!)) yield starts[i]!;
    return;
  }
  for (let at = doc.text.indexOf(name); at >= 0; at = doc.text.indexOf(name, at + 1)) yield at;
}

function spelledOut(doc: AnalysedDoc, acronym: string): VictimName | null {
  const { text } = doc;
  // the bracketed acronym is a cheap literal to look for; only from where it first stands is the name before it sought
  // (a bracket or a space stands right before it: it starts a word, looked up in the word index)
  for (const at of occurrences(doc, acronym)) {
    if (!firstMatch(PAREN_AFTER, text, at + acronym.length) || !PAREN_BEFORE.test(text.slice(Math.max(0, at - 40), at))) continue;
    for (const m of keyedMatches(SPELLED_OUT, SPELLED_OUT_KEYED.key, doc, Math.max(0, at - SPELLED_OUT_REACH))) {
      if (m[2] !== acronym) continue;
      const end = m.index + m[1]!.length;
      const name = cleanName(doc, m.index, end);
      // "Valley Anesthesiology and Pain Consultants (VAPC)": the acronym's letters say where the name ends, even
      // past an "and" that cleaning cut
      const spelled = name && name.end < end && initialsOf(text.slice(name.start, end)).includes(acronym);
      if (name && spelled) return { value: text.slice(name.start, end), start: name.start, end };
      return name;
    }
    break;
  }
  // "Bay Area Chiropractic Center … BACC said": a longer name in the text whose initials spell the acronym
  for (const { name: n, initials, form, ands } of spellingsOf(doc)) {
    if (n.value === acronym) continue;
    if (initials.includes(acronym) || (form && initials.some((i) => i + form === acronym))) return n;
    for (const { rest, initials: longer } of ands) {
      if (longer.includes(acronym)) return { value: n.value + rest, start: n.start, end: n.end + rest.length };
    }
  }
  return null;
}

interface Spelling {
  name: VictimName;
  initials: string[];
  /** the initial of a legal form cut from the name ("Educational Credit Management Corp." → C), or null */
  form: string | null;
  /** the name with the "and …" cleaning cut, longest first, and their initials */
  ands: { rest: string; initials: string[] }[];
}
/**
 * What every name of the window spells, worked out once per document for all the acronyms it holds. A run of one word that
 * cleans inside itself (clean/trims.ts cleansInside) with no hyphen and no "and …" after it spells nothing: its name is one
 * piece, a single initial, and no "and" follows it. Such runs are not cleaned for the question ("Microsoft said" spells
 * nothing; "Coca-Cola", "Pfizer and Moderna Labs" may).
 */
const spellingsOf = (doc: AnalysedDoc): readonly Spelling[] =>
  memoized(doc, 'spellings', 0, () => {
    const { text } = doc;
    const out: Spelling[] = [];
    const runs = runsUpTo(doc, Math.min(text.length, ACRONYM_WINDOW));
    for (let i = 0; i < runs.length; i += 2) {
      const start = runs[i]!;
      const end = runs[i + 1]!;
      if (cleansInside(text, start, end) && !text.slice(start, end).includes('-') && !forText(AND_REST, text).test(text.slice(end, end + 80))) continue;
      const n = cleanName(doc, start, end);
      if (!n || isPlace(n.value)) continue;
      // "Educational Credit Management Corp. … ECMC": the legal form cut from the name still gives its letter
      const legal = LEGAL_INITIAL.exec(text.slice(n.end, n.end + 16));
      // "Valley Anesthesiology and Pain Consultants … VAPC": the "and" cleaning cut belongs to the name the letters spell
      const ands: Spelling['ands'] = [];
      const and = forText(AND_REST, text).exec(text.slice(n.end, n.end + 80));
      for (let rest = and?.[0]; rest && /\s\S+\s+\S/u.test(rest); rest = rest.replace(/\s+\S+$/u, ''))
        ands.push({ rest, initials: initialsOf(n.value + rest) });
      out.push({ name: n, initials: initialsOf(n.value), form: legal ? legal[1]![0]!.toUpperCase() : null, ands });
    }
    return out;
  });
const ACRONYM_WINDOW = 4000;
const AND_REST = /^\s+(?:and|&)\s+\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,3}/u;
const LEGAL_INITIAL = /^,?\s+(Corp|Corporation|Co|Company|Inc|Incorporated|Ltd|Limited|Group)\b/u;
// (patterns with a bare \p{…} live at module level: the build's esbuild target writes such a literal as `new RegExp(…)`,
// built again each time the line runs)
const LETTER_FIRST = /^\p{L}/u;
const CAPITAL_FIRST = /^\p{Lu}/u;
/** "Department of Health and Human Services" → DHHS and DOHAHS. */
const initialsOf = (value: string) => {
  // (built as strings: the arrays map() hands back for no words are of another kind, which threw join's optimised code away)
  let all = '';
  let content = '';
  for (const w of value.split(/[\s-]+/)) {
    if (!LETTER_FIRST.test(w)) continue;
    all += w[0]!.toUpperCase();
    if (CAPITAL_FIRST.test(w)) content += w[0]!;
  }
  return [all, content].filter((x) => x.length >= 2);
};

/** The name that starts exactly at `pos`, if any. */
export function nameAt(doc: AnalysedDoc, pos: number): VictimName | null {
  const { text } = doc;
  const memo = memoFor<number, VictimName | null>(doc, 'at');
  let name = memo.get(pos);
  if (name === undefined) {
    const m = firstMatch(NAME_HERE(text), text, pos);
    memo.set(pos, (name = m ? cleanName(doc, m.index, m.index + m[0].length) : null));
  }
  return name;
}

const NAME_ENDING = byWidth(String.raw`(?:^|[^\p{L}\p{M}\d'’\x92.&/-])(${NAME})['’\x92]?s?\s*$`, 'du');
/** The name that ends exactly at `pos` (the last capitalised run before it). */
export function nameBefore(doc: AnalysedDoc, pos: number): VictimName | null {
  const memo = memoFor<number, VictimName | null>(doc, 'before');
  let name = memo.get(pos);
  if (name === undefined) memo.set(pos, (name = nameEndingAt(doc, pos)));
  return name;
}

function nameEndingAt(doc: AnalysedDoc, pos: number): VictimName | null {
  const { text } = doc;
  const from = Math.max(0, pos - 160);
  if (!nameMayEndAt(text, pos)) return null;
  // (a part of a text of one byte a character is one too)
  const m = NAME_ENDING(text).exec(text.slice(from, pos));
  if (!m) return null;
  const start = from + groupStart(m);
  const name = cleanName(doc, start, start + m[1]!.length);
  // "North Big Horn Hospital in Wyoming reported": the place only locates the name before it
  // "Center for Health Care Services, in San Antonio Texas, experienced", "Colorado Mental Health Institute at Pueblo"
  const via = /(?:,?\s+(?:in|at)|,)\s+$/u.exec(text.slice(Math.max(0, start - 8), start));
  if (via && (!name || isPlace(name.value) || (/(?:in|at)\s+$/.test(via[0]) && !isOrgLike(name.value)))) {
    const outer = unlessPlace(nameBefore(doc, start - via[0].length));
    if (outer) return outer;
  }
  return unlessPlace(name);
}
// (one helper for the name and the rarely found outer one: the outer one's first read of .value was a read V8 had never
// seen run when it optimised the rules that ask, and threw their optimised code away)
const unlessPlace = (name: VictimName | null) => (name && !isPlace(name.value) ? name : null);
