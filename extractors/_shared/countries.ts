// Country names and demonyms mapped to ISO 3166-1 alpha-2, from maintained packages:
// world-countries (common and official names, alternative spellings, English demonyms) and
// i18n-iso-countries (the ISO short names and their English aliases), as world-data.ts cuts them. Built once by the build (built-table.ts).
import { builtTable } from './built-table.ts';
import { wordMap } from './lexicon.ts';
import { isoNames, worldCountries } from './world-data.ts';
import { WholeWords } from './word-runs.ts';

/** The name and demonym maps' entries, in insertion order. */
function computeCountryTable(): { names: [string, string][]; demonyms: [string, string][] } {
  // (made here, where the build alone comes: a start that reads the built table parses no \p{…} class)
  const NOT_NAME_CHAR = new RegExp(String.raw`[^\p{L}\p{M}\s.'’\x92,()-]`, 'u');
  const names = new Map<string, string>();
  const demonyms = new Map<string, string>();
  const addName = (name: string, code: string) => {
    const n = name.trim();
    if (!n || NOT_NAME_CHAR.test(n)) return;
    if (!names.has(n)) names.set(n, code);
  };
  // Sovereign states first: "French" is France's demonym before it is the French Southern Territories'.
  const bySovereignty = [...worldCountries()].sort((a, b) => Number(b.independent ?? false) - Number(a.independent ?? false));
  for (const c of bySovereignty) {
    const code = c.cca2;
    if (!/^[A-Z]{2}$/.test(code)) continue;
    addName(c.name.common, code);
    addName(c.name.official, code);
    for (const alt of c.altSpellings) if (alt.length >= 4 && !/^[A-Z]+$/.test(alt)) addName(alt, code);
    const d = c.demonyms?.eng;
    if (d) for (const form of [d.m, d.f]) if (form && !demonyms.has(form)) demonyms.set(form, code);
  }
  for (const [code, list] of isoNames()) {
    for (const n of list) if (!n.includes(',')) addName(n, code);
  }
  // Abbreviations ("U.K."), and names and demonyms news uses that the packages spell otherwise: lexicon/country-*.txt.
  for (const [n, code] of wordMap('country-names-extra')) names.set(n, code);
  for (const [n, code] of wordMap('country-abbreviations')) names.set(n, code);
  for (const [n, code] of wordMap('country-demonyms-extra')) demonyms.set(n, code);
  return { names: [...names], demonyms: [...demonyms] };
}
/** Built once by the build (built-table.ts).
 * @public read by scripts/build-assets.mjs from the compiled module */
export const COUNTRY_TABLE = builtTable(import.meta.url, computeCountryTable);
const names = new Map(COUNTRY_TABLE.value.names);
const demonyms = new Map(COUNTRY_TABLE.value.demonyms);

/** Exact-case country name or abbreviation → alpha-2 ("Belgium" → BE, "U.S." → US). */
export const COUNTRY_BY_NAME: ReadonlyMap<string, string> = names;
/** Exact-case English demonym → alpha-2 ("Russian" → RU, "North Korean" → KP). */
export const COUNTRY_BY_DEMONYM: ReadonlyMap<string, string> = demonyms;

/** Country names and abbreviations as whole words, not followed by "." and a letter ("U.S" in "U.S.A" is no match). */
export const COUNTRY_NAMES = new WholeWords(names.keys(), { dotLetter: true });
/** Demonyms as whole words. */
export const DEMONYMS = new WholeWords(demonyms.keys());

/** alpha-2 of a name or demonym as written, or undefined. */
export function countryCode(word: string): string | undefined {
  const code = names.get(word) ?? demonyms.get(word);
  // only a word opening with "t" or "T" can lose a leading "the " (/i without /u folds no other letter to either)
  if (code !== undefined || word.length === 0 || (word.charCodeAt(0) | 32) !== 116) return code;
  return names.get(word.replace(/^the\s+/i, ''));
}
