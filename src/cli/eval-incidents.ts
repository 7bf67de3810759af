// `incident-extract eval --incidents GOLD…`: extracts the gold articles, groups them into incidents as the
// store does, and scores the grouping (pairwise and B-cubed) against the gold incidents.
import { existsSync } from 'node:fs';
import { createExtractor } from '../core/engine.ts';
import { toArticle } from '../incidents/article.ts';
import { formatClusterScore, scoreClusters } from '../incidents/cluster-score.ts';
import { readIncidentGold } from '../incidents/gold.ts';
import { groupArticles } from '../incidents/group.ts';
import { UsageError } from './usage.ts';

export async function runIncidentEval(files: readonly string[], json: boolean): Promise<string> {
  for (const f of files) if (!existsSync(f)) throw new UsageError(`no such file: ${f}`);
  const gold = readIncidentGold(files);
  const extractor = await createExtractor();
  const articles = [];
  for (const g of gold) {
    const r = extractor.process(g.raw, `gold#${g.id}`);
    if (r.ok) articles.push(toArticle(r.record, g.raw.text));
  }
  const predicted = new Map<string, string>();
  for (const inc of groupArticles(articles)) for (const s of inc.sources) predicted.set(s.articleId, inc.id);
  const s = scoreClusters(new Map(gold.map((g) => [g.id, g.incident])), predicted, new Set(gold.filter((g) => g.lookAlike).map((g) => g.id)));
  return (json ? JSON.stringify(s) : formatClusterScore(s)) + '\n';
}
