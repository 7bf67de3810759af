// Second half of `npm run build` (after tsc): copies the data files the code reads at run time (calibration,
// SQL migrations, the JSON schema, word lists) to the same places under dist/, writes the compact city gazetteer, the
// country and state rows the rules read, and compromise's lexicon packed, and stamps dist/ruleset.json with the ruleset
// version of the sources just compiled: the package needs neither its sources nor tsx to run. Plain JavaScript, so the
// build needs no TypeScript loader.
import { cpSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = path.join(ROOT, 'dist');
const COMPILED = ['src', 'extractors', 'queues'];
// Source and thread bootstraps are compiled or not needed: everything else is data.
const NOT_DATA = /\.(ts|mts|cts|mjs)$/;

// JSON the code reads at start, written ASCII-only (every other character as a \u escape): read as UTF-8 it becomes a
// one-byte string, which V8 decodes without widening and parses with its one-byte JSON parser, its keys internalised as
// one-byte strings (the same values; the start's JSON.parse calls cost ~15 % fewer instructions).
const asciiJson = (value) => JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function copyData(rel) {
  for (const e of readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
    const r = path.join(rel, e.name);
    if (e.isDirectory()) copyData(r);
    else if (!NOT_DATA.test(e.name)) cpSync(path.join(ROOT, r), path.join(DIST, r));
  }
}

for (const dir of COMPILED) copyData(dir);
cpSync(path.join(ROOT, 'calibration'), path.join(DIST, 'calibration'), { recursive: true });

// The city gazetteer in the compact form the rules read (extractors/_shared/city-table.ts), prepared once here.
const { compactCities, CITY_TABLE_FILE } = await import(pathToFileURL(path.join(DIST, 'extractors/_shared/city-table.js')).href);
writeFileSync(CITY_TABLE_FILE, compactCities());

// The country and state rows the rules read, cut from world-countries and country-state-city (_shared/world-data.ts).
const { cutWorldData, WORLD_DATA_FILE } = await import(pathToFileURL(path.join(DIST, 'extractors/_shared/world-data.js')).href);
writeFileSync(WORLD_DATA_FILE, asciiJson(cutWorldData()));

// The tables the rules read that are computed from the packages and word lists (extractors/_shared/built-table.ts): the
// copies of an earlier build go first, so each module computes its table, and those it reads, from the sources.
const BUILT_TABLES = [
  ['extractors/_shared/countries.js', 'COUNTRY_TABLE'],
  ['extractors/_shared/gazetteer.js', 'GAZETTEER_TABLE'],
  ['extractors/origin/lib/places.js', 'PLACE_TABLE'],
  ['src/core/language.js', 'LANGUAGE_TABLE'],
];
for (const [file] of BUILT_TABLES) rmSync(path.join(DIST, file.replace(/\.js$/, '.table.json')), { force: true });
for (const [file, name] of BUILT_TABLES) {
  // a module that reads its table only when first asked exports a function that gives it
  const exported = (await import(pathToFileURL(path.join(DIST, file)).href))[name];
  const table = typeof exported === 'function' ? exported() : exported;
  writeFileSync(table.file, asciiJson(table.compute()));
}

// compromise's lexicon, which is all of compromise the rules read (extractors/_shared/word-tags.ts), packed.
const { packedLexiconFile } = await import(pathToFileURL(path.join(DIST, 'extractors/_shared/word-tags.js')).href);
const lexicon = packedLexiconFile();
writeFileSync(lexicon.file, lexicon.bytes);

const { rulesetVersion } = await import(pathToFileURL(path.join(DIST, 'src/core/ruleset.js')).href);
const ruleset = rulesetVersion(ROOT);
writeFileSync(path.join(DIST, 'ruleset.json'), JSON.stringify({ ruleset }) + '\n');
process.stderr.write(`dist/ built: ruleset ${ruleset}\n`);
