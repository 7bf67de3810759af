// JSONL, one object per line, streamed: memory stays bounded by --max-bytes whatever the file size.
// Lines are split on bytes rather than with readline so an over-long line is refused without ever
// being built into a string, and so each line's UTF-8 is checked strictly on its own.
import { createReadStream } from 'node:fs';
import { bytesToText, dead, fmtBytes, isBlank } from './detect.ts';
import { objectToItem } from './objects.ts';
import type { IngestItem } from './types.ts';

const NL = 0x0a;

interface Line {
  n: number;
  buf: Buffer | null;
  size: number;
}

/** Lines of a byte stream; `buf` is null when the line exceeded maxBytes (its bytes were dropped). */
async function* splitLines(chunks: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let n = 0;
  for await (const c of chunks) {
    const chunk = typeof c === 'string' ? Buffer.from(c) : c;
    let pos = 0;
    while (pos < chunk.length) {
      const nl = chunk.indexOf(NL, pos);
      const end = nl < 0 ? chunk.length : nl;
      if (size + (end - pos) <= maxBytes) parts.push(chunk.subarray(pos, end));
      else parts = [];
      size += end - pos;
      if (nl < 0) break;
      yield { n: ++n, buf: size <= maxBytes ? Buffer.concat(parts, size) : null, size };
      parts = [];
      size = 0;
      pos = nl + 1;
    }
  }
  if (size > 0) yield { n: ++n, buf: size <= maxBytes ? Buffer.concat(parts, size) : null, size };
}

function lineToItem(line: Line, input: string, maxBytes: number): IngestItem | null {
  if (!line.buf) {
    return dead(input, 'too-large', `line ${line.n} has ${fmtBytes(line.size)}, more than the limit of ${fmtBytes(maxBytes)} (--max-bytes)`);
  }
  let buf = line.buf;
  if (buf[buf.length - 1] === 0x0d) buf = buf.subarray(0, -1);
  if (line.n === 1 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
  const decoded = bytesToText(buf, input);
  if ('dead' in decoded) return decoded.dead;
  if (isBlank(decoded.text)) return null;
  let value: unknown;
  try {
    value = JSON.parse(decoded.text);
  } catch (err) {
    return dead(input, 'broken-json', `line ${line.n} is not valid JSON: ${(err as Error).message}`);
  }
  return objectToItem(value, input);
}

export async function* readJsonlStream(
  chunks: AsyncIterable<Buffer | string>,
  name: string,
  maxBytes: number,
  onBytes?: (n: number) => void,
): AsyncGenerator<IngestItem> {
  for await (const line of splitLines(chunks, maxBytes)) {
    onBytes?.(line.size + 1);
    const item = lineToItem(line, `${name}:${line.n}`, maxBytes);
    if (item) yield item;
  }
}

export function readJsonlFile(path: string, maxBytes: number, onBytes?: (n: number) => void): AsyncGenerator<IngestItem> {
  return readJsonlStream(createReadStream(path, { highWaterMark: 1 << 20 }), path, maxBytes, onBytes);
}
