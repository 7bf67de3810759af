// A pattern whose every match holds a key word ("servers", "ransom") and is made only of word characters, white space
// and a few marks lies inside the stretch of such characters around one of the key's occurrences (a comma, a bracket or
// a quote ends a stretch). Searching those stretches alone finds the same first match as searching the whole text: the
// character before and after a stretch is no word character, as the start and end of a string are not, so \b reads
// the same there; the pattern must have no look-around. Used by serverCount/own-fleet-hit and the ransom denial.
import { byteTable, isSpace } from './char-classes.ts';
import { firstMatch, nextMatch } from './kit.ts';
import { forText } from './one-byte.ts';

/**
 * What a match of `[\w\s&.'’\x92-]` (\x92: ’ as rules read it) holds under the i and u flags: \w then also takes the long s and the Kelvin sign,
 * which fold to "s" and "k".
 */
export function isWordOrSpace(c: number): boolean {
  return c < 256 ? ONE_BYTE_WORD_OR_SPACE[c] === 1 : wordOrSpace(c);
}
const wordOrSpace = (c: number) =>
  (c >= 48 && c <= 57) ||
  ((c | 32) - 97) >>> 0 < 26 ||
  c === 95 ||
  c === 38 ||
  c === 46 ||
  c === 45 ||
  c === 39 ||
  c === 0x2019 ||
  c === 0x92 ||
  c === 0x17f ||
  c === 0x212a ||
  isSpace(c);
// (’ is 0x92 in the view the rules read: byteTable says why a table)
const ONE_BYTE_WORD_OR_SPACE = byteTable(wordOrSpace);

/**
 * The first match of `re` (no /g, no look-around, every match holding a match of `key` and made of characters `isIn`
 * accepts) in `text`, as `firstMatch(re, text)` finds it, searched only in the stretches around `key`'s matches.
 */
export function firstMatchNearKey(re: RegExp, key: RegExp, text: string, isIn: (c: number) => boolean): { start: number; end: number } | null {
  const inText = forText(re, text);
  const at = stretchWithMatch(inText, forText(key, text), text, isIn);
  if (at < 0) return null;
  // The stretch's first match is the text's first at or after its start: a match at a place of the stretch lies inside
  // it (the character after the stretch, as the one before it, is no character of a match) and reads it the same.
  const m = firstMatch(inText, text, at)!;
  return { start: m.index, end: m.index + m[0].length };
}

/**
 * Where the first stretch around a match of `key` that holds a match of `re` starts, or -1. (Apart from the match's
 * bounds, read once found: code that reads them only on a match, which few texts hold, had no type feedback when
 * TurboFan compiled the loop, and the compiled loop was thrown away at the first match and compiled again.)
 */
function stretchWithMatch(re: RegExp, key: RegExp, text: string, isIn: (c: number) => boolean): number {
  // the text before `done` has been searched
  let done = 0;
  // (the key's matches walked with nextMatch, without an iterator to inline)
  let k: RegExpExecArray | null = null;
  while ((k = nextMatch(key, text, k))) {
    if (k.index < done) continue;
    let start = k.index;
    while (start > done && isIn(text.charCodeAt(start - 1))) start--;
    let end = k.index + k[0].length;
    while (end < text.length && isIn(text.charCodeAt(end))) end++;
    if (firstMatch(re, text.slice(start, end)) !== null) return start;
    done = end;
  }
  return -1;
}
