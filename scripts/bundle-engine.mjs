// Last step of `npm run build`: the processor (dist/src/core/engine.js: the rules, their helpers, chrono-node, zod,
// franc) as one ES module, dist/src/core/engine.bundle.js, which the CLI's runners load in process and in their
// threads (src/cli/runners.ts). Loading ~320 modules one by one (resolve, read, compile, link each) was a third of a
// one-document run's start-up; one file of 1.5 MB costs a fraction of that. The modules under dist/ stay as they are
// (the library's exports, tests and tsx use them). Each bundled module's `import.meta.url` becomes its own file's URL,
// so what it reads beside itself (word lists, JSON, the ruleset stamp) and resolves from there (compromise, which
// stays out of the bundle and loads only when a document needs its tagger) is found where it was.
//
// The same bundle is also written as a script, dist/src/core/engine.script.js (one function expression, CommonJS
// inside), with a V8 code cache of it, engine.script.cache, and the module that loads the two, engine.cached.js,
// which the runners use when present (src/cli/runners.ts). Node 20 keeps no compiled code for an ES module between
// runs, but a vm.Script takes V8's code cache: the bytecode of every function that ran while the cache was made
// (here: the rules on their own examples), so a run no longer parses and compiles the 1.5 MB bundle and its
// functions one by one on first call (~0.07 CPU s of a one-document run). V8 accepts a cache only from its own
// version and flags; a rejected one (another Node, a V8 flag on the command line) costs nothing but the compile it
// was to save, and the script then runs as compiled from its source.
//   node scripts/bundle-engine.mjs            (after tsc and build-assets.mjs)
import { spawnSync } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { esbuildOptions } from './bundle-engine-options.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const ENTRY = path.join(ROOT, 'dist/src/core/engine.js');
const BUNDLE = path.join(ROOT, 'dist/src/core/engine.bundle.js');
const OUT_DIR = path.dirname(BUNDLE);
const SCRIPT = path.join(OUT_DIR, 'engine.script.js');
const CACHE = path.join(OUT_DIR, 'engine.script.cache');
const LOADER = path.join(OUT_DIR, 'engine.cached.js');

/**
 * `import.meta.url` of a bundled module → the URL of the file it came from, relative to the bundle (relocatable).
 * `base` is the expression for the bundle's own URL: import.meta.url in the module, a parameter in the script.
 */
const ownUrl = (base) => ({
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.m?js$/ }, async (args) => {
      const src = await readFile(args.path, 'utf8');
      if (!src.includes('import.meta.url')) return { contents: src, loader: 'js' };
      let rel = path.relative(OUT_DIR, args.path).split(path.sep).join('/');
      if (!rel.startsWith('.')) rel = `./${rel}`;
      return { contents: src.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, ${base}).href`), loader: 'js' };
    });
  },
});

const common = { ...esbuildOptions, entryPoints: [ENTRY] };
await build({ ...common, outfile: BUNDLE, format: 'esm', plugins: [ownUrl('import.meta.url')] });

// The script: a function of what a CommonJS module gets, plus the script's own URL (import.meta.url's stand-in).
const URL_PARAM = '__engineScriptUrl';
const script = await build({ ...common, write: false, format: 'cjs', plugins: [ownUrl(URL_PARAM)] });
const body = script.outputFiles[0].text;
if (/\bimport\.meta\b/.test(body)) throw new Error('bundle-engine: import.meta left in the script form');
await writeFile(SCRIPT, `(function (exports, require, module, ${URL_PARAM}) {\n${body}\n})`);
await writeFile(
  LOADER,
  `// Written by scripts/bundle-engine.mjs: the engine bundle (engine.bundle.js) as a vm.Script with V8's code cache of it.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';

const SCRIPT = new URL('./engine.script.js', import.meta.url);
const CACHE = new URL('./engine.script.cache', import.meta.url);

// a cache V8 rejects (another Node version, other V8 flags) only costs the compile it was to save
export const script = new vm.Script(readFileSync(SCRIPT, 'utf8'), {
  filename: SCRIPT.href,
  cachedData: existsSync(CACHE) ? readFileSync(CACHE) : undefined,
  // import() in the script (a rules directory given to createExtractor) resolves as in a module of the main context
  importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(SCRIPT), module, SCRIPT.href);
export const { createExtractor } = module.exports;
`,
);

// The code cache, made after the rules ran on their own examples so that it holds their functions' bytecode too. In a
// child process: a fresh V8 with no flags, as the package runs.
const MAKE_CACHE = `
  const { writeFileSync } = await import('node:fs');
  const { script, createExtractor } = await import(${JSON.stringify(pathToFileURL(LOADER).href)});
  const p = await createExtractor();
  for (const rule of p.rules)
    for (const ex of rule.examples) p.process({ id: 'cache', text: ex.text, publishedAt: ex.publishedAt }, 'cache');
  writeFileSync(${JSON.stringify(CACHE)}, script.createCachedData());`;
await rm(CACHE, { force: true });
const made = spawnSync(process.execPath, ['--input-type=module', '-e', MAKE_CACHE], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, NODE_OPTIONS: '' },
});
if (made.status !== 0) throw new Error(`bundle-engine: making the code cache failed (exit ${made.status})`);
