// Every victim rule looks at the same names of the same text: the capitalised runs of the lead, the name
// before each "said", the full form of each short one. Working each out once per text and handing the
// answer to the next rule that asks is what keeps two dozen rules from costing two dozen scans.
// The helpers take the text, not the analysed document, so the memo is keyed on the text itself; a run
// handles one document at a time, so one slot is enough and nothing outlives the next document.

let slotText: string | null = null;
let tables = new Map<string, Map<unknown, unknown>>();

/** The memo table `table` for `text`; every table is dropped as soon as another text comes along. */
export function memoFor<K, V>(text: string, table: string): Map<K, V> {
  if (slotText !== text) {
    slotText = text;
    tables = new Map();
  }
  let m = tables.get(table);
  if (!m) tables.set(table, (m = new Map()));
  return m as Map<K, V>;
}

// offsets stay below 2^21 (documents are capped at 2,000,000 characters), so one number keys a span
const SPAN_BASE = 2 ** 21;
export const spanKey = (start: number, end: number) => start * SPAN_BASE + end;

/** `compute(key)` once per text and key. */
export function memoized<K, V>(text: string, table: string, key: K, compute: () => V): V {
  const m = memoFor<K, V>(text, table);
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
