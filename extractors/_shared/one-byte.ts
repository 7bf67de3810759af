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

/** A character the view writes otherwise: one of the originals, or a real stand-in. */
const CHANGED = /[\u2019\u2018\u201C\u201D\u2013\u2014\u2026\u2022\u200B\x81\x85\x91-\x97]/g;
/** A character that keeps the view two-byte (above U+00FF and none of the originals), or a real stand-in. */
const KEEPS_TWO_BYTE = /[\x81\x85\x91-\x97\u0100-\u200A\u200C-\u2012\u2015-\u2017\u201A\u201B\u201E-\u2021\u2023-\u2025\u2027-\uFFFF]/;
/** Any character above U+00FF, or a real stand-in: what makes a text need a view at all. */
const NEEDS_VIEW = /[\x81\x85\x91-\x97\u0100-\uFFFF]/;
const STAND_IN_G = /[\x81\x85\x91-\x97\uE081\uE085\uE091-\uE097]/g;

/** The one-byte view of `text` (the text itself when it holds none of the characters the view writes otherwise). */
export function toView(text: string): string {
  if (!NEEDS_VIEW.test(text)) return text;
  if (KEEPS_TWO_BYTE.test(text)) return text.replace(CHANGED, (c) => TO_VIEW.get(c)!);
  // one byte a character: each code unit's low byte, then the stand-ins where the originals were. Built through a
  // Buffer, as String.prototype.replace would hand back a two-byte string however few characters it left above U+00FF.
  const bytes = Buffer.from(text, 'latin1');
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) bytes[i] = TO_VIEW.get(text[i]!)!.charCodeAt(0);
  }
  return bytes.toString('latin1');
}

/** A string cut from the view (or made from such strings) as the stored text writes it. */
export function fromView(s: string): string {
  // (replace without a test first: a string without stand-ins comes back as it is, and a branch for the strings with
  // them, run on a document's first value with one, threw away the optimised code of the rule that had inlined this)
  return s.replace(STAND_IN_G, (c) => FROM_VIEW.get(c)!);
}
