// The city gazetteer in the compact form the rules use: one line per distinct city name, sorted, with the
// (country:state) pairs it can denote in the data's order ("Springfield\tUS:IL US:MA …"). The build writes it
// beside the compiled code (scripts/build-assets.mjs), so a start reads ~2.5 MB of bytes instead of parsing and
// indexing country-state-city's 8 MB, 148k-row table; lookups binary-search the bytes, which are neither decoded nor indexed.
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
  private readonly bytes: Buffer;

  /** `table` as compactCities writes it, as text or as its UTF-8 bytes (as read from the file, not decoded). */
  constructor(table: string | Uint8Array) {
    this.bytes = typeof table === 'string' ? Buffer.from(table, 'utf8') : Buffer.from(table.buffer, table.byteOffset, table.byteLength);
  }

  static load(): CityTable {
    // the bytes, not decoded: a start neither decodes ~2.5 MB of UTF-8 into a string nor indexes its ~150k lines
    return new CityTable(existsSync(CITY_TABLE_FILE) ? readFileSync(CITY_TABLE_FILE) : compactCities());
  }

  /** The places a name can denote, as { country, state } in the data's order; [] for an unknown name. */
  lookup(name: string): { country: string; state: string }[] {
    // a binary search of the lines in bytes [lo, hi), each bound a line's start: the line holding the middle byte is read
    // from its start (after the newline before it) and its name decoded and compared as the table was sorted
    const b = this.bytes;
    let lo = 0;
    let hi = b.length;
    while (lo < hi) {
      let start = (lo + hi) >> 1;
      while (start > lo && b[start - 1] !== NEWLINE) start--;
      const tab = b.indexOf(TAB, start);
      const end = b.indexOf(NEWLINE, tab);
      const key = b.toString('utf8', start, tab);
      if (key === name) {
        return b
          .toString('utf8', tab + 1, end)
          .split(' ')
          .map((p) => {
            const colon = p.indexOf(':');
            return { country: p.slice(0, colon), state: p.slice(colon + 1) };
          });
      }
      if (key < name) lo = end + 1;
      else hi = start;
    }
    return [];
  }
}
const TAB = 9;
const NEWLINE = 10;
