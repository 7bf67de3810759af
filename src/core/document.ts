// The raw document a processor receives, and how its text is normalised and identified.
import { createHash } from 'node:crypto';
import type { RawDocument } from './contract/raw-document.ts';

export type { RawDocument } from './contract/raw-document.ts';

// A lone UTF-16 surrogate (from a JSON "\ud800" escape) has no UTF-8 form: no database or file keeps it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text as stored: NFC, no BOM, \n line ends, no NUL or other C0 controls but tab and newline, no lone surrogates. */
export function normaliseText(text: string): string {
  return text
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ' ')
    .normalize('NFC');
}

/** Content id: the same text, however it was spaced, gets the same id. */
export function contentId(text: string): string {
  const canonical = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return 'sha256-' + createHash('sha256').update(canonical).digest('hex').slice(0, 32);
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
  return { id: raw.id ?? contentId(text), text, source };
}
