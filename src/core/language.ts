// Which language a text is in, so a record from text the rules cannot read says so (the rules are English).
// franc-min: trigram profiles of 82 languages, pure JS, maintained; a sample is enough to tell a language.
// Almost every text is English, and franc's answer for it is only "not another language": that is worked out here
// from franc's own data with the same arithmetic in one pass over the text's trigrams (franc itself looks each trigram
// up once per language, about a sixth of the processor's time), and franc runs only when English does not lead.
import { createRequire } from 'node:module';
import type { francAll as FrancAll } from 'franc-min';
import type { data as FrancData } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';
import { builtTable, type BuiltTable } from '../../extractors/_shared/built-table.ts';
import { byteTable, classAt, LETTER } from '../../extractors/_shared/char-classes.ts';
import { fromView, toView } from '../../extractors/_shared/one-byte.ts';

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

/** The models as plain data: what the build writes beside the compiled module (built-table.ts), and models() reads. */
interface ModelData {
  readonly count: number;
  readonly english: number;
  readonly rowCount: number;
  /** The small table's size (2^bits) and its filled slots as (slot, key + 1, row) triples. */
  readonly bits: number;
  readonly small: readonly number[];
  /** (key, row) pairs of the other trigrams. */
  readonly rows: readonly number[];
  readonly first: readonly number[];
  readonly lang: readonly number[];
  readonly rank1: readonly number[];
  /** The ASCII table's filled places as (index, row + 1) pairs. */
  readonly ascii: readonly number[];
}

// Computed from franc's profiles by the build and read from its JSON on the first text (built in code that runs once,
// cold, they took ~15 ms of it); not at load, which a run of no text would pay for nothing.
let languageTable: BuiltTable<ModelData> | undefined;
export const LANGUAGE_TABLE = (): BuiltTable<ModelData> => (languageTable ??= builtTable(import.meta.url, computeModels));

function computeModels(): ModelData {
  // franc's profiles (100 kB of code), read only here: out of the engine bundle, which reads the build's table
  const { data } = createRequire(import.meta.url)('franc-min/data.js') as { data: typeof FrancData };
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
  const english = langs.indexOf('eng');
  // a text's trigrams are three code units long: a listed one of another length never matches one. English's
  // trigrams come first, by rank: the rows an English text counts are then a few neighbouring cache lines of each table.
  const listed = [...byGram].filter(([gram]) => gram.length === 3);
  const order = (ranks: Int16Array) => (ranks[english]! >= 0 ? ranks[english]! : 0x8000);
  listed.sort((a, b) => order(a[1]) - order(b[1]));
  const rows: number[] = [];
  // at most a quarter full
  const small = newTable(Math.max(4, Math.ceil(Math.log2(byGram.size * 4))));
  const first = [0];
  const lang: number[] = [];
  const rank1: number[] = [];
  const ascii: number[] = [];
  let n = 0;
  for (const [gram, ranks] of listed) {
    const [a, b, c] = [gram.charCodeAt(0), gram.charCodeAt(1), gram.charCodeAt(2)];
    const key = gramKey(a, b, c);
    const row = n++;
    if (isAsciiSymbol(a) && isAsciiSymbol(b) && isAsciiSymbol(c)) {
      if ([a, b, c].some((x) => ASCII_SYMBOL[x] === OTHER_SYMBOL))
        throw new Error(`language: a profile lists ${JSON.stringify(gram)}, which the ASCII table cannot tell apart`);
      ascii.push(asciiKey(a, b, c), row + 1);
    }
    if (key < SMALL_KEYS) {
      const i = slotOf(small, key);
      small.keys[i] = key + 1;
      small.vals[i] = row;
    } else rows.push(key, row);
    ranks.forEach((rank, k) => {
      if (rank < 0) return;
      lang.push(k);
      rank1.push(rank + 1);
    });
    first.push(lang.length);
  }
  if (n >= 0xffff) throw new Error('language: more trigram rows than the ASCII table holds');
  const slots: number[] = [];
  small.keys.forEach((key1, i) => {
    if (key1 !== 0) slots.push(i, key1, small.vals[i]!);
  });
  return { count: langs.length, english, rowCount: n, bits: small.bits, small: slots, rows, first, lang, rank1, ascii };
}

let latinModels: LatinModels | undefined;
let hits: Uint16Array | undefined;
let seen: Int32Array | undefined;
let distance: Int32Array | undefined;
function models(): LatinModels {
  if (latinModels) return latinModels;
  const d = LANGUAGE_TABLE().value;
  const small = newTable(d.bits);
  for (let i = 0; i < d.small.length; i += 3) {
    small.keys[d.small[i]!] = d.small[i + 1]!;
    small.vals[d.small[i]!] = d.small[i + 2]!;
  }
  const rows = new Map<number, number>();
  // (d.rows holds keys above 2^31, so JSON.parse gives an array of doubles: `| 0` stores each row as a small integer,
  // which byteTrigrams' optimised code expects of every row; a boxed one threw it away on a text's first wide trigram)
  for (let i = 0; i < d.rows.length; i += 2) rows.set(d.rows[i]!, d.rows[i + 1]! | 0);
  const ascii = new Uint16Array(1 << 15);
  for (let i = 0; i < d.ascii.length; i += 2) ascii[d.ascii[i]!] = d.ascii[i + 1]!;
  const { count, english, rowCount } = d;
  const built = {
    count,
    english,
    rowCount,
    small,
    rows,
    first: Int32Array.from(d.first),
    lang: Uint8Array.from(d.lang),
    rank1: Int16Array.from(d.rank1),
    ascii,
  };
  return (latinModels = built);
}

// The letters (\p{L}) and Latin-script characters (franc's expression) of a sample as its two match counts give them,
// for a sample with a character above U+00FF (the one-byte samples are counted by table, below).
function letterCounts(sample: string): { letters: number; latin: number } {
  let ascii = 0;
  for (let i = 0; i < sample.length; i++) if (((sample.charCodeAt(i) | 32) - 97) >>> 0 < 26) ascii++;
  const rest = sample.replace(/[\x00-\x7f]+/g, ' ');
  return { letters: ascii + (rest.match(LETTERS)?.length ?? 0), latin: ascii + (rest.match(expressions.Latin!)?.length ?? 0) };
}

// What a sample's one-byte view (extractors/_shared/one-byte.ts) holds, read one code unit at a time: the letters and
// Latin-script characters, and the trigrams franc reads of ` ${cleanForTrigrams(sample)} ` (white space and "!" to "@"
// runs one space, none at either end, letters in lower case), counted as they are made, with no string or array of
// them. The view's stand-ins are read as the characters they stand for (a profile lists a trigram with ’). Two loops: an
// ASCII sample (most) on the ASCII table, any other of one byte a character through gramKey; a sample of two bytes a
// character goes the way of the stored text (otherSample).

/** Per ASCII code unit: GAP (white space, "!" to "@"), its ASCII_SYMBOL in lower case, or 0 (a control character). */
const GAP = 31;
const ASCII_SYMBOL_LOWER = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 0x21 && c <= 0x40) || c === 32 || (c >= 9 && c <= 13)) ASCII_SYMBOL_LOWER[c] = GAP;
  else if (c >= 65 && c <= 90) ASCII_SYMBOL_LOWER[c] = ASCII_SYMBOL[c | 32]!;
  else if (c >= 32) ASCII_SYMBOL_LOWER[c] = ASCII_SYMBOL[c]!;
}
const SPACE_SYMBOL = ASCII_SYMBOL[32]!;

// the counts of the last one-byte sample read
let sampleLetters = 0;
let sampleLatin = 0;

/** Clears the counts of rows seen (englishFirst clears those it reads). */
const clearRows = (hits: Uint16Array, seen: Int32Array, seenCount: number) => {
  for (let k = 0; k < seenCount; k++) hits[seen[k]!] = 0;
};

// the rows a sample counted before asciiTrigrams or byteTrigrams gave it up (-1), which the caller clears: a call or any
// arithmetic on that way out, first taken by a document's first such sample, threw away the loop's optimised code
let stoppedRows = 0;

/** The rows an ASCII sample of ASCII_SYMBOLs counts (letters in sampleLetters), or -1 for any other sample (stoppedRows). */
function asciiTrigrams(sample: string, ascii: Uint16Array, hits: Uint16Array, seen: Int32Array): number {
  let seenCount = 0;
  let letters = 0;
  // the trigram ending at the last code made, as the last 15 bits of a running index; `made` codes so far
  let key = SPACE_SYMBOL;
  let made = 1;
  let gap = false;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    const s = c < 128 ? ASCII_SYMBOL_LOWER[c]! : 0;
    if (s === GAP) gap = true;
    else if (s === 0) {
      stoppedRows = seenCount;
      return -1;
    } else {
      if (gap && made > 1) {
        key = ((key << 5) | SPACE_SYMBOL) & 0x7fff;
        if (++made >= 3) seenCount = countGram(ascii[key]! - 1, hits, seen, seenCount);
      }
      gap = false;
      if (s !== OTHER_SYMBOL) letters++;
      key = ((key << 5) | s) & 0x7fff;
      if (++made >= 3) seenCount = countGram(ascii[key]! - 1, hits, seen, seenCount);
    }
  }
  key = ((key << 5) | SPACE_SYMBOL) & 0x7fff;
  if (++made >= 3) seenCount = countGram(ascii[key]! - 1, hits, seen, seenCount);
  sampleLetters = letters;
  sampleLatin = letters;
  return seenCount;
}

// Per one-byte code unit: the code franc reads for it (in lower case; a stand-in as the character it stands for; GAP_CODE:
// white space or "!" to "@"), and whether it is a letter (LETTER_BIT) and of Latin script (LATIN_BIT).
const GAP_CODE = 0xffff;
const LETTER_BIT = 1;
const LATIN_BIT = 2;
let byteCodes: Uint16Array | undefined;
let byteKinds: Uint8Array | undefined;
function byteTables(): void {
  byteCodes = new Uint16Array(256);
  byteKinds = byteTable((c) => {
    const ch = String.fromCharCode(c);
    byteCodes![c] = (c >= 0x21 && c <= 0x40) || /\s/.test(ch) ? GAP_CODE : fromView(ch).toLowerCase().charCodeAt(0);
    return (classAt(ch, 0) & LETTER ? LETTER_BIT : 0) | (ch.match(expressions.Latin!) ? LATIN_BIT : 0);
  });
}

/** The row of a trigram's key, or -1. */
const rowOf = (gram: number, small: SmallTable, rows: ReadonlyMap<number, number>): number => {
  if (gram < SMALL_KEYS) {
    const slot = slotOf(small, gram);
    return small.keys[slot] !== 0 ? small.vals[slot]! : -1;
  }
  return rows.get(gram) ?? -1;
};

/** One trigram's count (its row, -1: none listed); returns the rows seen. */
const countGram = (row: number, hits: Uint16Array, seen: Int32Array, seenCount: number): number => {
  if (row >= 0 && hits[row]!++ === 0) seen[seenCount++] = row;
  return seenCount;
};

/** The rows a sample of one byte a character counts (letters in sampleLetters and sampleLatin), or -1 for another (stoppedRows). */
function byteTrigrams(sample: string, m: LatinModels, hits: Uint16Array, seen: Int32Array): number {
  if (!byteCodes) byteTables();
  const codes = byteCodes!;
  const kinds = byteKinds!;
  const { small, rows } = m;
  let seenCount = 0;
  let letters = 0;
  let latin = 0;
  // the last two codes made, `made` codes so far
  let a = 0;
  let b = 32;
  let made = 1;
  let gap = false;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c > 0xff) {
      stoppedRows = seenCount;
      return -1;
    }
    const code = codes[c]!;
    if (code === GAP_CODE) {
      gap = true;
      continue;
    }
    const kind = kinds[c]!;
    letters += kind & LETTER_BIT;
    latin += kind >> 1;
    if (gap && made > 1) {
      if (++made >= 3) seenCount = countGram(rowOf(gramKey(a, b, 32), small, rows), hits, seen, seenCount);
      a = b;
      b = 32;
    }
    gap = false;
    if (++made >= 3) seenCount = countGram(rowOf(gramKey(a, b, code), small, rows), hits, seen, seenCount);
    a = b;
    b = code;
  }
  if (++made >= 3) seenCount = countGram(rowOf(gramKey(a, b, 32), small, rows), hits, seen, seenCount);
  sampleLetters = letters;
  sampleLatin = latin;
  return seenCount;
}

/** anyTrigrams' rows of a sample of two bytes a character, read as franc reads it (letters in sampleLetters and sampleLatin). */
function otherSample(sample: string, m: LatinModels, hits: Uint16Array, seen: Int32Array): number {
  const counts = letterCounts(sample);
  sampleLetters = counts.letters;
  sampleLatin = counts.latin;
  const value = ` ${cleanForTrigrams(sample)} `;
  let seenCount = 0;
  for (let i = 0; i + 3 <= value.length; i++) {
    const row = rowOf(gramKey(value.charCodeAt(i), value.charCodeAt(i + 1), value.charCodeAt(i + 2)), m.small, m.rows);
    seenCount = countGram(row, hits, seen, seenCount);
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

/** What the English shortcut says of a sample: too few letters to tell (no warning), English leads, or ask franc. */
const FEW = 0;
const ENGLISH = 1;
const ASK = 2;

/**
 * FEW below MIN_LETTERS letters; ENGLISH when franc would rank English first or level with the first (so notEnglish
 * answers null): the text is mostly Latin letters (franc then compares the Latin-script languages only) and no
 * language's trigram distance is below English's; else ASK. `view` is the sample's one-byte view (the sample itself
 * when it has none).
 */
function shortcut(sample: string, view: string): number {
  const m = models();
  const h = (hits ??= new Uint16Array(m.rowCount));
  const s = (seen ??= new Int32Array(m.rowCount));
  let seenCount = asciiTrigrams(view, m.ascii, h, s);
  if (seenCount < 0) {
    clearRows(h, s, stoppedRows);
    seenCount = byteTrigrams(view, m, h, s);
  }
  if (seenCount < 0) {
    clearRows(h, s, stoppedRows);
    seenCount = otherSample(sample, m, h, s);
  }
  if (sampleLetters < MIN_LETTERS) {
    clearRows(h, s, seenCount);
    return FEW;
  }
  // scripts are disjoint, so a script with more than half the characters is the one franc picks
  if (sampleLatin * 2 <= sample.length) {
    clearRows(h, s, seenCount);
    return ASK;
  }
  return englishFirst(m, seenCount, h, s) ? ENGLISH : ASK;
}

/**
 * The ISO 639-3 code of the text's language when it is confidently not English, else null. `francOnly` skips the
 * English shortcut (the test holds both ways equal). `view` is the text's one-byte view (analyse: the same answer, read
 * without a second compilation of anything for text of two bytes a character).
 */
export function notEnglish(text: string, francOnly = false, view?: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  const answer = francOnly ? (letterCounts(sample).letters < MIN_LETTERS ? FEW : ASK) : shortcut(sample, view?.slice(0, SAMPLE_CHARS) ?? toView(sample));
  if (answer !== ASK) return null;
  const ranked = francAll(sample, { minLength: MIN_LETTERS, only: ONLY });
  const [best, score] = ranked[0] ?? ['und', 0];
  if (best === 'eng' || best === 'und') return null;
  const english = ranked.find(([code]) => code === 'eng')?.[1] ?? 0;
  return english >= ENGLISH_TIE * score ? null : best;
}

/** The record's warning for a text in another language. */
export function languageWarning(text: string, view?: string): string | null {
  const code = notEnglish(text, false, view);
  if (!code) return null;
  let name = code;
  try {
    name = (names ??= new Intl.DisplayNames(['en'], { type: 'language' })).of(code) ?? code;
  } catch {
    // a code Intl does not know: the code alone
  }
  return `language: the text looks like ${name} (${code}); the rules read English, so fields may be missing`;
}
