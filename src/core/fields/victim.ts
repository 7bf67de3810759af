// The victim: the organisation the incident happened to.
import { confidenceColumn, normName, type FieldDescriptor } from './field.ts';

// The scorer's name matching (shared/corpus/README.md): legal-form and filler words do not count.
const SUFFIX = new Set([
  'inc',
  'incorporated',
  'ltd',
  'limited',
  'llc',
  'corp',
  'corporation',
  'co',
  'company',
  'plc',
  'gmbh',
  'sa',
  'ag',
  'nv',
  'bv',
  'the',
  'of',
  'and',
  'group',
]);
const toks = (s: unknown) =>
  String(s ?? '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’\x92]s\b/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((t) => t && !SUFFIX.has(t));

/** Same tokens, or one name's tokens inside the other's with a Jaccard overlap of at least one half. */
function victimMatch(pred: string, golds: readonly string[]): boolean {
  const p = toks(pred);
  if (!p.length) return false;
  const ps = new Set(p);
  for (const g0 of golds) {
    const g = toks(g0);
    if (!g.length) continue;
    if (p.join(' ') === g.join(' ')) return true;
    const gs = new Set(g);
    const inter = [...ps].filter((t) => gs.has(t)).length;
    const jacc = inter / new Set([...ps, ...gs]).size;
    const contained = [...ps].every((t) => gs.has(t)) || [...gs].every((t) => ps.has(t));
    if (contained && jacc >= 0.5) return true;
  }
  return false;
}

// a key's tokens, remembered: resolve asks them of each key once for the index of keys by token and again of both keys of
// every pair it compares (read only: each set is shared)
const tokenSets = new Map<string, ReadonlySet<string>>();
const nameTokens = (k: string): ReadonlySet<string> => {
  let set = tokenSets.get(k);
  if (!set) {
    if (tokenSets.size >= 10_000) tokenSets.clear();
    tokenSets.set(k, (set = new Set(k.split(' ').filter((t) => t.length > 1))));
  }
  return set;
};
/** Every token of `a` is one of `b`'s. */
const within = (a: ReadonlySet<string>, b: ReadonlySet<string>) => {
  for (const t of a) if (!b.has(t)) return false;
  return true;
};

export const victim: FieldDescriptor<'victim'> = {
  name: 'victim',
  key: (v) => normName(v),
  merge: (v) => v,
  // "El Centro" and "El Centro Regional Medical Center" name one victim: the shorter mention supports the longer.
  entityTokens: nameTokens,
  sameEntity: (a, b) => {
    const ta = nameTokens(a);
    const tb = nameTokens(b);
    return ta.size > 0 && ta.size < tb.size && within(ta, tb);
  },
  score: [
    {
      name: 'victim',
      supportKey: 'victim',
      gold: (g) => g.victim ?? undefined,
      answers: (v) => !!v,
      ok: (v, g: string, alternatives) => victimMatch(String(v), [g, ...alternatives]),
    },
  ],
  columns: [{ name: 'victim', type: 'text', of: (f) => f.value }, confidenceColumn('victim_confidence')],
};
