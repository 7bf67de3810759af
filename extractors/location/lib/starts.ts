// Where the location patterns that read a capitalised run can start, found from the document's capitalised words
// (capital-words.ts, built once and shared) instead of by a regex scan of the whole text per pattern: a pattern whose
// run opens at a capitalised word after a preposition ("in Ohio", "across the City of Leeds"), an article ("the
// Amsterdam company") or before a suffix ("Aichi prefecture", "Catalonia's") is then tried, sticky, only where the
// words before or after one allow it. Each start list holds every place the pattern can match (the comments say why), so
// the matches found are those of the pattern's own scan.
import type { AnalysedDoc } from '../../_shared/kit.ts';
import { capitalStarts } from '../../_shared/capital-words.ts';
import { byteTable, classAt, isSpace, LETTERS_MARKS, UPPER } from '../../_shared/char-classes.ts';

const isLowerAscii = (c: number) => c >= 97 && c <= 122;

/** Where the run of white space ending at `end` starts (`end` when there is none). */
function spaceStart(text: string, end: number): number {
  let i = end;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  return i;
}

// The words a walk back from a capitalised word reads: the prepositions some pattern opens with (index = bit), and the
// words a match may hold between its preposition and its run ("the", "city of").
const PREPOSITIONS = ['in', 'of', 'across', 'throughout', 'near', 'outside'];
const BETWEEN = ['the', 'city', 'of'];

/** The prepositions of PREPOSITIONS as a bit mask, for prepositionStarts. */
export function prepositionMask(words: readonly string[]): number {
  let mask = 0;
  for (const w of words) mask |= 1 << PREPOSITIONS.indexOf(w);
  return mask;
}

/**
 * Starts of `\b(?:<words>)\s+(?:the\s+)?(?:city\s+of\s+)?` before a capitalised word, for a pattern that reads a run
 * there (`mask` from prepositionMask): walking back from each capitalised word over white space and the lower-case words
 * "the", "city", "of" (the words a match may hold between its preposition and the run), every preposition met is a start.
 * A match's run opens a capitalised word (white space is before it), and the words before it are separated by white
 * space, with no a-z letter before the first (\b), so the walk meets its preposition.
 */
export function prepositionStarts(doc: AnalysedDoc, mask: number): number[] {
  const out: number[] = [];
  for (const p of prepositionsBefore(doc)) if (p.mask & mask) out.push(p.start);
  return out;
}

/** Every preposition the walk back from a capitalised word meets, ascending, with the bit of its word. */
function prepositionsBefore(doc: AnalysedDoc): readonly { start: number; mask: number }[] {
  return doc.once('location/prepositions-before', () => walkPrepositions(doc.text, capitalStarts(doc)));
}
// (a function of its own, not the body of the closure handed to doc.once: TurboFan inlined that body, loops and all, into
// each caller it compiled, besides compiling it alone)
function walkPrepositions(text: string, capitals: readonly number[]): { start: number; mask: number }[] {
  const out: { start: number; mask: number }[] = [];
  for (const c of capitals) {
    let at = c;
    for (let k = 0; k < 4; k++) {
      const end = spaceStart(text, at);
      if (end === at) break;
      let start = end;
      while (start > 0 && isLowerAscii(text.charCodeAt(start - 1))) start--;
      const i = wordAt(PREPOSITIONS, text, start, end);
      if (i >= 0) out.push({ start, mask: 1 << i });
      if (wordAt(BETWEEN, text, start, end) < 0) break;
      at = start;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Index in `words` of the word written at [start, end), or -1. */
function wordAt(words: readonly string[], text: string, start: number, end: number): number {
  for (let i = 0; i < words.length; i++) if (words[i]!.length === end - start && text.startsWith(words[i]!, start)) return i;
  return -1;
}

/**
 * Starts of `^` (under /m) or `\b(?:the|a|an|The|A|An)\s+` before a capitalised word: the capitalised word itself at a
 * line's start, and an article written right before the white space before it.
 */
export function articleStarts(doc: AnalysedDoc): readonly number[] {
  return doc.once('location/article-starts', () => walkArticles(doc.text, capitalStarts(doc)));
}
function walkArticles(text: string, capitals: readonly number[]): number[] {
  // Pushed in ascending order, each once: the article before a capitalised word ends where the white space before it
  // starts, after the capitalised word before (a capitalised word inside the article would have a letter before it),
  // so it starts at or after that word, and is pushed before its own word; it is that word ("The" in "The Boston")
  // when equal to the last start pushed. Of the articles one at most ends at a place (their last letters differ, or
  // their case: "the", "The").
  const out: number[] = [];
  for (const c of capitals) {
    const end = spaceStart(text, c);
    if (end !== c) {
      for (const a of ARTICLES) {
        if (end < a.length || !text.startsWith(a, end - a.length)) continue;
        if (out.length === 0 || out[out.length - 1] !== end - a.length) out.push(end - a.length);
        break;
      }
    }
    const before = c === 0 ? 10 : text.charCodeAt(c - 1);
    if (before === 10 || before === 13 || before === 0x2028 || before === 0x2029) out.push(c);
  }
  return out;
}
const ARTICLES = ['the', 'a', 'an', 'The', 'A', 'An'];

// The unit words a run can end before, after white space ("Aichi prefecture").
const UNIT_SUFFIXES = wordsAfter(['prefecture', 'province', 'region', 'county', 'oblast', 'canton', 'department', 'state']);

/**
 * Starts of `(?<![\p{L}\p{N}])(<run>)(\s+(?:prefecture|…|state)\b|['’]s\b)` (`run` a PLACE_RUN): the capitalised words
 * from which a walk over the characters a run is written with (runEndsBefore) meets "'s" / "’s", or white space with a
 * unit word after it.
 */
export function suffixStarts(doc: AnalysedDoc): readonly number[] {
  return doc.once('location/suffix-starts', () => capitalStarts(doc).filter((c) => runEndsBefore(doc.text, c, UNIT_SUFFIXES, true)));
}

/** Words a run may end before (after white space), with the set of their first characters. */
type WordsAfter = { readonly words: readonly string[]; readonly initials: ReadonlySet<number> };
export function wordsAfter(words: readonly string[]): WordsAfter {
  return { words, initials: new Set(words.map((w) => w.charCodeAt(0))) };
}

/**
 * Starts of `(?<![\p{L}\p{N}])(<run>)\s+(?:<words>)` (`run` a PLACE_RUN, greedy or lazy, `words` the first words of what
 * may follow it): the capitalised words from which a walk over the characters a run is written with (runEndsBefore) meets
 * white space with one of the words after it.
 */
export function startsBefore(doc: AnalysedDoc, after: WordsAfter): number[] {
  return capitalStarts(doc).filter((c) => runEndsBefore(doc.text, c, after, false));
}

/**
 * True when a walk from `c` over the characters a PLACE_RUN is written with (letters, marks, "'", "’", ".", and one space
 * or hyphen before each of its at most four further tokens, which open with a capital) meets white space followed by one
 * of `after` (or, with `possessive`, "'s" / "’s"): the run a pattern reads there ends at one of those places if anywhere.
 */
function runEndsBefore(text: string, c: number, after: WordsAfter, possessive: boolean): boolean {
  let joiners = 0;
  // (each character read is inside the text: a read past its end throws V8's optimised code away)
  for (let i = c + width(text, c); i < text.length; ) {
    const ch = text.charCodeAt(i);
    const kind = ch < 256 ? ONE_BYTE_KIND[ch]! : ch === 0x2019 ? QUOTE : classAt(text, i) & LETTERS_MARKS ? RUN_CHAR : 0;
    if (kind === QUOTE) {
      if (possessive && i + 1 < text.length && text.charCodeAt(i + 1) === 115) return true;
      i++;
      continue;
    }
    // "." and any letter or mark, ASCII or not, by its class (a pair of surrogates read whole)
    if (kind === RUN_CHAR) {
      i += ch < 0xd800 ? 1 : width(text, i);
      continue;
    }
    if (isSpace(ch) && wordAfter(text, i, after)) return true;
    // a joiner goes on to a token only before a capital
    if ((ch !== 32 && ch !== 45) || ++joiners > 4 || !(classAt(text, i + 1) & UPPER)) return false;
    i++;
  }
  return false;
}

// What runEndsBefore reads a character as: a quote ("'", "’", and \x92, the rules' stand-in for "’"), a character a run is
// written with ("." and any letter or mark, by its class), or neither; for a character of one byte (most), one look-up.
const QUOTE = 2;
const RUN_CHAR = 1;
const ONE_BYTE_KIND = byteTable((c) => (c === 39 || c === 0x92 ? QUOTE : c === 46 || classAt(String.fromCharCode(c), 0) & LETTERS_MARKS ? RUN_CHAR : 0));

/** Code units of the code point at `i`. */
const width = (text: string, i: number) => ((text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1);

function wordAfter(text: string, i: number, after: WordsAfter): boolean {
  let j = i;
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  if (j === text.length || !after.initials.has(text.charCodeAt(j))) return false;
  for (const w of after.words) if (text.startsWith(w, j)) return true;
  return false;
}
