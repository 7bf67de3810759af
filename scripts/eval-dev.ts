// Developer loop: extract both dev corpora and print the score tables.
//   tsx scripts/eval-dev.ts [--corpus vcdb|eurepoc] [--errors FIELD] [--limit N]
import path from 'node:path';
import { createExtractor } from '../src/pipeline/engine.ts';
import { goldToRaw, readGold } from '../src/eval/gold.ts';
import { formatScores, score } from '../src/eval/score.ts';
import type { IncidentRecord } from '../src/contract/record.ts';

const args = process.argv.slice(2);
const opt = (k: string) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : undefined; };
const CORPUS = path.resolve(import.meta.dirname, '../../shared/corpus');
const which = opt('--corpus');
const errorsField = opt('--errors');
const limit = Number(opt('--limit') ?? 40);
const ex = await createExtractor();
for (const name of ['vcdb', 'eurepoc']) {
  if (which && which !== name) continue;
  const gold = readGold(path.join(CORPUS, `${name}-dev.jsonl`));
  const t0 = performance.now();
  const records: IncidentRecord[] = [];
  for (const g of gold) {
    const r = ex.process(goldToRaw(g));
    if (r.ok) records.push(r.record);
  }
  const ms = performance.now() - t0;
  const res = score(gold, records);
  console.log(`== ${name} (${gold.length} docs, ${(ms / 1000).toFixed(1)} s)`);
  console.log(formatScores(res));
  if (errorsField) {
    const byId = new Map(records.map((r) => [r.id, r]));
    const bad = res.judgements.filter((j) => j.subset === 'answerable' && j.field === errorsField && !j.ok).slice(0, limit);
    for (const j of bad) {
      const g = gold.find((x) => x.id === j.id)!;
      const r = byId.get(j.id)!;
      const key = errorsField.startsWith('date') ? 'date' : errorsField === 'country' ? 'location' : errorsField.startsWith('ransom') ? 'ransom' : errorsField === 'server_count' ? 'serverCount' : errorsField;
      const f = (r.fields as Record<string, { value: unknown; rule: string; evidence: { text: string }[] } | null>)[key];
      console.log(`-- ${j.id} gold=${JSON.stringify(errorsField === 'country' ? g.gold.country : errorsField === 'origin' ? g.gold.origin_country : errorsField.startsWith('date') ? g.gold.date : errorsField === 'victim' ? g.gold.victim : g.gold.ransom)} pred=${JSON.stringify(f?.value)} rule=${f?.rule} ev=${JSON.stringify(f?.evidence[0]?.text)}`);
      console.log('   ' + g.text.slice(0, 400).replace(/\s+/g, ' '));
    }
  }
}
