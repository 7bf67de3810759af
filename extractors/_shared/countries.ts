// Country names and demonyms mapped to ISO 3166-1 alpha-2, from maintained packages:
// world-countries (common and official names, alternative spellings, English demonyms) and
// i18n-iso-countries (the ISO short names and their English aliases). Built once at module load.
import { createRequire } from 'node:module';
import countriesI18n from 'i18n-iso-countries';
import type { Country } from 'world-countries';

const require = createRequire(import.meta.url);
countriesI18n.registerLocale(require('i18n-iso-countries/langs/en.json'));
const worldCountries = require('world-countries/countries.json') as Country[];

// Upper-case abbreviations that name a country in news text. Other short alternative spellings in the
// data are ISO codes ("IT", "IN", "NO") that read as ordinary words and are left out.
const ABBREVIATIONS: Record<string, string> = {
  US: 'US', USA: 'US', 'U.S.': 'US', 'U.S.A.': 'US', UK: 'GB', 'U.K.': 'GB', UAE: 'AE', 'U.A.E.': 'AE', DPRK: 'KP', PRC: 'CN', ROK: 'KR',
};
// Names news uses that the packages spell otherwise.
const EXTRA_NAMES: Record<string, string> = {
  Britain: 'GB', 'Great Britain': 'GB', England: 'GB', Scotland: 'GB', Wales: 'GB', 'Northern Ireland': 'GB', Holland: 'NL',
  'South Korea': 'KR', 'North Korea': 'KP', 'Republic of Korea': 'KR', Czechia: 'CZ', 'Czech Republic': 'CZ', Turkey: 'TR',
  'Türkiye': 'TR', Russia: 'RU', 'Russian Federation': 'RU', Iran: 'IR', Syria: 'SY', Vietnam: 'VN', Taiwan: 'TW', Laos: 'LA',
  'Ivory Coast': 'CI', Macedonia: 'MK', Burma: 'MM', 'Hong Kong': 'HK', Palestine: 'PS', Kosovo: 'XK', 'Vatican City': 'VA',
  'United States of America': 'US', 'the United States': 'US', 'the Netherlands': 'NL', 'the Philippines': 'PH',
};
const EXTRA_DEMONYMS: Record<string, string> = {
  English: 'GB', Scottish: 'GB', Welsh: 'GB', Dutch: 'NL', Emirati: 'AE', 'South Korean': 'KR', 'North Korean': 'KP',
  Filipino: 'PH', Czech: 'CZ', Taiwanese: 'TW', 'Hong Konger': 'HK', Saudi: 'SA', Kosovar: 'XK',
};

const names = new Map<string, string>();
const demonyms = new Map<string, string>();

function addName(name: string, code: string) {
  const n = name.trim();
  if (!n || /[^\p{L}\p{M}\s.'’,()-]/u.test(n)) return;
  if (!names.has(n)) names.set(n, code);
}

// Sovereign states first: "French" is France's demonym before it is the French Southern Territories'.
const bySovereignty = [...worldCountries].sort((a, b) => Number(b.independent ?? false) - Number(a.independent ?? false));
for (const c of bySovereignty) {
  const code = c.cca2;
  if (!/^[A-Z]{2}$/.test(code)) continue;
  addName(c.name.common, code);
  addName(c.name.official, code);
  for (const alt of c.altSpellings) if (alt.length >= 4 && !/^[A-Z]+$/.test(alt)) addName(alt, code);
  const d = c.demonyms?.eng;
  if (d) for (const form of [d.m, d.f]) if (form && !demonyms.has(form)) demonyms.set(form, code);
}
for (const [code, list] of Object.entries(countriesI18n.getNames('en', { select: 'all' }))) {
  for (const n of list) if (!n.includes(',')) addName(n, code);
}
for (const [n, code] of Object.entries(EXTRA_NAMES)) names.set(n, code);
for (const [n, code] of Object.entries(ABBREVIATIONS)) names.set(n, code);
for (const [n, code] of Object.entries(EXTRA_DEMONYMS)) demonyms.set(n, code);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (keys: Iterable<string>) => [...keys].sort((a, b) => b.length - a.length).map(escape).join('|');

/** Exact-case country name or abbreviation → alpha-2 ("Belgium" → BE, "U.S." → US). */
export const COUNTRY_BY_NAME: ReadonlyMap<string, string> = names;
/** Exact-case English demonym → alpha-2 ("Russian" → RU, "North Korean" → KP). */
export const COUNTRY_BY_DEMONYM: ReadonlyMap<string, string> = demonyms;

/** Matches a country name or abbreviation as a whole word; group 1 is the name. Longest first. */
export const COUNTRY_NAME_SOURCE = `(?<![\\p{L}\\p{N}])(${alternation(names.keys())})(?![\\p{L}\\p{N}]|\\.[\\p{L}])`;
/** Matches a demonym as a whole word; group 1 is the demonym. Longest first. */
export const DEMONYM_SOURCE = `(?<![\\p{L}\\p{N}])(${alternation(demonyms.keys())})(?![\\p{L}\\p{N}])`;

export function countryRegex(flags = 'gu'): RegExp {
  return new RegExp(COUNTRY_NAME_SOURCE, flags);
}
export function demonymRegex(flags = 'gu'): RegExp {
  return new RegExp(DEMONYM_SOURCE, flags);
}

/** alpha-2 of a name or demonym as written, or undefined. */
export function countryCode(word: string): string | undefined {
  return names.get(word) ?? demonyms.get(word) ?? names.get(word.replace(/^the\s+/i, ''));
}

/** English short name of an alpha-2 code ("BE" → "Belgium"). */
export function countryName(code: string): string | undefined {
  return countriesI18n.getName(code, 'en') ?? undefined;
}
