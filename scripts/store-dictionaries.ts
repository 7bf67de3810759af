// Writes the SQLite store's compression dictionaries (src/store/dictionaries/*-1.dict) from the project's own
// example articles (fixtures/), never from a dev corpus: their texts, the records the pipeline makes of them and the
// incidents those records group into. A short document deflated alone barely compresses; with a preset dictionary
// of the same kind of content its common words and the record's JSON keys cost a few bits each.
// A dictionary is part of the store's format: rows written with it need it to be read, so this never overwrites
// one. A better dictionary is a new file with the next number, and a new tag in src/store/pack.ts.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createExtractor } from '../src/core/engine.ts';
import { toArticle } from '../src/incidents/article.ts';
import { groupArticles } from '../src/incidents/group.ts';
import { REPO_ROOT } from '../src/config.ts';

// Setting a dictionary costs time on every row (zlib indexes it first): 16 KB for records, whose JSON skeleton pays
// most; 8 KB for texts and incidents, where a longer one saved little (measured on 6,000 short stream documents).
const SIZE = { text: 8000, record: 16_000, incident: 8000 };
const fixtures = path.join(REPO_ROOT, 'fixtures');
const dir = path.join(REPO_ROOT, 'src/store/dictionaries');

const docs = readdirSync(fixtures)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ id: f.replace(/\.txt$/, ''), text: readFileSync(path.join(fixtures, f), 'utf8') }));
const ex = await createExtractor();
const records = docs.flatMap((d) => {
  const r = ex.process(d);
  return r.ok ? [r.record] : [];
});
const incidents = groupArticles(records.map((r) => toArticle(r, docs.find((d) => d.id === r.id)?.text ?? null)));

// the most common content last: deflate reaches the end of a dictionary with the shortest distances
const tail = (parts: string[], bytes: number) => Buffer.from(parts.join('\n')).subarray(-bytes);
const out: Record<string, Buffer> = {
  text: tail(
    docs.map((d) => d.text.slice(0, 2000)),
    SIZE.text,
  ),
  record: tail(
    records.map((r) => JSON.stringify(r)),
    SIZE.record,
  ),
  incident: tail(
    incidents.map((i) => JSON.stringify(i)),
    SIZE.incident,
  ),
};
for (const [kind, dict] of Object.entries(out)) {
  const file = path.join(dir, `${kind}-1.dict`);
  if (existsSync(file)) {
    process.stderr.write(`${file} exists: stores read with it; not overwritten\n`);
    continue;
  }
  writeFileSync(file, dict);
  process.stderr.write(`${file}: ${dict.length} bytes\n`);
}
