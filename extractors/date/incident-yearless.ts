// "the hospital became aware of the unauthorized removal on Oct. 15"  (the year is stated elsewhere)
import { defineRule } from '../_shared/kit.ts';
import { proposeDates } from './lib/propose.ts';

const BORROWED_YEAR = 0.4; // month and day are stated, the year comes from publication or an earlier mention

export default defineRule({
  field: 'date',
  examples: [
    { text: 'In 2015 a nurse took files home. The hospital discovered the removal on Oct. 15 after police called.', value: '2015-10-15' },
    { text: 'Hackers broke into the network on March 3, the company said.', publishedAt: '2022-04-10', value: '2022-03-03' },
    { text: 'Hackers broke into the network on December 28, the firm said.', publishedAt: '2022-01-10', value: '2021-12-28' },
  ],
  counterExamples: [
    'Hackers broke into the network on March 3, the company said.',
    'The company was founded in 2001. It was incorporated on May 3.',
    'The firm will publish results on March 3.',
    // another victim's attack told for comparison, however long its name
    'In 2022 the trust was hacked. It follows a similar attack on the Upper Valley and Riverside Health Foundation Trust in October.',
  ],
  propose: (doc) => proposeDates(doc, (m) => m.kind === 'yearless' && (m.context === 'incident' || m.context === 'discovery'), BORROWED_YEAR),
});
