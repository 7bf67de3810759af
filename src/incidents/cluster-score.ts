// How well predicted incidents match gold incidents: pairwise precision/recall (over pairs of articles put
// together) and B-cubed (per article: how much of its predicted incident is its gold incident, and back).
export interface ClusterScore {
  articles: number;
  goldIncidents: number;
  predictedIncidents: number;
  pairwise: { precision: number; recall: number; f1: number };
  bcubed: { precision: number; recall: number; f1: number };
  /** Predicted incidents that put together articles of different gold incidents. */
  wrongMerges: number;
  /** The same, among articles marked as look-alikes (one victim, different incidents). */
  lookAlikeMerges: number;
}

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
const r4 = (x: number) => Math.round(x * 10000) / 10000;

/** `gold`/`predicted`: article id → incident label (every article in both; an article alone is its own incident). */
export function scoreClusters(
  gold: ReadonlyMap<string, string>,
  predicted: ReadonlyMap<string, string>,
  lookAlikes: ReadonlySet<string> = new Set(),
): ClusterScore {
  const ids = [...gold.keys()];
  const members = (m: ReadonlyMap<string, string>) => {
    const out = new Map<string, string[]>();
    for (const id of ids) {
      const k = m.get(id) ?? `alone:${id}`;
      out.set(k, [...(out.get(k) ?? []), id]);
    }
    return out;
  };
  const g = members(gold);
  const p = members(predicted);
  const gOf = (id: string) => gold.get(id)!;
  const pOf = (id: string) => predicted.get(id) ?? `alone:${id}`;
  let bp = 0;
  let br = 0;
  for (const id of ids) {
    const pc = p.get(pOf(id))!;
    const gc = g.get(gOf(id))!;
    const both = pc.filter((x) => gOf(x) === gOf(id)).length;
    bp += both / pc.length;
    br += both / gc.length;
  }
  const pairs = (clusters: Map<string, string[]>) => [...clusters.values()].reduce((n, c) => n + (c.length * (c.length - 1)) / 2, 0);
  let together = 0;
  for (const c of p.values()) {
    const byGold = new Map<string, number>();
    for (const id of c) byGold.set(gOf(id), (byGold.get(gOf(id)) ?? 0) + 1);
    for (const n of byGold.values()) together += (n * (n - 1)) / 2;
  }
  const [pp, pg] = [pairs(p), pairs(g)];
  const mixes = (c: string[]) => new Set(c.map(gOf)).size > 1;
  const pw = { precision: pp ? together / pp : 1, recall: pg ? together / pg : 1 };
  const b3 = { precision: bp / ids.length, recall: br / ids.length };
  return {
    articles: ids.length,
    goldIncidents: g.size,
    predictedIncidents: p.size,
    pairwise: { precision: r4(pw.precision), recall: r4(pw.recall), f1: r4(f1(pw.precision, pw.recall)) },
    bcubed: { precision: r4(b3.precision), recall: r4(b3.recall), f1: r4(f1(b3.precision, b3.recall)) },
    wrongMerges: [...p.values()].filter(mixes).length,
    lookAlikeMerges: [...p.values()].filter((c) => mixes(c.filter((id) => lookAlikes.has(id)))).length,
  };
}

export function formatClusterScore(s: ClusterScore): string {
  const pct = (x: number) => (100 * x).toFixed(1);
  return [
    `incidents: ${s.articles} articles, ${s.goldIncidents} gold incidents, ${s.predictedIncidents} predicted`,
    `  pairwise  P ${pct(s.pairwise.precision)}  R ${pct(s.pairwise.recall)}  F1 ${pct(s.pairwise.f1)}`,
    `  B-cubed   P ${pct(s.bcubed.precision)}  R ${pct(s.bcubed.recall)}  F1 ${pct(s.bcubed.f1)}`,
    `  wrong merges ${s.wrongMerges} (look-alikes ${s.lookAlikeMerges})`,
  ].join('\n');
}
