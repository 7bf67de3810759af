// compromise's lexicon (a word, lower-cased, to its part-of-speech tags: "chad" → MaleName), the one part of
// compromise the rules read. The build writes it beside the compiled code packed (scripts/build-assets.mjs): the words
// as one string, where each starts, a hash table of slots and each word's tags as a number, read as a few typed arrays
// over the file's bytes. Parsed as JSON it was ~25k property names made and hashed one by one, a fifth of loading
// the processor, for the ~20 words a document asks about; from the sources it is packed from compromise itself.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** A word's tags as compromise's lexicon gives them: one tag, or several. Shared between words: not to be changed. */
export type Tags = string | string[];
type Lexicon = Readonly<Record<string, Tags>>;

/** The lexicon packed. Words are written in Latin-1 (one byte a character); the few that are not go in `wide`. */
interface Packed {
  /** The Latin-1 words, one after another. */
  readonly words: string;
  /** Where word i starts in `words` (and ends, at starts[i + 1]). */
  readonly starts: Int32Array;
  /** Word i's tags, as an index in `tagSets`. */
  readonly tagsOf: Uint16Array;
  /** A hash table of the words (hashOf, linear probing): 1 + a word's index, or 0 for an empty slot. */
  readonly slots: Int32Array;
  readonly tagSets: Tags[];
  readonly wide: ReadonlyMap<string, Tags>;
}

// where the build puts the packed lexicon: beside this module in dist/
const PACKED_FILE = new URL('./compromise-lexicon.bin', import.meta.url);
const LATIN1_MAX = 0xff;

/** The lexicon of compromise's one-file CommonJS build (test/word-tags.test.ts holds it equal to its ES modules'). */
function compromiseLexicon(): Lexicon {
  const nlp = createRequire(import.meta.url)('compromise') as { model(): { one: { lexicon: Lexicon } } };
  return nlp.model().one.lexicon;
}

function hashOf(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) | 0;
  return h;
}

/** compromise's lexicon, packed. */
function pack(lexicon: Lexicon = compromiseLexicon()): Packed {
  const tagSets: Tags[] = [];
  const setIndex = new Map<string, number>();
  const indexOf = (tags: Tags) => {
    const key = JSON.stringify(tags);
    let i = setIndex.get(key);
    if (i === undefined) setIndex.set(key, (i = tagSets.push(tags) - 1));
    return i;
  };
  const isWide = (w: string) => [...w].some((c) => c.charCodeAt(0) > LATIN1_MAX);
  const narrow = Object.keys(lexicon).filter((w) => !isWide(w));
  const wide = new Map(Object.keys(lexicon).flatMap((w): [string, Tags][] => (isWide(w) ? [[w, lexicon[w]!]] : [])));
  const starts = new Int32Array(narrow.length + 1);
  const tagsOf = new Uint16Array(narrow.length);
  let bits = 4;
  while (1 << bits < 2 * narrow.length) bits++;
  const slots = new Int32Array(1 << bits);
  const mask = slots.length - 1;
  narrow.forEach((w, i) => {
    starts[i + 1] = starts[i]! + w.length;
    tagsOf[i] = indexOf(lexicon[w]!);
    let slot = hashOf(w) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = i + 1;
  });
  return { words: narrow.join(''), starts, tagsOf, slots, tagSets, wide };
}

// The file: five 32-bit counts (words, slots, bytes of the words, bytes of the JSON, 0), then starts, slots, tagsOf
// and the words' Latin-1 bytes, each padded to 4 bytes, then { tagSets, wide } as JSON.
const pad4 = (n: number) => (n + 3) & ~3;

/** The packed lexicon as the file the build writes.
 * @public read by scripts/build-assets.mjs from the compiled module */
export function packedLexiconFile(): { file: URL; bytes: Buffer } {
  const p = pack();
  const json = Buffer.from(JSON.stringify({ tagSets: p.tagSets, wide: [...p.wide] }), 'utf8');
  const n = p.tagsOf.length;
  const parts = [
    Buffer.from(new Int32Array([n, p.slots.length, p.words.length, json.length, 0]).buffer),
    Buffer.from(p.starts.buffer),
    Buffer.from(p.slots.buffer),
    Buffer.alloc(pad4(2 * n)),
    Buffer.alloc(pad4(p.words.length)),
    json,
  ];
  Buffer.from(p.tagsOf.buffer).copy(parts[3]!);
  parts[4]!.write(p.words, 'latin1');
  return { file: PACKED_FILE, bytes: Buffer.concat(parts) };
}

/** The file packedLexiconFile writes, read back. */
function unpack(file: Buffer): Packed {
  // typed arrays over the bytes need them 4-aligned in their buffer: a file read whole has its own, from 0
  const b = file.byteOffset % 4 === 0 ? file : Buffer.from(file);
  const [n, slotCount, wordChars, jsonBytes] = new Int32Array(b.buffer, b.byteOffset, 5) as unknown as number[];
  let at = 20;
  const starts = new Int32Array(b.buffer, b.byteOffset + at, n! + 1);
  at += 4 * (n! + 1);
  const slots = new Int32Array(b.buffer, b.byteOffset + at, slotCount);
  at += 4 * slotCount!;
  const tagsOf = new Uint16Array(b.buffer, b.byteOffset + at, n);
  at += pad4(2 * n!);
  const words = b.toString('latin1', at, at + wordChars!);
  at += pad4(wordChars!);
  const { tagSets, wide } = JSON.parse(b.toString('utf8', at, at + jsonBytes!)) as { tagSets: Tags[]; wide: [string, Tags][] };
  return { words, starts, tagsOf, slots, tagSets, wide: new Map(wide) };
}

const packed = existsSync(PACKED_FILE) ? unpack(readFileSync(PACKED_FILE)) : pack();

/** wordTags as a list: none for a word the lexicon does not list, a lone tag as a list of one. */
export function wordTagList(word: string): readonly string[] {
  const t = wordTags(word);
  return Array.isArray(t) ? t : t ? [t] : [];
}

/** compromise's lexicon tags for a lower-case word ("chad" → MaleName), or undefined for a word it does not list. */
export function wordTags(word: string): Tags | undefined {
  // the hash of the word's UTF-16 units, and whether one is outside Latin-1 (then it is no word of the packed string)
  let h = 0;
  let units = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    units |= c;
    h = (Math.imul(h, 31) + c) | 0;
  }
  const p = packed;
  if (units > LATIN1_MAX) return p.wide.get(word);
  const mask = p.slots.length - 1;
  for (let slot = h & mask; ; slot = (slot + 1) & mask) {
    const entry = p.slots[slot]!;
    if (entry === 0) return undefined;
    const start = p.starts[entry - 1]!;
    if (p.starts[entry]! - start === word.length && p.words.startsWith(word, start)) return p.tagSets[p.tagsOf[entry - 1]!];
  }
}
