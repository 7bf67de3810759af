// Subdivisions and cities from country-state-city, looked up by their exact written name. The states are indexed
// by the build (built-table.ts); the city table is read on first use only, in its compact form (city-table.ts).
import { CityTable } from './city-table.ts';
import { COUNTRY_BY_DEMONYM, COUNTRY_BY_NAME } from './countries.ts';
import { wordTagList, wordTags } from './word-tags.ts';
import { WholeWords } from './word-runs.ts';
import { remembered } from './remembered.ts';
import { type CountryRow, states, worldCountries } from './world-data.ts';
import { builtTable } from './built-table.ts';
import { fromView, toView } from './one-byte.ts';

export interface Place {
  country: string;
  region: string | null;
  city: string | null;
}
export interface Subdivision {
  country: string;
  name: string;
  code: string;
}

// US territories share abbreviation letters with states ("Ga." would otherwise read as Guam).
const US_TERRITORIES = new Set(['AS', 'GU', 'MP', 'PR', 'UM', 'VI']);

/**
 * The gazetteer's tables as the rules read them: the subdivisions by name, each "CC:ISO" in the data's order ("Georgia"
 * → "GE:GE US:GA"); the state names by "CC-ISO" ("US-TX" → "Texas"); the US states (no territory) as [name, ISO code],
 * in the data's order; and, from the countries (world-data.ts, which a start then reads nothing of), the capitals and
 * the country each demonym usually means.
 */
function computeGazetteerTable(): {
  byName: Record<string, string>;
  stateName: Record<string, string>;
  us: [string, string][];
  capitals: [string, string][];
  demonyms: [string, string][];
} {
  const byName = new Map<string, string[]>();
  const names = new Map<string, string>();
  const us: [string, string][] = [];
  for (const s of states()) {
    names.set(`${s.countryCode}-${s.isoCode}`, s.name);
    const list = byName.get(s.name) ?? [];
    list.push(`${s.countryCode}:${s.isoCode}`);
    byName.set(s.name, list);
    if (s.countryCode === 'US' && /^[A-Z]{2}$/.test(s.isoCode) && !US_TERRITORIES.has(s.isoCode)) us.push([s.name, s.isoCode]);
  }
  return {
    byName: Object.fromEntries([...byName].map(([n, list]) => [n, list.join(' ')])),
    stateName: Object.fromEntries(names),
    us,
    capitals: computeCapitals(),
    demonyms: [...computeDemonymBest()].map(([form, c]) => [form, c.cca2]),
  };
}
/** Built once by the build (built-table.ts).
 * @public read by scripts/build-assets.mjs from the compiled module */
export const GAZETTEER_TABLE = builtTable(import.meta.url, computeGazetteerTable);
const own = (table: Record<string, string>, key: string) => (Object.hasOwn(table, key) ? table[key] : undefined);
// each name's subdivisions made once, when first asked for: the same objects at every question, in US_STATES too
const subdivisionsByName = new Map<string, Subdivision[]>();
function subdivisionsNamed(name: string): Subdivision[] | undefined {
  let list = subdivisionsByName.get(name);
  if (list) return list;
  // the data writes ’ and – where the text rules read has their stand-ins (_shared/one-byte.ts)
  const pairs = own(GAZETTEER_TABLE.value.byName, fromView(name));
  if (pairs === undefined) return undefined;
  list = pairs.split(' ').map((p) => ({ country: p.slice(0, p.indexOf(':')), name, code: p.slice(p.indexOf(':') + 1) }));
  subdivisionsByName.set(name, list);
  return list;
}
export const US_STATES: Subdivision[] = GAZETTEER_TABLE.value.us.map(
  ([name, code]) => subdivisionsNamed(name)!.find((s) => s.country === 'US' && s.code === code)!,
);
const usByPostal = new Map(US_STATES.map((s) => [s.code, s]));

// compromise's lexicon knows which capitalised words are ordinary English ("Mobile", "Reading", "Police")
// and which are well-known cities; a city name that is also a common word needs a strong pattern.
const PLACE_TAGS = /^(?:City|Country|Region|Place|ProperNoun)$/;
/** compromise's lexicon tags for a word ("Chad" → MaleName), or undefined. */
export function nameTags(word: string): string | string[] | undefined {
  return wordTags(word.toLowerCase());
}
/** True when compromise's lexicon gives the word a tag that is no place's (remembered: asked at every mention of a name). */
export const isCommonWord = remembered((name: string): boolean => {
  return wordTagList(name.toLowerCase()).some((t) => !PLACE_TAGS.test(t));
});

/** Capital → alpha-2 of its country, in the data's order (a capital of two countries goes to the later). */
function computeCapitals(): [string, string][] {
  const capitals = new Map<string, string>();
  for (const c of worldCountries()) for (const cap of c.capital ?? []) capitals.set(cap, c.cca2);
  return [...capitals];
}
const capitals = new Map(GAZETTEER_TABLE.value.capitals);
/** alpha-2 of the country whose capital this is ("Paris" → FR), or undefined. */
export function isCapital(name: string): string | undefined {
  return capitals.get(name);
}
/** Capital cities as whole words, those of four letters or more that are no ordinary word. */
export const CAPITALS = new WholeWords([...capitals.keys()].filter((c) => c.length >= 4 && !isCommonWord(c)));

// Several territories share a demonym with a larger state ("French": France and the French Southern
// Territories; "American": the US and its islands); the sovereign, then the largest, is the usual sense.
function computeDemonymBest(): Map<string, CountryRow> {
  const demonymBest = new Map<string, CountryRow>();
  for (const c of worldCountries()) {
    const d = c.demonyms?.eng;
    for (const form of d ? [d.m, d.f] : []) {
      const prev = demonymBest.get(form);
      if (!prev || (c.independent && !prev.independent) || (c.independent === prev.independent && c.area > prev.area)) demonymBest.set(form, c);
    }
  }
  return demonymBest;
}
const demonymBest = new Map(GAZETTEER_TABLE.value.demonyms);
/** alpha-2 a demonym usually means, preferring sovereign and larger countries where the data shares it. */
export function demonymCountry(demonym: string): string | undefined {
  return demonymBest.get(demonym);
}

/** Subdivisions (states, provinces, regions) with this exact name, in every country. */
export function subdivisions(name: string): readonly Subdivision[] {
  return subdivisionsNamed(name) ?? [];
}

// each US state's name as the abbreviations are matched against it: its words in lower case, and those joined
const US_STATE_WORDS = US_STATES.map((s) => {
  const words = s.name.toLowerCase().split(/\s+/);
  return { state: s, words, joined: words.join('') };
});
/** A US state from a postal code ("TX") or a news abbreviation ("Ill.", "Calif.", "N.J."). */
export function usStateByAbbreviation(abbr: string): Subdivision | null | undefined {
  if (/^[A-Z]{2}$/.test(abbr)) return usByPostal.get(abbr);
  if (!/\.$/.test(abbr)) return undefined;
  return stateByDottedAbbreviation(abbr);
}
// (remembered: the same abbreviations come in text after text, and each was matched against every state)
const stateByDottedAbbreviation = remembered((abbr: string): Subdivision | null | undefined => {
  const parts = abbr.toLowerCase().split('.').filter(Boolean);
  if (!parts.length || parts.join('').length < 2) return undefined;
  // "N.J.": one letter per word; "Calif.", "Fla.": letters in order within the name, first letter first
  const fits = ({ words, joined: name }: (typeof US_STATE_WORDS)[number]) => {
    if (parts.length > 1) return parts.length === words.length && parts.every((p, i) => words[i]!.startsWith(p));
    const letters = parts[0]!;
    if (words.length > 1 || name[0] !== letters[0]) return false;
    let i = 0;
    for (const ch of name) if (ch === letters[i]) i++;
    return i === letters.length;
  };
  const hits = US_STATE_WORDS.filter(fits);
  if (!hits.length) return undefined;
  return hits.length === 1 ? hits[0]!.state : null; // null: some US state, which one is unclear
});

let cityTable: CityTable | undefined;
// the table's answer for a name, remembered: a binary search of the text slices a key at each step
const cityRows = remembered((name) => (cityTable ??= CityTable.load()).lookup(fromView(name)));

/** Places a city name can denote, optionally only inside one country (and subdivision). Shared: not to be changed. */
export function cityPlaces(name: string, country?: string, region?: string): readonly Place[] {
  const all = allCityPlaces(name);
  return country || region ? all.filter((p) => (!country || p.country === country) && (!region || p.region === region)) : all;
}
// Every place of a name, remembered (the same names are asked about in text after text, and a name of many towns, as
// "Springfield", has a row for each). A place is kept once per (country, region), the first time a row gives it, and the
// filters read just those two: filtering the kept places keeps what filtering the rows first kept ("Springfield" inside
// US and Illinois: the one place US / Illinois / Springfield either way, where it stood among the others).
const allCityPlaces = remembered((name): readonly Place[] => {
  const out: Place[] = [];
  for (const c of cityRows(name)) {
    const stored = own(GAZETTEER_TABLE.value.stateName, `${c.country}-${c.state}`);
    const r = stored === undefined ? null : toView(stored);
    if (!out.some((o) => o.country === c.country && o.region === r)) out.push({ country: c.country, region: r, city: name });
  }
  return out;
});

/** A subdivision name that denotes one place only and reads as no ordinary word ("Namur", "Ontario"). */
export function uniqueSubdivision(name: string): Subdivision | undefined {
  const subs = subdivisions(name);
  if (subs.length !== 1 || name.length < 4 || isCommonWord(name) || COUNTRY_BY_NAME.has(name) || COUNTRY_BY_DEMONYM.has(name)) return undefined;
  return subs[0];
}
