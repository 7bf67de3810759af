// Every victim rule looks at the same names of the same text: the capitalised runs of the lead, the name
// before each "said", the full form of each short one. Working each out once per document and handing the
// answer to the next rule that asks is what keeps two dozen rules from costing two dozen scans. The tables
// live on the analysed document (doc.once), so they go when it goes.
import type { AnalysedDoc } from '../../_shared/kit.ts';

/** The memo table `table` of this document. */
export function memoFor<K, V>(doc: AnalysedDoc, table: string): Map<K, V> {
  return doc.once(`victim/${table}`, () => new Map<K, V>());
}

// offsets stay below 2^21 (documents are capped at 2,000,000 characters), so one number keys a span
const SPAN_BASE = 2 ** 21;
export const spanKey = (start: number, end: number) => start * SPAN_BASE + end;

/** `compute(key)` once per document and key. */
export function memoized<K, V>(doc: AnalysedDoc, table: string, key: K, compute: () => V): V {
  const m = memoFor<K, V>(doc, table);
  if (m.has(key)) return m.get(key)!;
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
