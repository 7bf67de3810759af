// "A laptop containing patient records, October 11, 2012."  (a date with nothing saying what it is the date of)
import { defineRule } from '../_shared/kit.ts';
import { proposeDates } from './lib/propose.ts';
import { tellsOfIncident } from './lib/context.ts';

const UNQUALIFIED_DATE = 0.3; // incident summaries mostly state only the incident's date

export default defineRule({
  field: 'date',
  examples: [
    { text: 'Laptop with patient records, October 11, 2012.', value: '2012-10-11' },
    { text: 'Data of 5,000 customers leaked. June 2019.', value: '2019-06' },
    // a day without its year takes it from the publication
    {
      text: 'Customer records were exposed. The researcher says he contacted the retailer on Feb 7, without an answer.',
      publishedAt: '2021-03-21',
      value: '2021-02-07',
    },
  ],
  counterExamples: [
    'The company was founded in March 1998.',
    'Hackers stole the data on June 13, 2014.',
    'Nothing else was known.',
    'The conference on IT security will take place on 14–15 May 2025 in Bochum.',
    'Start date: 1 September 2024. Apply with your CV by 31 July 2024.',
    // nothing tells of an incident
    { text: 'The researcher says he contacted the retailer on Feb 7, without an answer.', publishedAt: '2021-03-21' },
    // the day of a statement
    { text: 'Customer records were exposed. In a March 19 tweet, the chain said the flaw was fixed.', publishedAt: '2021-03-21' },
    // the span a study's data covers; a product's launch
    'The researchers examined breach data for the period October 2009-December 2016.',
    'The game first went live on phones in September 2016.',
    'The game came to tablets first, followed by the phone version on March 23, 2017.',
  ],
  // a day without its year is dated by the publication ("contacted the firm on Feb 7")
  propose: (doc) =>
    proposeDates(
      doc,
      (m) => m.context === 'neutral' && (m.kind === 'explicit' || (m.kind === 'yearless' && m.value.length === 5 && !!doc.publishedAt && tellsOfIncident(doc))),
      UNQUALIFIED_DATE,
    ),
});
