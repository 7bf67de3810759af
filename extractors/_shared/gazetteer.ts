// Subdivisions and cities from country-state-city, looked up by their exact written name. State data is
// small and indexed at module load; the city table is read on first use only, in its compact form (city-table.ts).
import { CityTable } from './city-table.ts';
import { COUNTRY_BY_DEMONYM, COUNTRY_BY_NAME } from './countries.ts';
import { lexicon } from './word-tags.ts';
import { WholeWords } from './word-runs.ts';
import { remembered } from './remembered.ts';
import { type CountryRow, STATES, WORLD_COUNTRIES } from './world-data.ts';

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

const subdivisionsByName = new Map<string, Subdivision[]>();
const stateName = new Map<string, string>(); // "US-TX" → "Texas"
export const US_STATES: Subdivision[] = [];
for (const s of STATES) {
  const sub = { country: s.countryCode, name: s.name, code: s.isoCode };
  stateName.set(`${s.countryCode}-${s.isoCode}`, s.name);
  const list = subdivisionsByName.get(s.name) ?? [];
  list.push(sub);
  subdivisionsByName.set(s.name, list);
  if (s.countryCode === 'US' && /^[A-Z]{2}$/.test(s.isoCode) && !US_TERRITORIES.has(s.isoCode)) US_STATES.push(sub);
}
const usByPostal = new Map(US_STATES.map((s) => [s.code, s]));

// compromise's lexicon knows which capitalised words are ordinary English ("Mobile", "Reading", "Police")
// and which are well-known cities; a city name that is also a common word needs a strong pattern.
const PLACE_TAGS = /^(?:City|Country|Region|Place|ProperNoun)$/;
/** compromise's lexicon tags for a word ("Chad" → MaleName), or undefined. */
export function nameTags(word: string): string | string[] | undefined {
  return lexicon[word.toLowerCase()];
}
/** True when compromise's lexicon gives the word a tag that is no place's (remembered: asked at every mention of a name). */
export const isCommonWord = remembered((name: string): boolean => {
  const tags = lexicon[name.toLowerCase()];
  if (!tags) return false;
  return (Array.isArray(tags) ? tags : [tags]).some((t) => !PLACE_TAGS.test(t));
});

const capitals = new Map<string, string>();
for (const c of WORLD_COUNTRIES) for (const cap of c.capital ?? []) capitals.set(cap, c.cca2);
/** alpha-2 of the country whose capital this is ("Paris" → FR), or undefined. */
export function isCapital(name: string): string | undefined {
  return capitals.get(name);
}
/** Capital cities as whole words, those of four letters or more that are no ordinary word. */
export const CAPITALS = new WholeWords([...capitals.keys()].filter((c) => c.length >= 4 && !isCommonWord(c)));

// Several territories share a demonym with a larger state ("French": France and the French Southern
// Territories; "American": the US and its islands); the sovereign, then the largest, is the usual sense.
const demonymBest = new Map<string, CountryRow>();
for (const c of WORLD_COUNTRIES) {
  const d = c.demonyms?.eng;
  for (const form of d ? [d.m, d.f] : []) {
    const prev = demonymBest.get(form);
    if (!prev || (c.independent && !prev.independent) || (c.independent === prev.independent && c.area > prev.area)) demonymBest.set(form, c);
  }
}
/** alpha-2 a demonym usually means, preferring sovereign and larger countries where the data shares it. */
export function demonymCountry(demonym: string): string | undefined {
  return demonymBest.get(demonym)?.cca2;
}

/** Subdivisions (states, provinces, regions) with this exact name, in every country. */
export function subdivisions(name: string): readonly Subdivision[] {
  return subdivisionsByName.get(name) ?? [];
}

/** A US state from a postal code ("TX") or a news abbreviation ("Ill.", "Calif.", "N.J."). */
export function usStateByAbbreviation(abbr: string): Subdivision | null | undefined {
  if (/^[A-Z]{2}$/.test(abbr)) return usByPostal.get(abbr);
  if (!/\.$/.test(abbr)) return undefined;
  const parts = abbr.toLowerCase().split('.').filter(Boolean);
  if (!parts.length || parts.join('').length < 2) return undefined;
  // "N.J.": one letter per word; "Calif.", "Fla.": letters in order within the name, first letter first
  const fits = (s: Subdivision) => {
    const words = s.name.toLowerCase().split(/\s+/);
    if (parts.length > 1) return parts.length === words.length && parts.every((p, i) => words[i]!.startsWith(p));
    const name = words.join('');
    const letters = parts[0]!;
    if (words.length > 1 || name[0] !== letters[0]) return false;
    let i = 0;
    for (const ch of name) if (ch === letters[i]) i++;
    return i === letters.length;
  };
  const hits = US_STATES.filter(fits);
  if (!hits.length) return undefined;
  return hits.length === 1 ? hits[0]! : null; // null: some US state, which one is unclear
}

let cityTable: CityTable | undefined;
// the table's answer for a name, remembered: a binary search of the text slices a key at each step
const cityRows = remembered((name) => (cityTable ??= CityTable.load()).lookup(name));

/** Places a city name can denote, optionally only inside one country (and subdivision). */
export function cityPlaces(name: string, country?: string, region?: string): Place[] {
  const out: Place[] = [];
  for (const c of cityRows(name)) {
    if (country && c.country !== country) continue;
    const r = stateName.get(`${c.country}-${c.state}`) ?? null;
    if (region && r !== region) continue;
    if (!out.some((o) => o.country === c.country && o.region === r)) out.push({ country: c.country, region: r, city: name });
  }
  return out;
}

/** A subdivision name that denotes one place only and reads as no ordinary word ("Namur", "Ontario"). */
export function uniqueSubdivision(name: string): Subdivision | undefined {
  const subs = subdivisions(name);
  if (subs.length !== 1 || name.length < 4 || isCommonWord(name) || COUNTRY_BY_NAME.has(name) || COUNTRY_BY_DEMONYM.has(name)) return undefined;
  return subs[0];
}
