// Subdivision names as texts write them: the gazetteer's "Aichi Prefecture" is usually written "Aichi",
// its "Namur" stays "Namur". Shared by the location rules that read provinces and regions.
import { COUNTRY_BY_DEMONYM, COUNTRY_BY_NAME } from '../../_shared/countries.ts';
import { isCommonWord, subdivisions, type Subdivision } from '../../_shared/gazetteer.ts';
import { remembered } from '../../_shared/remembered.ts';

const UNIT_WORDS = ['Prefecture', 'Province', 'Region', 'County', 'Oblast', 'Voivodeship', 'Canton', 'Department', 'State'];

/** The one subdivision a written name denotes, trying the gazetteer's unit word after it; `unit` when the text wrote one. */
export function subdivisionAsWritten(name: string, unit = false): Subdivision | undefined {
  return unit ? asWrittenWithUnit(name) : asWritten(name);
}
const asWritten = remembered((name) => lookUp(name, false));
const asWrittenWithUnit = remembered((name) => lookUp(name, true));

function lookUp(name: string, unit: boolean): Subdivision | undefined {
  if (name.length < 4 || COUNTRY_BY_NAME.has(name) || COUNTRY_BY_DEMONYM.has(name)) return undefined;
  if (!unit && isCommonWord(name)) return undefined;
  let subs = subdivisions(name);
  if (!subs.length) subs = UNIT_WORDS.flatMap((w) => subdivisions(`${name} ${w}`));
  return subs.length === 1 ? subs[0] : undefined;
}
