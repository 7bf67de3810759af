// Whole-file inputs (.txt, .md, .html, .json): size-checked before reading, then decoded strictly.
import { readFile, stat } from 'node:fs/promises';
import { bytesToText, dead, fmtBytes, isBlank } from './detect.ts';
import { htmlToRaw } from './html.ts';
import { markdownToRaw } from './markdown.ts';
import { objectToItem } from './objects.ts';
import type { RawDocument } from '../core/document.ts';
import type { IngestItem } from './types.ts';

export type FileFormat = 'text' | 'markdown' | 'html' | 'json' | 'jsonl';

const FORMATS: Record<string, FileFormat> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
};

export function formatOf(path: string): FileFormat | null {
  if (/\.expected\.json$/i.test(path)) return null;
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  return (ext && FORMATS[ext]) || null;
}

export const errMessage = (err: unknown) => {
  const e = err as NodeJS.ErrnoException;
  return e.code ? `${e.code}: ${e.message.replace(/^\w+: /, '')}` : String(e?.message ?? err);
};

function docOrEmpty(raw: RawDocument, input: string, what: string): IngestItem {
  if (isBlank(raw.text)) return dead(input, 'empty-text', `${what} has no text`, raw.id ?? null);
  return { kind: 'doc', raw, input };
}

/** Reads one whole file, yielding its document(s) or dead letters. */
export async function* readWholeFile(
  path: string,
  format: Exclude<FileFormat, 'jsonl'>,
  maxBytes: number,
  onBytes?: (n: number) => void,
): AsyncGenerator<IngestItem> {
  let buf: Buffer;
  try {
    const size = (await stat(path)).size;
    if (size > maxBytes) {
      onBytes?.(size);
      yield dead(path, 'too-large', `the file has ${fmtBytes(size)}, more than the limit of ${fmtBytes(maxBytes)} (--max-bytes)`);
      return;
    }
    buf = await readFile(path);
  } catch (err) {
    yield dead(path, 'unreadable', `cannot read the file: ${errMessage(err)}`);
    return;
  }
  onBytes?.(buf.length);
  if (buf.length === 0) {
    yield dead(path, 'empty-text', 'the file is empty (0 bytes)');
    return;
  }
  const decoded = bytesToText(buf, path);
  if ('dead' in decoded) {
    yield decoded.dead;
    return;
  }
  yield* textToItems(decoded.text, path, format);
}

function* textToItems(text: string, path: string, format: Exclude<FileFormat, 'jsonl'>): Generator<IngestItem> {
  if (format === 'text') yield docOrEmpty({ text, uri: path }, path, 'the file');
  else if (format === 'markdown') yield docOrEmpty(markdownToRaw(text, path), path, 'the Markdown file');
  else if (format === 'html') yield docOrEmpty(htmlToRaw(text, path), path, 'the HTML page');
  else yield* jsonToItems(text, path);
}

function* jsonToItems(text: string, path: string): Generator<IngestItem> {
  if (isBlank(text)) {
    yield dead(path, 'empty-text', 'the JSON file is only whitespace');
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    yield dead(path, 'broken-json', `the file is not valid JSON: ${(err as Error).message}`);
    return;
  }
  if (!Array.isArray(value)) {
    yield objectToItem(value, path);
    return;
  }
  for (let i = 0; i < value.length; i++) yield objectToItem(value[i], `${path}[${i}]`);
}
