// Error analysis of news-dev: every wrong or missing value of one field, with the gold, the winner, whether the
// gold was among the record's alternatives, and the evidence. Also a tally by kind (false positive where the
// article says nothing, missed, wrong value with the gold in the alternatives, wrong value otherwise).
//   tsx scripts/news-errors.ts [--field victim|date|country|origin|ransom_amount|server_count] [--limit N]
import { createExtractor } from '../src/core/engine.ts';
import { evaluateGold } from '../src/eval/evaluate.ts';
import { DEV_CORPORA } from '../src/eval/paths.ts';
import { FIELDS } from '../src/eval/score.ts';

const args = process.argv.slice(2);
const opt = (k: string) => {
  const i = args.indexOf(k);
  return i >= 0 ? args[i + 1] : undefined;
};
const only = opt('--field');
const limit = Number(opt('--limit') ?? 1000);
const RECORD_FIELD: Record<string, string> = {
  victim: 'victim',
  date: 'date',
  country: 'location',
  origin: 'origin',
  ransom_amount: 'ransom',
  server_count: 'serverCount',
};
type F = { value: unknown; rule: string; confidence: number; evidence: { text: string; start: number }[]; alternatives?: { value: unknown }[] };
const res = evaluateGold(DEV_CORPORA.news, await createExtractor());
const recs = new Map(res.records.map((r) => [r.id, r]));
for (const [name, rf] of Object.entries(RECORD_FIELD)) {
  if (only && only !== name) continue;
  const def = FIELDS[name]!;
  const tally: Record<string, number> = { right: 0, 'false positive (gold null)': 0, missed: 0, 'wrong, gold in alternatives': 0, wrong: 0 };
  const lines: string[] = [];
  for (const g of res.gold) {
    const gold = def.gold(g);
    const rec = recs.get(g.id);
    const p = rec ? def.pred(rec) : null;
    const f = (rec?.fields as Record<string, F | null> | undefined)?.[rf] ?? null;
    let kind: string;
    if (gold === undefined) kind = p ? 'false positive (gold null)' : 'right';
    else if (!p) kind = 'missed';
    else if (def.ok(p, gold as never, g)) kind = 'right';
    else kind = (f?.alternatives ?? []).some((a) => def.ok({ value: a.value, confidence: 0 }, gold as never, g)) ? 'wrong, gold in alternatives' : 'wrong';
    tally[kind] = (tally[kind] ?? 0) + 1;
    if (kind === 'right') continue;
    lines.push(
      `-- ${g.id} [${kind}] gold=${JSON.stringify(gold ?? null)} pred=${JSON.stringify(f?.value ?? null)} rule=${f?.rule} conf=${f?.confidence}` +
        `\n   ev=${JSON.stringify(f?.evidence.map((e) => e.text))} alts=${JSON.stringify(f?.alternatives?.map((a) => a.value))}` +
        `\n   title=${JSON.stringify(g.meta?.title)} published=${g.meta?.published}` +
        ` note=${JSON.stringify((g.meta as { label_note?: string }).label_note ?? '')}`,
    );
  }
  console.log(`== ${name}: ${JSON.stringify(tally)}`);
  console.log(lines.slice(0, limit).join('\n'));
}
