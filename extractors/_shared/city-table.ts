// The city gazetteer in the compact form the rules use: one line per distinct city name, sorted, with the
// (country:state) pairs it can denote in the data's order ("Springfield\tUS:IL US:MA …"). The build writes it
// beside the compiled code (scripts/build-assets.mjs), so a start reads ~3 MB of text instead of parsing and
// indexing country-state-city's 8 MB, 148k-row table; lookups binary-search the text, which stays one string.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

type CityRow = [name: string, country: string, state: string, ...rest: unknown[]];

/** Where the build puts the table: beside this module in dist/ (from the sources it is computed instead).
 * @public read by scripts/build-assets.mjs from the compiled module */
export const CITY_TABLE_FILE = new URL('./cities.tsv', import.meta.url);

/** The compact table from country-state-city's city list. */
export function compactCities(): string {
  const require = createRequire(import.meta.url);
  // read as plain JSON: going through the module loader costs several times more for 8 MB
  const rows = JSON.parse(readFileSync(require.resolve('country-state-city/lib/cjs/assets/city.json'), 'utf8')) as CityRow[];
  const byName = new Map<string, string[]>();
  for (const [name, country, state] of rows) {
    if (/[\t\n]/.test(name)) continue;
    const pair = `${country}:${state}`;
    const list = byName.get(name);
    if (!list) byName.set(name, [pair]);
    else if (!list.includes(pair)) list.push(pair);
  }
  return (
    [...byName.keys()]
      .sort()
      .map((n) => `${n}\t${byName.get(n)!.join(' ')}`)
      .join('\n') + '\n'
  );
}

export class CityTable {
  private readonly starts: Int32Array;

  constructor(private readonly text: string) {
    let n = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
    this.starts = new Int32Array(n);
    for (let i = 0, at = 0; i < n; i++) {
      this.starts[i] = at;
      at = text.indexOf('\n', at) + 1;
    }
  }

  static load(): CityTable {
    return new CityTable(existsSync(CITY_TABLE_FILE) ? readFileSync(CITY_TABLE_FILE, 'utf8') : compactCities());
  }

  /** The places a name can denote, as { country, state } in the data's order; [] for an unknown name. */
  lookup(name: string): { country: string; state: string }[] {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const start = this.starts[mid]!;
      const tab = this.text.indexOf('\t', start);
      const key = this.text.slice(start, tab);
      if (key === name) {
        const end = this.text.indexOf('\n', tab);
        return this.text
          .slice(tab + 1, end)
          .split(' ')
          .map((p) => {
            const colon = p.indexOf(':');
            return { country: p.slice(0, colon), state: p.slice(colon + 1) };
          });
      }
      if (key < name) lo = mid + 1;
      else hi = mid - 1;
    }
    return [];
  }
}
