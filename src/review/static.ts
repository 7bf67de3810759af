// `review --static DIR`: the same pages written as files that link to each other (read only: no forms),
// for sharing or archiving. Document pages are named by a hash of the id, which may hold any character.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReviewApp } from './app.ts';
import type { Links } from './pages/layout.ts';
import { ASSETS, ASSETS_DIR } from './server.ts';

export const docFile = (id: string) => `doc-${createHash('sha256').update(id).digest('hex').slice(0, 20)}.html`;

export function staticLinks(): Links {
  return {
    token: null,
    list: (q = {}) => (q.changedFrom ? 'changed.html' : 'index.html'),
    dead: () => 'dead-letters.html',
    plots: () => 'plots.html',
    doc: (id) => docFile(id),
    asset: (name) => `assets/${name}`,
    correct: () => 'index.html',
  };
}

export async function writeStatic(app: ReviewApp, dir: string): Promise<{ pages: number }> {
  const links = staticLinks();
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  for (const name of Object.keys(ASSETS)) copyFileSync(fileURLToPath(new URL(name, ASSETS_DIR)), path.join(dir, 'assets', name));
  const write = (file: string, content: string) => writeFileSync(path.join(dir, file), content);
  const ruleset = app.src.ruleset;
  write('index.html', await app.list(links, { sort: 'confidence', desc: false, ...(ruleset ? { ruleset } : {}) }, { static: true }));
  const previous = await app.previousRuleset(ruleset);
  if (previous) {
    write('changed.html', await app.list(links, { sort: 'id', desc: false, changedFrom: previous, ...(ruleset ? { ruleset } : {}) }, { static: true }));
  }
  write('dead-letters.html', await app.dead(links));
  write('plots.html', await app.plots(links));
  let pages = 4;
  const ids: string[] = [];
  for await (const r of app.src.store.latestRecords(ruleset ? { ruleset } : {})) ids.push(r.id);
  for (const id of ids) {
    const out = await app.doc(links, id, ruleset);
    if (out) {
      write(docFile(id), out);
      pages++;
    }
  }
  return { pages };
}
