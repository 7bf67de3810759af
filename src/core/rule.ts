// What a rule is: a pure function from an analysed document to candidates for one field, shipped with
// the examples it must get right and the counter-examples on which it must propose nothing.
import type { AnalysedDoc } from './analyse/analyse.ts';
import type { DateRole, FieldName, FieldValue, Span } from './contract/record.ts';

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

// A /g or /y regex is searched in place, its lastIndex set here at the start of every search (so no state is left over
// from an earlier one); copies measured twice as slow in V8. One search at a time per such regex: do not nest two
// searches over the same shared regex. A regex without /g or /y gets a /g copy, kept in a pool for reuse.
const spares = new WeakMap<RegExp, RegExp[]>();
function borrow(re: RegExp): RegExp {
  if (re.global || re.sticky) return re;
  return spares.get(re)?.pop() ?? new RegExp(re.source, re.global ? re.flags : re.flags + 'g');
}
function giveBack(re: RegExp, own: RegExp): void {
  if (own === re) return;
  const pool = spares.get(re);
  if (pool) pool.push(own);
  else spares.set(re, [own]);
}

// What every finished search answers: one shared result, as for-of only reads it.
const DONE: IteratorResult<RegExpExecArray, undefined> = Object.freeze({ done: true, value: undefined });

/**
 * Every match of `re` in `text` from offset `from`, in order, each with its `index` into `text`. The search starts
 * afresh at `from` whatever an earlier search left in `lastIndex`, so a /g regex shared at module scope is safe to
 * reuse, and a rule never touches `lastIndex`. A regex without /g is searched as if it had it.
 * `continueAt(pos)` moves the search: past a name just consumed, or back to retry inside a match that did not fit.
 */
export class Matches implements IterableIterator<RegExpExecArray> {
  readonly #re: RegExp;
  readonly #text: string;
  #own: RegExp | null;

  constructor(re: RegExp, text: string, from = 0) {
    this.#re = re;
    this.#own = borrow(re);
    this.#own.lastIndex = from;
    this.#text = text;
  }

  /** The next search starts at `pos` instead of where the last match ended. */
  continueAt(pos: number): void {
    if (this.#own) this.#own.lastIndex = pos;
  }

  next(): IteratorResult<RegExpExecArray, undefined> {
    const own = this.#own;
    const m = own ? own.exec(this.#text) : null;
    if (!m) return this.return();
    // An empty match would be found again at the same place: step past it (by a whole code point under /u).
    if (m[0] === '') own!.lastIndex = m.index + (own!.unicode && (this.#text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
    return { done: false, value: m };
  }

  /** Ends the search (a `for … of` that breaks calls this): the copy goes back for reuse. */
  return(): IteratorResult<RegExpExecArray, undefined> {
    if (this.#own) giveBack(this.#re, this.#own);
    this.#own = null;
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
  const own = borrow(re);
  own.lastIndex = from;
  const m = own.exec(text);
  giveBack(re, own);
  return m;
}
