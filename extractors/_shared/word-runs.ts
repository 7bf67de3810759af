// The gazetteer scans' whole-word lists: the country, demonym, state and capital lists are looked up by a word's text
// among the document's capitalised words (capital-words.ts) instead of searched as regex alternations of hundreds of names.
import { alternation, firstMatch, type AnalysedDoc } from './kit.ts';
import { capitalWords } from './capital-words.ts';
import { classAt, LETTER, leadingRunEnd, LETTERS_NUMBERS } from './char-classes.ts';
import { forText } from './one-byte.ts';
import { PerDoc } from './per-doc.ts';

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
// The document's capitalised words some list opens with, as two arrays read by index (a for-of over pairs, each
// destructured, made TurboFan's compile of find several times larger)
interface ListWords {
  made: number;
  firsts: string[];
  starts: (readonly number[])[];
}

const noListWords = (): ListWords => ({ made: -1, firsts: [], starts: [] });

function keepListed(this: ListWords, starts: readonly number[], first: string): void {
  if (FIRST_WORDS.has(first)) {
    this.firsts.push(first);
    this.starts.push(starts);
  }
}

const LIST_WORDS = new PerDoc('shared/list-first-words', noListWords);
function listWords(doc: AnalysedDoc): ListWords {
  const held = LIST_WORDS.of(doc);
  if (held.made !== listsMade) {
    held.made = listsMade;
    held.firsts = [];
    held.starts = [];
    capitalWords(doc).forEach(keepListed, held);
  }
  return held;
}

const byIndex = (a: WordMatch, b: WordMatch) => a.index - b.index;

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
    const listed = listWords(doc);
    const firsts = listed.firsts;
    for (let i = 0; i < firsts.length; i++) {
      const names = this.#byFirst.get(firsts[i]!);
      if (names) this.#startsOf(text, names, listed.starts[i]!, found);
    }
    if (this.#others) this.#othersIn(this.#others, text, found);
    found.sort(byIndex);
    // the search goes on after each match: a name starting inside an earlier one is no match
    const out: WordMatch[] = [];
    let from = 0;
    for (let i = 0; i < found.length; i++) {
      const m = found[i]!;
      if (m.index < from) continue;
      out.push(m);
      from = m.index + m.word.length;
    }
    return out;
  }

  /** At each of `starts`, the longest of `names` (longest first) written there as a whole word. */
  #startsOf(text: string, names: readonly string[], starts: readonly number[], found: WordMatch[]): void {
    for (let j = 0; j < starts.length; j++) {
      const start = starts[j]!;
      for (let k = 0; k < names.length; k++) {
        const name = names[k]!;
        if (!text.startsWith(name, start) || !this.#endsWord(text, start + name.length)) continue;
        found.push({ index: start, word: name });
        break;
      }
    }
  }

  /** The names opening without a capital: every place one starts, even inside another (the search resumes one step after each). */
  #othersIn(others: RegExp, text: string, found: WordMatch[]): void {
    const re = forText(others, text);
    for (let m = firstMatch(re, text); m; m = firstMatch(re, text, m.index + (text.codePointAt(m.index)! > 0xffff ? 2 : 1))) {
      found.push({ index: m.index, word: m[1]! });
    }
  }

  #endsWord(text: string, end: number): boolean {
    if (classAt(text, end) & LETTERS_NUMBERS) return false;
    return !(this.#dotLetter && text.charCodeAt(end) === 46 && classAt(text, end + 1) & LETTER);
  }
}
