// "Bright Horizons learned on January 8, 2014 that one of its web sites was accessible"  /  "the breach was discovered in March 2021"
import { defineRule } from '../_shared/kit.ts';
import { proposeDates } from './lib/propose.ts';

const FOUND_OUT_DATE = 0.72; // discovery follows the incident, often within days

export default defineRule({
  field: 'date',
  examples: [
    { text: 'According to the letter, Bright Horizons learned on January 8, 2014 that one of its web sites was accessible.', value: '2014-01-08' },
    { text: 'In March 2021 the company discovered that its servers had been encrypted.', value: '2021-03' },
    { text: 'The school detected the intrusion on 20 November 2022 and alerted authorities.', value: '2022-11-20' },
    // "March this year" is one date: the month of the publication's year
    { text: 'The airline discovered suspicious activity on its network in March this year.', publishedAt: '2018-10-25', value: '2018-03' },
    // finding out in other words
    { text: 'We determined on April 3, 2020, that an unauthorized party may have accessed the platform.', value: '2020-04-03' },
    { text: 'The breach first came to its attention on June 9, 2021, when a reporter called.', value: '2021-06-09' },
  ],
  counterExamples: [
    'The company was founded in March 1998 and employs 4,000 people.',
    'Hackers broke into the network on June 13, 2014.',
    'Customers were notified by letter on July 2, 2014.',
  ],
  propose: (doc) => proposeDates(doc, (m) => m.kind === 'explicit' && m.context === 'discovery', FOUND_OUT_DATE),
});
