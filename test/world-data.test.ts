// The rules read world-countries, country-state-city's states and i18n-iso-countries' English names from a cut the
// build writes beside the compiled code (dist/) or, from the sources, cut from the packages when first read: the two must be
// the same rows in the same order, and every field the rules read must be the package's own.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Country } from 'world-countries';
import { cutWorldData, states, worldCountries } from '../extractors/_shared/world-data.ts';

const require = createRequire(import.meta.url);

describe('the country and state data the rules read', () => {
  it('the copy the build writes is the cut made from the packages', () => {
    const built = JSON.parse(readFileSync(new URL('../dist/extractors/_shared/world-data.json', import.meta.url), 'utf8'));
    expect(built).toEqual(JSON.parse(JSON.stringify(cutWorldData())));
  });

  it('keeps every row in order with the fields the rules read as the packages give them', () => {
    const full = require('world-countries/countries.json') as Country[];
    const countries = worldCountries();
    expect(countries.map((c) => c.cca2)).toEqual(full.map((c) => c.cca2));
    countries.forEach((c, i) => {
      const f = full[i]!;
      expect([c.name.common, c.name.official, c.altSpellings, c.demonyms?.eng, c.independent, c.capital, c.area]).toEqual([
        f.name.common,
        f.name.official,
        f.altSpellings,
        f.demonyms?.eng,
        f.independent,
        f.capital,
        f.area,
      ]);
    });
    const rows = require('country-state-city/lib/cjs/assets/state.json') as { name: string; isoCode: string; countryCode: string }[];
    expect(states()).toEqual(rows.map((s) => ({ name: s.name, isoCode: s.isoCode, countryCode: s.countryCode })));
  });
});
