// Every date a document states, found once per document and shared by the date rules:
//   "On June 13, 2014, hackers …"  "in March 2021"  "Jan. 5"  "last Tuesday"  "in 2016"
// chrono-node is costly, so it only sees sentences a cheap regex has already selected, never the whole text.
import { matches, type AnalysedDoc, type Sentence } from '../../_shared/kit.ts';
import { MONTH_SOURCE } from '../../_shared/months.ts';
import type * as chrono from 'chrono-node';
import { absoluteChrono, parseDates, relativeChrono } from './chrono.ts';
import { classifyContext, type DateContext } from './context.ts';
import { pad } from './iso.ts';
import { PerDoc } from '../../_shared/per-doc.ts';
import { lastWeekDay, resolveRelative } from './relative.ts';

// \p{…} patterns live at module level: esbuild (tsx, the bundle) would rebuild a literal inside a function on each call
const ENDS_IN_LETTER = /\p{L}$/u;

export type DateKind = 'explicit' | 'yearless' | 'relative' | 'year';

export interface DateMention {
  /** ISO 8601 at the precision the text states. Yearless mentions carry "MM" or "MM-DD" only. */
  readonly value: string;
  readonly kind: DateKind;
  readonly start: number;
  readonly end: number;
  readonly sentence: Sentence;
  readonly context: DateContext;
  /** A bare year or a day naming an incident: "the 2015 breach", "the 2010 theft of a laptop", "Friday's attack". */
  readonly namesIncident: boolean;
  /** A bare year introduced by a preposition ("in 2016") rather than used as a modifier ("2011 tax returns"). */
  readonly governed: boolean;
  /** The year of a yearless mention that words beside it give: "in April last year". */
  readonly year?: number;
}

const MONTH_NAME = new RegExp(String.raw`\b(?:${MONTH_SOURCE})\b`);
// Years an incident report can plausibly be about; older numbers are mostly counts or codes.
const YEAR_SRC = '(?:19[89]\\d|20[0-3]\\d)';
const YEAR = new RegExp(`\\b${YEAR_SRC}\\b`);
// "In march 2009": chrono reads month names in any case; only the capitalised one is safe to look for alone ("may")
const MONTH_YEAR = /\b(?:jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?:of\s+)?(?:19|20)\d\d\b/i;
const NUMERIC_DATE = /\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{1,2}\/\d{4}\b/;
const RELATIVE_CUE = /\b(?:yesterday|today|last|this|past|ago|earlier|week(?:end)?|Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)(?:day)?\b/i;
const BARE_YEAR = new RegExp(`(?<![\\d$€£¥.,/])(?<![\\d/]-)${YEAR_SRC}(?![\\d%]|[.,]\\d|-\\d)`, 'g');
// "in 2016", "since 2020", "in early 2019", "the summer of 2015": the year itself is the time of something
const GOVERNOR = new RegExp(
  String.raw`\b(?:in|since|at\s+least|as\s+early\s+as|as\s+far\s+back\s+as|during|from|between|and|to|until|till|through` +
    String.raw`|throughout|of|around|circa|early|mid|late|end|beginning|spring|summer|fall|autumn|winter|year)[\s-]+$`,
  'i',
);

const RANGE_JOIN = /^\s*(?:and|to|through|until|till|-|[–\x96]|[—\x97])\s*$/i;
// "last week on Wednesday": chrono reads two dates, the words one day
const WEEK_THEN_DAY = /^\s*,?\s*(?:on\s+)?$/i;
// "in March this year": the month of publication's year, one date
const YEAR_OF_MONTH = /^this\s+year$/i;
// "began in April last year": the month of the year before; a month of last year is as often another event's as "last
// year" is, so it stays as weak as a month without a year, only in the right year
const LAST_YEAR = /^last\s+year$/i;
// "last year", "two years ago", "13 months ago": news tells its incident in days, weeks and months; a year back is another event's
const YEAR_BACK = /\b(?:last|past|previous)\s+year\b|\byears?\s+ago\b|\b(?:1[2-9]|[2-9]\d)\s+months\s+ago\b/i;

// "On February 28, the ministry disclosed that a breach earlier this month …": in reported speech a week or a month is
// counted from the day of the statement, not from the day of publication
const SPEECH_THAT = /\b(?:said|says|disclosed|announced|revealed|confirmed|reported|told\s+\S+|admitted|acknowledged)\s+(?:[^.;]*\s)?that\b/i;
const WEEK_OR_MONTH = /^(?:earlier\s+|later\s+)?(?:this|last|previous|past)\s+(?:week|month)$/i;

const INCIDENT_NOUN = new RegExp(
  String.raw`^\s+(?:[A-Za-z]+\s+)?(?:cyber-?attacks?|attacks?|breach(?:es)?|hacks?|hacking|theft|intrusions?|incidents?` +
    String.raw`|leaks?|compromise|ransomware\s+attack)\b`,
  'i',
);

// "a previous 2015 breach" is another incident
const EARLIER_ONE = /\b(?:previous|prior|earlier|another|separate|similar|former|last)\s+$/i;

const SOON_MS = 60 * 86_400_000;
// Reports are about recent events; "the first computer worm in 1988" in a 2024 article is history, and
// "In July 1692 the armies took the town" is older than any computer.
const FIRST_YEAR = 1980;
const MAX_AGE_YEARS = 10;
const tooOld = (doc: AnalysedDoc, year: number) => year < FIRST_YEAR || (!!doc.publishedAt && year < doc.publishedAt.getUTCFullYear() - MAX_AGE_YEARS);

// MONTH_NAME, YEAR or NUMERIC_DATE in one search (their sources joined, none has flags): a third of the time of three
const STATED = new RegExp(`${MONTH_NAME.source}|${YEAR.source}|${NUMERIC_DATE.source}`);

function selected(doc: AnalysedDoc, s: Sentence): boolean {
  return STATED.test(s.text) || (!!doc.publishedAt && RELATIVE_CUE.test(s.text));
}

// a month without its day stands only where a preposition governs it: "in March", "since early June"
const MONTH_GOVERNED = /\b(?:in|of|since|during|from|until|early|mid|late|last|this|between|and)[\s-]+(?:\w+\s+)?$/i;
// chrono drops a lone "May" unless "in" precedes it (the modal verb); "in mid-May" and "in early May" are the month
const MAY_PART = /\b(?:mid|early|late)[\s-]+(?=May\b)/g;
// (the pattern needs "May" written so: a sentence without it is handed on as it is, unsearched)
const forChrono = (text: string) => (text.includes('May') ? text.replace(MAY_PART, (m) => 'in'.padEnd(m.length)) : text);
type Found = Omit<DateMention, 'context' | 'governed' | 'namesIncident'> & { readonly possessive: boolean };
// every mention made with its fields in one order (object spreads of varying shapes were a tenth of the mentions' time)
const found = (value: string, kind: DateKind, start: number, end: number, sentence: Sentence, year?: number, possessive = false): Found => ({
  value,
  kind,
  start,
  end,
  sentence,
  year,
  possessive,
});
const withValue = (f: Found, kind: DateKind, value: string, end = f.end) => found(value, kind, f.start, end, f.sentence, f.year, f.possessive);

// "Friday's WannaCry ransomware attack", "yesterday's phishing scam": a day in the possessive names the incident itself
// (its noun after at most three words that qualify it); "today's adversaries", "Tuesday's election", "Monday's post",
// "Friday's report about the breach" and "today's ransomware gangs" name no incident
const DAY_OF_INCIDENT = new RegExp(
  String.raw`^['’\x92]s\s+(?:(?!(?:about|of|on|for|the|a|an|that|which|in|to|with|by|from|and|or)\s)[\w-]+\s+){0,3}?` +
    String.raw`(?:cyber-?attack|attack|breach|hack|intrusion|ransomware|phish|phishing\s+(?:scam|attack|campaign)|scam|outage` +
    String.raw`|infection|outbreak|leak)\b(?!['’\x92-]|\s+(?:gangs?|groups?|operators?|actors?|crews?|famil(?:y|ies)|strains?|variants?|threats?|landscape)\b)`,
  'i',
);
// "a ransomware attack, such as last month's cyber-attack on a hospital": another incident given as an example
const LIKE_ONE = /\b(?:such\s+as|like|unlike|including)\s+$/i;

/** The day of a statement that the words up to `at` report: "On February 28, the ministry disclosed that …". */
function statementDay(doc: AnalysedDoc, prev: Found, at: number): Date | undefined {
  if (!doc.publishedAt || (prev.kind !== 'explicit' && prev.kind !== 'yearless') || !SPEECH_THAT.test(doc.text.slice(prev.end, at))) return undefined;
  const day = /^(?:(\d{4})-)?(\d{2})-(\d{2})$/.exec(prev.value);
  if (!day) return undefined;
  const p = doc.publishedAt;
  let t = Date.UTC(day[1] ? +day[1] : p.getUTCFullYear(), +day[2]! - 1, +day[3]!);
  if (!day[1] && t > p.getTime()) t = Date.UTC(p.getUTCFullYear() - 1, +day[2]! - 1, +day[3]!);
  return t <= p.getTime() ? new Date(t) : undefined;
}

function fromChrono(doc: AnalysedDoc, s: Sentence, r: chrono.ParsedResult, spoken?: Date): Found | undefined {
  const c = r.start;
  const start = s.start + r.index;
  const end = start + r.text.length;
  const text = r.text;
  const stated = MONTH_NAME.test(text) || YEAR.test(text) || NUMERIC_DATE.test(text);
  if (stated) {
    if (!c.isCertain('month')) return undefined; // a time of day, or a bare number chrono stretched into a date
    const md = c.isCertain('day') ? `${pad(c.get('month')!)}-${pad(c.get('day')!)}` : pad(c.get('month')!);
    // "1 January through 22 June 2016": the start of a range takes its year from the end (the year before when its month is later)
    const endYear = !c.isCertain('year') && r.end?.isCertain('year') && r.end.isCertain('month') ? r.end.get('year')! : undefined;
    const year = c.isCertain('year') ? c.get('year')! : endYear && (c.get('month')! > r.end!.get('month')! ? endYear - 1 : endYear);
    if (year) {
      if (!YEAR.test(text) && !/\d{2}$/.test(text)) return undefined;
      if (tooOld(doc, year)) return undefined;
      // after publication it is a deadline or a plan, never the incident
      if (doc.publishedAt && Date.UTC(year, c.get('month')! - 1, c.get('day') ?? 1) > doc.publishedAt.getTime() + 86_400_000) return undefined;
      return found(`${year}-${md}`, 'explicit', start, end, s);
    }
    // "May" is a month and a modal verb; a month name alone only counts when it reads like a date
    if (!c.isCertain('day') && !MONTH_GOVERNED.test(s.text.slice(0, r.index))) return undefined;
    return found(md, 'yearless', start, end, s);
  }
  if (!doc.publishedAt) return undefined;
  // "Pokémon": chrono reads the "mon" after a letter its word boundary does not know as Monday
  if (ENDS_IN_LETTER.test(s.text.slice(0, r.index))) return undefined;
  const before = s.text.slice(Math.max(0, r.index - 12), r.index);
  const after = s.text.slice(r.index + text.length, r.index + text.length + 3);
  const anchored = spoken && WEEK_OR_MONTH.test(text) ? parseDates(relativeChrono, text, { instant: spoken, timezone: 0 })[0] : undefined;
  const possessive = DAY_OF_INCIDENT.test(s.text.slice(r.index + text.length, r.index + text.length + 60)) && !LIKE_ONE.test(before);
  // a day naming an incident is no length of time, whatever precedes it: "no data was taken in yesterday's scam"
  const [lead, next] = possessive ? ['', ''] : [before, after];
  const value = anchored ? resolveRelative(text, lead, anchored, spoken!, next) : resolveRelative(text, lead, r, doc.publishedAt, next);
  return value ? found(value, 'relative', start, end, s, undefined, possessive) : undefined;
}

// chrono's reference day for an undated document: one for every sentence, as a dated document's publication day is (chrono
// reads its reference and never changes it)
const NO_PUBLICATION = new Date(Date.UTC(2000, 0, 1));

function mentionsIn(doc: AnalysedDoc, s: Sentence): DateMention[] {
  const out: Found[] = [];
  const ref = doc.publishedAt ?? NO_PUBLICATION;
  // chrono reads no bare years, so a sentence with nothing else is left to the year pattern
  const parser =
    doc.publishedAt && RELATIVE_CUE.test(s.text)
      ? relativeChrono
      : MONTH_NAME.test(s.text) || MONTH_YEAR.test(s.text) || NUMERIC_DATE.test(s.text)
        ? absoluteChrono
        : undefined;
  for (const r of parser ? parseDates(parser, forChrono(s.text), { instant: ref, timezone: 0 }) : []) {
    const prev = out[out.length - 1];
    const m = fromChrono(doc, s, r, prev && statementDay(doc, prev, s.start + r.index));
    if (!m) continue;
    // "between Jan. 5 and Feb. 2, 2019": the start of a range takes its year from the end
    if (prev?.kind === 'yearless' && m.kind === 'explicit' && RANGE_JOIN.test(doc.text.slice(prev.end, m.start))) {
      const y = +m.value.slice(0, 4);
      out[out.length - 1] = withValue(prev, 'explicit', `${+m.value.slice(5, 7) < +prev.value.slice(0, 2) ? y - 1 : y}-${prev.value}`);
    }
    // "in March this year": the month takes the year of publication
    const ofYear = prev?.kind === 'yearless' && m.kind === 'relative' && /^\s*(?:of\s+)?$/.test(doc.text.slice(prev.end, m.start));
    if (ofYear && YEAR_OF_MONTH.test(r.text)) {
      out[out.length - 1] = withValue(prev, 'explicit', `${m.value.slice(0, 4)}-${prev.value}`, m.end);
      continue;
    }
    if (ofYear && LAST_YEAR.test(r.text)) {
      const year = +m.value.slice(0, 4);
      out[out.length - 1] = found(prev.value, prev.kind, prev.start, m.end, prev.sentence, year, prev.possessive);
      // "between September 29 and December 29 last year": the start of the range too
      const first = out[out.length - 2];
      if (first?.kind === 'yearless' && RANGE_JOIN.test(doc.text.slice(first.end, prev.start))) {
        const itsYear = +prev.value.slice(0, 2) < +first.value.slice(0, 2) ? year - 1 : year;
        out[out.length - 2] = found(first.value, first.kind, first.start, first.end, first.sentence, itsYear, first.possessive);
      }
      continue;
    }
    const day = prev?.kind === 'relative' && m.kind === 'relative' && WEEK_THEN_DAY.test(doc.text.slice(prev.end, m.start)) && doc.publishedAt;
    const joined = day && lastWeekDay(doc.text.slice(prev.start, m.end), day);
    if (joined) {
      out[out.length - 1] = withValue(prev, prev.kind, joined, m.end);
      continue;
    }
    out.push(m);
  }
  const years: Found[] = [];
  for (const m of matches(BARE_YEAR, s.text)) {
    const start = s.start + m.index;
    const end = start + 4;
    if (out.some((x) => x.start < end && start < x.end)) continue;
    if ((doc.publishedAt && +m[0] > doc.publishedAt.getUTCFullYear()) || tooOld(doc, +m[0])) continue;
    years.push(found(m[0], 'year', start, end, s));
  }
  return [...out, ...years]
    .sort((a, b) => a.start - b.start)
    .map(
      (m): DateMention => ({
        value: m.value,
        kind: m.kind,
        start: m.start,
        end: m.end,
        sentence: m.sentence,
        year: m.year,
        context:
          m.kind === 'relative' && m.value.length <= 7 && YEAR_BACK.test(doc.text.slice(m.start, m.end))
            ? 'excluded'
            : classifyContext(doc.text, m.sentence, m.start, m.end),
        namesIncident:
          !!m.possessive ||
          (m.kind === 'year' && INCIDENT_NOUN.test(doc.text.slice(m.end, m.end + 40)) && !EARLIER_ONE.test(doc.text.slice(Math.max(0, m.start - 12), m.start))),
        governed: m.kind !== 'year' || GOVERNOR.test(doc.text.slice(Math.max(m.sentence.start, m.start - 24), m.start)),
      }),
    );
}

/** All dates the document states, in text order; computed once per document. */
export function dateMentions(doc: AnalysedDoc): readonly DateMention[] {
  return MENTIONS.of(doc);
}
const MENTIONS = new PerDoc('date/mentions', allMentions);

// (indexed loops, no spread: this runs once per document, and TurboFan compiled a for-of and a spread several times larger)
function allMentions(doc: AnalysedDoc): DateMention[] {
  const found: DateMention[] = [];
  const sentences = doc.sentences;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    if (!selected(doc, s)) continue;
    const some = mentionsIn(doc, s);
    for (let j = 0; j < some.length; j++) found.push(some[j]!);
  }
  return found;
}

/**
 * The full date of a yearless mention ("on Oct. 15"): the latest such day not after publication, else the year
 * stated most recently before it in the text, which is how reports carry a year forward, else the next one stated.
 */
export function withYear(doc: AnalysedDoc, m: DateMention): string | undefined {
  if (m.kind !== 'yearless') return m.kind === 'relative' ? undefined : m.value;
  const all = dateMentions(doc);
  const i = all.indexOf(m);
  if (m.year) return `${m.year}-${m.value}`;
  const month = +m.value.slice(0, 2);
  const dated = (x: DateMention) => (x.kind === 'explicit' || x.kind === 'year') && x.context !== 'excluded';
  // "The 2015 incident started around Dec 26": a year stated earlier in the same sentence is the day's
  for (let j = i - 1; j >= 0 && all[j]!.sentence === m.sentence; j--) if (dated(all[j]!)) return `${all[j]!.value.slice(0, 4)}-${m.value}`;
  if (doc.publishedAt) {
    const p = doc.publishedAt;
    const y = p.getUTCFullYear();
    const ahead = Date.UTC(y, month - 1, m.value.length > 2 ? +m.value.slice(3) : 1) - p.getTime();
    // a few weeks after publication is a deadline or plan in the same year; months after, last year's
    if (ahead > 0 && ahead < SOON_MS) return undefined;
    return `${ahead > 0 ? y - 1 : y}-${m.value}`;
  }
  for (let j = i - 1; j >= 0; j--) if (dated(all[j]!)) return `${all[j]!.value.slice(0, 4)}-${m.value}`;
  // a report may give the year only later: "installed on June 5 … removed by July 11, 2017"
  for (let j = i + 1; j < all.length; j++) if (dated(all[j]!)) return `${all[j]!.value.slice(0, 4)}-${m.value}`;
  return undefined;
}
