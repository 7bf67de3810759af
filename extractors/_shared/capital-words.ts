// Where each capitalised word of a text starts (and, apart, each lower-case one), built once per document. Helpers that ask "where is this name
// written?" for every name of a long text look up the positions of its first word here, instead of rescanning the
// whole text per name: that rescan made one long text take minutes (#12). A word is a run of letters and digits
// with none right before it.
import type { AnalysedDoc } from './kit.ts';

const LEAD_WORD = /^\p{Lu}[\p{L}\p{N}]*/u;
const LOWER_LEAD = /^\p{Ll}[\p{L}\d]*/u;

// The index is built by walking the text's code points, not by a global regex: a match array per word was the
// largest allocation of the shared helpers. A capitalised word is /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}]*/u, a lower-case
// one (as the victim helpers' "written in lower case") /(?<![\p{L}\d])\p{Ll}[\p{L}\d]*/u: as the word class is the
// look-behind's class and holds the opening letter's, each is a whole maximal run of word characters whose first
// code point is a capital (a lower-case letter). The classes are the regexes' own, asked once per code point.
const UPPER = 1;
const LOWER = 2;
const LETTER = 4;
const NUMBER = 8;
const DIGIT = 16;
const KNOWN = 128;
const CLASSES = new Map([
  [UPPER, /^\p{Lu}$/u],
  [LOWER, /^\p{Ll}$/u],
  [LETTER, /^\p{L}$/u],
  [NUMBER, /^\p{N}$/u],
  [DIGIT, /^\d$/u],
]);
const bmpClasses = new Uint8Array(0x10000);
// A closure here would give classOf a context allocated on every call, the cached answers too: the rare path stands apart.
function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  let k = KNOWN;
  for (const [bit, re] of CLASSES) if (re.test(ch)) k |= bit;
  return k;
}

function classOf(cp: number): number {
  if (cp >= 0x10000) return classify(cp);
  let k = bmpClasses[cp]!;
  if (!k) bmpClasses[cp] = k = classify(cp);
  return k;
}

function scanWords(text: string, opening: number, word: number): Map<string, number[]> {
  const at = new Map<string, number[]>();
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cp = text.codePointAt(i)!;
    const k = classOf(cp);
    i += cp > 0xffff ? 2 : 1;
    if (!(k & word)) continue;
    const begin = i - (cp > 0xffff ? 2 : 1);
    for (let c = text.codePointAt(i); c !== undefined && classOf(c) & word; c = text.codePointAt(i)) i += c > 0xffff ? 2 : 1;
    if (!(k & opening)) continue;
    const w = text.slice(begin, i);
    const list = at.get(w);
    if (list) list.push(begin);
    else at.set(w, [begin]);
  }
  return at;
}

function wordIndex(doc: AnalysedDoc, key: string, opening: number, word: number): ReadonlyMap<string, readonly number[]> {
  return doc.once(key, () => scanWords(doc.text, opening, word));
}

/** As wordStartsOf, for a name starting in lower case, with ASCII digits (not all of \p{N}) as word characters. */
export function lowerWordStartsOf(doc: AnalysedDoc, name: string): readonly number[] | null {
  const lead = LOWER_LEAD.exec(name)?.[0];
  return lead ? (wordIndex(doc, 'shared/lower-words', LOWER, LETTER | DIGIT).get(lead) ?? []) : null;
}

/** Every capitalised word of the text (a run of letters and numbers opening with a capital) with where it starts, ascending. */
export function capitalWords(doc: AnalysedDoc): ReadonlyMap<string, readonly number[]> {
  return wordIndex(doc, 'shared/capital-words', UPPER, LETTER | NUMBER);
}

/**
 * The positions, ascending, where `name` may stand as written with no letter or digit before it: the starts of
 * the text's words equal to the name's first word. Null when the name does not start with a capital (then only a
 * scan of the text answers).
 */
export function wordStartsOf(doc: AnalysedDoc, name: string): readonly number[] | null {
  const lead = LEAD_WORD.exec(name)?.[0];
  return lead ? (capitalWords(doc).get(lead) ?? []) : null;
}
