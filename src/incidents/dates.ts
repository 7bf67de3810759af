// Dates at the precision they are known (YYYY, YYYY-MM, YYYY-MM-DD) as day intervals, and the windows
// within which two articles' dates still tell one incident.
const DAY = 86_400_000;

/** Two incident dates this far apart (days between their intervals) are still one incident: articles disagree by weeks. */
export const INCIDENT_DATE_SLACK = 31;
/** An article is published at most this long after the incident it reports, and rarely a few days "before" (time zones, embargoes). */
const REPORT_LAG = 120;
const REPORT_LEAD = 7;
/** Two articles without an incident date tell one incident when published this close together. */
export const PUBLISH_WINDOW = 45;
/**
 * Two articles on one victim published this close together tell one incident whatever dates they extracted:
 * publication dates are exact, extracted incident dates are often another event the article recalls.
 */
export const SAME_NEWS_CYCLE = 14;
/** …unless their incident dates are this far apart: an article published this week can be about a breach years ago. */
export const FAR_APART = 300;

export interface Interval {
  start: number;
  end: number;
}

// interval's answers: placing an article compares its dates with each candidate's and each date value's with the
// others', the same few dates over and over (emptied when full). Shared: callers only read them.
const intervals = new Map<string, Interval | null>();
const INTERVALS_MAX = 20_000;

/** A date (YYYY, YYYY-MM, YYYY-MM-DD, or an ISO timestamp) as the interval of days it covers; null when unreadable. */
export function interval(date: string | null | undefined): Interval | null {
  const key = date ?? '';
  let out = intervals.get(key);
  if (out === undefined) {
    if (intervals.size >= INTERVALS_MAX) intervals.clear();
    intervals.set(key, (out = intervalOf(key)));
  }
  return out;
}

function intervalOf(date: string): Interval | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) - 1 : null;
  const d = m[3] ? Number(m[3]) : null;
  if ((mo != null && (mo < 0 || mo > 11)) || (d != null && (d < 1 || d > 31))) return null;
  if (mo == null) return { start: Date.UTC(y, 0, 1) / DAY, end: Date.UTC(y, 11, 31) / DAY };
  if (d == null) return { start: Date.UTC(y, mo, 1) / DAY, end: Date.UTC(y, mo + 1, 0) / DAY };
  const day = Date.UTC(y, mo, d) / DAY;
  return { start: day, end: day };
}

/** Days between two intervals, 0 when they overlap. */
export function gap(a: Interval, b: Interval): number {
  return Math.max(0, a.start - b.end, b.start - a.end);
}

/** An article published at `pub` can report an incident that happened at `at`. */
export function reports(pub: Interval, at: Interval): boolean {
  return pub.end >= at.start - REPORT_LEAD && pub.start - at.end <= REPORT_LAG;
}

/** The month (YYYY-MM) or year of a date, for incident ids; null when unreadable. */
export function monthOf(date: string | null | undefined): string | null {
  const m = /^(\d{4})(-\d{2})?/.exec(date ?? '');
  return m ? m[1]! + (m[2] ?? '') : null;
}
