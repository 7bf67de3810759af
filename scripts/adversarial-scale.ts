// Time per character on adversarial single texts (#12 item 10): a long news-like text, every dev text joined (6 MB of
// distinct writing, so names keep coming), one huge sentence, 100k commas, deep brackets, a repeated report. Prints,
// per kind, the CPU time at each size (the machine may be shared; CPU time is what the text costs) and its cost per
// character relative to the smallest size in the same run: near 1 everywhere means linear.
// `npx tsx scripts/adversarial-scale.ts [kinds] [sizes]`, e.g. `mixed,sentence 1000000,2000000,5000000,10000000`
import { readFileSync } from 'node:fs';
import { createExtractor } from '../src/core/engine.ts';
import { goldToRaw, readGold } from '../src/eval/gold.ts';
import { SHARED_DIR } from '../src/eval/paths.ts';
import path from 'node:path';

const x = await createExtractor({ deadlineMs: 0, maxChars: Number.MAX_SAFE_INTEGER });
const report = readFileSync(new URL('../fixtures/province-de-namur.txt', import.meta.url), 'utf8');
const news = readGold(path.join(SHARED_DIR, 'corpus/news-dev.jsonl'))
  .map((g) => goldToRaw(g).text)
  .join('\n\n');
const mixed = ['vcdb-dev', 'eurepoc-dev', 'news-dev']
  .flatMap((c) => readGold(path.join(SHARED_DIR, `corpus/${c}.jsonl`)).map((g) => goldToRaw(g).text))
  .join('\n\n');
const fill = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const MAKE: Record<string, (n: number) => string> = {
  news: (n) => fill(news, n),
  mixed: (n) => fill(mixed, n),
  report: (n) => fill(report, n),
  sentence: (n) => fill('the hackers attacked servers of the City of Dallas and ', n),
  commas: (n) => fill('Acme, ', n),
  brackets: (n) => '('.repeat(n / 2) + ')'.repeat(n / 2),
};

x.process({ id: 'warm-up', text: news.slice(0, 300_000) }); // loads the gazetteers once, outside the timings
const kinds = (process.argv[2] ?? Object.keys(MAKE).join(',')).split(',');
const sizes = (process.argv[3] ?? '50000,100000,200000,400000').split(',').map(Number);
for (const kind of kinds) {
  let first = 0;
  const cells = sizes.map((n) => {
    const text = MAKE[kind]!(n);
    const t = process.cpuUsage();
    x.process({ id: kind, text });
    const used = process.cpuUsage(t);
    const perChar = (used.user + used.system) / 1000 / n;
    first ||= perChar;
    return `${n / 1e6} MB ${((perChar * n) / 1000).toFixed(1)} s (${((perChar * 1e6) / 1000).toFixed(1)} s/MB, ×${(perChar / first).toFixed(2)})`;
  });
  process.stdout.write(`${kind.padEnd(9)} ${cells.join(' | ')}\n`);
}
