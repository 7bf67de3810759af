// Capitalised place phrases as news text writes them: "San Diego", "St. Louis", "Winston-Salem", "N.J.".
// Shared by the location rules that read "City, State" pairs, "X-based" and datelines.
import { countryCode } from '../../_shared/countries.ts';
import { cityPlaces, type Place } from '../../_shared/gazetteer.ts';
import { regionOf } from './parse.ts';
import { remembered } from '../../_shared/remembered.ts';
import { byWidth } from '../../_shared/one-byte.ts';

// \p{…} patterns live at module level: esbuild (tsx, the bundle) would rebuild a literal inside a function on each call
const SPACE_BEFORE_CAPITAL = /(?<=[^ -])[ ](?=\p{Lu})/u;

const TOKEN = String.raw`(?:\p{Lu}\.){2,3}|\p{Lu}[\p{L}\p{M}'’\x92]*\.?`;
/** One capitalised run of up to five tokens joined by spaces or hyphens. */
export const PLACE_RUN = String.raw`(?:${TOKEN})(?:[ -](?:${TOKEN})){0,4}`;

/** The same run, shortest first: for a name right before a fixed word ("Gloucester City Council"). */
export const PLACE_RUN_LAZY = String.raw`(?:${TOKEN})(?:[ -](?:${TOKEN})){0,4}?`;

const tokens = (run: string) => run.split(SPACE_BEFORE_CAPITAL);

/** Longest tail of a capitalised run that is a city, inside the given country / region when known. */
export function cityAtEnd(run: string, country?: string, region?: string | null): { name: string; places: readonly Place[] } | undefined {
  const t = tokens(run);
  for (let i = 0; i < t.length; i++) {
    const name = t.slice(i).join(' ');
    const places = cityPlaces(name, country, region ?? undefined);
    if (places.length) return { name, places };
  }
  return undefined;
}

type Area = { readonly text: string; readonly country: string; readonly region: string | null };
/** Longest head of a capitalised run that is a country, a US state (name or abbreviation) or a subdivision. */
// remembered: asked at every comma before a capital, of the same few runs ("Inc", "Texas", "Mr") in text after text
export const areaAtStart: (run: string) => Area | undefined = remembered(findArea);

function findArea(run: string): Area | undefined {
  const t = tokens(run);
  for (let n = t.length; n > 0; n--) {
    const text = t.slice(0, n).join(' ');
    const code = countryCode(text) ?? countryCode(text.replace(/\.$/, ''));
    if (code) return { text: countryCode(text) ? text : text.replace(/\.$/, ''), country: code, region: null };
    const r = regionOf(text);
    if (r) return { text, ...r };
  }
  return undefined;
}

// One item of a comma list of names: "from MetLife, LinkedIn, City of Chicago, Expedia", "in Biloxi, Cancun, Chicago, Goa".
const NAME_ITEM = String.raw`\p{Lu}[\p{L}\p{N}&'’\x92.-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}\p{N}&'’\x92.-]*){0,3}`;
const ITEMS_BEFORE = byWidth(String.raw`${NAME_ITEM},\s+${NAME_ITEM},\s+$`, 'u');
const ITEMS_AFTER = byWidth(String.raw`^,\s+${NAME_ITEM},\s+(?:and\s+)?${NAME_ITEM}`, 'u');
const ITEM_AROUND_BEFORE = byWidth(String.raw`${NAME_ITEM},\s+$`, 'u');
const ITEM_AROUND_AFTER = byWidth(String.raw`^,\s+(?:and\s+)?${NAME_ITEM}`, 'u');
/** True when the name at [start, end) is one item of a comma list of three or more names: many places or firms, no one victim's. */
export function inNameList(text: string, start: number, end: number): boolean {
  // the patterns before the name end in ",\s+" and those after it open with ",": a name with neither is in no list
  // (trimEnd removes exactly what \s matches)
  const before = text.slice(Math.max(0, start - 80), start);
  const trimmed = before.trimEnd();
  const commaBefore = trimmed.length < before.length && trimmed.endsWith(',');
  const commaAfter = text[end] === ',';
  if (!commaBefore && !commaAfter) return false;
  const after = text.slice(end, end + 80);
  return (
    (commaBefore && ITEMS_BEFORE(text).test(before)) ||
    (commaAfter && ITEMS_AFTER(text).test(after)) ||
    (commaBefore && commaAfter && ITEM_AROUND_BEFORE(text).test(before) && ITEM_AROUND_AFTER(text).test(after))
  );
}
