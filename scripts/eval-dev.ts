// Developer loop: extract both dev corpora and print the score tables.
//   tsx scripts/eval-dev.ts [--corpus vcdb|eurepoc] [--errors FIELD] [--limit N]
import path from 'node:path';
import { createExtractor } from '../src/core/engine.ts';
import { evaluateGold } from '../src/eval/evaluate.ts';
import { formatScores } from '../src/eval/score.ts';
import { SHARED_DIR } from '../src/eval/paths.ts';

const args = process.argv.slice(2);
const opt = (k: string) => {
  const i = args.indexOf(k);
  return i >= 0 ? args[i + 1] : undefined;
};
const CORPUS = path.join(SHARED_DIR, 'corpus');
const which = opt('--corpus');
const errorsField = opt('--errors');
const limit = Number(opt('--limit') ?? 40);
const RECORD_FIELD: Record<string, string> = {
  victim: 'victim',
  date: 'date',
  date_year: 'date',
  country: 'location',
  origin: 'origin',
  ransom_demanded: 'ransom',
  ransom_amount: 'ransom',
  server_count: 'serverCount',
};
const GOLD_FIELD: Record<string, string> = {
  victim: 'victim',
  date: 'date',
  date_year: 'date',
  country: 'country',
  origin: 'origin_country',
  ransom_demanded: 'ransom',
  ransom_amount: 'ransom',
  server_count: 'server_count',
};
const ex = await createExtractor();
for (const name of ['vcdb', 'eurepoc']) {
  if (which && which !== name) continue;
  const t0 = performance.now();
  const res = evaluateGold(path.join(CORPUS, `${name}-dev.jsonl`), ex);
  const ms = performance.now() - t0;
  console.log(`== ${name} (${res.docs} docs, ${(ms / 1000).toFixed(1)} s)`);
  console.log(formatScores(res));
  if (!errorsField) continue;
  const byId = new Map(res.records.map((r) => [r.id, r]));
  const goldById = new Map(res.gold.map((g) => [g.id, g]));
  const bad = res.judgements.filter((j) => j.subset === 'answerable' && j.field === errorsField && !j.ok).slice(0, limit);
  for (const j of bad) {
    const g = goldById.get(j.id)!;
    const f = (byId.get(j.id)!.fields as Record<string, { value: unknown; rule: string; evidence: { text: string }[] } | null>)[RECORD_FIELD[errorsField]!];
    const gv = (g.gold as Record<string, unknown>)[GOLD_FIELD[errorsField]!];
    console.log(`-- ${j.id} gold=${JSON.stringify(gv)} pred=${JSON.stringify(f?.value)} rule=${f?.rule} ev=${JSON.stringify(f?.evidence[0]?.text)}`);
    console.log('   ' + g.text.slice(0, 400).replace(/\s+/g, ' '));
  }
}
