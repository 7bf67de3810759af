// A case-insensitive regex without the /i flag. V8 compiles a pattern under /i (more so /iu) to code that folds the case
// of every letter it compares; the same pattern with each letter written as a class of its cases ("[mM][iI][lL]…")
// compiles cheaper, once per start and per one-byte and two-byte form of a text, though it runs somewhat slower: worth it
// for a long pattern that runs over little text (money.ts, location/lib/context.ts, origin's triggers). Without /u, /i
// matches an ASCII letter to its other case only (a character beyond ASCII never matches an ASCII letter), so the two
// patterns match the same text.

const LETTER = /[A-Za-z]/;
// the escapes of a letter that stand for no letter (classes, boundaries, controls, a named reference)
const ESCAPES = 'dDwWsSbBnrtvfcuxkpP';
const other = (c: string) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase());
// With /u, /i also matches "s" to the long s and "k" to the Kelvin sign, and counts both as word characters (\w, \b):
// the only characters beyond ASCII it folds to an ASCII letter.
const UNICODE_FOLDS: Record<string, string> = { s: '\u017F', k: '\u212A' };
const WORD = String.raw`[\w\u017F\u212A]`;
const UNICODE_ESCAPES: Record<string, string> = {
  w: WORD,
  W: String.raw`[^\w\u017F\u212A]`,
  b: String.raw`(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`,
  B: String.raw`(?:(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD}))`,
};

/**
 * The source of a pattern written for /i (without /u) as the same pattern for no /i: each ASCII letter outside a class
 * becomes the class of its two cases, a class gets each letter's other case. Escapes and group names are kept. Throws for
 * what it cannot rewrite so: a letter with cases beyond ASCII, a class range at a letter, an escaped letter ("\\x41").
 */
export function caseless(source: string, options: { unicode?: boolean } = {}): string {
  const unicode = !!options.unicode;
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      // \uXXXX, \xXX and \k<name> whole; a class escape or a control character's; an escaped letter is refused
      const n = source[i + 1] ?? '';
      const braced = n === 'u' && source[i + 2] === '{';
      const end = braced
        ? source.indexOf('}', i) + 1
        : n === 'u'
          ? i + 6
          : n === 'x'
            ? i + 4
            : n === 'k'
              ? source.indexOf('>', i) + 1
              : n === 'c'
                ? i + 3
                : i + 2;
      const hex = braced ? source.slice(i + 3, end - 1) : source.slice(i + 2, end);
      const code = n === 'u' || n === 'x' ? String.fromCodePoint(Number.parseInt(hex, 16)) : '';
      if (LETTER.test(code) || (LETTER.test(n) && !ESCAPES.includes(n))) throw new Error(`caseless: an escaped letter in ${source}`);
      if (unicode && (n === 'p' || n === 'P')) throw new Error(`caseless: a property class under /u in ${source}`);
      if (unicode && UNICODE_ESCAPES[n] && !(inClass && (n === 'b' || n === 'B'))) {
        if (inClass && n !== 'w') throw new Error(`caseless: \\${n} in a class under /u in ${source}`);
        out += inClass ? String.raw`\w\u017F\u212A` : UNICODE_ESCAPES[n];
        i = end - 1;
        continue;
      }
      out += source.slice(i, end);
      i = end - 1;
      continue;
    }
    if (!inClass && source.startsWith('(?<', i) && LETTER.test(source[i + 3] ?? '')) {
      const end = source.indexOf('>', i) + 1;
      out += source.slice(i, end);
      i = end - 1;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    else if (LETTER.test(c)) {
      if (inClass && (source[i - 1] === '-' || source[i + 1] === '-')) throw new Error(`caseless: a class range at a letter in ${source}`);
      const cases = c + other(c) + (unicode ? (UNICODE_FOLDS[c.toLowerCase()] ?? '') : '');
      out += inClass ? cases : `[${cases}]`;
      continue;
    } else if (c.toLowerCase() !== c.toUpperCase()) throw new Error(`caseless: "${c}" has cases beyond ASCII`);
    out += c;
  }
  return out;
}
