// Last step of `npm run build`: the processor (dist/src/core/engine.js: the rules, their helpers, chrono-node, zod,
// franc) as one ES module, dist/src/core/engine.bundle.js, which the CLI's runners load in process and in their
// threads (src/cli/runners.ts). Loading ~320 modules one by one (resolve, read, compile, link each) was a third of a
// one-document run's start-up; one file of 1.5 MB costs a fraction of that. The modules under dist/ stay as they are
// (the library's exports, tests and tsx use them). Each bundled module's `import.meta.url` becomes its own file's URL,
// so what it reads beside itself (word lists, JSON, the ruleset stamp) and resolves from there (compromise, which
// stays out of the bundle and loads only when a document needs its tagger) is found where it was.
//   node scripts/bundle-engine.mjs            (after tsc and build-assets.mjs)
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const ENTRY = path.join(ROOT, 'dist/src/core/engine.js');
const BUNDLE = path.join(ROOT, 'dist/src/core/engine.bundle.js');
const OUT_DIR = path.dirname(BUNDLE);

/** `import.meta.url` of a bundled module → the URL of the file it came from, relative to the bundle (relocatable). */
const ownUrl = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.m?js$/ }, async (args) => {
      const src = await readFile(args.path, 'utf8');
      if (!src.includes('import.meta.url')) return { contents: src, loader: 'js' };
      let rel = path.relative(OUT_DIR, args.path).split(path.sep).join('/');
      if (!rel.startsWith('.')) rel = `./${rel}`;
      return { contents: src.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`), loader: 'js' };
    });
  },
};

await build({
  entryPoints: [ENTRY],
  outfile: BUNDLE,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  plugins: [ownUrl],
  external: ['compromise'],
  legalComments: 'none',
  logLevel: 'warning',
});
