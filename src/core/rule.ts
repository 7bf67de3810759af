// What a rule is: a pure function from an analysed document to candidates for one field, shipped with
// the examples it must get right and the counter-examples on which it must propose nothing.
import type { AnalysedDoc } from './analyse/analyse.ts';
import type { DateRole, FieldName, FieldValue, Span } from './contract/record.ts';
import { compiledNow } from '../../extractors/_shared/one-byte.ts';

export interface Candidate<F extends FieldName = FieldName> {
  readonly field: F;
  readonly value: FieldValue[F];
  /** The rule's prior belief; resolve combines and calibrates it. */
  readonly confidence: number;
  readonly evidence: readonly Span[];
  /** Dates only: which event the date is the date of (kept on the record). */
  readonly role?: DateRole;
  /** Filled in by the registry from the rule's path. */
  readonly rule: string;
}

export interface RuleExample<F extends FieldName> {
  readonly text: string;
  readonly publishedAt?: string;
  readonly value: FieldValue[F];
}

export interface RuleCounterExample {
  readonly text: string;
  readonly publishedAt?: string;
}

/** What a rule file's default export declares. */
export interface RuleSpec<F extends FieldName = FieldName> {
  readonly field: F;
  readonly examples: readonly RuleExample<F>[];
  readonly counterExamples: readonly (string | RuleCounterExample)[];
  propose(doc: AnalysedDoc): Iterable<Proposal<F>>;
}

/** A candidate as a rule returns it: the registry adds field and rule id. */
export interface Proposal<F extends FieldName = FieldName> {
  readonly value: FieldValue[F];
  readonly confidence: number;
  readonly evidence: readonly Span[];
  /** Dates only: which event the date is the date of. */
  readonly role?: DateRole;
}

export interface Rule<F extends FieldName = FieldName> extends RuleSpec<F> {
  /** The rule's path below extractors/, without extension: "ransom/demanded-amount". */
  readonly id: string;
}

export function defineRule<F extends FieldName>(spec: RuleSpec<F>): RuleSpec<F> {
  return spec;
}

/** An evidence span for text[start, end). */
export function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

// A /g or /y regex is searched in place, its lastIndex set here before every exec (so no state is left over from an
// earlier search, and two searches over one regex, one inside the other, each keep their own place); copies measured
// twice as slow in V8. A regex without /g or /y gets a /g copy, made on its first search and kept for every later one:
// exec runs no other code, so one copy serves any number of searches, nested or not, each setting lastIndex first. The
// copy is compiled to machine code when made (one-byte.ts compiledNow), not to bytecode first.
const globalCopies = new WeakMap<RegExp, RegExp>();
function searcher(re: RegExp): RegExp {
  if (re.global || re.sticky) return re;
  let own = globalCopies.get(re);
  if (!own) globalCopies.set(re, (own = compiledNow(new RegExp(re.source, re.flags + 'g'))));
  return own;
}

// What every finished search (and the helpers' own iterators) answers: one shared result, as for-of only reads it.
export const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * Every match of `re` in `text` from offset `from`, in order, each with its `index` into `text`. The search starts
 * afresh at `from` whatever an earlier search left in `lastIndex`, so a /g regex shared at module scope is safe to
 * reuse, and a rule never touches `lastIndex`. A regex without /g is searched as if it had it.
 * `continueAt(pos)` moves the search: past a name just consumed, or back to retry inside a match that did not fit.
 */
export class Matches implements IterableIterator<RegExpExecArray> {
  readonly #own: RegExp;
  readonly #text: string;
  /** Where the next search starts; -1 once the search is over. */
  #pos: number;

  constructor(re: RegExp, text: string, from = 0) {
    this.#own = searcher(re);
    this.#text = text;
    this.#pos = from;
  }

  /** The next search starts at `pos` instead of where the last match ended. */
  continueAt(pos: number): void {
    if (this.#pos >= 0) this.#pos = pos;
  }

  next(): IteratorResult<RegExpExecArray, undefined> {
    if (this.#pos < 0) return DONE;
    const own = this.#own;
    own.lastIndex = this.#pos;
    const m = own.exec(this.#text);
    if (!m) return this.return();
    this.#pos = afterMatch(own, this.#text, m);
    return { done: false, value: m };
  }

  /** Ends the search (a `for … of` that breaks calls this). */
  return(): IteratorResult<RegExpExecArray, undefined> {
    this.#pos = -1;
    return DONE;
  }

  [Symbol.iterator](): this {
    return this;
  }
}

export function matches(re: RegExp, text: string, from = 0): Matches {
  return new Matches(re, text, from);
}

/**
 * Where capture group `i` of `m` starts, in the text that was searched. The regex must carry the /d flag (its match then
 * knows each group's bounds): finding the group's text again inside the whole match with indexOf lands on an earlier
 * copy of it when the words before the group hold one.
 */
export function groupStart(m: RegExpExecArray, i = 1): number {
  const at = m.indices?.[i];
  if (!at) throw new Error(m.indices ? `group ${i} took no part in the match` : 'groupStart needs a regex with the /d flag');
  return at[0];
}

/** The first match of `re` in `text` at or after `from`, or null: `re.exec` with `lastIndex` set for the caller. */
export function firstMatch(re: RegExp, text: string, from = 0): RegExpExecArray | null {
  // a regex without /g or /y keeps no state: no copy needed
  if (from === 0 && !re.global && !re.sticky) return re.exec(text);
  const own = searcher(re);
  own.lastIndex = from;
  return own.exec(text);
}

/**
 * The match after `m` (a match of `re` in `text`; null: the first match), as `matches` would find it next, or null: a loop
 * `let m = null; while ((m = nextMatch(re, text, m)))` walks what `matches(re, text)` yields with no iterator (whose
 * protocol TurboFan inlines into the loop's function: a compile several times larger), and with one search for TurboFan
 * to inline (`for (let m = firstMatch(…); m; m = nextMatch(…, m))` has two).
 */
export function nextMatch(re: RegExp, text: string, m: RegExpExecArray | null): RegExpExecArray | null {
  return firstMatch(re, text, m === null ? 0 : afterMatch(re, text, m));
}

/**
 * Where the search for the match after `m` starts: its end, or past an empty match, which would be found again at the
 * same place (by a whole code point under /u).
 */
export function afterMatch(re: RegExp, text: string, m: RegExpExecArray): number {
  const end = m.index + m[0].length;
  return end > m.index ? end : end + (re.unicode && (text.codePointAt(end) ?? 0) > 0xffff ? 2 : 1);
}
