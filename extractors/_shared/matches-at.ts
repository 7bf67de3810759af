// A pattern tried, sticky, only at the places a cheaper walk says it can match (a word it opens with, the capitalised words
// before a word it ends with), with the matches its global scan finds: the location start lists (location/lib/starts.ts)
// and the origin actor patterns.
import { firstMatch } from './kit.ts';
import { forText } from './one-byte.ts';

/** The matches of `sticky` (a pattern with /y) tried at `starts` (ascending), without overlaps: a global scan's matches
 * when every place the pattern can match is among the starts. */
export function matchesAt(sticky: RegExp, text: string, starts: readonly number[]): MatchesAt {
  return new MatchesAt(sticky, text, starts);
}

/**
 * The matches of `sticky` tried at `starts` (ascending), as `matches` finds those of the global pattern when every place it
 * can match is among the starts; `continueAt` moves the next search as `matches` does.
 */
export class MatchesAt implements IterableIterator<RegExpExecArray> {
  #from = 0;
  #i = 0;
  /** `sticky` for the text's width (forText): a one-byte text needs no compile of its \p{…} classes over all of Unicode */
  private readonly sticky: RegExp;

  constructor(
    sticky: RegExp,
    private readonly text: string,
    private readonly starts: readonly number[],
  ) {
    this.sticky = forText(sticky, text);
  }

  /** The next search starts at `pos` (after the start of the last match) instead of where the last match ended. */
  continueAt(pos: number): void {
    this.#from = pos;
  }

  next(): IteratorResult<RegExpExecArray, undefined> {
    while (this.#i < this.starts.length) {
      const at = this.starts[this.#i++]!;
      if (at < this.#from) continue;
      const m = firstMatch(this.sticky, this.text, at);
      if (!m) continue;
      this.#from = m.index + Math.max(1, m[0].length);
      return { done: false, value: m };
    }
    return { done: true, value: undefined };
  }

  [Symbol.iterator](): this {
    return this;
  }
}
