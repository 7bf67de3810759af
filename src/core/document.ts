// The raw document a processor receives, and how its text is normalised and identified.
import type { RawDocument } from './contract/raw-document.ts';

export type { RawDocument } from './contract/raw-document.ts';

// A lone UTF-16 surrogate (from a JSON "\ud800" escape) has no UTF-8 form: no database or file keeps it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// What any of the four replaces would change (a surrogate, paired or not; a BOM anywhere; a carriage return; a control
// character): most texts hold none, and one search then stands for the four.
const NEEDS_CLEANING = /[\uD800-\uDFFF\uFEFF\r\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The text as stored: NFC, no BOM, \n line ends, no NUL or other C0 controls but tab and newline, no lone surrogates. */
export function normaliseText(text: string): string {
  const clean = !NEEDS_CLEANING.test(text)
    ? text
    : text
        .replace(LONE_SURROGATE, '\uFFFD')
        .replace(/^\uFEFF/, '')
        .replace(/\r\n?/g, '\n')
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ' ');
  return nfc(clean);
}

// Latin-1 text is NFC already (no combining marks, nothing in it composes): ICU is skipped, and with it a UTF-16
// copy of a long text (~2 bytes a character, held while it checks).
const nfc = (text: string): string => (/[^\u0000-\u00FF]/.test(text) ? text.normalize('NFC') : text);

/** Content id: the same text, however it was spaced, gets the same id. */
export function contentId(text: string): string {
  return idOfNfc(nfc(text));
}

function idOfNfc(text: string): string {
  // The hash of text.normalize('NFC').replace(/\s+/g, ' ').trim(), fed piece by piece: on a 10 MB text that one
  // replace held ~165 MB at once (#12 item 10). A piece ends after a whole whitespace run and never inside a surrogate
  // pair, so each run is collapsed within one piece and the UTF-8 bytes hashed are the same.
  // Only the first piece can open with white space (each later one starts after a whole run); a piece's closing
  // space is hashed only once a later piece has more to say, which trims the end without holding every piece.
  // node:crypto (16 modules, ~2 ms) loaded by the first document without an id, not by every start of the engine
  const hash = process.getBuiltinModule('node:crypto').createHash('sha256');
  let first = true;
  let spaceOwed = false;
  for (const piece of textPieces(text, true)) {
    let out = piece.replace(/\s+/g, ' ');
    if (first) out = out.trimStart();
    first = false;
    if (!out) continue;
    if (spaceOwed) hash.update(' ');
    spaceOwed = out.endsWith(' ');
    hash.update(spaceOwed ? out.slice(0, -1) : out);
  }
  return 'sha256-' + hash.digest('hex').slice(0, 32);
}

const PIECE_CHARS = 1 << 20;
const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;

/**
 * A long text as consecutive pieces of about PIECE_CHARS characters, none ending inside a surrogate pair (so each
 * piece's UTF-8 is that part of the whole's), and with `wholeRuns` none ending inside a run of whitespace.
 */
export function* textPieces(text: string, wholeRuns = false): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + PIECE_CHARS);
    while (end < text.length && (isHighSurrogate(text.charCodeAt(end - 1)) || (wholeRuns && /\s/.test(text[end]!)))) end++;
    yield start === 0 && end === text.length ? text : text.slice(start, end);
    start = end;
  }
}

/** Prepared documents carry `source`; raw ones never do (RawDocument has no such key). */
const isPrepared = (d: RawDocument | PreparedDocument): d is PreparedDocument => typeof (d as PreparedDocument).source === 'object';

/** A document made ready once: its normalised text, the id its record will carry, its source metadata. */
export interface PreparedDocument {
  readonly id: string;
  readonly text: string;
  readonly source: { readonly uri?: string; readonly title?: string; readonly publishedAt?: string };
}

/**
 * The one place a raw document's identity is decided: its own id, else the content hash of its normalised text.
 * A document prepared already comes back as it is, so each stage can call this and the work is done once.
 */
export function prepare(raw: RawDocument | PreparedDocument): PreparedDocument {
  if (isPrepared(raw)) return raw;
  const text = normaliseText(raw.text ?? '');
  const source = {
    ...(raw.uri ? { uri: raw.uri } : {}),
    ...(raw.title ? { title: raw.title } : {}),
    ...(raw.publishedAt ? { publishedAt: raw.publishedAt } : {}),
  };
  // normaliseText made the text NFC already: not again for its id
  return { id: raw.id ?? idOfNfc(text), text, source };
}
