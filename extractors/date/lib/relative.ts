// Resolves a relative date chrono found ("last Tuesday", "earlier this month", "yesterday", "two days ago")
// against the publication date, at the precision the words carry.
import type { ParsedResult } from 'chrono-node';
import { DAY_MS, isoDay, isoMonth } from './iso.ts';

// "within two weeks", "for 3 months", "in 24 hours", "next week": spans of time or the future, not a past moment
const DURATION_BEFORE = /\b(?:(?:in|over|during|within|for)\s+the|within|for|in|next|over|after|every|each|up\s+to|about|nearly|almost|than)\s*$/i;
const DURATION_TEXT = /^(?:within|for|in|next|after)\b|\bnext\b|\b(?:now|tonight|tomorrow|hours?|minutes?|seconds?)\b/i;
// a count of units without "ago" is a length of time: "the past 2 years"
const PAST_WEEKEND = /\b(?:over|during)\s+the\s*$/i;
const COUNTED = /\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+(?:days?|weeks?|months?|years?)\b/i;
const YEAR_WORD = /\byears?\b/i;
const MONTH_WORD = /\b(?:months?|weeks?)\b/i;
// "Wednesday of last week", "last week on Wednesday": the weekday of the calendar week before publication's
const LAST_WEEK = /\b(?:last|previous|past)\s+week\b|\bweek\s+before\s+last\b/i;
const THIS_WEEK = /^(?:earlier\s+)?this\s+week$/i;
const WEEKDAY = /\b(Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day\b/i;
const WEEKDAYS = ['sun', 'mon', 'tues', 'wednes', 'thurs', 'fri', 'satur'];

/** The day a weekday named with "last week" falls on (weeks start on Monday), or undefined when the words are not that. */
export function lastWeekDay(text: string, ref: Date): string | undefined {
  const wd = WEEKDAY.exec(text);
  if (!wd || !LAST_WEEK.test(text)) return undefined;
  const day = WEEKDAYS.indexOf(wd[1]!.toLowerCase());
  const monday = Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth(), ref.getUTCDate()) - ((ref.getUTCDay() + 6) % 7) * DAY_MS;
  return isoDay(monday - 7 * DAY_MS + ((day + 6) % 7) * DAY_MS);
}

export function resolveRelative(text: string, before: string, r: ParsedResult, ref: Date, after = ''): string | undefined {
  // "Today's adversaries": a noun, not a date
  if (/^['’\x92]s\b/.test(after)) return undefined;
  // "over the weekend" in news is the one just past, not a span of time
  const pastWeekend = /^weekend\b/i.test(text) && PAST_WEEKEND.test(before);
  if ((DURATION_BEFORE.test(before) && !pastWeekend) || DURATION_TEXT.test(text)) return undefined;
  if (COUNTED.test(text) && !/\bago\b/i.test(text)) return undefined;
  const inLastWeek = lastWeekDay(text, ref);
  if (inLastWeek) return inLastWeek;
  // "this week" ends on the day of publication; chrono may start it on a Sunday of the month before
  if (THIS_WEEK.test(text)) return isoMonth(ref);
  const c = r.start;
  let t = Date.UTC(c.get('year')!, c.get('month')! - 1, c.get('day')!);
  // news says "on Monday" for the Monday just past; chrono may pick the coming one
  if (c.isCertain('weekday') && !c.isCertain('day') && t > ref.getTime()) t -= 7 * DAY_MS;
  if (t > ref.getTime() + DAY_MS) return undefined;
  const d = new Date(t);
  const y = d.getUTCFullYear();
  if (YEAR_WORD.test(text)) return String(y);
  if (MONTH_WORD.test(text)) return isoMonth(d);
  return isoDay(t);
}
