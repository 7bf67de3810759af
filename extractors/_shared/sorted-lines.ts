// A table as one string of sorted lines, "key\tvalue\n" each (keys sorted as JavaScript sorts strings, no tab or newline
// in a key): a lookup binary-searches the string itself, so a start neither splits nor indexes it.

/** The lines `key\tvalue` of the entries, sorted by key; an entry whose key or value holds a tab or a newline is refused. */
export function sortedLines(entries: Iterable<readonly [string, string]>): string {
  const lines: string[] = [];
  for (const [key, value] of entries) {
    if (/[\t\n]/.test(key) || /\n/.test(value)) throw new Error(`sorted-lines: "${key}" holds a tab or a newline`);
    lines.push(`${key}\t${value}`);
  }
  // keys are unique: the order of whole lines is the order of their keys (a tab sorts before any character of a name)
  return lines.sort((a, b) => (a.slice(0, a.indexOf('\t')) < b.slice(0, b.indexOf('\t')) ? -1 : 1)).join('\n') + (lines.length ? '\n' : '');
}

/** The value of `key` in a table of sortedLines, or undefined. */
export function lineValue(table: string, key: string): string | undefined {
  // each bound a line's start: the line holding the middle character is read from its start (after the newline before it)
  let lo = 0;
  let hi = table.length;
  while (lo < hi) {
    let start = table.lastIndexOf('\n', ((lo + hi) >> 1) - 1) + 1;
    if (start < lo) start = lo;
    const tab = table.indexOf('\t', start);
    const end = table.indexOf('\n', tab);
    const k = table.slice(start, tab);
    if (k === key) return table.slice(tab + 1, end);
    if (k < key) lo = end + 1;
    else hi = start;
  }
  return undefined;
}
