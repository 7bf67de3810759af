// The country and subdivision data the rules read, from world-countries (1.4 MB of JSON: names in ~150 languages,
// flags, borders, coordinates), country-state-city's state list (0.55 MB) and i18n-iso-countries' English names, cut to
// the fields read here. The build writes the country cut beside the compiled code (scripts/build-assets.mjs), where
// the build's tables are computed from it (built-table.ts), so a start reads none of it; from the sources it is cut from
// the packages when first asked for. Same rows, same order, same values either way. The states are read from their
// package only where the build indexes them.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Country } from 'world-countries';

/** A world-countries row with only the fields the rules read. */
export interface CountryRow {
  readonly cca2: string;
  readonly name: { readonly common: string; readonly official: string };
  readonly altSpellings: readonly string[];
  readonly demonyms?: { readonly eng?: { readonly f: string; readonly m: string } };
  readonly independent?: boolean | null;
  readonly capital?: readonly string[];
  readonly area: number;
}
/** A country-state-city state row with only the fields the rules read. */
export interface StateRow {
  readonly name: string;
  readonly isoCode: string;
  readonly countryCode: string;
}
interface WorldData {
  countries: CountryRow[];
  isoNames: [code: string, names: string[]][];
}

/** Where the build puts the cut: beside this module in dist/.
 * @public read by scripts/build-assets.mjs from the compiled module */
export const WORLD_DATA_FILE = new URL('./world-data.json', import.meta.url);

/** The cut, from the packages. */
export function cutWorldData(): WorldData {
  const require = createRequire(import.meta.url);
  const countries = (require('world-countries/countries.json') as Country[]).map(
    (c): CountryRow => ({
      cca2: c.cca2,
      name: { common: c.name.common, official: c.name.official },
      altSpellings: c.altSpellings,
      ...(c.demonyms?.eng ? { demonyms: { eng: { f: c.demonyms.eng.f, m: c.demonyms.eng.m } } } : {}),
      ...(c.independent !== undefined ? { independent: c.independent } : {}),
      ...(c.capital ? { capital: c.capital } : {}),
      area: c.area,
    }),
  );
  // the library without its entry point, which loads and registers all of its ~80 locales: English only
  const i18n = require('i18n-iso-countries/index.js') as typeof import('i18n-iso-countries');
  i18n.registerLocale(require('i18n-iso-countries/langs/en.json') as import('i18n-iso-countries').LocaleData);
  const isoNames = Object.entries(i18n.getNames('en', { select: 'all' }));
  return { countries, isoNames };
}

let data: WorldData | undefined;
const worldData = (): WorldData => (data ??= existsSync(WORLD_DATA_FILE) ? (JSON.parse(readFileSync(WORLD_DATA_FILE, 'utf8')) as WorldData) : cutWorldData());

/** world-countries' countries, in its order. */
export const worldCountries = (): readonly CountryRow[] => worldData().countries;
/** country-state-city's states (subdivisions), in its order, from the package: read only where the build indexes them
 * (gazetteer.ts), so a start parses none of them. */
export function states(): readonly StateRow[] {
  const require = createRequire(import.meta.url);
  return (require('country-state-city/lib/cjs/assets/state.json') as StateRow[]).map(
    (s): StateRow => ({ name: s.name, isoCode: s.isoCode, countryCode: s.countryCode }),
  );
}
/** i18n-iso-countries' English names and aliases by alpha-2 code, in its order. */
export const isoNames = (): readonly (readonly [code: string, names: readonly string[]])[] => worldData().isoNames;
