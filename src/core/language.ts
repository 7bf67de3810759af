// Which language a text is in, so a record from text the rules cannot read says so (the rules are English).
// franc-min: trigram profiles of 82 languages, pure JS, maintained; a sample is enough to tell a language.
// Almost every text is English, and franc's answer for it is only "not another language": that is worked out here
// from franc's own data with the same arithmetic in one pass over the text's trigrams (franc itself looks each trigram
// up once per language, about a sixth of the processor's time), and franc runs only when English does not lead.
import { createRequire } from 'node:module';
import type { francAll as FrancAll } from 'franc-min';
import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';

// \p{…} patterns live at module level: esbuild (tsx, the bundle) would rebuild a literal inside a function on each call
const LETTERS = /\p{L}/gu;

// franc itself only when English does not lead: importing it builds dictionaries of all its 82 languages (30 ms of each
// start-up, of each worker thread's too), which a run of English text never uses. Loaded synchronously (require of an
// ES module, Node >= 20.19) on the first text that needs it.
let franc: typeof FrancAll | undefined;
const francAll: typeof FrancAll = (value, options) =>
  (franc ??= (createRequire(import.meta.url)('franc-min') as { francAll: typeof FrancAll }).francAll)(value, options);

const SAMPLE_CHARS = 800;
// Below this many letters trigram statistics guess: short English headlines come out as Scots or Frisian.
const MIN_LETTERS = 200;
// English within this share of the best score is a tie, and a tie is English (no warning).
const ENGLISH_TIE = 0.9;
// Compared against these profiles only (each costs time): English and the languages of most incident reports
// that are not in English. Text in another language still differs from English and gets the nearest of these.
const ONLY = [
  'eng',
  'fra',
  'deu',
  'nld',
  'spa',
  'por',
  'ita',
  'pol',
  'ces',
  'swe',
  'dan',
  'nob',
  'fin',
  'ron',
  'hun',
  'tur',
  'rus',
  'ukr',
  'cmn',
  'jpn',
  'kor',
  'arb',
  'ind',
  'vie',
];
// made on the first warning: building it loads ICU's display names, 20 ms of every start-up that most runs never use
let names: Intl.DisplayNames | undefined;

// franc's constants and its text cleaning (trigram-utils' clean: punctuation and digits to spaces, white space
// collapsed, trimmed, lower case), kept equal to franc-min 6's.
const MAX_DIFFERENCE = 300;
const cleanForTrigrams = (value: string) =>
  value
    .replace(/[\u0021-\u0040]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

interface LatinModels {
  /** The Latin-script languages of ONLY, in franc's order; English is at `english`. */
  readonly count: number;
  readonly english: number;
  /** How many trigrams are listed (rows): the trigrams of three code units in some language's profile. */
  readonly rowCount: number;
  /** Per trigram with every code unit below SMALL (gramKey below 2^30), its row. */
  readonly small: SmallTable;
  /** Per other trigram (gramKey 2^30 and above), its row. */
  readonly rows: ReadonlyMap<number, number>;
  /**
   * Per row, only the languages whose profile lists its trigram (most list few of a text's trigrams): they are
   * `lang[j]` for j from `first[row]` to `first[row + 1]`, the trigram at rank `rank1[j]` - 1 there, as franc's
   * dictionaries give it.
   */
  readonly first: Int32Array;
  readonly lang: Uint8Array;
  readonly rank1: Int16Array;
  /** Per trigram of three ASCII_SYMBOLS (asciiKey), its row + 1 (0: no profile lists it): one load, no hashing. */
  readonly ascii: Uint16Array;
}

// What an ASCII sample reads as after cleaning (a space, "[" to "`" and "{" to DEL, letters in lower case; control
// characters aside) as five bits each (0: none of them), and three of them as one index of 15 bits (a table of 64 kB,
// which stays in the processor's caches between documents). The profiles' trigrams of these characters are of spaces
// and "a" to "z" alone (models() checks it), so each of those has a code of its own and the other symbols share one.
const OTHER_SYMBOL = 28;
const ASCII_SYMBOL = new Uint8Array(128);
ASCII_SYMBOL[32] = 1;
for (let c = 0x5b; c < 0x80; c++) ASCII_SYMBOL[c] = c >= 0x61 && c <= 0x7a ? c - 0x5f : OTHER_SYMBOL;
const asciiKey = (a: number, b: number, c: number) => (ASCII_SYMBOL[a]! << 10) | (ASCII_SYMBOL[b]! << 5) | ASCII_SYMBOL[c]!;
const isAsciiSymbol = (c: number) => c < 128 && ASCII_SYMBOL[c]! > 0;

// A trigram as one number, looked up without slicing the text into a string per position: three code units below
// 1024 (all of Latin text) packed in 30 bits, a small integer V8 hashes fast; any other as 48 bits (exact), above 2^30.
const SMALL = 1024;
const gramKey = (a: number, b: number, c: number) =>
  a < SMALL && b < SMALL && c < SMALL ? (a << 20) | (b << 10) | c : a * 4_294_967_296 + b * 65_536 + c + 2 ** 30;
const SMALL_KEYS = 2 ** 30;

// Small keys in open addressing over typed arrays (a Map lookup per text position was most of the check's time):
// `keys` holds key + 1 (0: empty slot), `vals` the value; linear probing from a multiplicative hash.
interface SmallTable {
  readonly bits: number;
  readonly keys: Int32Array;
  readonly vals: Int32Array;
}
const newTable = (bits: number): SmallTable => ({ bits, keys: new Int32Array(2 ** bits), vals: new Int32Array(2 ** bits) });
const slotOf = (t: SmallTable, key: number) => {
  const mask = t.keys.length - 1;
  let i = Math.imul(key, 0x9e3779b1) >>> (32 - t.bits);
  while (t.keys[i] !== 0 && t.keys[i] !== key + 1) i = (i + 1) & mask;
  return i;
};

let latinModels: LatinModels | undefined;
let hits: Uint16Array | undefined;
let seen: Int32Array | undefined;
let distance: Int32Array | undefined;
function models(): LatinModels {
  if (latinModels) return latinModels;
  const langs = Object.keys(data.Latin!).filter((l) => ONLY.includes(l));
  const byGram = new Map<string, Int16Array>();
  langs.forEach((lang, k) => {
    const grams = data.Latin![lang]!.split('|');
    // franc keeps the first rank of a trigram listed twice: set from the last to the first
    for (let rank = grams.length - 1; rank >= 0; rank--) {
      let row = byGram.get(grams[rank]!);
      if (!row) byGram.set(grams[rank]!, (row = new Int16Array(langs.length).fill(-1)));
      row[k] = rank;
    }
  });
  // a text's trigrams are three code units long: a listed one of another length never matches one
  const rows = new Map<number, number>();
  // at most a quarter full
  const small = newTable(Math.max(4, Math.ceil(Math.log2(byGram.size * 4))));
  const first = new Int32Array(byGram.size + 1);
  const lang: number[] = [];
  const rank1: number[] = [];
  const ascii = new Uint16Array(1 << 15);
  let n = 0;
  for (const [gram, ranks] of byGram) {
    if (gram.length !== 3) continue;
    const [a, b, c] = [gram.charCodeAt(0), gram.charCodeAt(1), gram.charCodeAt(2)];
    const key = gramKey(a, b, c);
    const row = n++;
    if (isAsciiSymbol(a) && isAsciiSymbol(b) && isAsciiSymbol(c)) {
      if ([a, b, c].some((x) => ASCII_SYMBOL[x] === OTHER_SYMBOL))
        throw new Error(`language: a profile lists ${JSON.stringify(gram)}, which the ASCII table cannot tell apart`);
      ascii[asciiKey(a, b, c)] = row + 1;
    }
    if (key < SMALL_KEYS) {
      const i = slotOf(small, key);
      small.keys[i] = key + 1;
      small.vals[i] = row;
    } else rows.set(key, row);
    ranks.forEach((rank, k) => {
      if (rank < 0) return;
      lang.push(k);
      rank1.push(rank + 1);
    });
    first[row + 1] = lang.length;
  }
  const english = langs.indexOf('eng');
  if (n >= 0xffff) throw new Error('language: more trigram rows than the ASCII table holds');
  const built = { count: langs.length, english, rowCount: n, small, rows, first, lang: Uint8Array.from(lang), rank1: Int16Array.from(rank1), ascii };
  return (latinModels = built);
}

// The letters (\p{L}) and Latin-script characters (franc's expression) of a sample, as its two match counts would give
// them, without an array of one-character matches: ASCII letters counted in a loop (both kinds), the rest, usually
// nothing, by the expressions over what is left once each ASCII run is one space (neither kind, and it keeps apart the
// characters it stood between).
//
// How the work is cut up is for V8: each loop is a function of its own that sees one kind of input (an ASCII sample or
// another), and the functions that choose between them (letterCounts, englishLeads) hold no loop, so they run too little
// to be optimised. The loops are then optimised each once, with nothing inlined into a caller, and the first text with a
// character above ASCII, which arrives after they are optimised, meets code of its own instead of throwing theirs away.
const NON_ASCII = /[^\x00-\x7f]/;
let lastSample: string | undefined;
let lastCounts = { letters: 0, latin: 0, ascii: true };
function letterCounts(sample: string): { letters: number; latin: number; ascii: boolean } {
  if (sample === lastSample) return lastCounts;
  const ascii = asciiLetters(sample);
  const onlyAscii = !NON_ASCII.test(sample);
  lastSample = sample;
  lastCounts = onlyAscii ? { letters: ascii, latin: ascii, ascii: true } : otherLetters(sample, ascii);
  return lastCounts;
}

function asciiLetters(sample: string): number {
  let ascii = 0;
  for (let i = 0; i < sample.length; i++) if (((sample.charCodeAt(i) | 32) - 97) >>> 0 < 26) ascii++;
  return ascii;
}

/** letterCounts of a sample with a character above ASCII, `ascii` its ASCII letters. */
function otherLetters(sample: string, ascii: number): { letters: number; latin: number; ascii: boolean } {
  const rest = sample.replace(/[\x00-\x7f]+/g, ' ');
  return { letters: ascii + (rest.match(LETTERS)?.length ?? 0), latin: ascii + (rest.match(expressions.Latin!)?.length ?? 0), ascii: false };
}

// The code units franc reads of a sample, ` ${cleanForTrigrams(sample)} `, in `codes` (reused): asciiCodes for an
// ASCII sample, otherCodes for another; each returns how many. `onlySymbols` says whether they are all ASCII_SYMBOLs
// (an ASCII sample without control characters).
let codes = new Uint16Array(1024);
let onlySymbols = false;
function otherCodes(sample: string): number {
  if (codes.length < sample.length + 2) codes = new Uint16Array(2 * sample.length + 2);
  onlySymbols = false;
  const value = ` ${cleanForTrigrams(sample)} `;
  let n = 0;
  for (; n < value.length; n++) codes[n] = value.charCodeAt(n);
  return n;
}

function asciiCodes(sample: string): number {
  if (codes.length < sample.length + 2) codes = new Uint16Array(2 * sample.length + 2);
  let n = 0;
  onlySymbols = true;
  // ASCII without the three passes and their strings: a run of "!" to "@" and white space (\s and trim agree on it:
  // tab to carriage return and the space, in ASCII) is one space, none at either end, letters in lower case
  codes[n++] = 32;
  let gap = false;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c >= 0x21 && c <= 0x40) || c === 32 || (c >= 9 && c <= 13)) gap = true;
    else {
      if (gap && n > 1) codes[n++] = 32;
      gap = false;
      if (c < 32) onlySymbols = false;
      codes[n++] = c >= 65 && c <= 90 ? c | 32 : c;
    }
  }
  codes[n++] = 32;
  return n;
}

// Each listed trigram's count in the text, in `hits` (kept between calls, zeroed again by englishFirst), its row in
// `seen` once; a trigram no profile lists costs every language the same, so it is not counted at all. Both return how
// many rows they saw.
function symbolTrigrams(length: number, ascii: Uint16Array, hits: Uint16Array, seen: Int32Array): number {
  let seenCount = 0;
  // the trigram at i as the last 15 bits of a running index, one symbol shifted in per position
  let key = length >= 2 ? asciiKey(0, codes[0]!, codes[1]!) : 0;
  for (let i = 2; i < length; i++) {
    key = ((key << 5) | ASCII_SYMBOL[codes[i]!]!) & 0x7fff;
    const row1 = ascii[key]!;
    if (row1 !== 0 && hits[row1 - 1]!++ === 0) seen[seenCount++] = row1 - 1;
  }
  return seenCount;
}

function anyTrigrams(length: number, small: SmallTable, rows: ReadonlyMap<number, number>, hits: Uint16Array, seen: Int32Array): number {
  let seenCount = 0;
  for (let i = 0; i + 3 <= length; i++) {
    const gram = gramKey(codes[i]!, codes[i + 1]!, codes[i + 2]!);
    let row: number | undefined;
    if (gram < SMALL_KEYS) {
      const slot = slotOf(small, gram);
      if (small.keys[slot] !== 0) row = small.vals[slot]!;
    } else row = rows.get(gram);
    if (row !== undefined && hits[row]!++ === 0) seen[seenCount++] = row;
  }
  return seenCount;
}

// franc's distance of a language: over the text's distinct trigrams, |count - rank - 1| for one its profile lists,
// MAX_DIFFERENCE for any other. Every language pays MAX_DIFFERENCE for each trigram first, the same sum for all, so
// only what a listed trigram takes off it (|count - rank - 1| - MAX_DIFFERENCE) tells them apart: summed over the
// listings alone, in integers (exact, as franc's sums are). True when no language is closer than English.
function englishFirst(m: LatinModels, seenCount: number, hits: Uint16Array, seen: Int32Array): boolean {
  const { count, english, first, lang, rank1 } = m;
  distance = distance?.length === count ? distance.fill(0) : new Int32Array(count);
  for (let k = 0; k < seenCount; k++) {
    const row = seen[k]!;
    const n = hits[row]!;
    hits[row] = 0;
    for (let j = first[row]!, end = first[row + 1]!; j < end; j++) distance[lang[j]!]! += Math.abs(n - rank1[j]!) - MAX_DIFFERENCE;
  }
  const eng = distance[english]!;
  for (let k = 0; k < count; k++) if (distance[k]! < eng) return false;
  return true;
}

/**
 * True when franc would rank English first or level with the first (so notEnglish answers null): the text is mostly
 * Latin letters (franc then compares the Latin-script languages only) and no language's trigram distance is below
 * English's. False means "ask franc".
 */
function englishLeads(sample: string): boolean {
  // scripts are disjoint, so a script with more than half the characters is the one franc picks
  const counts = letterCounts(sample);
  if (counts.latin * 2 <= sample.length) return false;
  const length = counts.ascii ? asciiCodes(sample) : otherCodes(sample);
  const m = models();
  hits ??= new Uint16Array(m.rowCount);
  seen ??= new Int32Array(m.rowCount);
  const seenCount = onlySymbols ? symbolTrigrams(length, m.ascii, hits, seen) : anyTrigrams(length, m.small, m.rows, hits, seen);
  return englishFirst(m, seenCount, hits, seen);
}

/**
 * The ISO 639-3 code of the text's language when it is confidently not English, else null. `francOnly` skips the
 * English shortcut (the test holds both ways equal).
 */
export function notEnglish(text: string, francOnly = false): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  if (letterCounts(sample).letters < MIN_LETTERS) return null;
  if (!francOnly && englishLeads(sample)) return null;
  const ranked = francAll(sample, { minLength: MIN_LETTERS, only: ONLY });
  const [best, score] = ranked[0] ?? ['und', 0];
  if (best === 'eng' || best === 'und') return null;
  const english = ranked.find(([code]) => code === 'eng')?.[1] ?? 0;
  return english >= ENGLISH_TIE * score ? null : best;
}

/** The record's warning for a text in another language. */
export function languageWarning(text: string): string | null {
  const code = notEnglish(text);
  if (!code) return null;
  let name = code;
  try {
    name = (names ??= new Intl.DisplayNames(['en'], { type: 'language' })).of(code) ?? code;
  } catch {
    // a code Intl does not know: the code alone
  }
  return `language: the text looks like ${name} (${code}); the rules read English, so fields may be missing`;
}
