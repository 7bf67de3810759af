// Reads "Key: value" report headers, as incident databases print them:
//   "Cyber Incident Victim: Province de Namur"   or   "Date:\nJul 2023"
// A header key is a short title-cased phrase at the start of a line; its value is the rest of that
// line or, when that is empty, the next non-empty line.

export interface Header {
  readonly key: string;
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

const HEADER_LINE = /^[ \t]*([A-Z][A-Za-z]*(?:[ \t]+[A-Za-z]+){0,3})[ \t]*:[ \t]*(.*)$/gm;
const MAX_VALUE = 200;

export function readHeaders(text: string): Map<string, Header> {
  const headers = new Map<string, Header>();
  HEADER_LINE.lastIndex = 0;
  for (let m = HEADER_LINE.exec(text); m; m = HEADER_LINE.exec(text)) {
    const key = m[1]!.toLowerCase().replace(/\s+/g, ' ');
    let value = m[2]!.trim();
    let start = m.index + m[0].length - m[2]!.length + (m[2]!.length - m[2]!.trimStart().length);
    if (!value) {
      const rest = /\n[ \t]*([^\n]*\S)[ \t]*(?=\n|$)/y;
      rest.lastIndex = m.index + m[0].length;
      const next = rest.exec(text);
      if (!next) continue;
      value = next[1]!.trim();
      start = next.index + next[0].indexOf(value);
      if (/:\s*$/.test(value)) continue; // the next line is another header
    }
    if (!value || value.length > MAX_VALUE || headers.has(key)) continue;
    headers.set(key, { key, value, start, end: start + value.length });
  }
  return headers;
}
