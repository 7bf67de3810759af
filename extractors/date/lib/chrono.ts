// chrono-node trimmed to the parsers date rules use. Times of day and future spans ("within two weeks",
// "in 3 hours") never give an incident date, and their parsers cost the most.
// chrono-node/en, not the package root: the root loads all of chrono's fifteen languages (some 250 modules) and its
// casual parser is this one.
import * as chrono from 'chrono-node/en';
import { firstMatch } from '../../_shared/kit.ts';
import { isSpace } from '../../_shared/char-classes.ts';
import { COMPILING_SUBJECT } from '../../_shared/one-byte.ts';

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
// The day-then-month parser ("5 June", "the twenty-first of May") is gated on the piece of its pattern around the month
// name: chrono's day is an ordinal, which ends in a digit or in "st", "nd", "rd" or "th" (as all its ordinal words do), and
// its own separator stands between that and the month ("5 -June" passes, "5 - June" fails the gate and the parser alike).
// Most sentences that reach chrono name a month without it (it found a date in one of a hundred of them), and its pattern
// costs four times the gate.
const DAY_MONTH = new RegExp(String.raw`(?:\d|st|nd|rd|th)(?:-|/|\s{0,3}(?:of)?\s{0,3})(?:${MONTH_STEM})`, 'i');
// "2014-06-13", "6/13/2014", "6.13", "06/2014": two digits joined by "-", "/" or "."
const DIGIT_PAIR = /\d[-/.]\d/;
/** chrono's month names ("sept." is "sept" and a dot; "may." is none, but the gates may take more than chrono does). */
export const MONTH_NAME =
  String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?` +
  String.raw`|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
// A month name as the year-first parsers' patterns take it, no word character after it (their patterns look past it for
// none, or for one of their separators).
const MONTH_WORD = String.raw`${MONTH_NAME}(?!\w)`;
// "2014 June", "2014, March", "the year 2014 of May": a year then a month, as the year-then-month parser reads one; a year
// before a word that opens like a month ("2014, marked") passes it no longer (the parser found nothing in the e2e texts,
// and its pattern is compiled only where its gate opens)
const YEAR_MONTH = new RegExp(String.raw`(?:\d\s{0,2}(?:BCE|BE|AD|BC|CE)|\d{4})(?:\s*[-./,]?\s*|\s+of\s+)${MONTH_WORD}`, 'i');
// "2014-06-13", "2014 Jun 13", "2014/Sept./4": four digits, a month's number or name, a day, each after one of "-./" or a space
const YEAR_MONTH_DAY = new RegExp(String.raw`\d{4}[-./\s](?:${MONTH_WORD}|\d{1,2})[-./\s]\d`, 'i');
interface Gate {
  test(text: string): boolean;
}
// a costly gate behind a cheap one it implies: the words that end it
const after = (words: RegExp, gate: RegExp): Gate => ({ test: (text) => words.test(text) && gate.test(text) });
export const GATES: Readonly<Record<string, Gate>> = {
  ENMonthNameLittleEndianParser: DAY_MONTH,
  ENMonthNameMiddleEndianParser: MONTH,
  ENYearMonthNameParser: YEAR_MONTH,
  ENYearMonthDayParser: YEAR_MONTH_DAY,
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

// Two of chrono's refiners read the words beside every result, and all but a few results give them nothing to do:
// each is wrapped in a gate that hands the results on untouched when no result passes it, which it can only do where the
// refiner itself would leave every result as it is (each refiner handles each result on its own and returns the list it
// was given; test/date-chrono-gates.test.ts holds the gated chronos to chrono's own results).
type Refiner = chrono.Chrono['refiners'][number];
type Result = chrono.ParsedResult & { readonly start: { isOnlyDate(): boolean } };
type RefineContext = { readonly text: string };
const GATED_REFINERS: Readonly<Record<string, (text: string, r: Result) => boolean>> = {
  // "the end of March", "last day of the month": it moves a result only after "… of " or "… of the " (its pattern ends
  // /…of\s+(?:the\s+)?$/i before the result); "of March" and "the June audit" pass on to it, "in March" and "on March 5" do not
  ENEndOfPeriodRefiner: (text, r) => {
    let i = r.index;
    while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
    if (i === r.index) return false;
    const last = text.charCodeAt(i - 1) | 32;
    const before = text.charCodeAt(i - 2) | 32;
    return (last === 102 && before === 111) || (last === 101 && before === 104 && (text.charCodeAt(i - 3) | 32) === 116);
  },
  // "June 5 EST", "2014-06-13 10:00 (CET)": it reads two to four letters after a result as a time zone; a result of a date
  // alone takes them only written in capitals (the lower-case word after "June 5, the …" is left), a result with a time
  // in either case. Its own pattern, copied: ^\s*,?\s*\(?([A-Z]{2,4})\)?(?=\W|$) with 'i'
  ExtractTimezoneAbbrRefiner: (text, r) => {
    const m = firstMatch(ZONE_AFTER, text.slice(r.index + r.text.length));
    return !!m && (!r.start.isOnlyDate() || m[1] === m[1]!.toUpperCase());
  },
};
const ZONE_AFTER = /^\s*,?\s*\(?([A-Z]{2,4})\)?(?=\W|$)/i;
function gatedRefiner(refiner: Refiner): Refiner {
  const may = GATED_REFINERS[refiner.constructor.name];
  if (!may) return refiner;
  return {
    refine: (context, results) => (results.some((r) => may((context as RefineContext).text, r as Result)) ? refiner.refine(context, results) : results),
  };
}

// chrono makes a result of each match a parser extracts: for a parser that gives a date's components it makes one with
// components of its own first, then puts the parser's in their place. Each parser is wrapped to make the result of the
// parser's components at once: the same result with one set of components fewer a match (chrono's constructor of
// components was the largest of its functions V8 optimised in the 400 e2e texts, and is no longer run enough to be)
type Parser = chrono.Chrono['parsers'][number];
type Maker = { createParsingResult(index: number, text: string, start: chrono.ParsingComponents): chrono.ParsingResult };
function resulting(parser: Parser): Parser {
  const own = Object.create(parser) as Parser;
  own.pattern = (context) => parser.pattern(context);
  own.extract = (context, match) => {
    const r = parser.extract(context, match);
    return r instanceof chrono.ParsingComponents ? (context as unknown as Maker).createParsingResult(match.index!, match[0], r) : r;
  };
  return own;
}

function trimmed(keep: (name: string) => boolean): chrono.Chrono {
  const c = chrono.casual.clone();
  c.parsers = c.parsers.filter((p) => keep(p.constructor.name)).map(resulting);
  c.refiners = c.refiners.map(gatedRefiner);
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
    // its parsers' patterns, first run on a sentence, would be compiled to bytecode and then to machine code: a parse of
    // a long subject that holds no date compiles them to machine code at once (one-byte.ts compiledNow)
    c.parse(COMPILING_SUBJECT);
    narrowed.set(kept, c);
  }
  // `text` is the rules' one-byte view (extractors/_shared/one-byte.ts), where no gate names a stand-in. chrono reads "–"
  // as a range, as it does "-", and its stand-in as any other sign (the view's other stand-ins are all signs chrono tells
  // from no other): it gets the en dash back, and with it the same results as on the stored text
  return c.parse(text.includes('\x96') ? text.replace(EN_DASH, '–') : text, ref);
}
