// Splits text into sentences with their UTF-16 offsets. A regex splitter, not a parser: it must be
// cheap enough to run on every document, and rules only need sentence-sized windows.
import { wordList } from '../../../extractors/_shared/lexicon.ts';

export interface Sentence {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

// "Mr. Chen", "Acme Inc. said", "the U.S. Department": a period after these does not end a sentence.
// The list is data: extractors/lexicon/abbreviations.txt.
const ABBREVIATIONS = new Set(wordList('abbreviations'));

// A candidate boundary: terminal punctuation (and closing quotes/brackets), then white space.
const BOUNDARY = /[.!?]+["'”\x94’\x92)\]]*(?=\s)|\n/g;

// [A-Za-z.] by code unit: a regex test per character was a fifth of the splitter's time
const wordChar = (c: number) => c === 46 || ((c | 32) - 97) >>> 0 < 26;

function wordBefore(text: string, end: number): string {
  let i = end;
  while (i > 0 && wordChar(text.charCodeAt(i - 1))) i--;
  while (i < end && text.charCodeAt(i) === 46) i++; // leading periods are not part of the word
  return text.slice(i, end).toLowerCase();
}

// /\s/ by code unit, without a one-character string per test: ASCII white space here, the rest through the regex
const SPACE = /\s/;
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || (c > 127 && SPACE.test(String.fromCharCode(c)));

/**
 * /^([a-z]\.)+[a-z]$/ of a wordBefore ("u.s", "j.r.r"): its characters are [a-z.] and it opens with a letter, so a
 * letter at every even place and a period at every odd one, of an odd length of three or more.
 */
function initials(word: string): boolean {
  if (word.length < 3 || word.length % 2 === 0) return false;
  for (let i = 0; i < word.length; i++) if ((word.charCodeAt(i) === 46) !== (i % 2 === 1)) return false;
  return true;
}

/** The first character that is not white space in text[from, from + 8), as a code unit, or -1. */
function nextVisible(text: string, from: number): number {
  const to = Math.min(text.length, from + 8);
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!isSpace(c)) return c;
  }
  return -1;
}

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ index: out.length, start: s, end: e, text: text.slice(s, e) });
    start = end;
  };
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0] !== '\n') {
      const punct = m[0][0];
      if (punct === '.') {
        const word = wordBefore(text, m.index);
        // single capital initials ("J. Smith": a word of one letter, as wordBefore opens with none but a letter) and known
        // abbreviations do not end sentences
        if (ABBREVIATIONS.has(word) || word.length === 1 || initials(word)) continue;
      }
      // the next visible character must look like a sentence start
      const next = nextVisible(text, end);
      if (next >= 97 && next <= 122) continue;
    }
    push(end);
  }
  push(text.length);
  return out;
}
