// Time per character on adversarial single texts (#12 item 10): a long news-like text, one huge sentence, 100k
// commas, deep brackets, a repeated report. Prints, per kind, the time at each size and its cost per character
// relative to the smallest size in the same run: near 1 everywhere means linear. `npx tsx scripts/adversarial-scale.ts [kinds] [sizes]`
import { readFileSync } from 'node:fs';
import { createExtractor } from '../src/core/engine.ts';
import { goldToRaw, readGold } from '../src/eval/gold.ts';
import { SHARED_DIR } from '../src/eval/paths.ts';
import path from 'node:path';

const x = await createExtractor({ deadlineMs: 0 });
const report = readFileSync(new URL('../fixtures/province-de-namur.txt', import.meta.url), 'utf8');
const news = readGold(path.join(SHARED_DIR, 'corpus/news-dev.jsonl'))
  .map((g) => goldToRaw(g).text)
  .join('\n\n');
const fill = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const MAKE: Record<string, (n: number) => string> = {
  news: (n) => fill(news, n),
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
    const t = performance.now();
    x.process({ id: kind, text: MAKE[kind]!(n) });
    const perChar = (performance.now() - t) / n;
    first ||= perChar;
    return `${n / 1000}k ${Math.round(perChar * n)} ms (×${(perChar / first).toFixed(2)})`;
  });
  process.stdout.write(`${kind.padEnd(9)} ${cells.join(' | ')}\n`);
}
