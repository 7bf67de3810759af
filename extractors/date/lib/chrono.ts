// chrono-node trimmed to the parsers date rules use. Times of day and future spans ("within two weeks",
// "in 3 hours") never give an incident date, and their parsers cost the most.
// chrono-node/en, not the package root: the root loads all of chrono's fifteen languages (some 250 modules) and its
// casual parser is this one.
import * as chrono from 'chrono-node/en';

const ABSOLUTE = new Set([
  'ENYearMonthDayParser',
  'ISOFormatParser',
  'SlashDateFormatParser',
  'ENMonthNameLittleEndianParser',
  'ENMonthNameMiddleEndianParser',
  'ENSlashMonthFormatParser',
  'ENYearMonthNameParser',
  'ENMonthNameParser',
]);
const RELATIVE = new Set([
  'ENWeekdayParser',
  'ENTimeUnitAgoFormatParser',
  'ENCasualDateParser',
  'ENRelativeDateFormatParser',
  'ENTimeUnitCasualRelativeFormatParser',
]);

// Parsers that need two digits joined by "-", "/" or "." ("2014-06-13", "6/13/2014", "6.13", "06/2014"): each one's pattern
// holds such a pair, so on a text without one they find nothing, and chrono without them gives the same results.
const DIGIT_PAIR_PARSERS = new Set(['ISOFormatParser', 'SlashDateFormatParser', 'ENSlashMonthFormatParser']);
const DIGIT_PAIR = /\d[-/.]\d/;

function trimmed(keep: (name: string) => boolean): chrono.Chrono {
  const c = chrono.casual.clone();
  c.parsers = c.parsers.filter((p) => keep(p.constructor.name));
  return c;
}

/** Dates stated with a month name or in digits: enough when there is no publication date to resolve against. */
export const absoluteChrono = trimmed((n) => ABSOLUTE.has(n));
/** Also "last Tuesday", "yesterday", "two days ago". */
export const relativeChrono = trimmed((n) => ABSOLUTE.has(n) || RELATIVE.has(n));
// the same without the digit-pair parsers, for a text that has no digit pair (most sentences: a fifth less work)
const absoluteWords = trimmed((n) => ABSOLUTE.has(n) && !DIGIT_PAIR_PARSERS.has(n));
const relativeWords = trimmed((n) => (ABSOLUTE.has(n) || RELATIVE.has(n)) && !DIGIT_PAIR_PARSERS.has(n));

/** chrono's results for `text` with `parser` (absoluteChrono or relativeChrono), skipping the parsers that cannot match it. */
export function parseDates(parser: chrono.Chrono, text: string, ref: chrono.ParsingReference): chrono.ParsedResult[] {
  if (!DIGIT_PAIR.test(text)) parser = parser === relativeChrono ? relativeWords : parser === absoluteChrono ? absoluteWords : parser;
  return parser.parse(text, ref);
}
