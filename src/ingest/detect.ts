// Byte-level checks every reader runs before trusting its input: binary junk, broken UTF-8, emptiness.
import type { DeadLetter } from '../core/contract/record.ts';
import { deadLetter } from '../core/contract/dead-letter.ts';
import type { IngestItem } from './types.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });
// A text file may carry a few form feeds or escape codes; past this share of control bytes it is not text.
const MAX_CONTROL_SHARE = 0.1;
const SAMPLE_BYTES = 64 * 1024;

export function dead(
  input: string,
  reason: DeadLetter['reason'],
  message: string,
  id: string | null = null,
  stage: DeadLetter['stage'] = reason === 'broken-json' || reason === 'missing-text' || reason === 'empty-text' ? 'ingest' : 'read',
): IngestItem {
  return { kind: 'dead', deadLetter: deadLetter(id, input, stage, reason, message) };
}

function hasUtf16Bom(buf: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  return null;
}

/** Why these bytes are not text, or null when they look like text. */
function binaryReason(buf: Uint8Array): string | null {
  if (hasUtf16Bom(buf)) return null;
  const nul = buf.indexOf(0);
  if (nul >= 0) return `contains a NUL byte at offset ${nul}`;
  const n = Math.min(buf.length, SAMPLE_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) control++;
  }
  return n && control / n > MAX_CONTROL_SHARE ? `${control} of its first ${n} bytes are control characters` : null;
}

/** Decodes UTF-8 strictly (UTF-16 when a BOM says so); a string, or the decoder's complaint. */
function decodeText(buf: Uint8Array): { text: string } | { error: string } {
  const bom = hasUtf16Bom(buf);
  try {
    return { text: bom ? new TextDecoder(bom, { fatal: true }).decode(buf) : utf8.decode(buf) };
  } catch {
    return { error: `not valid ${bom ?? 'UTF-8'} text: ${firstBadByte(buf)}` };
  }
}

function firstBadByte(buf: Uint8Array): string {
  for (let i = 0; i < buf.length; i++) {
    if (buf[i]! < 0x80) continue;
    const len = buf[i]! >= 0xf0 ? 4 : buf[i]! >= 0xe0 ? 3 : buf[i]! >= 0xc0 ? 2 : 1;
    try {
      utf8.decode(buf.subarray(i, i + len));
      i += len - 1;
    } catch {
      return `bad byte 0x${buf[i]!.toString(16).padStart(2, '0')} at offset ${i}`;
    }
  }
  return 'truncated sequence at the end';
}

/** Bytes → text or the dead letter that explains why not. */
export function bytesToText(buf: Uint8Array, input: string): { text: string } | { dead: IngestItem } {
  const bin = binaryReason(buf);
  if (bin) return { dead: dead(input, 'binary', `looks like binary data, not text: ${bin}`) };
  const dec = decodeText(buf);
  if ('error' in dec) return { dead: dead(input, 'invalid-utf8', dec.error) };
  return { text: dec.text };
}

export const isBlank = (s: string) => !/[^\s\u200B-\u200D\u2060\uFEFF]/.test(s);

export const fmtBytes = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} bytes`);

// A page piped in has no extension to go by: it is HTML when it opens (after comments) with a doctype or one of
// the tags a page or fragment starts with. Plain text rarely opens with '<tag'; a quoted tag mid-text does not count.
const HTML_START = /^\uFEFF?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|main|div|section|p|h[1-6])\b/i;

export const looksLikeHtml = (text: string) => HTML_START.test(text.slice(0, 64 * 1024));
