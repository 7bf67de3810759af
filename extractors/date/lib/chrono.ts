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

function trimmed(keep: (name: string) => boolean): chrono.Chrono {
  const c = chrono.casual.clone();
  c.parsers = c.parsers.filter((p) => keep(p.constructor.name));
  return c;
}

/** Dates stated with a month name or in digits: enough when there is no publication date to resolve against. */
export const absoluteChrono = trimmed((n) => ABSOLUTE.has(n));
/** Also "last Tuesday", "yesterday", "two days ago". */
export const relativeChrono = trimmed((n) => ABSOLUTE.has(n) || RELATIVE.has(n));
