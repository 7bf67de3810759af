// "Over the past several weeks, attackers have sent the fake invoices"  (a span ending on the day of publication)
import { defineRule, matches, span } from '../_shared/kit.ts';
import { classifyContext, tellsOfIncident } from './lib/context.ts';
import { DAY_MS, isoMonth } from './lib/iso.ts';

// the span fixes the date only to the month or year that holds all of it
const RECENT_SPAN = 0.3;
const SPAN = /\b(?:over|in|during|within|for)\s+the\s+(?:past|last)\s+(?:few|several|couple\s+of)\s+(days|weeks)\b/gi;
// how far back "a few days" and "a few weeks" reach
const REACH_DAYS: Record<string, number> = { days: 7, weeks: 28 };

/** The coarsest date holding every day from `back` days before publication to publication, or undefined across a new year. */
function holding(published: Date, back: number): string | undefined {
  const from = new Date(published.getTime() - back * DAY_MS);
  const y = published.getUTCFullYear();
  if (from.getUTCFullYear() !== y) return undefined;
  return from.getUTCMonth() === published.getUTCMonth() ? isoMonth(published) : String(y);
}

export default defineRule({
  field: 'date',
  examples: [
    { text: 'In the past few days, hackers have sent forged e-mails to government offices.', publishedAt: '2017-04-27', value: '2017-04' },
    { text: 'Over the past several weeks, we have seen phishing attacks aimed at travellers.', publishedAt: '2017-04-02', value: '2017' },
    // where the article tells of an attack, the span of what it tells of it
    { text: 'Phishing is rife. In the past few weeks the malware has masqueraded as the tax office.', publishedAt: '2018-11-20', value: '2018' },
  ],
  counterExamples: [
    'In the past few days, hackers have sent forged e-mails to government offices.',
    // a span that crosses New Year holds no single year
    { text: 'Over the past several weeks, we have seen phishing attacks aimed at travellers.', publishedAt: '2017-01-10' },
    { text: 'The city has spent the past two weeks restoring its services.', publishedAt: '2018-04-06' },
    { text: 'Over the past few weeks the team has hired four engineers.', publishedAt: '2018-04-06' },
  ],
  *propose(doc) {
    const published = doc.publishedAt;
    if (!published) return;
    for (const s of doc.sentences) {
      for (const m of matches(SPAN, s.text)) {
        const start = s.start + m.index;
        const end = start + m[0].length;
        const context = classifyContext(doc.text, s, start, end);
        const told = context === 'incident' || context === 'discovery' || (context === 'neutral' && tellsOfIncident(doc));
        const value = told && holding(published, REACH_DAYS[m[1]!.toLowerCase()]!);
        if (value) yield { value, confidence: RECENT_SPAN, evidence: [span(doc.text, start, end)], role: 'incident' };
      }
    }
  },
});
