// The keep-or-drop check for a rule change: per-field F1 (all documents, judged as score.mjs judges) on both
// halves of news-dev (split by a hash of the id), on news-dev whole, and on VCDB and EuRepoC.
//   tsx scripts/judge.ts [--save FILE] [--compare FILE] [--news-only]
// --compare prints the change against a saved run and says whether it may be kept: it must not lower any
// field on either news half (and must raise one), and may not drop VCDB or EuRepoC more than one point on any field.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createExtractor } from '../src/core/engine.ts';
import { evaluateGold } from '../src/eval/evaluate.ts';
import { DEV_CORPORA } from '../src/eval/paths.ts';
import { score } from '../src/eval/score.ts';
import { splitByHalf } from '../src/eval/split.ts';

const args = process.argv.slice(2);
const opt = (k: string) => {
  const i = args.indexOf(k);
  return i >= 0 ? args[i + 1] : undefined;
};
const FIELDS = ['victim', 'date', 'date_year', 'country', 'server_count', 'ransom_amount', 'origin', 'ransom_demanded'];
const MAX_DROP = 0.01;

type Table = Record<string, Record<string, { F1: number; ECE: number | null; predicted: number; labelled: number }>>;
const ex = await createExtractor();
const table: Table = {};
const pick = (fields: Record<string, { F1: number; ECE: number | null; predicted: number; labelled: number }>) =>
  Object.fromEntries(FIELDS.map((f) => [f, fields[`all.${f}`]!]));

const news = evaluateGold(DEV_CORPORA.news, ex);
const halves = splitByHalf(news.gold);
for (const h of ['A', 'B'] as const) table[`news-${h}`] = pick(score(halves[h], news.records).fields);
table.news = pick(news.fields);
if (!args.includes('--news-only')) {
  table.vcdb = pick(evaluateGold(DEV_CORPORA.vcdb, ex).fields);
  table.eurepoc = pick(evaluateGold(DEV_CORPORA.eurepoc, ex).fields);
}

const cols = Object.keys(table);
const pct = (x: number | undefined) => (x == null ? '    -' : (100 * x).toFixed(1).padStart(5));
const before: Table | null = opt('--compare') && existsSync(opt('--compare')!) ? (JSON.parse(readFileSync(opt('--compare')!, 'utf8')) as Table) : null;
const lines = [`field            ${cols.map((c) => c.padStart(before ? 14 : 8)).join('')}`];
let keep = true;
const risesA = new Set<string>(),
  risesB = new Set<string>();
for (const f of FIELDS) {
  const cells = cols.map((c) => {
    const now = table[c]![f]!.F1;
    const was = before?.[c]?.[f]?.F1;
    if (was == null) return pct(now).padStart(before ? 14 : 8);
    const d = now - was;
    if (c.startsWith('news-') && d < -1e-9) keep = false;
    if (c === 'news-A' && d > 1e-9) risesA.add(f);
    if (c === 'news-B' && d > 1e-9) risesB.add(f);
    if ((c === 'vcdb' || c === 'eurepoc') && d < -MAX_DROP) keep = false;
    return `${pct(now)} (${d >= 0 ? '+' : ''}${(100 * d).toFixed(1)})`.padStart(14);
  });
  lines.push(`${f.padEnd(16)} ${cells.join('')}`);
}
process.stdout.write(lines.join('\n') + '\n');
const both = [...risesA].filter((f) => risesB.has(f));
const verdict = !keep
  ? 'DROP (a news half drops, or VCDB/EuRepoC drops more than a point)'
  : both.length
    ? `KEEP (rises on both news halves: ${both.join(', ')})`
    : 'NOT SHOWN (does not rise on both news halves)';
if (before) process.stdout.write(`verdict: ${verdict}\n`);
if (opt('--save')) writeFileSync(opt('--save')!, JSON.stringify(table, null, 1) + '\n');
