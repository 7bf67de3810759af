// The Unicode classes the word scans ask about (letter, mark, number, upper-case letter), one byte per code point,
// and the runs of code points of given classes as a regex `[…]+` with /u finds them: shared by the whole-word lists
// (word-runs.ts), the origin place scan and the index of capitalised words (capital-words.ts), which walk a text's
// characters once instead of running a regex with a look-behind at every place.

export const LETTER = 1;
const MARK = 2;
const NUMBER = 4;
/** `\p{Lu}` */
export const UPPER = 8;
const KNOWN = 16;
/** Letters and marks: the runs of `[\p{L}\p{M}]+`. */
export const LETTERS_MARKS = LETTER | MARK;
/** Letters and numbers: the runs of `[\p{L}\p{N}]+`, the words of the whole-word lists (`(?<![\p{L}\p{N}])…`). */
export const LETTERS_NUMBERS = LETTER | NUMBER;

/**
 * `\b` right after a word that ends in a letter (or a digit), as regex source: no word character follows. V8 compiles a `\b` after a list of
 * words once for each word (it knows which word ended, so that the character before is a letter), and inside a repeat
 * that comes to many times the code; this lookahead, the same test there, is compiled once.
 */
export const WORD_END = String.raw`(?!\w)`;

const IS_LETTER = /\p{L}/u;
const IS_MARK = /\p{M}/u;
const IS_NUMBER = /\p{N}/u;
const IS_UPPER = /\p{Lu}/u;
const classify = (s: string) =>
  (IS_LETTER.test(s) ? LETTER : 0) | (IS_MARK.test(s) ? MARK : 0) | (IS_NUMBER.test(s) ? NUMBER : 0) | (IS_UPPER.test(s) ? UPPER : 0);

/**
 * `answer` for every code point of one byte, as a table a scan looks up on one path. The rules read a one-byte view of
 * the text in which ’ “ ” – — … • are 0x85-0x97 (one-byte.ts), so characters above ASCII are common, and a branch for
 * them that V8 has not seen run when it optimises a scan throws the optimised code away the first time a text holds one.
 */
export function byteTable(answer: (c: number) => number | boolean): Uint8Array {
  const table = new Uint8Array(256);
  for (let c = 0; c < 256; c++) table[c] = Number(answer(c));
  return table;
}
// The classes of the code points of one byte.
const ONE_BYTE = byteTable((c) => classify(String.fromCharCode(c)));
// Classes of the other code points, filled in as texts show them (one byte each, allocated on first need).
let others: Uint8Array | undefined;

/** The class bits of code point `cp` (above U+00FF). */
function classOf(cp: number): number {
  others ??= new Uint8Array(0x110000);
  let c = others[cp]!;
  if (!c) others[cp] = c = KNOWN | classify(String.fromCodePoint(cp));
  return c;
}

/** The class bits of the code point at `i` of `text` (0 past its end); a lone surrogate is of no class. */
export function classAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  return c < 256 ? ONE_BYTE[c]! : classOf(text.codePointAt(i)!);
}

/** Where the run of code points of the classes in `mask` that opens `s` ends (0: `s` opens with none). */
export function leadingRunEnd(s: string, mask: number): number {
  let i = 0;
  while (i < s.length && classAt(s, i) & mask) i += s.codePointAt(i)! > 0xffff ? 2 : 1;
  return i;
}

// The runs are written into one buffer reused by every call (a typed array of this size lives outside the heap, and
// allocating one per text cost more than filling it): a caller reads them before it asks for other runs. It is made
// large enough for any text shorter than SCRATCH_KEPT - 1 code units at once: the code that grows it runs for longer texts only,
// and the first time it ran, V8 threw away the scans it had optimised.
const SCRATCH_KEPT = 1 << 16;
let scratch: Int32Array<ArrayBuffer> = new Int32Array(SCRATCH_KEPT);

/**
 * The runs of code points of the classes in `mask`, as [start, end) offsets in pairs: starts at even, ends at odd
 * indices. The array is a view of a buffer the next call overwrites.
 */
export function findRuns(text: string, mask: number): Int32Array {
  const n = text.length;
  // a run and the gap after it take a code unit each at least: a text of n code units holds at most n + 1 offsets
  if (scratch.length < n + 2) scratch = new Int32Array(n + 2);
  const out = scratch;
  let count = 0;
  let start = -1;
  // (the text's end closes a run as a character of no class does, on the same path)
  for (let i = 0; ; ) {
    let cls = 0;
    let width = 1;
    if (i < n) {
      const c = text.charCodeAt(i);
      if (c < 256) cls = ONE_BYTE[c]!;
      else {
        const cp = text.codePointAt(i)!;
        cls = classOf(cp);
        if (cp > 0xffff) width = 2;
      }
    }
    if (cls & mask) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out[count++] = start;
      out[count++] = i;
      start = -1;
    }
    if (i >= n) break;
    i += width;
  }
  const runs = out.subarray(0, count);
  // a buffer grown for a very long text is not kept after it
  if (scratch.length > SCRATCH_KEPT) scratch = new Int32Array(SCRATCH_KEPT);
  return runs;
}

/** JavaScript's \s. */
export const isSpace = (c: number) =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

/** A UTF-16 low (trailing) surrogate. */
export const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
/** Whether `pos` falls inside a surrogate pair (between its two halves), where no /u match starts and no code point does. */
export const insidePair = (text: string, pos: number) =>
  pos > 0 && pos < text.length && isLowSurrogate(text.charCodeAt(pos)) && isHighSurrogate(text.charCodeAt(pos - 1));
