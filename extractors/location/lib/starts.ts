// Where the location patterns that read a capitalised run can start, found from the document's capitalised words
// (capital-words.ts, built once and shared) instead of by a regex scan of the whole text per pattern: a pattern whose
// run opens at a capitalised word after a preposition ("in Ohio", "across the City of Leeds"), an article ("the
// Amsterdam company") or before a suffix ("Aichi prefecture", "Catalonia's") is then tried, sticky, only where the
// words before or after one allow it. Each start list holds every place the pattern can match (the comments say why), so
// the matches found are those of the pattern's own scan.
import { firstMatch, type AnalysedDoc } from '../../_shared/kit.ts';
import { capitalWords } from '../../_shared/capital-words.ts';

/** The matches of `sticky` (a pattern with /y) tried at `starts` (ascending), without overlaps: a global scan's matches
 * when every place the pattern can match is among the starts. */
export function* matchesAt(sticky: RegExp, text: string, starts: readonly number[]): Generator<RegExpExecArray> {
  let from = 0;
  for (const at of starts) {
    if (at < from) continue;
    const m = firstMatch(sticky, text, at);
    if (!m) continue;
    from = m.index + Math.max(1, m[0].length);
    yield m;
  }
}

/** Every start of a capitalised word (a run of letters and numbers opening with \p{Lu}, none before it), ascending. */
function capitalStarts(doc: AnalysedDoc): readonly number[] {
  return doc.once('location/capital-starts', () => {
    const out: number[] = [];
    for (const starts of capitalWords(doc).values()) for (const s of starts) out.push(s);
    return out.sort((a, b) => a - b);
  });
}

/** What \s matches. */
export function isSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const isLowerAscii = (c: number) => c >= 97 && c <= 122;

/** Where the run of white space ending at `end` starts (`end` when there is none). */
function spaceStart(text: string, end: number): number {
  let i = end;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  return i;
}

/**
 * Starts of `\b(?:<words>)\s+(?:the\s+)?(?:city\s+of\s+)?` before a capitalised word, for a pattern that reads a run
 * there: walking back from each capitalised word over white space and the lower-case words "the", "city", "of" (the words
 * a match may hold between its preposition and the run), every one of `words` met is a start. A match's run opens a
 * capitalised word (white space is before it), and the words before it are separated by white space and have a
 * non-letter before them, so the walk meets its preposition.
 */
export function prepositionStarts(doc: AnalysedDoc, key: string, words: ReadonlySet<string>): readonly number[] {
  return doc.once(`location/preposition-starts/${key}`, () => {
    const text = doc.text;
    const out: number[] = [];
    for (const c of capitalStarts(doc)) {
      let at = c;
      for (let k = 0; k < 4; k++) {
        const end = spaceStart(text, at);
        if (end === at) break;
        let start = end;
        while (start > 0 && isLowerAscii(text.charCodeAt(start - 1))) start--;
        if (start === end) break;
        const word = text.slice(start, end);
        if (words.has(word)) out.push(start);
        if (word !== 'the' && word !== 'city' && word !== 'of') break;
        at = start;
      }
    }
    return out.sort((a, b) => a - b);
  });
}

/**
 * Starts of `^` (under /m) or `\b(?:the|a|an|The|A|An)\s+` before a capitalised word: the capitalised word itself at a
 * line's start, and an article written right before the white space before it.
 */
export function articleStarts(doc: AnalysedDoc): readonly number[] {
  return doc.once('location/article-starts', () => {
    const text = doc.text;
    const out: number[] = [];
    for (const c of capitalStarts(doc)) {
      const before = text.charCodeAt(c - 1);
      if (c === 0 || before === 10 || before === 13 || before === 0x2028 || before === 0x2029) out.push(c);
      const end = spaceStart(text, c);
      if (end === c) continue;
      for (const a of ARTICLES) if (end >= a.length && text.startsWith(a, end - a.length)) out.push(end - a.length);
    }
    return [...new Set(out)].sort((a, b) => a - b);
  });
}
const ARTICLES = ['the', 'a', 'an', 'The', 'A', 'An'];
