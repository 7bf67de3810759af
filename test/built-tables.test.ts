// The tables the build writes beside the compiled modules (extractors/_shared/built-table.ts) are the tables the sources
// compute: same entries, same order.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COUNTRY_TABLE } from '../extractors/_shared/countries.ts';
import { GAZETTEER_TABLE } from '../extractors/_shared/gazetteer.ts';
import { PLACE_TABLE } from '../extractors/origin/lib/places.ts';
import { LANGUAGE_TABLE } from '../src/core/language.ts';

const built = (path: string) => JSON.parse(readFileSync(new URL(`../dist/${path}.table.json`, import.meta.url), 'utf8'));

describe('the tables the build computes', () => {
  it.each([
    ['extractors/_shared/countries', COUNTRY_TABLE],
    ['extractors/_shared/gazetteer', GAZETTEER_TABLE],
    ['extractors/origin/lib/places', PLACE_TABLE],
    ['src/core/language', LANGUAGE_TABLE()],
  ] as const)('%s: the copy the build writes is the table computed from the sources', (path, table) => {
    expect(table.value).toEqual(table.compute());
    expect(built(path)).toEqual(JSON.parse(JSON.stringify(table.compute())));
  });
});
