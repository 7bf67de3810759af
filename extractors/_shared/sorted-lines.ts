// A table of string keys to string values written as one text: a "key\tvalue" line per entry, sorted by key, found by
// a binary search of the text. A start that reads such a table from the build's JSON parses one string, where an object
// or a map of the entries made and hashed thousands of keys, most of which no document asks about.

/** The text of `entries` (keys in UTF-16 order; no key or value holds a tab or a newline). */
export function linesOf(entries: Iterable<readonly [string, string]>): string {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [k, v] of sorted) if (/[\t\n]/.test(k + v)) throw new Error(`sorted-lines: "${k}" or its value holds a tab or a newline`);
  return sorted.map(([k, v]) => `${k}\t${v}\n`).join('');
}

/** The value of `key` in a text linesOf wrote, or undefined. */
export function valueOf(lines: string, key: string): string | undefined {
  let lo = 0;
  let hi = lines.length;
  // lo and hi are line starts; the line holding the middle unit is read from its start
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = lines.lastIndexOf('\n', mid - 1) + 1;
    const tab = lines.indexOf('\t', start);
    const order = compare(lines, start, tab, key);
    if (order === 0) return lines.slice(tab + 1, lines.indexOf('\n', tab));
    if (order < 0) lo = lines.indexOf('\n', tab) + 1;
    else hi = start;
  }
  return undefined;
}

/** lines[start, end) against key, in UTF-16 order, without cutting it out: < 0, 0 or > 0. */
function compare(lines: string, start: number, end: number, key: string): number {
  const n = Math.min(end - start, key.length);
  for (let i = 0; i < n; i++) {
    const d = lines.charCodeAt(start + i) - key.charCodeAt(i);
    if (d !== 0) return d;
  }
  return end - start - key.length;
}
