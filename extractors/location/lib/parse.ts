// Reads a short written place ("Namur, Belgium", "Austin, Texas", "Springfield, Ill.", "US") into a
// location value, for headers, datelines and "City, State" pairs.
import { countryCode } from '../../_shared/countries.ts';
import { cityPlaces, subdivisions, usStateByAbbreviation, US_STATES, type Place } from '../../_shared/gazetteer.ts';

// \p{…} patterns live at module level: esbuild (tsx, the bundle) would rebuild a literal inside a function on each call
const CAPITAL_FIRST = /^\p{Lu}/u;

const US_STATE_NAMES = new Set(US_STATES.map((s) => s.name));

// Canadian provinces as Canadian Press datelines abbreviate them ("ST. MARYS, Ont.").
const CA_ABBREVIATIONS: Record<string, string> = {
  'Ont.': 'Ontario',
  'Que.': 'Quebec',
  'B.C.': 'British Columbia',
  'Alta.': 'Alberta',
  'Man.': 'Manitoba',
  'Sask.': 'Saskatchewan',
  'N.S.': 'Nova Scotia',
  'N.B.': 'New Brunswick',
  'Nfld.': 'Newfoundland and Labrador',
  'P.E.I.': 'Prince Edward Island',
};

/** The region a written part names, inside `country` when known: US states by name or abbreviation, else any subdivision. */
export function regionOf(part: string, country?: string): { country: string; region: string | null } | undefined {
  if (US_STATE_NAMES.has(part) && (!country || country === 'US')) return { country: 'US', region: part };
  const ca = CA_ABBREVIATIONS[part];
  if (ca && (!country || country === 'CA')) return { country: 'CA', region: ca };
  const abbr = part === 'DC' || part === 'D.C.' ? undefined : usStateByAbbreviation(part);
  if (abbr !== undefined && (!country || country === 'US')) return { country: 'US', region: abbr?.name ?? null };
  const subs = subdivisions(part).filter((s) => !country || s.country === country);
  return subs.length === 1 ? { country: subs[0]!.country, region: subs[0]!.name } : undefined;
}

/** A place from comma-separated parts, most specific first; undefined when no part is known. */
export function parsePlace(value: string): Place | undefined {
  const parts = value
    .split(/\s*,\s*/)
    .map((p) => p.trim().replace(/^the\s+/i, ''))
    .filter(Boolean);
  if (!parts.length || parts.length > 4) return undefined;
  let country: string | undefined;
  let region: string | null = null;
  let city: string | null = null;
  const rest = [...parts];
  const last = rest[rest.length - 1]!;
  const code = countryCode(last) ?? countryCode(last.replace(/\.$/, ''));
  if (code) {
    country = code;
    rest.pop();
  }
  if (rest.length) {
    const r = regionOf(rest[rest.length - 1]!, country);
    if (r) {
      country = r.country;
      region = r.region;
      rest.pop();
    }
  }
  if (rest.length) {
    const places = cityPlaces(rest[0]!, country, region ?? undefined);
    const countries = new Set(places.map((p) => p.country));
    if (countries.size === 1) {
      country = places[0]!.country;
      city = rest[0]!;
      region ??= places.length === 1 ? places[0]!.region : null;
    } else if (country) city = CAPITAL_FIRST.test(rest[0]!) ? rest[0]! : null;
  }
  return country ? { country, region, city } : undefined;
}
