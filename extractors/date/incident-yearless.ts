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
    // chrono drops a "May" that "in" does not precede (the modal verb); "in mid-May" is the month
    { text: 'The firm said the unauthorized access began in mid-May.', publishedAt: '2021-09-14', value: '2021-05' },
    // "last year" gives the month its year; the month stays as weak as one without a year
    { text: 'Officials said the intrusion at the ministry began in April last year.', publishedAt: '2021-04-14', value: '2020-04' },
    { text: 'Stores were infected between October 3 and December 20 last year.', publishedAt: '2021-04-14', value: '2020-10-03' },
    // a year stated earlier in the same sentence is the day's, whatever the publication date
    { text: 'The 2019 intrusion began around Nov 14, the retailer said in its filing.', publishedAt: '2021-04-20', value: '2019-11-14' },
  ],
  counterExamples: [
    'Hackers broke into the network on March 3, the company said.',
    'The company was founded in 2001. It was incorporated on May 3.',
    'The firm will publish results on March 3.',
    // a count over many incidents is dated, not an incident
    'In March, the number of computers infected by ransomware hit its peak for the year.',
    'While the statistics for this January are not in yet, researchers expect another spike in phishing.',
    // the day of a statement, not of the incident: "said in March"
    { text: 'The man defrauded two firms of millions, prosecutors said in March.', publishedAt: '2021-04-28' },
    // the day the incident was owned up to
    { text: 'In April, the retailer publicly acknowledged the breach.', publishedAt: '2021-06-12' },
    // a late step: the day the victim found out, not the day of the breach
    { text: 'The shop says it was not aware of any breach until March 3, when a reporter called.', publishedAt: '2021-04-02' },
    // "May" the modal verb
    { text: 'Attackers may have stolen the data, the firm said.', publishedAt: '2021-09-14' },
    // another victim's attack told for comparison, however long its name
    'In 2022 the trust was hacked. It follows a similar attack on the Upper Valley and Riverside Health Foundation Trust in October.',
  ],
  propose: (doc) => proposeDates(doc, (m) => m.kind === 'yearless' && (m.context === 'incident' || m.context === 'discovery'), BORROWED_YEAR),
});
