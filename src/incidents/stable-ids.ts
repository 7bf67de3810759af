// Ids that survive regrouping: a rebuilt incident takes the old id most of its articles carried; an old id
// that no incident takes any more (a merge) becomes an alias of the incident most of its articles went to.
import { freeId, type Incident } from './incident.ts';

function majority(values: readonly string[]): string | null {
  const n = new Map<string, number>();
  for (const v of values) n.set(v, (n.get(v) ?? 0) + 1);
  return [...n.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

/** `prevSources`: article → its incident id before; `prevAliases`: old alias → incident id before. */
export function assignIds(fresh: readonly Incident[], prevSources: Map<string, string>, prevAliases: Map<string, string>): Incident[] {
  const oldIds = new Set([...prevSources.values(), ...prevAliases.keys()]);
  const taken = new Set<string>();
  const out: Incident[] = [];
  // the incidents with most articles choose first, so a split leaves the old id with its larger part
  const order = [...fresh].sort((a, b) => b.sources.length - a.sources.length || a.id.localeCompare(b.id));
  const newIdOfOld = new Map<string, string>();
  for (const inc of order) {
    const olds = inc.sources.map((s) => prevSources.get(s.articleId)).filter((x): x is string => !!x && !taken.has(x));
    const keep = majority(olds);
    const id = keep ?? freeId(inc.id, (x) => taken.has(x) || oldIds.has(x));
    taken.add(id);
    out.push({ ...inc, id, aliases: [] });
  }
  // every old id (and old alias) not in use resolves to where most of its articles are now
  const articleTo = new Map(out.flatMap((inc) => inc.sources.map((s) => [s.articleId, inc.id] as const)));
  const byOld = new Map<string, string[]>();
  for (const [article, old] of prevSources) byOld.set(old, [...(byOld.get(old) ?? []), articleTo.get(article) ?? '']);
  for (const [old, now] of byOld) {
    const target = majority(now.filter(Boolean));
    if (target && !taken.has(old)) newIdOfOld.set(old, target);
  }
  for (const [alias, old] of prevAliases) {
    const target = taken.has(old) ? old : newIdOfOld.get(old);
    if (target && !taken.has(alias)) newIdOfOld.set(alias, target);
  }
  const aliasesOf = new Map<string, string[]>();
  for (const [old, now] of newIdOfOld) aliasesOf.set(now, [...(aliasesOf.get(now) ?? []), old]);
  return out.map((inc) => ({ ...inc, aliases: (aliasesOf.get(inc.id) ?? []).sort() })).sort((a, b) => a.id.localeCompare(b.id));
}
