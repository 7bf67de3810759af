// "The company notified affected customers on July 2, 2014"  (after the fact, but close to the incident)
import { defineRule } from '../_shared/kit.ts';
import { proposeDates } from './lib/propose.ts';

const AFTER_THE_FACT = 0.35; // announcements, notices and court dates follow the incident, often in the same year

export default defineRule({
  field: 'date',
  examples: [
    { text: 'The laptop was stolen. Customers were notified by letter on July 2, 2014.', value: '2014-07-02' },
    { text: 'Motley, who sold stolen identities, pleaded guilty to those charges in May 2013.', value: '2013-05' },
    { text: 'The university announced in 2016 that records were exposed.', value: '2016' },
    // the day of a statement stands in only when nothing dates the incident itself
    { text: 'Hackers stole patient files, the clinic said in a letter on March 3, 2022.', value: '2022-03-03' },
  ],
  counterExamples: [
    'The company was founded in March 1998.',
    'The report published on June 2, 2021 lists the largest firms.',
    'Hackers stole the data on June 13, 2014.',
    'Hospitals reported breaches of 11 million records, nine times as many as in 2014.',
    // the day a report came out: it may tell of older mail runs, not of this one
    'Malspam still spreads the banking trojan. Occasionally I find a report like this one from 2016-12-19, where the same mix was sent.',
  ],
  propose: (doc) =>
    proposeDates(
      doc,
      (m) => (m.context === 'disclosure' || m.context === 'report') && (m.kind === 'explicit' || (m.kind === 'year' && m.governed)),
      AFTER_THE_FACT,
    ),
});
