// "Last Tuesday morning I opened the admin panel and the order history was empty."
import { defineRule } from '../_shared/kit.ts';
import { proposeDates } from './lib/propose.ts';
import { tellsOfIncident } from './lib/context.ts';

const RELATIVE_UNQUALIFIED = 0.35; // news tells its events in relative days; nothing says this one is the incident

export default defineRule({
  field: 'date',
  examples: [
    {
      text: 'Last Tuesday morning I opened the admin panel and the order history was empty. A ransom note was left.',
      publishedAt: '2017-01-13',
      value: '2017-01-10',
    },
    { text: 'Staff arrived on Monday to find every screen showing a ransom message.', publishedAt: '2023-07-20', value: '2023-07-17' },
  ],
  counterExamples: [
    'Last Tuesday morning I opened the admin panel and the order history was empty.',
    { text: 'The city announced on Monday that services were back.', publishedAt: '2023-07-20' },
    { text: "Today's adversaries don't sleep, and ransomware crews even less.", publishedAt: '2024-02-12' },
    { text: 'Staff will return to the office next week.', publishedAt: '2023-07-20' },
    { text: 'Classes are expected to resume on Monday.', publishedAt: '2023-07-20' },
    { text: 'Last year, the agency warned of a wave of tax-season phishing. A ransom note was found.', publishedAt: '2023-07-20' },
    // the day of a product's release or patch, not of an attack: "released to the public on Monday", "on Tuesday patched"
    { text: 'Version 18.2, released to the public on Monday, closes a hole that let a ransom page lock the browser.', publishedAt: '2023-07-20' },
    { text: 'The chip maker on Tuesday patched three flaws. No ransom was reported.', publishedAt: '2023-07-20' },
    { text: 'Fixes for the ransom-page flaw arrive during a busy patch Tuesday week.', publishedAt: '2023-07-20' },
  ],
  propose: (doc) => proposeDates(doc, (m) => tellsOfIncident(doc) && m.kind === 'relative' && m.context === 'neutral', RELATIVE_UNQUALIFIED),
});
