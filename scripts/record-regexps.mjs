// Child of scripts/bundle-engine.mjs (and of test/engine-cache.test.ts): which regexes the engine's loader compiles
// before the engine runs. Loads the engine through its loader (engine.cached.js), runs it on the documents of the
// inputs given (files or directories, as `extract` reads them: the build gives fixtures/), and prints, as JSON sorted,
// [source, flags, widths] of each regex searched while the engine loaded or in more than SHARE of the documents; widths
// 1 when it searched a string of one byte a character there, 2 a two-byte string, 3 both (V8 compiles a regex once per
// width), each width by the same rule. A regex searched by few documents (a place's name, a pattern made from a
// document's words) would cost every run a compile it mostly does not need.
// Nothing of this process goes into the code cache, which another child makes.
// Every search of a regex goes through RegExp.prototype.exec once it is replaced (test, match, replace, search, split
// and matchAll then take V8's generic paths, which call it), but split searches a sticky copy of the regex made for
// the purpose, where V8's own path searches the regex itself: split is recorded as the regex it was called with.
//   node scripts/record-regexps.mjs LOADER_URL INPUT...
import { serialize } from 'node:v8';

/**
 * The share of the documents that must search a regex (at a width) for the loader to compile it. Measured (callgrind,
 * one VCDB text and 400): a list of those in more than half of fixtures/ (~325 compiles) made the one-document run 3 %
 * cheaper and the 400 ~2 %; at a tenth (~700 compiles) the one-document run cost 25 % more, at a fifth 11 %, and the
 * 400 gained no more than at a half: a compile the run would not have made costs about what a bytecode compile saves.
 */
const SHARE = 0.5;

const [loader, ...inputs] = process.argv.slice(2);
// a string's width as V8 holds it (a string of characters up to U+00FF may still be held two bytes a character, cut
// from a two-byte one): V8's serializer writes a one-byte string with the tag '"' and a two-byte one with 'c', after
// its version header and a padding byte or two
let lastSubject;
let lastWidth = 1;
function width(s) {
  if (s !== lastSubject) {
    const bytes = serialize(s);
    let i = 2;
    while (bytes[i] === 0) i++;
    lastWidth = bytes[i] === 0x63 ? 2 : 1;
    lastSubject = s;
  }
  return lastWidth;
}
const { exec } = RegExp.prototype;
/** What was searched since the last reset: `${width}${flags}/${source}`. */
let searched = new Set();
// a search of 1,000 NULs, one-byte or ending in U+0100, only compiles (the loader's compiles from a list already
// there, one-byte.ts compiledNow): no part of what the engine searches, and a regex compiledNow made it compiles anyway
const COMPILING = /^\0{999}[\0\u0100]$/;
const record = (re, s) => {
  const subject = String(s);
  if (subject.length !== 1000 || !exec.call(COMPILING, subject)) searched.add(`${width(subject)}${re.flags}/${re.source}`);
};
const split = RegExp.prototype[Symbol.split];
let splitting = 0;
RegExp.prototype.exec = function (s) {
  if (!splitting) record(this, s);
  return exec.call(this, s);
};
RegExp.prototype[Symbol.split] = function (s, limit) {
  record(this, s);
  splitting++;
  try {
    return split.call(this, s, limit);
  } finally {
    splitting--;
  }
};

const { createExtractor } = await import(loader);
const extractor = await createExtractor();
const chosen = searched;
// (read after the engine loaded: the readers' own searches are no part of it)
const { readInputs } = await import(new URL('../dist/src/ingest/read.js', import.meta.url).href);
const docs = [];
for await (const item of readInputs(inputs)) if (item.kind === 'doc') docs.push(item.raw);
if (docs.length === 0) throw new Error(`record-regexps: no documents in ${inputs.join(' ')}`);
const counts = new Map();
for (const doc of docs) {
  searched = new Set();
  extractor.process(doc, 'regexps');
  for (const key of searched) counts.set(key, (counts.get(key) ?? 0) + 1);
}
for (const [key, n] of counts) if (n > SHARE * docs.length) chosen.add(key);

const widths = new Map();
for (const key of chosen) widths.set(key.slice(1), (widths.get(key.slice(1)) ?? 0) | Number(key[0]));
const list = [...widths].map(([key, w]) => {
  const slash = key.indexOf('/');
  return [key.slice(slash + 1), key.slice(0, slash), w];
});
list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
process.stdout.write(`${JSON.stringify(list)}\n`);
