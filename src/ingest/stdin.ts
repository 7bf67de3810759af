// Standard input: JSONL when the first non-blank character is '{', an HTML page when it opens like one (converted
// as a .html file is), otherwise one plain-text document.
import { bytesToText, dead, fmtBytes, isBlank, looksLikeHtml } from './detect.ts';
import { htmlToRaw } from './html.ts';
import { readJsonlStream } from './jsonl.ts';
import type { IngestItem } from './types.ts';

const NAME = '-';
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d, 0x0c, 0x0b]);

function firstNonBlank(buf: Buffer): number {
  let i = 0;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) i = 3;
  for (; i < buf.length; i++) if (!WHITESPACE.has(buf[i]!)) return buf[i]!;
  return -1;
}

export async function* readStdin(input: AsyncIterable<Buffer | string>, maxBytes: number, onBytes?: (n: number) => void): AsyncGenerator<IngestItem> {
  const it = input[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let first = -1;
  while (first < 0) {
    const r = await it.next();
    if (r.done) break;
    const chunk = typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
    head.push(chunk);
    first = firstNonBlank(Buffer.concat(head));
  }
  const rest: AsyncIterable<Buffer | string> = {
    async *[Symbol.asyncIterator]() {
      yield* head;
      for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
    },
  };
  if (first === 0x7b) {
    yield* readJsonlStream(rest, NAME, maxBytes, onBytes);
    return;
  }
  const parts: Buffer[] = [];
  let size = 0;
  for await (const c of rest) {
    const chunk = typeof c === 'string' ? Buffer.from(c) : c;
    size += chunk.length;
    onBytes?.(chunk.length);
    if (size <= maxBytes) parts.push(chunk);
  }
  if (size > maxBytes) {
    yield dead(NAME, 'too-large', `standard input has ${fmtBytes(size)}, more than the limit of ${fmtBytes(maxBytes)} (--max-bytes)`);
    return;
  }
  const decoded = bytesToText(Buffer.concat(parts, size), NAME);
  if ('dead' in decoded) yield decoded.dead;
  else if (isBlank(decoded.text)) yield dead(NAME, 'empty-text', 'standard input has no text');
  else if (!looksLikeHtml(decoded.text)) yield { kind: 'doc', raw: { text: decoded.text }, input: NAME };
  else {
    const raw = htmlToRaw(decoded.text);
    yield isBlank(raw.text) ? dead(NAME, 'empty-text', 'the HTML page on standard input has no text') : { kind: 'doc', raw, input: NAME };
  }
}
