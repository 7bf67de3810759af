// Where a text names a country for the origin rules: country names, demonyms and capitals used as
// metonyms ("linked to Moscow"), found once per document and shared by every origin rule.
// Coder write-ups often lower-case demonyms ("an indian hacker group"), so demonyms match in any case;
// names match in any case only when the lower-case form is not also an ordinary word.
import { matches, type AnalysedDoc } from '../../_shared/kit.ts';
import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import { COUNTRY_BY_DEMONYM, COUNTRY_BY_NAME } from '../../_shared/countries.ts';
import { wordList } from '../../_shared/lexicon.ts';

const require = createRequire(import.meta.url);
const worldCountries = require('world-countries/countries.json') as Country[];

export type PlaceKind = 'name' | 'demonym' | 'capital';
export interface Place {
  readonly start: number;
  readonly end: number;
  readonly code: string;
  readonly kind: PlaceKind;
  /** Written as the gazetteer spells it (capitalised), not a lower-case variant. */
  readonly exact: boolean;
}

// Demonyms news uses that the packages spell otherwise or only inside "A, B" pairs; the packages also give
// "American" and "French" to territories first (MP, TF), which would send every American or French group abroad.
const EXTRA_DEMONYMS: Record<string, string> = {
  American: 'US',
  French: 'FR',
  Kazakh: 'KZ',
  Uzbek: 'UZ',
  Tajik: 'TJ',
  Kyrgyz: 'KG',
  Azeri: 'AZ',
  Argentinian: 'AR',
  Belarussian: 'BY',
  Slovenian: 'SI',
  Slovakian: 'SK',
  Bosnian: 'BA',
  Serb: 'RS',
  Brit: 'GB',
  Ukranian: 'UA',
  Vietnamese: 'VN',
  Lao: 'LA',
  Emirati: 'AE',
};
// Government metonyms: the seat of power standing for the state.
const METONYMS: Record<string, string> = { Kremlin: 'RU' };
// Names that are ordinary words or other places when written as the packages spell them.
const NEVER = new Set(['Island', 'Jersey', 'Mann', 'Mannin', 'Guam', 'Georgia', 'Guiana', 'Macau', 'Macao']);
// Lower-case forms that are ordinary English words.
const NOT_LOWER = new Set(wordList('origin-not-lower-places'));

const table = new Map<string, { code: string; kind: PlaceKind }>();
const add = (word: string, code: string, kind: PlaceKind) => {
  if (!word || NEVER.has(word) || table.has(word)) return;
  table.set(word, { code, kind });
};
for (const [d, code] of Object.entries(EXTRA_DEMONYMS)) add(d, code, 'demonym');
for (const [d, code] of COUNTRY_BY_DEMONYM) for (const part of d.split(/,\s*|\s+or\s+/)) add(part, code, 'demonym');
for (const [n, code] of COUNTRY_BY_NAME) add(n, code, 'name');
for (const c of worldCountries) for (const cap of c.capital ?? []) if (/^[A-Z][a-z]+(?: [A-Z][a-z]+)?$/.test(cap)) add(cap, c.cca2, 'capital');
for (const [m, code] of Object.entries(METONYMS)) add(m, code, 'capital');

const lower = new Map<string, { code: string; kind: PlaceKind }>();
for (const [w, v] of table) {
  const l = w.toLowerCase();
  if (v.kind === 'capital' || /^[A-Z.]+$/.test(w) || NOT_LOWER.has(l) || lower.has(l)) continue;
  lower.set(l, v);
}

// Indexed by lower-cased first word: looking each word up in a map is far cheaper than one case-insensitive
// regex alternation of a thousand names.
const byFirstWord = new Map<string, string[]>();
for (const key of new Set([...table.keys(), ...lower.keys()].map((k) => k.toLowerCase()))) {
  const first = /^[\p{L}\p{M}]+/u.exec(key)?.[0];
  if (!first) continue;
  const list = byFirstWord.get(first) ?? [];
  list.push(key);
  byFirstWord.set(first, list);
}
for (const list of byFirstWord.values()) list.sort((a, b) => b.length - a.length);
const WORD = /[\p{L}\p{M}]+/gu;
const BOUNDARY_AFTER = /^(?:$|[^\p{L}\p{N}.]|\.(?!\p{L}))/u;
// Every origin rule asks for the same mentions; one scan per document serves them all.
/** Every country name, demonym or capital in the document, in text order. */
export function places(doc: AnalysedDoc): readonly Place[] {
  return doc.once('origin/places', () => findPlaces(doc));
}

function findPlaces(doc: AnalysedDoc): readonly Place[] {
  const text = doc.text;
  const out: Place[] = [];
  const words = matches(WORD, text);
  for (const m of words) {
    const keys = byFirstWord.get(m[0].toLowerCase());
    if (!keys || (m.index > 0 && /[\p{N}]/u.test(text[m.index - 1]!))) continue;
    for (const key of keys) {
      const word = text.substr(m.index, key.length);
      if (word.toLowerCase() !== key || !BOUNDARY_AFTER.test(text.slice(m.index + key.length, m.index + key.length + 2))) continue;
      const exact = table.get(word);
      const hit = exact ?? lower.get(key);
      if (!hit) continue;
      out.push({ start: m.index, end: m.index + key.length, code: hit.code, kind: hit.kind, exact: !!exact });
      words.continueAt(m.index + key.length);
      break;
    }
  }
  return out;
}
