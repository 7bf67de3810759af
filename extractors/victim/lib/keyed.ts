// A trigger regex searched only near its key words. A victim trigger is a long alternation that V8 tries at every
// character of the text (most open with a lookaround, so no literal first character lets it skip ahead); yet every
// match holds one of a few words ("hit", "said", "customers"). One cheap scan finds those words, and the trigger is
// tried only at the places a match holding them could start: the same matches, in the same order, as `matches` gives.
import { insidePair, isSpace } from '../../_shared/char-classes.ts';
import { afterMatch, DONE, firstMatch, matches, type AnalysedDoc } from '../../_shared/kit.ts';
import { compiledNow, isOneByte, oneByteCopy } from '../../_shared/one-byte.ts';

export interface Key {
  /**
   * Words one of which every match of the trigger holds, as plain lower-case literals ("said|says|\\("): sought in the
   * text lower-cased when the trigger ignores case, so they need no case folding of their own (which makes a scan slow).
   */
  readonly words: RegExp;
  /** At most this many white-space separated pieces stand in a match before the key word (a piece cut by the match's start counts). */
  readonly pieces: number;
  /**
   * Places at most this far before the key word are tried one at a time (NEAR unless given): a trigger asked for rarely
   * gives a longer reach, and the lookahead search, a second pattern to compile, is never built for it.
   */
  readonly near?: number;
}

/**
 * A trigger that opens on its key words (`\b(?:hacked|breached|…)`, after at most `pieces` pieces) is its own key:
 * the same pattern without case folding, sought in the lower-cased text.
 */
export function lowerKey(re: RegExp, pieces = 0): Key {
  // an upper-case escape (\S, \W, \p{Lu}) or a property would change meaning in lower case
  if (!re.ignoreCase || /\\[A-Zpu]/.test(re.source)) throw new Error(`lowerKey: ${re.source.slice(0, 40)} cannot be lower-cased`);
  return { words: compiledNow(new RegExp(re.source.toLowerCase(), 'g')), pieces };
}

/** A trigger with its key. */
export interface Keyed {
  readonly trigger: RegExp;
  readonly key: Key;
}
/** Every keyed trigger, as the rules declare them: test/victim-keyed.test.ts holds each to the plain search. */
export const KEYED: Keyed[] = [];
/** Declares `trigger` searched by its key (at module level, once). */
export function keyed(trigger: RegExp, key: Key): Keyed {
  const k = { trigger, key };
  KEYED.push(k);
  return k;
}

// the trigger tried at one position, and the trigger sought within the next SPAN positions (leftmost first)
interface Searchers {
  /** the trigger's source, or for a text of one byte a character its \p{…} classes written over U+0000-U+00FF */
  source: string;
  at: RegExp;
  within: RegExp | null;
  /** made for texts of two bytes a character */
  wide: boolean;
}
// A match that may start only a few places before its key word is sought by trying the trigger at each of them (a trigger
// opening on its key word starts at the word or at the white space before it); one further back, by the lookahead search
// below, SPAN places at a time. That search holds the whole trigger, a second pattern V8 compiles (for each width of text
// it meets): it is built only for a trigger that needs it, and in one length (a length per pattern would be a pattern each).
const NEAR = 12;
const SPAN = 64;
// keyed by trigger (module-level constants, declared once), not by document; for a text of one byte a character, a /u
// trigger is searched as the copy forText makes of it (one-byte.ts): its \p{…} classes written over U+0000-U+00FF and /u
// dropped where the pattern needs none, the same matches (V8 compiles an /iu pattern with \w or [\w-] in it at a fraction of
// the cost without /u: the insider's job pattern, 9 -> 4 CPU ms)
interface Widths {
  narrow: Searchers;
  /** built the first time a text of two bytes a character comes (the narrow ones when forText's copy is the trigger itself) */
  wide: Searchers | null;
}
const searchers = new Map<RegExp, Widths>();
// (each searcher compiled to machine code when made, for the width of the texts it is made for: one-byte.ts compiledNow)
const searchersFor = (re: RegExp, wide: boolean): Searchers => ({
  source: re.source,
  at: compiledNow(new RegExp(re.source, `${re.flags.replace(/[gy]/g, '')}y`), wide),
  within: null,
  wide,
});
function searchersOf(re: RegExp, oneByte: boolean): Searchers {
  let s = searchers.get(re);
  if (!s) {
    // (the copy forText searches in a text of one byte a character, itself never searched here)
    const copy = re.unicode ? oneByteCopy(re) : re;
    const narrow = searchersFor(copy, false);
    searchers.set(re, (s = { narrow, wide: copy === re ? narrow : null }));
  }
  if (oneByte) return s.narrow;
  s.wide ??= searchersFor(re, true);
  return s.wide;
}
// "[^]{0,n}?(?=trigger)": the shortest skip after which the trigger matches, so its index is the leftmost match's
// (the lookahead adds no capture group before the trigger's own, and backreferences keep their numbers)
function withinOf(s: Searchers): RegExp {
  s.within ??= compiledNow(new RegExp(String.raw`[^]{0,${SPAN}}?(?=${s.source})`, s.at.flags), s.wide);
  return s.within;
}

/**
 * The text in lower case, character for character, or null when lower-casing moves characters ("İ" becomes two) or a
 * letter folds to a key word's letter without lower-casing to it (the long s folds to "s" under the i and u flags).
 */
const lowered = (doc: AnalysedDoc): string | null =>
  doc.once('victim/lowered', () => {
    // (the lower-cased text app-or-game.ts reads too)
    const low = doc.once('victim/lower-text', () => doc.text.toLowerCase());
    return low.length === doc.text.length && !low.includes('\u017f') ? low : null;
  });

/** The first position from which text[pos, at) holds at most `pieces` white-space separated pieces, not before `floor`. */
function piecesBack(text: string, at: number, pieces: number, floor: number): number {
  let pos = at;
  for (let n = 0; n < pieces && pos > floor; n++) {
    while (pos > floor && isSpace(text.charCodeAt(pos - 1))) pos--;
    while (pos > floor && !isSpace(text.charCodeAt(pos - 1))) pos--;
  }
  // white space before the last piece may open a match too
  while (pos > floor && isSpace(text.charCodeAt(pos - 1))) pos--;
  return pos;
}

/**
 * Every match of `re` in `text`, as `matches(re, text)` yields them (leftmost first, each search going on where the last
 * match ended), looked for only where a match holding one of `key.words` can start.
 */
export function keyedMatches(re: RegExp, key: Key, doc: AnalysedDoc, from = 0): IterableIterator<RegExpExecArray> {
  const keyText = re.ignoreCase ? lowered(doc) : doc.text;
  return keyText === null ? matches(re, doc.text, from) : new KeyedMatches(re, key, doc.text, keyText, from);
}

// (an iterator of its own rather than a generator: V8 compiles a generator's suspend and resume points too, and took
// several times as long over this one as over the plain method)
class KeyedMatches implements IterableIterator<RegExpExecArray> {
  readonly #re: RegExp;
  readonly #key: Key;
  readonly #text: string;
  readonly #keyText: string;
  readonly #s: Searchers;
  /** No match starts before it (from where the last match ended); -1 once the search is over. */
  #tried: number;

  constructor(re: RegExp, key: Key, text: string, keyText: string, from: number) {
    this.#re = re;
    this.#key = key;
    this.#text = text;
    this.#keyText = keyText;
    this.#s = searchersOf(re, isOneByte(text));
    this.#tried = from;
  }

  next(): IteratorResult<RegExpExecArray, undefined> {
    if (this.#tried < 0) return DONE;
    const found = this.#search();
    if (!found) return this.return();
    this.#tried = afterMatch(this.#re, this.#text, found);
    return { done: false, value: found };
  }

  /** The next match starting at or after #tried, or null. */
  #search(): RegExpExecArray | null {
    const re = this.#re;
    const key = this.#key;
    const text = this.#text;
    const s = this.#s;
    const { at } = s;
    const near = key.near ?? NEAR;
    let tried = this.#tried;
    for (;;) {
      // a match starting at or after `tried` holds a key word at or after `tried`
      const word = firstMatch(key.words, this.#keyText, tried);
      if (!word) return null;
      let start = piecesBack(text, word.index, key.pieces, tried);
      let found: RegExpExecArray | null = null;
      while (start <= word.index && !found) {
        // (under /u no match starts inside a surrogate pair, and a search asked to start there would start at the pair)
        if (re.unicode && insidePair(text, start)) start++;
        else if (word.index - start < near) found = firstMatch(at, text, start++);
        else {
          const skip = firstMatch(withinOf(s), text, start);
          if (!skip) start += SPAN + 1;
          // (the lookahead and the search at its place cannot disagree; were they to, the rule fails rather than loops)
          else if (!(found = firstMatch(at, text, start + skip[0].length))) throw new Error(`keyed search lost its match: ${re.source.slice(0, 40)}`);
        }
      }
      if (found) return found;
      tried = Math.max(start, tried);
    }
  }

  /** Ends the search (a `for … of` that breaks calls this). */
  return(): IteratorResult<RegExpExecArray, undefined> {
    this.#tried = -1;
    return DONE;
  }

  [Symbol.iterator](): this {
    return this;
  }
}
