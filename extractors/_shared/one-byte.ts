// The text the rules read: the stored text with the common punctuation above U+00FF (’ ‘ “ ” – — … •) written as
// stand-ins of one byte, their Windows-1252 places in the C1 controls (’ → \x92, – → \x96, … → \x85), and the
// zero-width space, which no rule names, as \x81 (a place Windows-1252 leaves empty). V8 compiles a regex once per string
// width: a text held as one byte a character spares every pattern its second, two-byte compilation, which a few curly
// quotes in a text used to cost. The view is the same length as the text, character for character, so every offset into
// it is one into the stored text; a pattern that tells one of these characters apart also takes its stand-in, and what
// a rule returns (values, evidence) goes back through fromView. A real C1 control that is a stand-in is written as a
// private-use character (\x92 → \uE092) and comes back as itself, so the view is always one-to-one; a text holding any
// other character above U+00FF stays two-byte, which costs the second compilation only.

const ORIGINALS = '\u2019\u2018\u201C\u201D\u2013\u2014\u2026\u2022\u200B';
const STAND_INS = '\x92\x91\x93\x94\x96\x97\x85\x95\x81';
/** A stand-in as a real C1 control (\x92) stands in the view: a private-use character at U+E000 + its code. */
const PRIVATE = 0xe000;

const TO_VIEW = new Map<string, string>();
const FROM_VIEW = new Map<string, string>();
for (let i = 0; i < ORIGINALS.length; i++) {
  const real = STAND_INS[i]!;
  const escaped = String.fromCharCode(PRIVATE + real.charCodeAt(0));
  TO_VIEW.set(ORIGINALS[i]!, real).set(real, escaped);
  FROM_VIEW.set(real, ORIGINALS[i]!).set(escaped, real);
}

/** `chars` as the body of a regex character class, each as a \\u escape. */
const classOf = (chars: string) => [...chars].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
/** The characters above U+00FF (to U+FFFF) but `chars`, as the body of a character class. */
function wideBut(chars: string): string {
  let out = '';
  let from = 0x100;
  for (const c of [...[...chars].map((ch) => ch.charCodeAt(0)).sort((a, b) => a - b), 0x10000]) {
    if (c > from) out += classOf(String.fromCharCode(from)) + (c - 1 > from ? `-${classOf(String.fromCharCode(c - 1))}` : '');
    from = c + 1;
  }
  return out;
}
const PRIVATES = [...STAND_INS].map((c) => String.fromCharCode(PRIVATE + c.charCodeAt(0))).join('');
/** A character the view writes otherwise: one of the originals, or a real stand-in. */
const CHANGED = new RegExp(`[${classOf(ORIGINALS + STAND_INS)}]`, 'g');
/** A character that keeps the view two-byte (above U+00FF and none of the originals), or a real stand-in. */
const KEEPS_TWO_BYTE = new RegExp(`[${classOf(STAND_INS)}${wideBut(ORIGINALS)}]`);
/** Any character above U+00FF, or a real stand-in: what makes a text need a view at all. */
const NEEDS_VIEW = new RegExp(`[${classOf(STAND_INS)}${wideBut('')}]`);
const STAND_IN_G = new RegExp(`[${classOf(STAND_INS + PRIVATES)}]`, 'g');
/** Every character above U+00FF. */
const WIDE_G = /[^\x00-\xff]/g;

/** The one-byte view of `text` (the text itself when it holds none of the characters the view writes otherwise). */
export function toView(text: string): string {
  if (!NEEDS_VIEW.test(text)) return text;
  if (KEEPS_TWO_BYTE.test(text)) return text.replace(CHANGED, (c) => TO_VIEW.get(c)!);
  // one byte a character: each code unit's low byte, then the stand-ins where the originals were. Built through a
  // Buffer, as String.prototype.replace would hand back a two-byte string however few characters it left above U+00FF.
  // (the originals found by a search rather than by a loop over every character: the loop ran as baseline code over
  // most of the 400 e2e texts, a property load and a call a character, some 25 M instructions)
  const bytes = Buffer.from(text, 'latin1');
  for (const m of text.matchAll(WIDE_G)) bytes[m.index] = TO_VIEW.get(m[0])!.charCodeAt(0);
  return bytes.toString('latin1');
}

/** A string cut from the view (or made from such strings) as the stored text writes it. */
export function fromView(s: string): string {
  // (replace without a test first: a string without stand-ins comes back as it is, and a branch for the strings with
  // them, run on a document's first value with one, threw away the optimised code of the rule that had inlined this)
  return s.replace(STAND_IN_G, (c) => FROM_VIEW.get(c)!);
}

// A pattern's \p{…} classes cost V8 an ICU set each time it parses the pattern (at creation, and again for each compile),
// and a class of every letter of Unicode is a large piece of code, even where a text of one byte a character (nearly every
// view) can only meet its first 256. For such a text the same pattern with each class written out over U+0000-U+00FF
// finds the same matches; the pattern as written is compiled only when a text needs it.
/** The members up to U+00FF of each property the rules name: under /u, and under /iu, where case folding lets \p{Lu} take "a". */
const LATIN1: Record<string, readonly [string, string]> = {
  Lu: [String.raw`A-Z\xC0-\xD6\xD8-\xDE`, String.raw`A-Za-z\xB5\xC0-\xD6\xD8-\xF6\xF8-\xFF`],
  Ll: [String.raw`a-z\xB5\xDF-\xF6\xF8-\xFF`, String.raw`A-Za-z\xB5\xC0-\xD6\xD8-\xF6\xF8-\xFF`],
  L: [String.raw`A-Za-z\xAA\xB5\xBA\xC0-\xD6\xD8-\xF6\xF8-\xFF`, String.raw`A-Za-z\xAA\xB5\xBA\xC0-\xD6\xD8-\xF6\xF8-\xFF`],
  M: ['', ''],
  N: [String.raw`0-9\xB2\xB3\xB9\xBC-\xBE`, String.raw`0-9\xB2\xB3\xB9\xBC-\xBE`],
};
const PIECE = /\\p\{(\w+)\}|\\.|\[|\]/g;

/** `source` (a /u pattern) with each \p{…} written out over U+0000-U+00FF: the same matches in a text of one byte a character. */
export function latin1Source(source: string, ignoreCase: boolean): string {
  let inClass = false;
  return source.replace(PIECE, (piece, property?: string) => {
    if (property === undefined) {
      // (under /u a "[" inside a class is the character itself)
      if (piece === '[') inClass = true;
      else if (piece === ']') inClass = false;
      return piece;
    }
    const ranges = LATIN1[property]?.[ignoreCase ? 1 : 0];
    if (ranges === undefined) throw new Error(`latin1Source: no Latin-1 ranges for \\p{${property}}`);
    return inClass ? ranges : `[${ranges}]`;
  });
}

// V8 compiles a regex first run on a subject under 1,000 characters to bytecode, runs that once, and compiles it again, to
// machine code, at its next run; a first run on a longer subject compiles machine code at once (for our patterns less work
// than the bytecode alone). A regex made to be searched many times (a copy made on first use, a pattern built at module
// level for every text) is compiled so where it is made, by a search of a long subject on which no pattern gets far, and
// never checked again where it is searched. Code is compiled per string width: the one-byte subject for the rules' view.
/** A subject (of one byte a character) a first search of which compiles a regex to machine code at once. */
export const COMPILING_SUBJECT = '\0'.repeat(1000);
const COMPILING_TWO_BYTE = `${'\0'.repeat(999)}\u0100`;
/** `re`, compiled to machine code now for texts of one byte a character (or, `wide`, for others); search leaves lastIndex as it was. */
export function compiledNow<R extends RegExp>(re: R, wide = false): R {
  (wide ? COMPILING_TWO_BYTE : COMPILING_SUBJECT).search(re);
  return re;
}

const WIDE = /[^\x00-\xff]/;
// the last text asked about: a rule asks of the same text many times over
let lastText: string | undefined;
let lastOneByte = false;
/** Whether every character of `text` is one of U+0000-U+00FF. */
export function isOneByte(text: string): boolean {
  if (text !== lastText) {
    lastOneByte = !WIDE.test(text);
    lastText = text;
  }
  return lastOneByte;
}

// What only /u reads so: a \P{…} class (latin1Source writes out \p{…} only), a \u{…} escape, a character above U+FFFF
// (a surrogate, escaped or written).
const NEEDS_UNICODE = /\\[Pu]\{|\\u[dD][89a-fA-F]|[\uD800-\uDFFF]/;
/**
 * The flags of a pattern written over U+0000-U+00FF (latin1Source) for a text of one byte a character: without /u when it
 * needs none. In such a text /u changes nothing the pattern finds: there is no character above U+FFFF to read as one, and
 * the characters /iu folds that /i does not (the long s to "s", the Kelvin sign to "k") are not in it; \w, \b and case
 * folding read U+0000-U+00FF alike with or without /u. V8 compiles the pattern without /u for less (a fifth less under /i).
 */
function oneByteFlags(source: string, flags: string): string {
  return NEEDS_UNICODE.test(source) ? flags : flags.replace('u', '');
}

/**
 * A /u pattern for the width of the text it searches: with its \p{…} classes written over U+0000-U+00FF and without /u
 * (oneByteFlags) for a text of one byte a character (or a part of one), as written for any other (built the first time
 * such a text comes). A text of one byte a character, nearly every one, then needs no parse of the \p{…} classes over all
 * of Unicode: the pattern under /u is parsed only when a wider text comes.
 */
export function byWidth(source: string, flags: string): (text: string) => RegExp {
  if (!flags.includes('u')) throw new Error('byWidth: a pattern under /u only');
  const narrowSource = latin1Source(source, flags.includes('i'));
  const narrow = compiledNow(new RegExp(narrowSource, oneByteFlags(narrowSource, flags)));
  let wide: RegExp | undefined;
  return (text) => (isOneByte(text) ? narrow : (wide ??= compiledNow(new RegExp(source, flags), true)));
}

// the copies forText made, by regex (module-level regexes only: a regex made per call would stay here)
const narrowed = new Map<RegExp, RegExp>();
/**
 * `re` (a module-level regex) for searching `text`: for a text of one byte a character and a /u regex, a copy with its
 * \p{…} classes written over U+0000-U+00FF and without /u where it needs none (oneByteFlags), made on first use, the same
 * matches; else `re` itself.
 */
export function forText(re: RegExp, text: string): RegExp {
  if (!re.unicode || !isOneByte(text)) return re;
  let narrow = narrowed.get(re);
  if (!narrow) narrowed.set(re, (narrow = compiledNow(oneByteCopy(re))));
  return narrow;
}

/** What forText searches for `re` (a /u regex) in a text of one byte a character, made anew and not compiled yet. */
export function oneByteCopy(re: RegExp): RegExp {
  const source = latin1Source(re.source, re.ignoreCase);
  const flags = oneByteFlags(source, re.flags);
  return source === re.source && flags === re.flags ? re : new RegExp(source, flags);
}
