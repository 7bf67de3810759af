// The compact city table answers exactly what an index of country-state-city's full city list answers.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CityTable, compactCities } from '../extractors/_shared/city-table.ts';

type Row = [string, string, string];
const rows = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('country-state-city/lib/cjs/assets/city.json'), 'utf8')) as Row[];

describe('compact city table', () => {
  const table = new CityTable(compactCities());
  const index = new Map<string, { country: string; state: string }[]>();
  for (const [name, country, state] of rows) {
    const list = index.get(name) ?? [];
    if (!list.some((p) => p.country === country && p.state === state)) list.push({ country, state });
    index.set(name, list);
  }

  it('gives every place of a name, in the data order, for every 37th name and the first and last', () => {
    const names = [...index.keys()].sort();
    const sample = [names[0]!, names.at(-1)!, ...names.filter((_, i) => i % 37 === 0), 'Springfield', 'Paris', 'Namur'];
    for (const n of sample) expect(table.lookup(n), n).toEqual(index.get(n) ?? []);
    expect(table.lookup('Springfield').length).toBeGreaterThan(5);
  });

  it('knows nothing of names not in the data, also between and beyond its entries', () => {
    for (const n of ['', 'Zzzzzz', 'AAAA', 'Springfiel', 'Springfield ', 'paris']) expect(table.lookup(n)).toEqual(index.get(n) ?? []);
  });
});
