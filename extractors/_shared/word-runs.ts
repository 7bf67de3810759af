// The gazetteer scans' whole-word lists: the country, demonym, state and capital lists are looked up by a word's text
// among the document's capitalised words (capital-words.ts) instead of searched as regex alternations of hundreds of names.
import { alternation, matches, type AnalysedDoc } from './kit.ts';
import { capitalWords } from './capital-words.ts';
import { classAt, LETTER, leadingRunEnd, LETTERS_NUMBERS } from './char-classes.ts';
import { forText } from './one-byte.ts';

/** A match of a whole-word list: where it starts and the entry as written. */
export interface WordMatch {
  readonly index: number;
  readonly word: string;
}

const OPENS_CAPITAL = /^\p{Lu}/u;

// The first words of every list's names: a document's capitalised words are looked up here once, and each list then
// reads only those some list opens with (a few, of the hundreds a text writes). A list made after a document's words
// were sorted (a module loaded late) makes them sorted again.
const FIRST_WORDS = new Set<string>();
let listsMade = 0;
type ListWords = { made: number; words: [first: string, starts: readonly number[]][] };

function listWords(doc: AnalysedDoc): ListWords['words'] {
  const held = doc.once('shared/list-first-words', (): ListWords => ({ made: -1, words: [] }));
  if (held.made !== listsMade) {
    held.made = listsMade;
    held.words = [];
    capitalWords(doc).forEach((starts, first) => {
      if (FIRST_WORDS.has(first)) held.words.push([first, starts]);
    });
  }
  return held.words;
}

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
      const first = name.slice(0, leadingRunEnd(name, LETTERS_NUMBERS));
      const list = this.#byFirst.get(first);
      if (list) list.push(name);
      else this.#byFirst.set(first, [name]);
    }
    for (const list of this.#byFirst.values()) list.sort((a, b) => b.length - a.length);
    for (const first of this.#byFirst.keys()) FIRST_WORDS.add(first);
    listsMade++;
    const after = this.#dotLetter ? String.raw`(?![\p{L}\p{N}]|\.\p{L})` : String.raw`(?![\p{L}\p{N}])`;
    this.#others = others.length ? new RegExp(String.raw`(${alternation(others)})(?<![\p{L}\p{N}]\1)${after}`, 'gu') : undefined;
  }

  /** Every match in the document's text, in order. */
  find(doc: AnalysedDoc): WordMatch[] {
    const text = doc.text;
    const found: WordMatch[] = [];
    for (const [first, starts] of listWords(doc)) {
      const names = this.#byFirst.get(first);
      if (!names) continue;
      for (const start of starts) {
        for (const name of names) {
          if (!text.startsWith(name, start) || !this.#endsWord(text, start + name.length)) continue;
          found.push({ index: start, word: name });
          break;
        }
      }
    }
    if (this.#others) {
      // every place one starts, even inside another: the search resumes one step after each
      const all = matches(forText(this.#others, text), text);
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
