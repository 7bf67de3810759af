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

// What each parser's pattern cannot match without (all its patterns ignore case): a parser whose gate finds nothing in a
// text finds nothing there either (chrono runs each parser on its own and sorts the results by position, so one that
// finds nothing changes nothing), and a chrono without it gives the same results for less work. Each gate is a piece of
// its parser's pattern, written from chrono's dictionaries (test/date-chrono-gates.test.ts holds them to those): the
// month names all begin with one of twelve stems ("sept." is "sep" + "t."), a day's number or ordinal word ends in a
// digit or in st, nd, rd or th ("twenty-first", "third", "5th"), a count of time ends in its unit.
export const MONTH_STEM = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec';
export const ORDINAL_WORD =
  'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth' +
  '|seventeenth|eighteenth|nineteenth|twent|thirt';
/** chrono's time units ("d", "hrs", "mo", "weeks") as a whole word. */
export const UNIT = String.raw`(?:[smhdwy]|sec|mins?|hrs?|mo[ns]?|qtr|yr|(?:second|minute|hour|day|week|month|quarter|year)s?)`;
/** How a count of chrono's ends: "5", "two", "half an", "a few", "several", "the", "a couple of" (up to five spaces before its unit). */
export const COUNT_END = String.raw`(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|an?|few|several|the|couple|of)`;
/** chrono's weekday words ("tues" is none: "tue" and "tuesday" are). */
export const WEEKDAY = String.raw`(?:(?:sun(?:day)?|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rs?|rsday)?|fri(?:day)?|sat(?:urday)?)\.?|weekend|weekday)`;
const MONTH = new RegExp(MONTH_STEM, 'i');
export const GATES: Readonly<Record<string, RegExp>> = {
  // "2014-06-13", "2014/Jun/13": four digits, a separator, the month
  ENYearMonthDayParser: new RegExp(String.raw`\d{4}[-./\s](?:\d|${MONTH_STEM})`, 'i'),
  ISOFormatParser: /\d{4}-\d/,
  // "6/13/2014", "6.13", "6-13": two digits joined by "-", "/" or "."
  SlashDateFormatParser: /\d[-/.]\d/,
  ENSlashMonthFormatParser: /\d\/\d{4}/,
  // "13 June", "the 5th of June", "13-Jun": a day's number or ordinal ends right before the month
  ENMonthNameLittleEndianParser: new RegExp(String.raw`(?:\d|st|nd|rd|th)(?:-|/|\s{0,3}(?:of)?\s{0,3})(?:${MONTH_STEM})`, 'i'),
  // "June 13", "Jun-13", "June, 13th": the day's number or ordinal word follows the month at once
  ENMonthNameMiddleEndianParser: new RegExp(String.raw`(?:${MONTH_STEM})[a-z]*\.?(?:-|/|\s*,?\s*)(?:\d|${ORDINAL_WORD})`, 'i'),
  // "2014 June", "2014 of June": a year (digits, or digits with an era: BE, AD, BC, BCE, CE) before the month
  ENYearMonthNameParser: new RegExp(String.raw`(?:\d|BE|AD|BC|CE)(?:\s*[-./,]?\s*|\s+of\s+)(?:${MONTH_STEM})`, 'i'),
  ENMonthNameParser: MONTH,
  // "Tuesday", "last Friday", "Monday of last week": the weekday ends its word, or the week's words follow it at once
  ENWeekdayParser: new RegExp(String.raw`${WEEKDAY}(?:(?!\w)|(?=of|this|last|past|next))`, 'i'),
  // "two days ago", "the day before"
  ENTimeUnitAgoFormatParser: new RegExp(String.raw`${COUNT_END}\s{0,5}${UNIT}\s{0,5}(?:ago|before|earlier)(?!\w)`, 'i'),
  // "within 2 hours", "3 days later" (casual chrono's, for the header rule): a count and its unit
  ENTimeUnitWithinFormatParser: new RegExp(String.raw`${COUNT_END}\s{0,5}${UNIT}(?!\w)`, 'i'),
  ENTimeUnitLaterFormatParser: new RegExp(String.raw`${COUNT_END}\s{0,5}${UNIT}\s{0,5}(?:later|after|from now|henceforth|forward|out)(?!\w)`, 'i'),
  ENCasualDateParser: /(?:now|today|tonight|tomorrow|overmorrow|tmrw?|yesterday|last\s*night)(?!\w)/i,
  // "last week", "this month", "next year"
  ENRelativeDateFormatParser: new RegExp(String.raw`(?:this|last|past|next)\s*${UNIT}(?!\w)`, 'i'),
  // "last 2 weeks", "past few days", "+3 months": a count follows at once
  ENTimeUnitCasualRelativeFormatParser: new RegExp(
    String.raw`(?:this|last|past|next|after|\+|-)\s*(?:(?:about|around)\s*)?(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|an?|few|several|the|couple)`,
    'i',
  ),
};
// the month gates all hold a month stem: one search rules them all out on a text without one
const MONTH_GATED = new Set(['ENMonthNameLittleEndianParser', 'ENMonthNameMiddleEndianParser', 'ENYearMonthNameParser', 'ENMonthNameParser']);

function trimmed(keep: (name: string) => boolean): chrono.Chrono {
  const c = chrono.casual.clone();
  c.parsers = c.parsers.filter((p) => keep(p.constructor.name));
  return c;
}

/** Dates stated with a month name or in digits: enough when there is no publication date to resolve against. */
export const absoluteChrono = trimmed((n) => ABSOLUTE.has(n));
/** Also "last Tuesday", "yesterday", "two days ago". */
export const relativeChrono = trimmed((n) => ABSOLUTE.has(n) || RELATIVE.has(n));

// per chrono and per set of parsers its gates let through (a bit each, in its order), a chrono with only those
const names = new Map<chrono.Chrono, readonly string[]>();
const narrowed = new Map<chrono.Chrono, Map<number, chrono.Chrono>>();
function narrowedTo(parser: chrono.Chrono, kept: number): chrono.Chrono {
  let byKept = narrowed.get(parser);
  if (!byKept) narrowed.set(parser, (byKept = new Map()));
  let c = byKept.get(kept);
  if (!c) {
    c = parser.clone();
    c.parsers = c.parsers.filter((_, i) => (kept >> i) & 1);
    byKept.set(kept, c);
  }
  return c;
}

/** chrono's results for `text` with `parser` (absoluteChrono, relativeChrono or chrono's casual), skipping the parsers that cannot match it. */
export function parseDates(parser: chrono.Chrono, text: string, ref: chrono.ParsingReference): chrono.ParsedResult[] {
  let own = names.get(parser);
  if (!own) names.set(parser, (own = parser.parsers.map((p) => p.constructor.name)));
  const month = MONTH.test(text);
  let kept = 0;
  for (let i = 0; i < own.length; i++) {
    const name = own[i]!;
    const gate = GATES[name];
    if (!gate || (MONTH_GATED.has(name) ? month && gate.test(text) : gate.test(text))) kept |= 1 << i;
  }
  if (kept === 0) return [];
  return narrowedTo(parser, kept).parse(text, ref);
}
