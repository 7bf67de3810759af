// "On Monday, the security firm disclosed the spyware"  (the day of the report, when the article dates nothing else)
import { defineRule } from '../_shared/kit.ts';
import { dateMentions, type DateMention } from './lib/mentions.ts';
import { proposeDates } from './lib/propose.ts';

// A news story that dates only its report tells of something found just before it: the report's day or month is
// the closest the article comes to the incident's, and a weak answer at that.
const ONLY_THE_REPORT = 0.25;
// the lead says what the story reports; a statement quoted further down is commentary
const LEAD_CHARS = 800;
// "today" is the article's own day, and "as I wrote", "we reported" the outlet's own earlier story: neither dates an event
const OWN_DAY = /^today$/i;
const OWN_WORDS = /\b(?:I|we)\s+(?:\w+\s+){0,2}$/i;

export default defineRule({
  field: 'date',
  examples: [
    { text: 'On Monday, researchers at a security firm disclosed spyware that infected phones.', publishedAt: '2017-04-04', value: '2017-04-03' },
    { text: 'Earlier this month it was widely reported that hackers claimed to hold a studio’s film.', publishedAt: '2017-05-31', value: '2017-05' },
  ],
  counterExamples: [
    // the article dates the incident itself: its report's day is no answer
    { text: 'Hackers broke into the network on Saturday. On Monday, the firm disclosed the breach.', publishedAt: '2017-04-04' },
    { text: 'On Monday, researchers disclosed spyware that infected phones.' },
    { text: 'Researchers published a report today that reveals a spyware campaign.', publishedAt: '2017-04-04' },
    { text: 'As I wrote earlier this month, extortion attacks on firms keep rising.', publishedAt: '2017-04-04' },
    // the press's reports are no date of an incident: "after national reports in the press this week"
    { text: 'After national reports in the press this week, the bank warned customers about fake texts.', publishedAt: '2017-03-24' },
    // a report coming is no date of anything that happened
    { text: 'The firm will disclose the details of the breach next week.', publishedAt: '2017-04-04' },
  ],
  propose: (doc) => {
    const all = dateMentions(doc);
    const other = all.some((m) => m.context !== 'excluded' && m.context !== 'disclosure' && m.context !== 'report');
    const own = (m: DateMention) =>
      OWN_DAY.test(doc.text.slice(m.start, m.end)) || OWN_WORDS.test(doc.text.slice(Math.max(m.sentence.start, m.start - 30), m.start));
    const reported = (m: DateMention) => m.kind === 'relative' && (m.context === 'disclosure' || m.context === 'report') && m.start < LEAD_CHARS;
    return proposeDates(doc, (m) => !other && reported(m) && !own(m), ONLY_THE_REPORT);
  },
});
