// Word lists are data: plain files in extractors/lexicon/, one entry per line, a `#` header saying what the list
// holds and where its entries come from. Entries that map to something ("UK = GB") carry it after " = ".
// Each file is read once, at module scope of whoever asks first; the files are small.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toView } from './one-byte.ts';

/** Where the word lists live: extractors/lexicon/ beside this folder (the build copies them to the same place under dist/). */
export const LEXICON_DIR = fileURLToPath(new URL('../lexicon/', import.meta.url));

// the lists already read: several modules ask for the same list (the number words, the currency signs)
const read = new Map<string, readonly string[]>();

/** The entries of lexicon/<name>.txt, in file order: no comments, no blank lines, surrounding spaces trimmed. */
export function wordList(name: string): string[] {
  let list = read.get(name);
  if (!list) read.set(name, (list = readList(name)));
  return [...list];
}

function readList(name: string): string[] {
  const out: string[] = [];
  for (const line of readFileSync(path.join(LEXICON_DIR, `${name}.txt`), 'utf8').split('\n')) {
    const entry = line.trim();
    if (!entry || entry.startsWith('#')) continue;
    out.push(entry);
    // rules read ’ “ – … as one-byte stand-ins (_shared/one-byte.ts): an entry holding one is found in either form
    const viewed = toView(entry);
    if (viewed !== entry) out.push(viewed);
  }
  return out;
}

/** The "key = value" entries of lexicon/<name>.txt, in file order. */
export function wordMap(name: string): [string, string][] {
  return wordList(name).map((entry) => {
    const at = entry.lastIndexOf(' = ');
    if (at < 0) throw new Error(`lexicon/${name}.txt: "${entry}" has no " = value"`);
    return [entry.slice(0, at), entry.slice(at + 3)];
  });
}
