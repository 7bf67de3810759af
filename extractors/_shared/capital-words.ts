// Where each capitalised word of a text starts (and, apart, each lower-case one), built once per document. Helpers that ask "where is this name
// written?" for every name of a long text look up the positions of its first word here, instead of rescanning the
// whole text per name: that rescan made one long text take minutes (#12). A word is a run of letters and digits
// with none right before it.
import { nextMatch, type AnalysedDoc } from './kit.ts';
import { classAt, findRuns, leadingRunEnd, LETTERS_NUMBERS, UPPER } from './char-classes.ts';
import { forText } from './one-byte.ts';
import { PerDoc } from './per-doc.ts';

// Words that start in lower case, bounded by letters and ASCII digits (as the victim helpers' "written in lower case").
const LOWER_WORD = /(?<![\p{L}\d])\p{Ll}[\p{L}\d]*/gu;
const LOWER_LEAD = /^\p{Ll}[\p{L}\d]*/u;

function wordIndex(doc: AnalysedDoc, key: string, re: RegExp): ReadonlyMap<string, readonly number[]> {
  return doc.once(key, () => wordsOf(doc.text, forText(re, doc.text)));
}

// (walked with nextMatch, no matchAll iterator for TurboFan to inline; `re` matches no empty word)
function wordsOf(text: string, re: RegExp): Map<string, number[]> {
  const at = new Map<string, number[]>();
  let m: RegExpExecArray | null = null;
  while ((m = nextMatch(re, text, m))) {
    const list = at.get(m[0]);
    if (list) list.push(m.index);
    else at.set(m[0], [m.index]);
  }
  return at;
}

/** As wordStartsOf, for a name starting in lower case, with ASCII digits (not all of \p{N}) as word characters. */
export function lowerWordStartsOf(doc: AnalysedDoc, name: string): readonly number[] | null {
  const lead = forText(LOWER_LEAD, name).exec(name)?.[0];
  return lead ? (wordIndex(doc, 'shared/lower-words', LOWER_WORD).get(lead) ?? []) : null;
}

/**
 * Every capitalised word of the text (a run of letters and numbers opening with a capital) with where it starts, ascending:
 * the matches of /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}]*\/gu, found by one walk over the characters (a regex with a look
 * behind is tried at every place, and each match is an array).
 */
export function capitalWords(doc: AnalysedDoc): ReadonlyMap<string, readonly number[]> {
  return capitalIndex(doc).words;
}

/** Every start of a capitalised word (a run of letters and numbers opening with \p{Lu}, none before it), ascending. */
export function capitalStarts(doc: AnalysedDoc): readonly number[] {
  return capitalIndex(doc).starts;
}

// Both from one walk: the runs come in text order, so the starts are written down ascending, each once, as they go by
// (the starts of every word of the index, sorted: "Acme sued Acme in Ohio" gives 0, 10, 18 either way) instead of being
// gathered from the index and sorted.
function capitalIndex(doc: AnalysedDoc): CapitalIndex {
  return CAPITALS.of(doc);
}
const CAPITALS = new PerDoc('shared/capital-words', (doc) => indexCapitals(doc.text));
function indexCapitals(text: string): CapitalIndex {
  const words = new Map<string, number[]>();
  const starts: number[] = [];
  const runs = findRuns(text, LETTERS_NUMBERS);
  for (let i = 0; i < runs.length; i += 2) {
    const start = runs[i]!;
    if (!(classAt(text, start) & UPPER)) continue;
    starts.push(start);
    const word = text.slice(start, runs[i + 1]);
    const list = words.get(word);
    if (list) list.push(start);
    else words.set(word, [start]);
  }
  return { words, starts };
}
type CapitalIndex = { words: ReadonlyMap<string, readonly number[]>; starts: readonly number[] };

/**
 * The positions, ascending, where `name` may stand as written with no letter or digit before it: the starts of
 * the text's words equal to the name's first word. Null when the name does not start with a capital (then only a
 * scan of the text answers).
 */
export function wordStartsOf(doc: AnalysedDoc, name: string): readonly number[] | null {
  const lead = leadWord(name);
  return lead ? (capitalWords(doc).get(lead) ?? []) : null;
}

/** What /^\p{Lu}[\p{L}\p{N}]*\/u matches in `name` (the name itself when it is one word), or undefined. */
function leadWord(name: string): string | undefined {
  if (!(classAt(name, 0) & UPPER)) return undefined;
  const end = leadingRunEnd(name, LETTERS_NUMBERS);
  return end === name.length ? name : name.slice(0, end);
}
