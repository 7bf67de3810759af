// The common body of the date rules: each picks the stated dates it trusts and gives them one confidence.
import { span, storyFocus, type AnalysedDoc, type DateRole, type Proposal } from '../../_shared/kit.ts';
import { dateMentions, withYear, type DateMention } from './mentions.ts';

// Reports tell the incident before its aftermath, so of two equally qualified dates the first is likelier;
// a mild discount keeps the order from overriding what the words around a date say.
const LATER_MENTION = 0.8;

// a date with nothing saying what it is the date of is proposed as the incident's: that is what reports mostly state
const ROLE: Record<DateMention['context'], DateRole> = {
  incident: 'incident',
  neutral: 'incident',
  discovery: 'discovery',
  disclosure: 'disclosure',
  report: 'report',
  excluded: 'background',
};
/** Which event a stated date is the date of, from the words around it. */
export const roleOf = (m: DateMention): DateRole => ROLE[m.context];

// A story about the public, a product or a trend (a scam wave, a report) tells no one incident: a year alone there, the
// year of publication or the one before ("earlier this year", "cybercrime in 2017"), is the time of the trend
const trendYear = (doc: AnalysedDoc, year: number) =>
  !!doc.publishedAt && doc.publishedAt.getUTCFullYear() - year <= 1 && doc.once('date/general-story', () => !storyFocus(doc.text, doc.title).victimIncident);

// the mention a later one is discounted against: the first that is neither excluded nor the report's own
const leads = (m: DateMention) => m.context !== 'excluded' && m.context !== 'report';

/**
 * The mentions `accept` takes, each with `confidence` (a later one discounted), as an array walked by index: a
 * generator with a for-of made TurboFan's compile of this several times larger.
 */
export function proposeDates(doc: AnalysedDoc, accept: (m: DateMention) => boolean, confidence: number): Proposal<'date'>[] {
  const all = dateMentions(doc);
  // a statement's day ahead of the incident's ("HipChat said in a Monday blog post … it detected the incident last
  // weekend") does not make the incident's a later mention
  const first = all.find(leads);
  const out: Proposal<'date'>[] = [];
  for (let i = 0; i < all.length; i++) {
    const m = all[i]!;
    if (!accept(m)) continue;
    const value = m.kind === 'relative' ? m.value : withYear(doc, m);
    if (!value || (value.length === 4 && trendYear(doc, +value))) continue;
    out.push({ value, confidence: m === first ? confidence : confidence * LATER_MENTION, evidence: [span(doc.text, m.start, m.end)], role: roleOf(m) });
  }
  return out;
}
