// The words of a text as one pass over its characters finds them, built once per document and shared by the
// gazetteer scans: the country, demonym, state and capital lists are looked up by a word's text instead of searched as
// regex alternations of hundreds of names, and the origin rules' place scan reads the same runs instead of a regex
// match per word. A run is a maximal stretch of code points of the given classes, as a regex `[…]+` with /gu finds it.
import { alternation, matches, type AnalysedDoc } from './kit.ts';
import { capitalWords } from './capital-words.ts';

const LETTER = 1;
const MARK = 2;
const NUMBER = 4;
const KNOWN = 8;
/** Letters and marks: the runs of `[\p{L}\p{M}]+`. */
export const LETTERS_MARKS = LETTER | MARK;
/** Letters and numbers: the runs of `[\p{L}\p{N}]+`, the words of the whole-word lists (`(?<![\p{L}\p{N}])…`). */
export const LETTERS_NUMBERS = LETTER | NUMBER;

const IS_LETTER = /\p{L}/u;
const IS_MARK = /\p{M}/u;
const IS_NUMBER = /\p{N}/u;
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const s = String.fromCharCode(c);
  ASCII[c] = (IS_LETTER.test(s) ? LETTER : 0) | (IS_NUMBER.test(s) ? NUMBER : 0);
}
// Classes of the other code points, filled in as texts show them (one byte each, allocated on first need).
let others: Uint8Array | undefined;

function classOf(cp: number): number {
  if (cp < 128) return ASCII[cp]!;
  others ??= new Uint8Array(0x110000);
  let c = others[cp]!;
  if (!c) {
    const s = String.fromCodePoint(cp);
    c = KNOWN | (IS_LETTER.test(s) ? LETTER : 0) | (IS_MARK.test(s) ? MARK : 0) | (IS_NUMBER.test(s) ? NUMBER : 0);
    others[cp] = c;
  }
  return c;
}

/** The class bits of the code point at `i` of `text` (0 past its end); a lone surrogate is of no class. */
function classAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  return c < 128 ? ASCII[c]! : classOf(text.codePointAt(i)!);
}

/** The runs of code points of the classes in `mask`, as [start, end) offsets in pairs: starts at even, ends at odd indices. */
function findRuns(text: string, mask: number): Int32Array {
  let out: Int32Array<ArrayBuffer> = new Int32Array(256);
  let n = 0;
  let start = -1;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    let cls: number;
    let width = 1;
    if (c < 128) cls = ASCII[c]!;
    else {
      const cp = text.codePointAt(i)!;
      cls = classOf(cp);
      if (cp > 0xffff) width = 2;
    }
    if (cls & mask) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (n + 2 > out.length) out = grow(out);
      out[n++] = start;
      out[n++] = i;
      start = -1;
    }
    i += width;
  }
  if (start >= 0) {
    if (n + 2 > out.length) out = grow(out);
    out[n++] = start;
    out[n++] = text.length;
  }
  return out.subarray(0, n);
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** The document's runs of `mask` (LETTERS_MARKS or LETTERS_NUMBERS), found once per document. */
export function wordRuns(doc: AnalysedDoc, mask: typeof LETTERS_MARKS | typeof LETTERS_NUMBERS): Int32Array {
  return doc.once(mask === LETTERS_MARKS ? 'shared/runs-letters-marks' : 'shared/runs-letters-numbers', () => findRuns(doc.text, mask));
}

/** A match of a whole-word list: where it starts and the entry as written. */
export interface WordMatch {
  readonly index: number;
  readonly word: string;
}

const OPENS_CAPITAL = /^\p{Lu}/u;

/**
 * A list of names searched as whole words, exactly as the regex `alternation(names, { wholeWord: true })` with /gu
 * finds them (with `dotLetter`, also refusing a name followed by "." and a letter, as "U.S" in "U.S.A"): at each word
 * start, the longest name written there, in text order, no two overlapping. A name opening with a capital is looked up
 * by its first word among the capitalised words of the document (capital-words.ts, built once and shared), so a text
 * costs a lookup per distinct capitalised word instead of a regex alternation tried at every place; the few names
 * opening otherwise ("the Netherlands") are searched by a regex of their own.
 */
export class WholeWords {
  readonly #byFirst = new Map<string, string[]>();
  readonly #dotLetter: boolean;
  /** The names opening without a capital, as whole words (group 1); the look behind the name comes after it, three times faster. */
  readonly #others: RegExp | undefined;

  constructor(names: Iterable<string>, options: { dotLetter?: boolean } = {}) {
    this.#dotLetter = !!options.dotLetter;
    const others: string[] = [];
    for (const name of new Set(names)) {
      if (!OPENS_CAPITAL.test(name)) {
        others.push(name);
        continue;
      }
      const first = name.slice(0, runEnd(name));
      const list = this.#byFirst.get(first);
      if (list) list.push(name);
      else this.#byFirst.set(first, [name]);
    }
    for (const list of this.#byFirst.values()) list.sort((a, b) => b.length - a.length);
    const after = this.#dotLetter ? String.raw`(?![\p{L}\p{N}]|\.\p{L})` : String.raw`(?![\p{L}\p{N}])`;
    this.#others = others.length ? new RegExp(String.raw`(${alternation(others)})(?<![\p{L}\p{N}]\1)${after}`, 'gu') : undefined;
  }

  /** Every match in the document's text, in order. */
  find(doc: AnalysedDoc): WordMatch[] {
    const text = doc.text;
    const found: WordMatch[] = [];
    for (const [first, starts] of capitalWords(doc)) {
      const names = this.#byFirst.get(first);
      if (!names) continue;
      for (const start of starts) {
        const name = names.find((n) => text.startsWith(n, start) && this.#endsWord(text, start + n.length));
        if (name) found.push({ index: start, word: name });
      }
    }
    if (this.#others) {
      // every place one starts, even inside another: the search resumes one step after each
      const all = matches(this.#others, text);
      for (const m of all) {
        found.push({ index: m.index, word: m[1]! });
        all.continueAt(m.index + (text.codePointAt(m.index)! > 0xffff ? 2 : 1));
      }
    }
    found.sort((a, b) => a.index - b.index);
    // the search goes on after each match: a name starting inside an earlier one is no match
    const out: WordMatch[] = [];
    let from = 0;
    for (const m of found) {
      if (m.index < from) continue;
      out.push(m);
      from = m.index + m.word.length;
    }
    return out;
  }

  #endsWord(text: string, end: number): boolean {
    if (classAt(text, end) & LETTERS_NUMBERS) return false;
    return !(this.#dotLetter && text.charCodeAt(end) === 46 && classAt(text, end + 1) & LETTER);
  }
}

/** Where the leading run of letters and numbers of `s` ends. */
function runEnd(s: string): number {
  let i = 0;
  while (i < s.length) {
    const cls = classAt(s, i);
    if (!(cls & LETTERS_NUMBERS)) break;
    i += s.codePointAt(i)! > 0xffff ? 2 : 1;
  }
  return i;
}
