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
//
// The command line gets a bundle of its own, dist/src/cli/main.bundle.js, which bin/incident-extract.js loads when
// present: main.js, the modules it imports, commander, and the modules of `extract` and of its in-process runner
// (imported when the command runs, evaluated only then), ~50 modules that Node's module loader took ~0.03 CPU s to
// resolve, read, compile and link one by one. Every other import() stays a module of its own, loaded from its file
// as before (other commands, the store, the engine, the packages); so do usage.js and store/open.js, whose error
// classes the command line tells apart by instanceof and which those modules import too (one class, not two copies).
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
const REGEXPS = path.join(OUT_DIR, 'engine.regexps.json');
const DIST = path.join(ROOT, 'dist');
const CLI_DIR = path.join(DIST, 'src/cli');
const CLI_BUNDLE = path.join(CLI_DIR, 'main.bundle.js');
// the command's modules import()ed into the command line's bundle; any other import() stays a module of its own
const CLI_BUNDLED_IMPORTS = new Set(['src/cli/extract.js', 'queues/embedded/deferred.js'].map((f) => path.join(DIST, f)));
// modules whose classes the command line checks with instanceof and that modules outside its bundle import too
const CLI_SHARED = new Set(['src/cli/usage.js', 'src/store/open.js'].map((f) => path.join(DIST, f)));

/** The URL of file `abs` relative to a bundle written in `outDir` (relocatable). */
function relativeUrl(outDir, abs) {
  const rel = path.relative(outDir, abs).split(path.sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/**
 * `import.meta.url` of a bundled module → the URL of the file it came from, relative to the bundle (relocatable).
 * `base` is the expression for the bundle's own URL: import.meta.url in the module, a parameter in the script;
 * `outDir` the bundle's folder.
 */
const ownUrl = (base, outDir = OUT_DIR) => ({
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.m?js$/ }, async (args) => {
      const src = await readFile(args.path, 'utf8');
      if (!src.includes('import.meta.url')) return { contents: src, loader: 'js' };
      return { contents: src.replaceAll('import.meta.url', `new URL(${JSON.stringify(relativeUrl(outDir, args.path))}, ${base}).href`), loader: 'js' };
    });
  },
});

/** The command line's bundle: which of its relative imports stay modules of their own, loaded from their files. */
const cliImports = {
  name: 'cli-own-modules',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      const abs = path.resolve(args.resolveDir, args.path);
      const own = CLI_SHARED.has(abs) || (args.kind === 'dynamic-import' && !CLI_BUNDLED_IMPORTS.has(abs));
      return own ? { path: relativeUrl(CLI_DIR, abs), external: true } : undefined;
    });
  },
};

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
const REGEXPS = new URL('./engine.regexps.json', import.meta.url);

// The regexes the engine searches in most documents (engine.regexps.json, recorded by the build), compiled to machine
// code now, by one search of a subject of 1,000 characters, for the string widths they meet. V8 keeps a compiled
// regex by source and flags: a literal of the script evaluated later, or a new RegExp, takes it from there, instead of
// compiling to bytecode at its first search and again to machine code at its second.
if (existsSync(REGEXPS)) {
  const subjects = ['\\0'.repeat(1000), \`\${'\\0'.repeat(999)}\\u0100\`];
  for (const [source, flags, widths] of JSON.parse(readFileSync(REGEXPS, 'utf8'))) {
    try {
      const re = new RegExp(source, flags);
      if (widths & 1) subjects[0].search(re);
      if (widths & 2) subjects[1].search(re);
    } catch {
      // a pattern this Node does not take (another version than the build's) is compiled where it is used, or fails
      // there
    }
  }
}

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

// The command line: the packages stay outside but commander (CommonJS, its require()s of node: modules answered
// through createRequire), loaded on every command.
const { dependencies } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
await build({
  ...esbuildOptions,
  entryPoints: [path.join(CLI_DIR, 'main.js')],
  outfile: CLI_BUNDLE,
  format: 'esm',
  external: Object.keys(dependencies).filter((d) => d !== 'commander'),
  banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  plugins: [cliImports, ownUrl('import.meta.url', CLI_DIR)],
});

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
// (the cache made as before the list: the loader's compiles from it run no function of the script)
await rm(REGEXPS, { force: true });
const made = spawnSync(process.execPath, ['--input-type=module', '-e', MAKE_CACHE], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, NODE_OPTIONS: '' },
});
if (made.status !== 0) throw new Error(`bundle-engine: making the code cache failed (exit ${made.status})`);

// The regexes the loader compiles first (engine.regexps.json): recorded in another child as the engine runs on the
// documents of fixtures/ (scripts/record-regexps.mjs; test/engine-cache.test.ts records them again and compares).
const recorded = spawnSync(process.execPath, [path.join(ROOT, 'scripts/record-regexps.mjs'), pathToFileURL(LOADER).href, path.join(ROOT, 'fixtures')], {
  stdio: ['ignore', 'pipe', 'inherit'],
  encoding: 'utf8',
  env: { ...process.env, NODE_OPTIONS: '' },
  maxBuffer: 64 * 2 ** 20,
});
if (recorded.status !== 0) throw new Error(`bundle-engine: recording the regexes failed (exit ${recorded.status})`);
await writeFile(REGEXPS, recorded.stdout);
