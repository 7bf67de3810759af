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
// finds nothing changes nothing), and a chrono without it gives the same results. A gate that finds nothing for any
// parser spares chrono's whole parse, which costs most in the results and refiners of every call: the sentences that
// only "this" or "last" selected. Each gate is a piece of its parser's pattern, written from chrono's dictionaries
// (test/date-chrono-gates.test.ts holds them to those): the month names all begin with one of twelve stems ("sept." is
// "sep" + "t."), a count of time ends in its unit.
export const MONTH_STEM = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec';
/** chrono's time units ("d", "hrs", "mo", "weeks") as a whole word. */
export const UNIT = String.raw`(?:[smhdwy]|sec|mins?|hrs?|mo[ns]?|qtr|yr|(?:second|minute|hour|day|week|month|quarter|year)s?)`;
/** How a count of chrono's ends: "5", "two", "half an", "a few", "several", "the", "a couple of" (up to five spaces before its unit). */
export const COUNT_END = String.raw`(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|an?|few|several|the|couple|of)`;
/** chrono's weekday words ("tues" is none: "tue" and "tuesday" are). */
export const WEEKDAY = String.raw`(?:(?:sun(?:day)?|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rs?|rsday)?|fri(?:day)?|sat(?:urday)?)\.?|weekend|weekday)`;
const MONTH = new RegExp(MONTH_STEM, 'i');
// "2014-06-13", "6/13/2014", "6.13", "06/2014": two digits joined by "-", "/" or "."
const DIGIT_PAIR = /\d[-/.]\d/;
interface Gate {
  test(text: string): boolean;
}
// a costly gate behind a cheap one it implies: the words that end it
const after = (words: RegExp, gate: RegExp): Gate => ({ test: (text) => words.test(text) && gate.test(text) });
export const GATES: Readonly<Record<string, Gate>> = {
  ENMonthNameLittleEndianParser: MONTH,
  ENMonthNameMiddleEndianParser: MONTH,
  ENYearMonthNameParser: MONTH,
  ENMonthNameParser: MONTH,
  ISOFormatParser: DIGIT_PAIR,
  SlashDateFormatParser: DIGIT_PAIR,
  ENSlashMonthFormatParser: DIGIT_PAIR,
  // "Tuesday", "last Friday", "Monday of last week": the weekday ends its word, or the week's words follow it at once
  ENWeekdayParser: new RegExp(String.raw`${WEEKDAY}(?:(?!\w)|(?=of|this|last|past|next))`, 'i'),
  // "two days ago", "the day before"
  ENTimeUnitAgoFormatParser: after(/ago|before|earlier/i, new RegExp(String.raw`${COUNT_END}\s{0,5}${UNIT}\s{0,5}(?:ago|before|earlier)(?!\w)`, 'i')),
  // "within 2 hours", "3 days later" (casual chrono's, which the header rule reads with): a count and its unit
  ENTimeUnitWithinFormatParser: new RegExp(String.raw`${COUNT_END}\s{0,5}${UNIT}(?!\w)`, 'i'),
  ENTimeUnitLaterFormatParser: after(
    /later|after|from now|henceforth|forward|out/i,
    new RegExp(String.raw`${COUNT_END}\s{0,5}${UNIT}\s{0,5}(?:later|after|from now|henceforth|forward|out)(?!\w)`, 'i'),
  ),
  ENCasualDateParser: /(?:now|today|tonight|tomorrow|overmorrow|tmrw?|yesterday|last\s*night)(?!\w)/i,
  // "last week", "this month", "next year"
  ENRelativeDateFormatParser: new RegExp(String.raw`(?:this|last|past|next)\s*${UNIT}(?!\w)`, 'i'),
  // "last 2 weeks", "past few days", "+3 months": a count follows at once
  ENTimeUnitCasualRelativeFormatParser: new RegExp(
    String.raw`(?:this|last|past|next|after|\+|-)\s*(?:(?:about|around)\s*)?` +
      String.raw`(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|an?|few|several|the|couple)`,
    'i',
  ),
};

function trimmed(keep: (name: string) => boolean): chrono.Chrono {
  const c = chrono.casual.clone();
  c.parsers = c.parsers.filter((p) => keep(p.constructor.name));
  return c;
}

/** Dates stated with a month name or in digits: enough when there is no publication date to resolve against. */
export const absoluteChrono = trimmed((n) => ABSOLUTE.has(n));
/** Also "last Tuesday", "yesterday", "two days ago". */
export const relativeChrono = trimmed((n) => ABSOLUTE.has(n) || RELATIVE.has(n));

// per chrono: its gates (each tested once per text, however many parsers share it) and each parser's among them (-1: none)
interface Gated {
  readonly gates: readonly Gate[];
  readonly gateOf: readonly number[];
  /** per set of parsers the gates let through (a bit each, in chrono's order), a chrono with only those */
  readonly narrowed: Map<number, chrono.Chrono>;
}
const gatedChronos = new Map<chrono.Chrono, Gated>();
function gatedOf(parser: chrono.Chrono): Gated {
  let g = gatedChronos.get(parser);
  if (g) return g;
  const gates: Gate[] = [];
  const gateOf = parser.parsers.map((p) => {
    const gate = GATES[p.constructor.name];
    if (!gate) return -1;
    if (!gates.includes(gate)) gates.push(gate);
    return gates.indexOf(gate);
  });
  gatedChronos.set(parser, (g = { gates, gateOf, narrowed: new Map() }));
  return g;
}

const EN_DASH = /\x96/g;

/** chrono's results for `text` with `parser` (absoluteChrono, relativeChrono or chrono's casual), skipping the parsers that cannot match it. */
export function parseDates(parser: chrono.Chrono, text: string, ref: chrono.ParsingReference): chrono.ParsedResult[] {
  const { gates, gateOf, narrowed } = gatedOf(parser);
  let open = 0;
  for (let j = 0; j < gates.length; j++) if (gates[j]!.test(text)) open |= 1 << j;
  let kept = 0;
  for (let i = 0; i < gateOf.length; i++) if (gateOf[i]! < 0 || (open >> gateOf[i]!) & 1) kept |= 1 << i;
  if (kept === 0) return [];
  let c = narrowed.get(kept);
  if (!c) {
    c = parser.clone();
    c.parsers = c.parsers.filter((_, i) => (kept >> i) & 1);
    narrowed.set(kept, c);
  }
  // `text` is the rules' one-byte view (extractors/_shared/one-byte.ts), where no gate names a stand-in. chrono reads "–"
  // as a range, as it does "-", and its stand-in as any other sign (the view's other stand-ins are all signs chrono tells
  // from no other): it gets the en dash back, and with it the same results as on the stored text
  return c.parse(text.includes('\x96') ? text.replace(EN_DASH, '–') : text, ref);
}
