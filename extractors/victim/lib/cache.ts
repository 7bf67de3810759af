// Every victim rule looks at the same names of the same text: the capitalised runs of the lead, the name
// before each "said", the full form of each short one. Working each out once per document and handing the
// answer to the next rule that asks is what keeps two dozen rules from costing two dozen scans. The tables
// live on the analysed document (doc.once), so they go when it goes.
import type { AnalysedDoc } from '../../_shared/kit.ts';

// every table of a document sits in one map of its own, found again without a lookup while the same document is worked
// on (a victim rule asks for a table many times a document: each ask was two map lookups and a key spelled per table);
// the last document is held until the next one comes
let lastDoc: AnalysedDoc | null = null;
let lastTables = new Map<string, Map<unknown, unknown>>();
const tablesOf = (doc: AnalysedDoc) => {
  if (doc !== lastDoc) {
    lastTables = doc.once('victim/memo-tables', () => new Map<string, Map<unknown, unknown>>());
    lastDoc = doc;
  }
  return lastTables;
};

/** The memo table `table` of this document. */
export function memoFor<K, V>(doc: AnalysedDoc, table: string): Map<K, V> {
  const tables = tablesOf(doc);
  let m = tables.get(table);
  if (!m) tables.set(table, (m = new Map()));
  return m as Map<K, V>;
}

// offsets stay below 2^21 (documents are capped at 2,000,000 characters), so one number keys a span. A span in the first
// 2^18 characters and shorter than 4,096 gets a key below 2^30, a small integer V8 hashes without boxing it (most of
// them: names are short and sit early); any other gets one at or above 2^30, so the two kinds never meet.
const SPAN_BASE = 2 ** 21;
const SMALL_START = 2 ** 18;
const SMALL_LENGTH = 2 ** 12;
const LARGE = 2 ** 30;
export const spanKey = (start: number, end: number) =>
  start < SMALL_START && end - start < SMALL_LENGTH && end >= start ? start * SMALL_LENGTH + (end - start) : LARGE + start * SPAN_BASE + end;

/** `compute(key)` once per document and key. */
export function memoized<K, V>(doc: AnalysedDoc, table: string, key: K, compute: () => V): V {
  const m = memoFor<K, V>(doc, table);
  const hit = m.get(key);
  if (hit !== undefined || m.has(key)) return hit as V;
  const v = compute();
  m.set(key, v);
  return v;
}

// answers that depend on a word alone (is it a place, a common word) hold for every text
const MAX_WORD_MEMO = 50_000;
export function wordMemo<V>(): (key: string, compute: () => V) => V {
  const m = new Map<string, V>();
  return (key, compute) => {
    const hit = m.get(key);
    if (hit !== undefined || m.has(key)) return hit as V;
    if (m.size >= MAX_WORD_MEMO) m.clear();
    const v = compute();
    m.set(key, v);
    return v;
  };
}
