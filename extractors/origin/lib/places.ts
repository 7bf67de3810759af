// Where a text names a country for the origin rules: country names, demonyms and capitals used as
// metonyms ("linked to Moscow"), found once per document and shared by every origin rule.
// Coder write-ups often lower-case demonyms ("an indian hacker group"), so demonyms match in any case;
// names match in any case only when the lower-case form is not also an ordinary word.
import type { AnalysedDoc } from '../../_shared/kit.ts';
import { classAt, findRuns, LETTERS_MARKS } from '../../_shared/char-classes.ts';
import { COUNTRY_BY_DEMONYM, COUNTRY_BY_NAME } from '../../_shared/countries.ts';
import { worldCountries } from '../../_shared/world-data.ts';
import { wordList } from '../../_shared/lexicon.ts';
import { builtTable } from '../../_shared/built-table.ts';
import { byWidth } from '../../_shared/one-byte.ts';

export type PlaceKind = 'name' | 'demonym' | 'capital';
export interface Place {
  readonly start: number;
  readonly end: number;
  readonly code: string;
  readonly kind: PlaceKind;
  /** Written as the gazetteer spells it (capitalised), not a lower-case variant. */
  readonly exact: boolean;
}

// Demonyms news uses that the packages spell otherwise or only inside "A, B" pairs; the packages also give
// "American" and "French" to territories first (MP, TF), which would send every American or French group abroad.
const EXTRA_DEMONYMS: Record<string, string> = {
  American: 'US',
  French: 'FR',
  Kazakh: 'KZ',
  Uzbek: 'UZ',
  Tajik: 'TJ',
  Kyrgyz: 'KG',
  Azeri: 'AZ',
  Argentinian: 'AR',
  Belarussian: 'BY',
  Slovenian: 'SI',
  Slovakian: 'SK',
  Bosnian: 'BA',
  Serb: 'RS',
  Brit: 'GB',
  Ukranian: 'UA',
  Vietnamese: 'VN',
  Lao: 'LA',
  Emirati: 'AE',
};
// Government metonyms: the seat of power standing for the state.
const METONYMS: Record<string, string> = { Kremlin: 'RU' };
// Names that are ordinary words or other places when written as the packages spell them.
const NEVER = new Set(['Island', 'Jersey', 'Mann', 'Mannin', 'Guam', 'Georgia', 'Guiana', 'Macau', 'Macao']);
type Hit = { code: string; kind: PlaceKind };
/** A hash of the UTF-16 units of s[start, end). */
function hashOf(s: string, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}
/** The tables below as entries, in insertion order: the names as written, their lower-case forms, the keys by first word. */
function computePlaceTable(): {
  table: [string, Hit][];
  lower: [string, Hit][];
  bucketBits: number;
  firstWords: [slot: number, first: string, keys: string[]][];
  sigma: boolean;
} {
  const table = new Map<string, Hit>();
  const add = (word: string, code: string, kind: PlaceKind) => {
    if (!word || NEVER.has(word) || table.has(word)) return;
    table.set(word, { code, kind });
  };
  for (const [d, code] of Object.entries(EXTRA_DEMONYMS)) add(d, code, 'demonym');
  for (const [d, code] of COUNTRY_BY_DEMONYM) for (const part of d.split(/,\s*|\s+or\s+/)) add(part, code, 'demonym');
  for (const [n, code] of COUNTRY_BY_NAME) add(n, code, 'name');
  for (const c of worldCountries()) for (const cap of c.capital ?? []) if (/^[A-Z][a-z]+(?: [A-Z][a-z]+)?$/.test(cap)) add(cap, c.cca2, 'capital');
  for (const [m, code] of Object.entries(METONYMS)) add(m, code, 'capital');

  // Lower-case forms that are ordinary English words.
  const notLower = new Set(wordList('origin-not-lower-places'));
  const lower = new Map<string, Hit>();
  for (const [w, v] of table) {
    const l = w.toLowerCase();
    if (v.kind === 'capital' || /^[A-Z.]+$/.test(w) || notLower.has(l) || lower.has(l)) continue;
    lower.set(l, v);
  }

  // Indexed by lower-cased first word: looking each word up in a map is far cheaper than one case-insensitive
  // regex alternation of a thousand names.
  const byFirstWord = new Map<string, string[]>();
  // (made here, where the build alone comes: a start that reads the built table parses no \p{…} class)
  const FIRST_WORD = new RegExp(String.raw`^[\p{L}\p{M}]+`, 'u');
  for (const key of new Set([...table.keys(), ...lower.keys()].map((k) => k.toLowerCase()))) {
    const first = FIRST_WORD.exec(key)?.[0];
    if (!first) continue;
    const list = byFirstWord.get(first) ?? [];
    list.push(key);
    byFirstWord.set(first, list);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.length - a.length);
  // The first words by a hash of their UTF-16 units, so a word of the text is looked up without cutting it out as a string
  // (the hash only narrows the search: the word is then compared with each first word in its slot); sparse (a sixteenth
  // of the slots used at most), so most words of a text land in an empty one
  let bucketBits = 4;
  while (1 << bucketBits < 16 * byFirstWord.size) bucketBits++;
  const mask = (1 << bucketBits) - 1;
  const firstWords = [...byFirstWord].map(([first, keys]): [number, string, string[]] => [hashOf(first, 0, first.length) & mask, first, keys]);
  // A sigma lower-cases by its context, so a text lower-cased whole may differ from its words lower-cased one by one there.
  const sigma = [...byFirstWord.values()].some((list) => list.some((k) => /[σς]/.test(k)));
  return { table: [...table], lower: [...lower], bucketBits, firstWords, sigma };
}
/** Built once by the build (built-table.ts).
 * @public read by scripts/build-assets.mjs from the compiled module */
export const PLACE_TABLE = builtTable(import.meta.url, computePlaceTable);
const table = new Map(PLACE_TABLE.value.table);
const lower = new Map(PLACE_TABLE.value.lower);
type FirstWord = { readonly first: string; readonly keys: readonly string[] };
const BUCKET_MASK = (1 << PLACE_TABLE.value.bucketBits) - 1;
const buckets: (FirstWord[] | undefined)[] = new Array(BUCKET_MASK + 1).fill(undefined);
// one bit per bucket, set when it holds a first word: a few kilobytes that stay in the processor's cache, where the buckets
// do not, so the word of a text that lands in an empty bucket (most do) is passed over without reading the buckets
const USED = new Int32Array((BUCKET_MASK >> 5) + 1);
// (an indexed loop: run once, at load, in the interpreter, where a destructuring for-of walks the iterator protocol per row)
const FIRST_WORDS = PLACE_TABLE.value.firstWords;
for (let i = 0; i < FIRST_WORDS.length; i++) {
  const row = FIRST_WORDS[i]!;
  const slot = row[0];
  (buckets[slot] ??= []).push({ first: row[1], keys: row[2] });
  USED[slot >> 5]! |= 1 << (slot & 31);
}
/** The keys whose first word is s[start, end), or undefined. */
function keysAt(s: string, start: number, end: number): readonly string[] | undefined {
  return keysOf(hashOf(s, start, end), s, start, end);
}
/** keysAt with the hash of s[start, end) given. */
function keysOf(hash: number, s: string, start: number, end: number): readonly string[] | undefined {
  const slot = hash & BUCKET_MASK;
  if (!(USED[slot >> 5]! & (1 << (slot & 31)))) return undefined;
  const list = buckets[slot]!;
  for (let i = 0; i < list.length; i++) {
    const { first, keys } = list[i]!;
    if (first.length === end - start && s.startsWith(first, start)) return keys;
  }
  return undefined;
}
const SIGMA_IN_NAMES = PLACE_TABLE.value.sigma;
const NUMBER_BEFORE = byWidth(String.raw`\p{N}`, 'u');
const BOUNDARY_AFTER = byWidth(String.raw`^(?:$|[^\p{L}\p{N}.]|\.(?!\p{L}))`, 'u');
// Every origin rule asks for the same mentions; one scan per document serves them all.
/** Every country name, demonym or capital in the document, in text order. */
export function places(doc: AnalysedDoc): readonly Place[] {
  return doc.once('origin/places', () => findPlaces(doc));
}

// The words are the document's runs of letters and marks (as /[\p{L}\p{M}]+/gu finds them); after a place the scan goes
// on right after its name, inside a run when the name ends before its marks. Names are compared with the text lower-cased
// once: it lower-cases as its parts do unless a letter lower-cases to two ("İ") or a name holds a
// sigma, and then each candidate is lower-cased on its own.
function findPlaces(doc: AnalysedDoc): readonly Place[] {
  const text = doc.text;
  const lowered = text.toLowerCase();
  if (lowered.length !== text.length || SIGMA_IN_NAMES) return findPlacesByRuns(text);
  const out: Place[] = [];
  let from = 0;
  // (the walk over the characters and the look-ups of the few words it stops at are two functions: V8 optimises each on
  // its own, two small compiles instead of one large one made twice, mid-walk and again when findPlaces is hot)
  for (let i = 0; (i = nextWord(text, lowered, i, from)) >= 0; ) {
    const keys = keysOf(wordHash, lowered, wordAt, i);
    if (keys) from = placeAt(text, lowered, true, wordAt, keys, out, i) ?? from;
  }
  return out;
}

// the word nextWord stopped at: where it starts (or `from`, when that is inside it) and the hash of its lower-cased units
let wordAt = 0;
let wordHash = 0;
/**
 * One walk over the text from `i`: a word's hash is summed as its characters go by, so a word is read once, not once to
 * find its bounds (findRuns) and again to hash it; a word cut by the last place (`from`) is hashed again from there. Stops
 * at the end of the first word after `from` whose hash lands in a used bucket (wordAt, wordHash); -1 at the text's end.
 */
function nextWord(text: string, lowered: string, i: number, from: number): number {
  const n = text.length;
  let start = -1;
  let h = 0;
  for (;;) {
    let width = 1;
    let inRun = false;
    if (i < n) {
      // (letters and marks by their class, ASCII or not: one path for every character of one byte)
      inRun = (classAt(text, i) & LETTERS_MARKS) !== 0;
      if (text.charCodeAt(i) >= 0xd800 && text.codePointAt(i)! > 0xffff) width = 2;
    }
    if (inRun) {
      if (start < 0) {
        start = i;
        h = 0;
      }
      h = (Math.imul(h, 31) + lowered.charCodeAt(i)) | 0;
      if (width === 2) h = (Math.imul(h, 31) + lowered.charCodeAt(i + 1)) | 0;
      i += width;
      continue;
    }
    if (start >= 0 && i > from) {
      const at = Math.max(start, from);
      const hash = at === start ? h : hashOf(lowered, at, i);
      const slot = hash & BUCKET_MASK;
      if (USED[slot >> 5]! & (1 << (slot & 31))) {
        wordAt = at;
        wordHash = hash;
        return i;
      }
    }
    start = -1;
    if (i >= n) return -1;
    i += width;
  }
}

/** findPlaces by the runs of findRuns, each word lower-cased on its own: for a text that lower-cases to another length. */
function findPlacesByRuns(text: string): readonly Place[] {
  const out: Place[] = [];
  let from = 0;
  const runs = findRuns(text, LETTERS_MARKS);
  for (let i = 0; i < runs.length; i += 2) {
    const end = runs[i + 1]!;
    if (end <= from) continue;
    const start = Math.max(runs[i]!, from);
    const word = text.slice(start, end).toLowerCase();
    const keys = keysAt(word, 0, word.length);
    if (keys) from = placeAt(text, '', false, start, keys, out) ?? from;
  }
  return out;
}

/**
 * The place whose key opens text at `start`, pushed to `out`; its end, or undefined for none. With the text lower-cased
 * whole (`same`), `wordEnd` ends the first word there.
 */
function placeAt(text: string, lowered: string, same: boolean, start: number, keys: readonly string[], out: Place[], wordEnd = start): number | undefined {
  // the unit after the first word's following one (the second word's first letter) tells most keys of a first word apart: a
  // key longer than that which holds another unit there cannot open the text at `start` (startsWith would say no), so it is
  // passed over without the call; "the" opens eleven keys and some 20 times a text ("the gambia" at "the attack": "a" is no "g")
  // (-1 past the text's end, where charCodeAt would give NaN: neither equals a key's unit, and a read out of bounds would throw
  // V8's optimised code away at the first text that ends on a word that opens a key)
  const second = wordEnd - start + 1;
  const unit = same && start + second < lowered.length ? lowered.charCodeAt(start + second) : -1;
  for (const key of keys) {
    if (same && key.length > second && key.charCodeAt(second) !== unit) continue;
    if (same ? !lowered.startsWith(key, start) : text.substr(start, key.length).toLowerCase() !== key) continue;
    if (!BOUNDARY_AFTER(text).test(text.slice(start + key.length, start + key.length + 2))) continue;
    const exact = table.get(text.substr(start, key.length));
    // (looked up either way: a look-up first run after V8 optimised the scan would throw its optimised code away)
    const folded = lower.get(key);
    const hit = exact ?? folded;
    if (!hit) continue;
    // a word glued to a number ("4Chinese") names no place (asked last: most words that open a key open none here)
    if (start > 0 && NUMBER_BEFORE(text).test(text[start - 1]!)) return undefined;
    out.push({ start, end: start + key.length, code: hit.code, kind: hit.kind, exact: !!exact });
    return start + key.length;
  }
  return undefined;
}
